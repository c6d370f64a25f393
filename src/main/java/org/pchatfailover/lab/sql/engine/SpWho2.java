package org.pchatfailover.lab.sql.engine;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.engine.LabSqlState.ClientSession;

/**
 * {@code sp_who2 [@loginame =] {'active' | spid | login}}: runbook step 4 finds the connections to end with it.
 * Columns and text as SQL Server shows them; the lab keeps no per-session counters, so CPUTime and DiskIO are 0
 * and LastBatch is the time of the call.
 */
final class SpWho2 {

	private static final SqlType TEXT = SqlType.nvarchar(128);

	static final List<Column> COLUMNS = List.of(new Column("SPID", SqlType.nvarchar(5)),
			new Column("Status", SqlType.nvarchar(30)), new Column("Login", TEXT), new Column("HostName", TEXT),
			new Column("BlkBy", SqlType.nvarchar(5)), new Column("DBName", TEXT),
			new Column("Command", SqlType.nvarchar(16)), new Column("CPUTime", SqlType.INT),
			new Column("DiskIO", SqlType.BIGINT), new Column("LastBatch", SqlType.nvarchar(14)),
			new Column("ProgramName", TEXT), new Column("SPID", SqlType.nvarchar(5)),
			new Column("REQUESTID", SqlType.INT));

	/** The lab's system sessions (spid 1 up), by their command; sys.sysprocesses lists the same ones. */
	static final List<String> BACKGROUND = List.of("LOG WRITER", "RECOVERY WRITER", "LAZY WRITER",
			"SIGNAL HANDLER");

	private static final DateTimeFormatter LAST_BATCH = DateTimeFormatter.ofPattern("MM/dd HH:mm:ss");

	private final String lastBatch;

	private final List<List<Object>> rows = new ArrayList<>();

	private SpWho2(LocalDateTime now) {
		this.lastBatch = LAST_BATCH.format(now);
	}

	/** @param filter {@code @loginame}: null for all, {@code active} to leave out idle sessions, an spid or a login */
	static Outcome run(LabSqlState state, Iterable<SqlSession> live, SqlSession caller, LocalDateTime now,
			String filter) {
		SpWho2 who = new SpWho2(now);
		for (int spid = 1; spid <= BACKGROUND.size(); spid++) {
			who.add(spid, "BACKGROUND", "sa", null, "master", BACKGROUND.get(spid - 1), null);
		}
		for (ClientSession s : state.sessions) {
			who.add(s.sessionId(), "sleeping", s.loginName(), s.hostName(), s.database(), "AWAITING COMMAND",
					s.programName());
		}
		for (SqlSession s : live) {
			boolean self = s.spid() == caller.spid();
			who.add(s.spid(), self ? "RUNNABLE" : "sleeping", s.login(), s.hostName(), s.database(),
					self ? "SELECT INTO" : "AWAITING COMMAND", s.programName());
		}
		return new Outcome.Rows(COLUMNS, who.rows.stream().filter(row -> matches(row, filter)).toList());
	}

	private void add(int spid, String status, String login, String host, String database, String command,
			String program) {
		String id = String.format("%-5d", spid);
		rows.add(List.of(id, status, login, orDot(host), "  .", database, command, 0, 0L, lastBatch, orDot(program),
				id, 0));
	}

	private static boolean matches(List<Object> row, String filter) {
		if (filter == null) {
			return true;
		}
		if (filter.equalsIgnoreCase("active")) {
			return !"AWAITING COMMAND".equals(row.get(6));
		}
		return filter.strip().equals(row.get(0).toString().strip()) || filter.equalsIgnoreCase((String) row.get(2));
	}

	/** sp_who2 shows a missing host or program as {@code "  ."}. */
	private static String orDot(String value) {
		return value == null || value.isBlank() ? "  ." : value;
	}

}
