package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.engine.LabSqlState.ClientSession;

/**
 * {@code sp_who [[@loginame =] 'login' | session ID | 'ACTIVE']}: the columns of sql-docs sp-who-transact-sql in
 * its order (spid, ecid, status, loginame, hostname, blk, dbname, cmd, request_id). "ACTIVE excludes sessions that
 * are waiting for the next command from the user." The documented nchar and char columns come as nvarchar of the
 * same length: the lab has no fixed-length character types.
 */
final class SpWho {

	static final List<Column> COLUMNS = List.of(new Column("spid", SqlType.SMALLINT),
			new Column("ecid", SqlType.SMALLINT), new Column("status", SqlType.nvarchar(30)),
			new Column("loginame", SqlType.nvarchar(128)), new Column("hostname", SqlType.nvarchar(128)),
			new Column("blk", SqlType.nvarchar(5)), new Column("dbname", SqlType.nvarchar(128)),
			new Column("cmd", SqlType.nvarchar(16)), new Column("request_id", SqlType.INT));

	private static final String WAITING = "AWAITING COMMAND";

	private final List<List<Object>> rows = new ArrayList<>();

	private SpWho() {
	}

	/** @param filter {@code @loginame}: null for all, {@code active}, a session id or a login */
	static Outcome run(LabSqlState state, Iterable<SqlSession> live, SqlSession caller, String filter) {
		SpWho who = new SpWho();
		for (int spid = 1; spid <= SpWho2.BACKGROUND.size(); spid++) {
			who.add(spid, "background", "sa", "", "master", SpWho2.BACKGROUND.get(spid - 1));
		}
		for (ClientSession s : state.sessions) {
			who.add(s.sessionId(), "sleeping", s.loginName(), s.hostName(), s.database(), WAITING);
		}
		for (SqlSession s : live) {
			boolean self = s.spid() == caller.spid();
			who.add(s.spid(), self ? "runnable" : "sleeping", s.login(), s.hostName(), s.database(),
					self ? "SELECT" : WAITING);
		}
		return new Outcome.Rows(COLUMNS, who.rows.stream().filter(row -> matches(row, filter)).toList());
	}

	/** blk is "0" (no blocker): nothing in the lab holds locks. */
	private void add(int spid, String status, String login, String host, String database, String command) {
		rows.add(List.of(spid, 0, status, login, host == null ? "" : host, "0", database, command,
				0));
	}

	private static boolean matches(List<Object> row, String filter) {
		if (filter == null) {
			return true;
		}
		String wanted = filter.strip();
		if (wanted.equalsIgnoreCase("active")) {
			return !WAITING.equals(row.get(7));
		}
		return wanted.equals(row.get(0).toString()) || wanted.equalsIgnoreCase((String) row.get(3));
	}

}
