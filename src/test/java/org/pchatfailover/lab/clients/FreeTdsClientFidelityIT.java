package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What SQL Server 2022 does for FreeTDS where the lab once answered otherwise (issue 15; docs/lab-client-findings.md):
 * the assertions are SQL Server's behaviour, which the lab now has.
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

	/** PRELOGIN answered ENCRYPT_ON, then TLS (before: ENCRYPT_NOT_SUP, and FreeTDS failed login with 20002). */
	@Test
	void logsInEncryptedWhenEncryptionIsRequired() {
		ExternalClient.Result session = freeTds.tsql("lab-require",
				"SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID\ngo");

		assertThat(session.stdout().lines()).as(session.toString()).containsSubsequence("encrypt_option", "TRUE");
	}
}
