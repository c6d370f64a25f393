package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What a DBA types on the standby secondary of {@code sessions-connected}, through FreeTDS tsql, pymssql, tedious
 * and mssql-jdbc: TOP and ORDER BY over the restore history, the log-shipping tables joined, COUNT(*) over the
 * catalog, sp_who, sp_helpdb, PRINT, RESTORE FILELISTONLY and VERIFYONLY. Each client's answer is held to what SQL
 * Server answers (DESIGN-NOTES "What DBAs type", sections 4 to 6), not only to "no error".
 */
class DbaQueriesClientIT {

	static final String NEWEST_RESTORES = "SELECT TOP 5 restore_history_id, destination_database_name, restore_date "
			+ "FROM msdb.dbo.restorehistory ORDER BY restore_date DESC";

	static final String LOG_SHIPPING = "SELECT d.secondary_database, d.restore_mode, m.restore_threshold, "
			+ "db.state_desc FROM msdb.dbo.log_shipping_secondary_databases d "
			+ "JOIN msdb.dbo.log_shipping_monitor_secondary m "
			+ "ON m.secondary_id = d.secondary_id AND m.secondary_database = d.secondary_database "
			+ "JOIN sys.databases db ON db.name = d.secondary_database";

	static final String ONLINE = "SELECT COUNT(*) FROM sys.databases WHERE state_desc = 'ONLINE'";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@TempDir
	Path dir;

	LabSqlFixture sql;

	String backup;

	@BeforeEach
	void startLab() {
		sql = lab.start("sessions-connected");
		backup = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);
	}

	@Test
	void tsqlShowsTheDbasQueriesAsSqlServerAnswersThem() {
		ExternalClient.Result session = new FreeTds(dir, sql.port()).tsql("lab", String.join("\ngo\n",
				NEWEST_RESTORES, LOG_SHIPPING, ONLINE, "exec sp_who", "sp_helpdb mgc", "PRINT 'drill on ' + @@SERVERNAME",
				"RESTORE FILELISTONLY FROM DISK = N'" + backup + "'", "RESTORE VERIFYONLY FROM DISK = N'" + backup + "'")
				+ "\ngo");

		List<String> lines = session.stdout().lines().toList();
		assertThat(session.exitCode()).as(session.toString()).isZero();
		assertThat(lines).as(session.toString())
			.contains("restore_history_id\tdestination_database_name\trestore_date")
			.anySatisfy(l -> assertThat(l).startsWith("8\tmgc\t"))
			.anySatisfy(l -> assertThat(l).startsWith("4\tmgc\t"))
			.noneSatisfy(l -> assertThat(l).startsWith("3\tmgc\t"))
			.contains("mgc\t1\t45\tONLINE", "5")
			.contains("spid\tecid\tstatus\tloginame\thostname\tblk\tdbname\tcmd\trequest_id")
			.contains("57\t0\tsleeping\tLITWAREINC\\pchatsvc\tDAL-PC-001\t0\tmgc\tAWAITING COMMAND\t0")
			.anySatisfy(l -> assertThat(l).startsWith("mgc\t").contains("Status=ONLINE, Updateability=READ_ONLY"))
			.contains("mgc\t1\tD:\\SQLData\\mgc.mdf\tPRIMARY\t8 MB\tUNLIMITED\t64 MB\tdata only")
			.anySatisfy(l -> assertThat(l).startsWith("mgc_log\tD:\\SQLData\\mgc_log.ldf\tL\t"));
		assertThat(session.stdout() + session.stderr()).as(session.toString())
			.contains("drill on DAL-SQL-BK\\PCHAT", "The backup set on file 1 is valid.");
	}

	@Test
	void pymssqlReadsTheDbasQueries() {
		ExternalClient.Result session = ExternalClient.python(PymssqlClientIT.SCRIPT, sql.port(), "autocommit",
				"sql=" + NEWEST_RESTORES, "sql=" + LOG_SHIPPING, "sql=" + ONLINE, "sql=exec sp_who", "sql=sp_helpdb mgc");

		List<JsonNode> steps = session.stdout().lines().filter(l -> l.startsWith("{")).map(l -> json(session, l))
			.toList();
		assertThat(steps).hasSize(5).allSatisfy(s -> assertThat(s.has("error")).as(session.toString()).isFalse());
		assertThat(steps.get(0).get("rows")).extracting(r -> r.get(0).asInt() + " " + r.get(1).asText())
			.containsExactly("8 mgc", "7 mgc", "6 mgc", "5 mgc", "4 mgc");
		assertThat(steps.get(1).get("rows")).hasToString("[[\"mgc\",true,45,\"ONLINE\"]]");
		assertThat(steps.get(2).get("rows")).hasToString("[[5]]");
		assertThat(steps.get(3).get("rows")).filteredOn(r -> r.get(6).asText().equals("mgc")).hasSize(3);
		assertThat(steps.get(4).get("sets")).hasSize(2);
		assertThat(steps.get(4).get("sets").get(1).get("rows")).hasSize(2);
	}

	@Test
	void tediousReadsTheDbasQueriesAndTheirMessages() {
		ExternalClient.Result session = ExternalClient.node("tedious-session.js", sql.port(), "false",
				"sql=" + NEWEST_RESTORES, "sql=" + LOG_SHIPPING, "sql=" + ONLINE, "sql=exec sp_who",
				"sql=sp_helpdb mgc", "sql=PRINT 'drill'; RESTORE VERIFYONLY FROM DISK = N'" + backup + "'");

		List<JsonNode> steps = session.stdout().lines().filter(l -> l.startsWith("{")).map(l -> json(session, l))
			.toList();
		assertThat(steps).hasSize(6).allSatisfy(s -> assertThat(s.has("error")).as(session.toString()).isFalse());
		assertThat(steps.get(0).get("rows")).extracting(r -> r.get(0).asInt() + " " + r.get(1).asText())
			.containsExactly("8 mgc", "7 mgc", "6 mgc", "5 mgc", "4 mgc");
		assertThat(steps.get(1).get("rows")).hasToString("[[\"mgc\",true,45,\"ONLINE\"]]");
		assertThat(steps.get(2).get("rows")).hasToString("[[5]]");
		assertThat(steps.get(3).get("sets").get(0).get("columns")).hasToString(
				"[\"spid\",\"ecid\",\"status\",\"loginame\",\"hostname\",\"blk\",\"dbname\",\"cmd\",\"request_id\"]");
		assertThat(steps.get(4).get("sets")).hasSize(2);
		assertThat(steps.get(5).get("messages")).hasToString(
				"[{\"number\":0,\"message\":\"drill\"},{\"number\":3262,\"message\":\"The backup set on file 1 is valid.\"}]");
	}

	@Test
	void mssqlJdbcReadsTheDbasQueries() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThat(column(statement, NEWEST_RESTORES)).containsExactly("8", "7", "6", "5", "4");
			try (ResultSet row = statement.executeQuery(LOG_SHIPPING)) {
				assertThat(row.next()).isTrue();
				assertThat(List.of(row.getString(1), row.getBoolean(2), row.getInt(3), row.getString(4)))
					.containsExactly("mgc", true, 45, "ONLINE");
			}
			assertThat(column(statement, ONLINE)).containsExactly("5");
			statement.execute("PRINT 'drill'");
			SQLWarning printed = statement.getWarnings();
			assertThat(printed.getErrorCode()).isZero();
			assertThat(printed.getMessage()).isEqualTo("drill");
		}
	}

	private static List<String> column(Statement statement, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static JsonNode json(ExternalClient.Result session, String line) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
		}
		catch (java.io.IOException ex) {
			throw new AssertionError("not a JSON line: " + line + "\n" + session, ex);
		}
	}

}
