package org.pchatfailover.lab.sql.engine;

import org.pchatfailover.lab.sql.engine.LabSqlState.ClientSession;

/**
 * {@code sys.sysprocesses} ({@code master.dbo.sysprocesses}), the SQL Server 2000 compatibility view every release
 * keeps: one row per execution context (ecid 0 is the session itself; the lab runs no parallel workers). The
 * product reads it on SQL Server 2008 R2, whose sys.dm_exec_sessions has no database_id. status, cmd and the
 * names are nchar on SQL Server; the lab sends them unpadded.
 */
final class SysProcesses {

	private static final SqlType NAME = SqlType.nvarchar(128);

	private final SessionRegistry sessions;

	SysProcesses(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	Table table(LabSqlState state, SqlSession caller) {
		Table.Builder table = Table.named("sysprocesses").column("spid", SqlType.SMALLINT)
			.column("kpid", SqlType.SMALLINT).column("blocked", SqlType.SMALLINT).column("dbid", SqlType.SMALLINT)
			.column("ecid", SqlType.SMALLINT).column("open_tran", SqlType.SMALLINT)
			.column("status", SqlType.nvarchar(30)).column("hostname", NAME).column("program_name", NAME)
			.column("cmd", SqlType.nvarchar(16)).column("loginame", NAME);
		for (int spid = 1; spid <= SpWho2.BACKGROUND.size(); spid++) {
			// system sessions: no client, so host and program are blank (not NULL) as in sysprocesses
			table.row(spid, 0, 0, 1, 0, 0, "background", "", "", SpWho2.BACKGROUND.get(spid - 1), "sa");
		}
		for (ClientSession s : state.sessions) {
			table.row(s.sessionId(), 0, 0, SystemViews.databaseId(state, s.database()), 0, 0, "sleeping",
					blank(s.hostName()), blank(s.programName()), "AWAITING COMMAND", s.loginName());
		}
		for (SqlSession s : sessions.live()) {
			boolean self = s.spid() == caller.spid();
			table.row(s.spid(), 0, 0, SystemViews.databaseId(state, s.database()), 0, 0,
					self ? "runnable" : "sleeping", blank(s.hostName()), blank(s.programName()),
					self ? "SELECT" : "AWAITING COMMAND", s.login());
		}
		return table.build();
	}

	private static String blank(String value) {
		return value == null ? "" : value;
	}

}
