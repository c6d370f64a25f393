package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What SQL Server 2022 does for pyodbc over FreeTDS where the lab once answered otherwise (issue 15;
 * docs/lab-client-findings.md).
 */
class PyodbcClientFidelityIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	/** Encryption required: TLS (before: ENCRYPT_NOT_SUP, and FreeTDS gave up with 08001). */
	@Test
	void logsInEncryptedWhenEncryptionIsRequired() {
		ExternalClient.Result session = ExternalClient.python(PyodbcClientIT.SCRIPT, sql.port(), "require", "connect");

		assertThat(session.rows("connect")).hasToString("[[\"TRUE\"]]");
	}
}
