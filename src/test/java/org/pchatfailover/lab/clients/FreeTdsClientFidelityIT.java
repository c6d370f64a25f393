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
}
