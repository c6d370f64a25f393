package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What SQL Server 2022 does for FreeTDS and the lab does not yet (issue 15; docs/lab-client-findings.md). Left out of
 * the failsafe run in the pom until the lab learns each; the assertions are SQL Server's, not the lab's of today.
 */
class FreeTdsClientFidelityIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@TempDir
	Path dir;

	FreeTds freeTds;

	@BeforeEach
	void startLab() {
		LabSqlFixture sql = lab.start("normal");
		freeTds = new FreeTds(dir, sql.port());
	}

	/** PRELOGIN answered ENCRYPT_OFF or ENCRYPT_ON, then TLS; today ENCRYPT_NOT_SUP fails login with 20002. */
	@Test
	void logsInEncryptedWhenEncryptionIsRequired() {
		ExternalClient.Result session = freeTds.tsql("lab-require",
				"SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID\ngo");

		assertThat(session.stdout().lines()).as(session.toString()).containsSubsequence("encrypt_option", "TRUE");
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
	 * ROW token there makes FreeTDS's tds_bcp_init loop for ever (today: killed at the timeout, 100% CPU).
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
