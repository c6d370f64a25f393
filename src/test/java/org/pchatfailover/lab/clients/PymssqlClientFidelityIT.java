package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What SQL Server 2022 does for pymssql and the lab does not yet (issue 15; docs/lab-client-findings.md). Left out
 * of the failsafe run in the pom until the lab learns each.
 */
class PymssqlClientFidelityIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	/**
	 * pymssql.connect() as documented, autocommit off: it sends BEGIN TRANSACTION right after login, and
	 * commit() ends it. Today the lab refuses BEGIN with 40517 and the connect fails ("Cannot start transaction").
	 */
	@Test
	void connectsWithItsDefaultsAndCommits() {
		ExternalClient.Result session = ExternalClient.python(PymssqlClientIT.SCRIPT, sql.port(), "default", "databases",
				"transaction");

		assertThat(session.rows("databases").toString()).contains("[\"mgc\",\"RESTORING\"]");
		assertThat(session.rows("transaction")).hasToString("[[1,\"mgc\"]]");
		assertThat(session.step("transaction").get("committed").asBoolean()).isTrue();
	}

	@Test
	void setRowcountLimitsTheRowsOfTheNextSelect() {
		ExternalClient.Result session = ExternalClient.python(PymssqlClientIT.SCRIPT, sql.port(), "autocommit",
				"rowcount");

		assertThat(session.rows("rowcount")).hasToString("[[\"master\"]]");
	}

}
