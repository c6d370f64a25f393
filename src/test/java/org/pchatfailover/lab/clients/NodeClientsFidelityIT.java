package org.pchatfailover.lab.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;

/**
 * What SQL Server 2022 does for tedious and mssql where the lab once answered otherwise (issue 15;
 * docs/lab-client-findings.md).
 */
class NodeClientsFidelityIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	/**
	 * The packages' default (encrypt: true) and TDS 8.0 (strict: TLS before PRELOGIN), encrypted (before: the first
	 * logged in unencrypted after ENCRYPT_NOT_SUP, and strict failed before its TLS handshake).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "default", "true", "strict" })
	void encryptsTheSessionWhenAsked(String encrypt) {
		for (String script : List.of(NodeClientsIT.TEDIOUS, NodeClientsIT.MSSQL)) {
			ExternalClient.Result session = ExternalClient.node(
					Map.of("LAB_CA_FILE", sql.certificate().certificateFile().toString()), script, sql.port(), encrypt,
					"connect");

			assertThat(session.rows("connect")).as(script).hasToString("[[\"TRUE\"]]");
		}
	}

	/**
	 * sp_prepare's handle comes back as RETURNVALUE named after the OUTPUT parameter, {@code @handle} (before: named
	 * "", and tedious failed: "Tedious > Unexpected output parameter  from sp_prepare").
	 */
	@Test
	void preparesOnceAndExecutesByHandle() {
		for (String script : List.of(NodeClientsIT.TEDIOUS, NodeClientsIT.MSSQL)) {
			ExternalClient.Result session = ExternalClient.node(script, sql.port(), "false", "prepared=mgc,master");

			assertThat(session.rows("prepared")).as(script).hasToString("[[\"RESTORING\"],[\"ONLINE\"]]");
		}
		assertThat(sql.lab().receivedRequests()).filteredOn(r -> r.kind().equals("RPC"))
			.extracting(r -> r.text())
			.containsSubsequence("sp_prepare", "sp_execute", "sp_execute", "sp_unprepare");
	}

	/** A 30 s WAITFOR cancelled after half a second ends at once, and the session goes on. */
	@Test
	void cancelsARunningQuery() {
		for (String script : List.of(NodeClientsIT.TEDIOUS, NodeClientsIT.MSSQL)) {
			ExternalClient.Result session = ExternalClient.node(script, sql.port(), "false", "cancelWaitfor");

			JsonNode cancel = session.step("cancelWaitfor");
			assertThat(cancel.get("cancelled").get("code").asText()).as(session.toString()).isEqualTo("ECANCEL");
			assertThat(cancel.get("millis").asLong()).isLessThan(5_000);
			assertThat(cancel.get("rows")).hasToString("[[\"master\"]]");
		}
	}
}
