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
 * tedious and the mssql package over it (pinned in src/test/node/package-lock.json) in a DBA's session against the
 * lab SQL Server, through src/test/node/tedious-session.js and mssql-session.js: what works today. What the lab
 * still gets wrong is held in {@link NodeClientsFidelityIT}.
 */
class NodeClientsIT {

	static final String TEDIOUS = "tedious-session.js";

	static final String MSSQL = "mssql-session.js";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	/** encrypt: false, and the packages' defaults (encrypt: true, which tedious drops when the server offers none). */
	@ParameterizedTest
	@ValueSource(strings = { "false", "default" })
	void tediousAndMssqlLogInAndListTheDatabases(String encrypt) {
		for (String script : List.of(TEDIOUS, MSSQL)) {
			ExternalClient.Result session = ExternalClient.node(script, sql.port(), encrypt, "databases");

			assertThat(session.rows("databases").toString()).as(script)
				.contains("[\"master\",\"ONLINE\"]", "[\"mgc\",\"RESTORING\"]");
		}
	}

	@Test
	void tediousShowsTheVersionAndTheLogShippingConfiguration() {
		ExternalClient.Result session = ExternalClient.node(TEDIOUS, sql.port(), "false", "version", "logShipping");

		assertThat(session.rows("version").get(0).get(0).asText()).startsWith("Microsoft SQL Server 2012 (SP4)");
		JsonNode logShipping = session.step("logShipping");
		assertThat(logShipping.get("columns").get(0).asText()).isEqualTo("secondary_id");
		assertThat(logShipping.get("rows")).singleElement().satisfies(row -> {
			assertThat(row.get(2).asText()).isEqualTo("mgc");
			assertThat(row.get(6).asText()).startsWith(LabSqlFixture.COPY_UNC + "\\mgc_");
		});
	}

	/** tedious sends a parameterised request as sp_executesql, mssql likewise. */
	@Test
	void readsABackupHeaderAndADatabaseThroughParameters() {
		String file = LabSqlFixture.SHARE_UNC + "\\" + sql.lab().state().shareFiles().get(0);

		ExternalClient.Result tedious = ExternalClient.node(TEDIOUS, sql.port(), "false", "headerOnly=" + file,
				"headerOnlyParameter=" + file, "parameterised=mgc");
		ExternalClient.Result mssql = ExternalClient.node(MSSQL, sql.port(), "false", "headerOnlyParameter=" + file,
				"parameterised=mgc");

		for (JsonNode header : List.of(tedious.step("headerOnly"), tedious.step("headerOnlyParameter"),
				mssql.step("headerOnlyParameter"))) {
			assertThat(header.get("columns").get(9).asText()).isEqualTo("DatabaseName");
			assertThat(header.get("rows").get(0).get(9).asText()).isEqualTo("mgc");
			assertThat(header.get("rows").get(0).get(2).asInt()).as("BackupType").isEqualTo(2);
		}
		assertThat(tedious.rows("parameterised")).hasToString("[[\"mgc\",\"RESTORING\"]]");
		assertThat(mssql.rows("parameterised")).hasToString("[[\"mgc\",\"RESTORING\"]]");
		assertThat(sql.lab().receivedRequests()).filteredOn(r -> r.kind().equals("RPC"))
			.extracting(r -> r.text())
			.containsOnly("sp_executesql");
	}

	/**
	 * request.cancel() right after a quick query: tedious sends ATTENTION and discards the reply up to the DONE with
	 * the attention bit, as [MS-TDS] 2.2.1.7 has the server send; the session then runs the next request.
	 */
	@Test
	void tediousCancelsARequestAndKeepsTheSession() {
		ExternalClient.Result session = ExternalClient.node(TEDIOUS, sql.port(), "false", "cancel");

		JsonNode cancel = session.step("cancel");
		// a quick query and its cancel race, on SQL Server too: the request ends cancelled or done, never hung
		// (a cancel that surely lands is NodeClientsFidelityIT.cancelsARunningQuery's 30 s WAITFOR)
		JsonNode cancelled = cancel.get("cancelled");
		if (cancelled != null && !cancelled.isNull()) {
			assertThat(cancelled.get("code").asText()).as(session.toString()).isEqualTo("ECANCEL");
		}
		assertThat(cancel.get("rows")).as("the session goes on").hasToString("[[\"master\"]]");
	}

	/** beginTransaction/commitTransaction are TDS transaction manager requests (TM_BEGIN_XACT, TM_COMMIT_XACT). */
	@Test
	void commitsATransaction() {
		for (String script : List.of(NodeClientsIT.TEDIOUS, NodeClientsIT.MSSQL)) {
			ExternalClient.Result session = ExternalClient.node(script, sql.port(), "false", "transaction");

			assertThat(session.rows("transaction")).as(script).hasToString("[[1,0]]");
		}
	}

	@Test
	void setRowcountLimitsTheRowsOfTheNextSelect() {
		ExternalClient.Result session = ExternalClient.node(NodeClientsIT.TEDIOUS, sql.port(), "false", "rowcount");

		assertThat(session.rows("rowcount")).hasToString("[[\"master\"]]");
	}

}
