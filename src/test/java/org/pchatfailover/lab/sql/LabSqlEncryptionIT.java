package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.lab.sql.engine.BackupDevices;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.LabSqlState;
import org.pchatfailover.lab.sql.engine.LabStateStore;

/**
 * Encryption as SQL Server negotiates it with a certificate and without forced encryption ([MS-TDS] 2.2.6.5): the
 * whole session over TLS for encrypt=true, TLS first for TDS 8.0 (encrypt=strict), the login alone for a client that
 * asks for none, and never a clear login after encryption was agreed. What encryption a session got is what
 * sys.dm_exec_connections.encrypt_option says.
 */
class LabSqlEncryptionIT {

	static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void encryptsTheWholeSessionForEncryptTrueWithTheLabCertificateTrusted() throws SQLException {
		assertThat(encryptOption(sql.encryptedJdbcUrl())).isEqualTo("TRUE");
	}

	@Test
	void encryptsTheWholeSessionForEncryptTrueWithTrustServerCertificate() throws SQLException {
		assertThat(encryptOption(url(";encrypt=true;trustServerCertificate=true"))).isEqualTo("TRUE");
	}

	@Test
	void speaksTds8WithTlsBeforeThePreloginForEncryptStrict() throws SQLException {
		assertThat(encryptOption(url(";encrypt=strict;trustStore=" + LabSqlFixture.certificate().trustStoreFile()
				+ ";hostNameInCertificate=dal-sql-bk.litwareinc.com"))).isEqualTo("TRUE");
		assertThat(encryptOption(url(";encrypt=strict;serverCertificate="
				+ LabSqlFixture.certificate().certificateFile()))).isEqualTo("TRUE");
	}

	@Test
	void encryptsOnlyTheLoginForEncryptFalse() throws SQLException {
		assertThat(encryptOption(sql.jdbcUrl())).isEqualTo("FALSE");
	}

	@Test
	void isRefusedByAClientThatValidatesCertificatesAgainstItsDefaultTrust() {
		assertThatThrownBy(() -> encryptOption(url(";encrypt=true"))).isInstanceOf(SQLException.class)
			.hasMessageContaining("PKIX");
	}

	@Test
	void isRefusedUnderANameItsCertificateDoesNotCarry() {
		assertThatThrownBy(() -> encryptOption(url(";encrypt=true;trustStore="
				+ LabSqlFixture.certificate().trustStoreFile() + ";hostNameInCertificate=atl-sql-001.litwareinc.com")))
			.isInstanceOf(SQLException.class);
	}

	@Test
	void encryptsTheWholeJtdsSessionForSslRequireAndTheLoginOnlyForSslRequest() throws SQLException {
		assertThat(jtdsEncryptOption(";ssl=require")).isEqualTo("TRUE");
		assertThat(jtdsEncryptOption(";ssl=request")).isEqualTo("FALSE");
		assertThat(jtdsEncryptOption("")).isEqualTo("FALSE");
	}

	@Test
	void answersEachPreloginEncryptionValueAsTheMsTdsTableSays() throws IOException {
		Map<Integer, Integer> answers = Map.of(0x00, 0x00, 0x01, 0x01, 0x02, 0x02, 0x03, 0x01, 0x80, 0x00, 0x81, 0x01,
				0x83, 0x01, 0x82, 0x03);
		for (Map.Entry<Integer, Integer> answer : answers.entrySet()) {
			try (RawTdsClient client = new RawTdsClient(sql.port(), CLIENT_TIMEOUT)) {
				client.send(RawTdsClient.PRELOGIN, RawTdsClient.EOM, RawTdsClient.prelogin(answer.getKey()));
				assertThat(RawTdsClient.encryptionOf(client.read().payload())).as("answer to " + answer.getKey())
					.isEqualTo(answer.getValue());
			}
		}
	}

	@Test
	void closesTheConnectionOfAClientThatAskedForEncryptionAndLogsInInClear() throws IOException {
		for (int encryption : List.of(0x00, 0x01, 0x03)) {
			try (RawTdsClient client = new RawTdsClient(sql.port(), CLIENT_TIMEOUT)) {
				client.send(RawTdsClient.PRELOGIN, RawTdsClient.EOM, RawTdsClient.prelogin(encryption));
				client.read();
				client.send(RawTdsClient.LOGIN7, RawTdsClient.EOM, RawTdsClient.login7("lab", "lab"));
				assertThat(client.read()).as("reply to a clear login after " + encryption).isNull();
			}
		}
		assertThat(sql.lab().state().sessions()).noneMatch(s -> s.live());
	}

	@Test
	void logsInAClientThatSupportsNoEncryptionInClear() throws IOException {
		try (RawTdsClient client = new RawTdsClient(sql.port(), CLIENT_TIMEOUT)) {
			assertThat(client.logIn("lab", "lab").lastDoneStatus()).isZero();
		}
	}

	@Test
	void closesTheConnectionOfAClientCertificateRequestWithoutEncryption() throws IOException {
		try (RawTdsClient client = new RawTdsClient(sql.port(), CLIENT_TIMEOUT)) {
			client.send(RawTdsClient.PRELOGIN, RawTdsClient.EOM, RawTdsClient.prelogin(0x82));
			assertThat(RawTdsClient.encryptionOf(client.read().payload())).isEqualTo(0x03);
			assertThat(client.closedByServer()).isTrue();
		}
	}

	@Test
	void refusesEncryptionWithoutACertificateAsAServerWithoutOneDoes(@TempDir Path dir) throws Exception {
		LabStateStore store = new LabStateStore(dir.resolve("state.json"));
		store.replace(LabSqlState.systemDatabasesOnly("normal"));
		LabSqlEngine engine = new LabSqlEngine(store, new BackupDevices(Map.of()), "NO-TLS", "lab",
				Clock.systemUTC());
		try (LabSqlServer server = new LabSqlServer(engine, InetAddress.getLoopbackAddress(), 0)) {
			server.start();
			try (RawTdsClient client = new RawTdsClient(server.port(), CLIENT_TIMEOUT)) {
				client.send(RawTdsClient.PRELOGIN, RawTdsClient.EOM, RawTdsClient.prelogin(0x01));
				assertThat(RawTdsClient.encryptionOf(client.read().payload())).isEqualTo(0x02);
				assertThat(client.closedByServer()).isTrue();
			}
			String url = "jdbc:sqlserver://" + server.endpoint() + ";encrypt=false;loginTimeout=5;connectRetryCount=0";
			assertThat(encryptOption(url)).isEqualTo("FALSE");
		}
	}

	private String url(String encryption) {
		return "jdbc:sqlserver://127.0.0.1:" + sql.port() + encryption + ";loginTimeout=5;connectRetryCount=0";
	}

	private static String encryptOption(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "lab", "lab")) {
			return encryptOption(connection);
		}
	}

	private String jtdsEncryptOption(String properties) throws SQLException {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:jtds:sqlserver://127.0.0.1:" + sql.port() + "/master;loginTimeout=10" + properties, "lab", "lab")) {
			return encryptOption(connection);
		}
	}

	private static String encryptOption(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement
			.executeQuery("SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID")) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}

}
