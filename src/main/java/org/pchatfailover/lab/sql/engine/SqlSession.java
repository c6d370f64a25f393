package org.pchatfailover.lab.sql.engine;

/**
 * A connected client: session id (@@SPID), login, current database; {@code kill} ends its connection.
 */
public final class SqlSession {

	private final int spid;

	private final String login;

	private final String hostName;

	private final String programName;

	private final Runnable kill;

	private volatile String database;

	SqlSession(int spid, String login, String hostName, String programName, String database, Runnable kill) {
		this.spid = spid;
		this.login = login;
		this.hostName = hostName;
		this.programName = programName;
		this.database = database;
		this.kill = kill;
	}

	public int spid() {
		return spid;
	}

	public String login() {
		return login;
	}

	public String hostName() {
		return hostName;
	}

	public String programName() {
		return programName;
	}

	public String database() {
		return database;
	}

	void database(String database) {
		this.database = database;
	}

	void kill() {
		kill.run();
	}

}
