package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * pymssql (Debian python3-pymssql, FreeTDS's DB-Library underneath) in a DBA's session against the lab SQL Server,
 * through src/test/python/pymssql_session.py, with autocommit on and with pymssql's own default (autocommit off,
 * which begins a transaction with a BEGIN TRAN batch at connect and after each commit).
 */
class PymssqlClientIT {

	static final String SCRIPT = "pymssql_session.py";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void showsTheVersionTheDatabasesAndTheLogShippingConfiguration() {
		ExternalClient.Result session = ExternalClient.python(SCRIPT, sql.port(), "autocommit", "connect", "version",
				"databases", "logShipping");

		assertThat(session.rows("connect")).hasToString("[[\"FALSE\"]]");
		assertThat(session.rows("version").get(0).get(0).asText()).startsWith("Microsoft SQL Server 2012 (SP4)");
		assertThat(session.rows("databases").toString()).contains("[\"master\",\"ONLINE\"]", "[\"mgc\",\"RESTORING\"]");
		assertThat(session.rows("logShipping")).singleElement().satisfies(row -> {
			assertThat(row.get(2).asText()).isEqualTo("mgc");
			assertThat(row.get(4).asText()).isEqualTo(LabSqlFixture.COPY_UNC);
		});
	}

	/** pymssql substitutes %s itself and sends one SQL batch: the quoting must survive a UNC path. */
	@Test
	void readsABackupHeaderAndADatabaseThroughParameters() {
		String file = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);

		ExternalClient.Result session = ExternalClient.python(SCRIPT, sql.port(), "autocommit",
				"headerOnlyParameter=" + file, "parameterised=mgc");

		JsonNode header = session.rows("headerOnlyParameter").get(0);
		assertThat(header.get(2).asInt()).as("BackupType").isEqualTo(2);
		assertThat(header.get(9).asText()).as("DatabaseName").isEqualTo("mgc");
		assertThat(session.rows("parameterised")).hasToString("[[\"mgc\",\"RESTORING\"]]");
		assertThat(sql.lab().receivedRequests()).anySatisfy(r -> assertThat(r.text())
			.isEqualTo("RESTORE HEADERONLY FROM DISK = N'" + file + "'"));
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
