package org.pchatfailover.lab.sql.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

	private final boolean encrypted;

	private final Object cancel = new Object();

	private boolean cancelled;

	private final java.util.Map<Integer, String[]> prepared = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger nextHandle = new java.util.concurrent.atomic.AtomicInteger(1);

	private final SessionTransaction transaction;

	private final SessionOptions options = new SessionOptions();

	SqlSession(int spid, String login, String hostName, String programName, String database, boolean encrypted,
			Runnable kill) {
		this.spid = spid;
		this.encrypted = encrypted;
		this.login = login;
		this.hostName = hostName;
		this.programName = programName;
		this.database = database;
		this.kill = kill;
		this.transaction = new SessionTransaction(spid);
	}

	/** {@code @@TRANCOUNT} of the session. */
	public int trancount() {
		return transaction.count();
	}

	SessionTransaction transaction() {
		return transaction;
	}

	SessionOptions options() {
		return options;
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

	/** sp_prepare / sp_prepexec: keeps declarations and statement under a new handle. */
	int prepare(String declarations, String statement) {
		int handle = nextHandle.getAndIncrement();
		prepared.put(handle, new String[] { declarations, statement });
		return handle;
	}

	/** Declarations and statement of a prepared handle, or null. */
	String[] prepared(int handle) {
		return prepared.get(handle);
	}

	boolean unprepare(int handle) {
		return prepared.remove(handle) != null;
	}

	void kill() {
		kill.run();
	}

	/** TLS carries the whole connection (sys.dm_exec_connections.encrypt_option). */
	public boolean encrypted() {
		return encrypted;
	}

	/** A new request starts: an attention received before it no longer applies. */
	public void startRequest() {
		synchronized (cancel) {
			cancelled = false;
		}
	}

	/** The client sent an attention: the running request stops at its next statement or wait. */
	public void cancel() {
		synchronized (cancel) {
			cancelled = true;
			cancel.notifyAll();
		}
	}

	public boolean cancelled() {
		synchronized (cancel) {
			return cancelled;
		}
	}

	/** WAITFOR DELAY: waits, unless an attention cancels the request first; true when the time passed. */
	boolean waitUnlessCancelled(Duration delay) {
		long deadline = System.nanoTime() + delay.toNanos();
		synchronized (cancel) {
			try {
				long left = delay.toNanos();
				while (!cancelled && left > 0) {
					TimeUnit.NANOSECONDS.timedWait(cancel, left);
					left = deadline - System.nanoTime();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				cancelled = true;
			}
			return !cancelled;
		}
	}

}
