package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * FreeTDS's tsql (Debian freetds-bin) in a DBA's session against the lab SQL Server: what works today. What the lab
 * still gets wrong is held in {@link FreeTdsClientFidelityIT}.
 */
class FreeTdsClientIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@TempDir
	Path dir;

	LabSqlFixture sql;

	FreeTds freeTds;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
		freeTds = new FreeTds(dir, sql.port());
	}

	@Test
	void showsTheVersionTheDatabasesAndTheLogShippingConfiguration() {
		ExternalClient.Result session = freeTds.tsql("lab", """
				SELECT @@VERSION
				go
				SELECT name, state_desc FROM sys.databases
				go
				SELECT * FROM msdb.dbo.log_shipping_secondary
				go""");

		assertThat(session.exitCode()).as(session.toString()).isZero();
		assertThat(session.stdout()).contains("Microsoft SQL Server 2012 (SP4) - 11.0.7001.0");
		assertThat(session.stdout().lines()).contains("name\tstate_desc", "master\tONLINE", "mgc\tRESTORING");
		assertThat(session.stdout().lines()).anySatisfy(line -> assertThat(line)
			.contains("\tATL-SQL-001\\PCHAT\tmgc\t" + LabSqlFixture.SHARE_UNC + "\t" + LabSqlFixture.COPY_UNC + "\t"));
	}

	@Test
	void readsABackupHeaderWithSqlServersColumns() {
		String file = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);

		ExternalClient.Result session = freeTds.tsql("lab", "RESTORE HEADERONLY FROM DISK = N'" + file + "'\ngo");

		assertThat(session.stdout().lines()).as(session.toString())
			.anySatisfy(line -> assertThat(line).startsWith("BackupName\tBackupDescription\tBackupType\t"))
			.anySatisfy(line -> assertThat(line).contains("\t2\t").contains("\tATL-SQL-001\\PCHAT\tmgc\t"));
	}

	/** SERVERPROPERTY returns sql_variant: FreeTDS reads the base type of each value (data.c tds_variant_get). */
	@Test
	void showsServerPropertiesAsTheirValues() {
		ExternalClient.Result session = freeTds.tsql("lab", """
				SELECT SERVERPROPERTY('EngineEdition') AS e, SERVERPROPERTY('IsHadrEnabled') AS h,
				       SERVERPROPERTY('MachineName') AS m, SERVERPROPERTY('InstanceName') AS i,
				       SERVERPROPERTY('ServerName') AS s
				go""");

		assertThat(session.stdout().lines()).as(session.toString())
			.containsSubsequence("e\th\tm\ti\ts", "3\t0\tDAL-SQL-BK\tPCHAT\tDAL-SQL-BK\\PCHAT");
	}

	/** A typo is SQL Server's own 195; a documented function the lab does not evaluate is its 40517 (DESIGN-NOTES "What DBAs type" 2). */
	@Test
	void evaluatesFunctionsAndTellsATypoFromWhatTheLabDoesNotSimulate() {
		ExternalClient.Result session = freeTds.tsql("lab", """
				SELECT LEN(name) AS l, UPPER(name) AS u, DATEDIFF(day, '2026-11-28', '2026-11-29') AS d,
				       CONVERT(varchar(10), CAST('2026-11-29' AS datetime), 120) AS c
				FROM sys.databases WHERE name = 'mgc'
				go
				SELECT LENN(name) FROM sys.databases
				go
				SELECT SOUNDEX(name) FROM sys.databases
				go""");

		assertThat(session.stdout().lines()).as(session.toString())
			.containsSubsequence("l\tu\td\tc", "3\tMGC\t1\t2026-11-29");
		assertThat(session.stderr()).contains("Msg 195 (severity 15", "'LENN' is not a recognized built-in function name.")
			.contains("Msg 40517 (severity 16", "'SOUNDEX' is not supported in this version of SQL Server: the lab");
	}

	@Test
	void filtersWithLikeInOrAndIsNull() {
		ExternalClient.Result session = freeTds.tsql("lab", """
				SELECT name FROM sys.databases WHERE (name LIKE 'm%' OR database_id IN (2)) AND state_desc IS NOT NULL
				ORDER BY name
				go""");

		assertThat(session.stdout().lines().filter(l -> !l.isBlank()).toList()).as(session.toString())
			.containsExactly("name", "master", "mgc", "model", "msdb", "tempdb");
	}

	/** FreeTDS speaks every TDS 7 version; SQL Server 2022 still serves 7.0 to 7.4. */
	@ParameterizedTest
	@ValueSource(strings = { "70", "71", "72", "73", "74" })
	void logsInWithEachTdsVersion(String version) {
		ExternalClient.Result session = freeTds.tsql("lab" + version,
				"SELECT name, state_desc FROM sys.databases WHERE name = N'mgc'\ngo");

		assertThat(session.stdout().lines()).as(session.toString()).contains("mgc\tRESTORING");
	}

	/** Encryption off, and FreeTDS's default (request): both log in where the server offers no encryption. */
	@ParameterizedTest
	@ValueSource(strings = { "lab-off", "lab-request" })
	void logsInWithoutEncryption(String section) {
		ExternalClient.Result session = freeTds.tsql(section,
				"SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID\ngo");

		assertThat(session.stdout().lines()).as(session.toString()).containsSubsequence("encrypt_option", "FALSE");
	}

	@Test
	void refusesAWrongPasswordWithLoginFailed() {
		ExternalClient.Result session = freeTds.tsql("lab", "not-the-password", "SELECT 1\ngo");

		assertThat(session.exitCode()).isNotZero();
		assertThat(session.stdout() + session.stderr()).contains("Login failed for user 'lab'");
	}

	@Test
	void setRowcountLimitsTheRowsOfTheNextSelect() {
		ExternalClient.Result session = freeTds.tsql("lab", """
				SET ROWCOUNT 1
				SELECT name FROM sys.databases
				SET ROWCOUNT 0
				go""");

		assertThat(session.stdout().lines().filter(l -> !l.isBlank()).toList()).as(session.toString())
			.containsExactly("name", "master");
	}

	/** SET FMTONLY ON: "Returns only metadata to the client" (sql-docs set-fmtonly-transact-sql). */
	@Test
	void fmtonlyReturnsTheColumnsWithoutRows() {
		ExternalClient.Result session = freeTds.tsql("lab",
				"SET FMTONLY ON SELECT name, state_desc FROM sys.databases SET FMTONLY OFF\ngo");

		assertThat(session.stdout().lines().filter(l -> !l.isBlank()).toList()).as(session.toString())
			.containsExactly("name\tstate_desc");
	}

	@Test
	void runsAnExplicitTransaction() {
		ExternalClient.Result session = freeTds.tsql("lab", """
				BEGIN TRANSACTION
				SELECT @@TRANCOUNT AS inside
				COMMIT TRANSACTION
				SELECT @@TRANCOUNT AS after_commit
				go""");

		assertThat(session.stdout().lines().filter(l -> !l.isBlank()).toList()).as(session.toString())
			.containsExactly("inside", "1", "after_commit", "0");
	}

	/**
	 * freebcp first sends {@code SET FMTONLY ON <query> SET FMTONLY OFF} and reads tokens until the results end; a
	 * ROW token there made FreeTDS's tds_bcp_init loop for ever (findings row 17).
	 */
	@Test
	void freebcpExportsAQueryInCharacterFormat() throws Exception {
		Path out = dir.resolve("databases.txt");

		ExternalClient.Result export = freeTds.freebcpQueryout("SELECT name FROM sys.databases", out);

		assertThat(export.timedOut()).as(export.toString()).isFalse();
		assertThat(export.exitCode()).as(export.toString()).isZero();
		assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly("master", "tempdb", "model",
				"msdb", "mgc");
	}

}
