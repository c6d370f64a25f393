package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * pyodbc (Debian python3-pyodbc) over FreeTDS's ODBC driver (tdsodbc, registered as "FreeTDS" with unixODBC) in a
 * DBA's session against the lab SQL Server, through src/test/python/pyodbc_session.py: what works today. What the
 * lab still gets wrong is held in {@link PyodbcClientFidelityIT}.
 */
class PyodbcClientIT {

	static final String SCRIPT = "pyodbc_session.py";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	/** Encryption left out (FreeTDS's default: request) and off: both log in, neither encrypts the session. */
	@ParameterizedTest
	@ValueSource(strings = { "default", "off" })
	void logsInWithoutEncryption(String encryption) {
		ExternalClient.Result session = ExternalClient.python(SCRIPT, sql.port(), encryption, "connect");

		assertThat(session.rows("connect")).hasToString("[[\"FALSE\"]]");
	}

	@Test
	void showsTheVersionTheDatabasesAndTheLogShippingConfiguration() {
		ExternalClient.Result session = ExternalClient.python(SCRIPT, sql.port(), "off", "version", "databases",
				"logShipping");

		assertThat(session.rows("version").get(0).get(0).asText()).startsWith("Microsoft SQL Server 2012 (SP4)");
		assertThat(session.rows("databases").toString()).contains("[\"master\",\"ONLINE\"]", "[\"mgc\",\"RESTORING\"]");
		JsonNode logShipping = session.step("logShipping");
		assertThat(logShipping.get("columns").toString()).contains("\"primary_server\",\"primary_database\"");
		assertThat(logShipping.get("rows")).singleElement().satisfies(row -> {
			assertThat(row.get(1).asText()).isEqualTo("ATL-SQL-001\\PCHAT");
			assertThat(row.get(2).asText()).isEqualTo("mgc");
			assertThat(row.get(3).asText()).isEqualTo(LabSqlFixture.SHARE_UNC);
		});
	}

	@Test
	void readsABackupHeaderFromALiteralAndFromAParameter() {
		String file = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);

		ExternalClient.Result session = ExternalClient.python(SCRIPT, sql.port(), "off", "headerOnly=" + file,
				"headerOnlyParameter=" + file);

		for (String step : List.of("headerOnly", "headerOnlyParameter")) {
			JsonNode header = session.step(step);
			assertThat(header.get("columns").get(0).asText()).as(step).isEqualTo("BackupName");
			JsonNode row = session.rows(step).get(0);
			assertThat(row.get(2).asInt()).as("BackupType").isEqualTo(2);
			assertThat(row.get(9).asText()).as("DatabaseName").isEqualTo("mgc");
		}
	}

	/** FreeTDS's ODBC driver sends a statement with parameters as sp_prepexec, then sp_unprepare. */
	@Test
	void runsParameterisedAndPreparedStatements() {
		ExternalClient.Result session = ExternalClient.python(SCRIPT, sql.port(), "off", "parameterised=mgc",
				"prepared=mgc,master,mgc");

		assertThat(session.rows("parameterised")).hasToString("[[\"mgc\",\"RESTORING\"]]");
		assertThat(session.rows("prepared")).hasToString("[[\"RESTORING\"],[\"ONLINE\"],[\"RESTORING\"]]");
		assertThat(sql.lab().receivedRequests()).filteredOn(r -> r.kind().equals("RPC"))
			.extracting(r -> r.text())
			.contains("sp_prepexec");
	}

	/**
	 * pyodbc's default, autocommit off: the driver begins a transaction with a TDS transaction manager request
	 * (TM_BEGIN_XACT) at connect and after each commit. Today the lab answers it with 40517 and pyodbc cannot connect.
	 */
	@Test
	void commitsATransactionWithAutocommitOff() {
		ExternalClient.Result session = ExternalClient.python(PyodbcClientIT.SCRIPT, sql.port(), "off", "transaction");

		assertThat(session.rows("transaction")).hasToString("[[1,\"mgc\"]]");
		assertThat(session.step("transaction").get("committed").asBoolean()).isTrue();
	}

	@Test
	void setRowcountLimitsTheRowsOfTheNextSelect() {
		ExternalClient.Result session = ExternalClient.python(PyodbcClientIT.SCRIPT, sql.port(), "off", "rowcount");

		assertThat(session.rows("rowcount")).hasToString("[[\"master\"]]");
	}

}
