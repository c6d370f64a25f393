package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens to a request after it was sent: an attention cancels it and is acknowledged with DONE_ATTN, the
 * connection staying usable ([MS-TDS] 2.2.1.7, 3.3.5.9); the ignore bit discards a request and is answered with a
 * DONE_ERROR; OUTPUT parameters come back as named RETURNVALUEs; a client that stops half way is dropped.
 */
class LabSqlRequestsIT {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String SLOW = "WAITFOR DELAY '00:01:00'";

	static final int DONE_ERROR = 0x02;

	static final int DONE_ATTN = 0x20;

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void stopsASlowStatementAtTheQueryTimeoutAndKeepsTheConnection() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(1);
			assertThatThrownBy(() -> statement.execute(SLOW)).isInstanceOf(SQLTimeoutException.class);
			statement.setQueryTimeout(0);
			try (ResultSet row = statement.executeQuery("SELECT DB_NAME()")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString(1)).isEqualTo("master");
			}
		}
	}

	@Test
	void cancelsARunningStatementForMssqlJdbcAndJtds() throws Exception {
		for (String url : new String[] { sql.encryptedJdbcUrl(),
				"jdbc:jtds:sqlserver://127.0.0.1:" + sql.port() + "/master;loginTimeout=10" }) {
			try (Connection connection = DriverManager.getConnection(url, "lab", "lab");
					Statement statement = connection.createStatement()) {
				int requests = sql.lab().receivedRequests().size();
				CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> {
					try {
						return statement.execute(SLOW + "; SELECT 1");
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
				// this statement's own request, not any other one (the app's probes share the lab): a cancel sent
				// before the driver has sent the statement cancels nothing, and the statement would run to its end
				await().atMost(WAIT).until(() -> sql.lab().receivedRequests().stream().skip(requests)
					.anyMatch(request -> request.text() != null && request.text().contains(SLOW)));
				// the drivers drop a cancel made in the instant between sending a request and marking it running
				// (mssql-jdbc's TDSCommand.interrupt checks interruptsEnabled; jTDS's cancel checks its response
				// state): cancel again, as a DBA presses the button again, until the statement ends
				await().atMost(WAIT).until(() -> {
					statement.cancel();
					return slow.isDone();
				});
				assertThat(slow).failsWithin(WAIT).withThrowableOfType(Exception.class)
					.withMessageContaining("ancel");
				try (ResultSet row = statement.executeQuery("SELECT @@SPID")) {
					assertThat(row.next()).as(url).isTrue();
				}
			}
		}
	}

	@Test
	void acknowledgesAnAttentionWithDoneAttnAndAnswersTheNextRequest() throws IOException {
		try (RawTdsClient client = new RawTdsClient(sql.port(), WAIT)) {
			client.logIn("lab", "lab");
			client.send(RawTdsClient.SQL_BATCH, RawTdsClient.EOM, RawTdsClient.batch(SLOW));
			client.send(RawTdsClient.ATTENTION, RawTdsClient.EOM, new byte[0]);
			// the cancelled batch ends in a bare final DONE, then the acknowledgment ([MS-TDS] 4.19.2)
			assertThat(client.read().lastDoneStatus()).isZero();
			assertThat(client.read().lastDoneStatus() & DONE_ATTN).isEqualTo(DONE_ATTN);
			client.send(RawTdsClient.SQL_BATCH, RawTdsClient.EOM, RawTdsClient.batch("SELECT DB_NAME() AS name"));
			RawTdsClient.Reply reply = client.read();
			assertThat(reply.lastDoneStatus() & (DONE_ATTN | DONE_ERROR)).isZero();
			assertThat(reply.contains("master")).isTrue();
		}
	}

	@Test
	void discardsAMessageWithTheIgnoreBitAndAnswersASingleDoneError() throws IOException {
		try (RawTdsClient client = new RawTdsClient(sql.port(), WAIT)) {
			client.logIn("lab", "lab");
			client.send(RawTdsClient.SQL_BATCH, 0, RawTdsClient.batch("KILL 51"));
			client.send(RawTdsClient.SQL_BATCH, RawTdsClient.EOM | RawTdsClient.IGNORE, new byte[0]);
			RawTdsClient.Reply reply = client.read();
			assertThat(reply.payload()).hasSize(13);
			assertThat(reply.lastDoneStatus()).isEqualTo(DONE_ERROR);
			client.send(RawTdsClient.SQL_BATCH, RawTdsClient.EOM, RawTdsClient.batch("SELECT DB_NAME() AS name"));
			assertThat(client.read().contains("master")).isTrue();
		}
		assertThat(sql.lab().receivedRequests()).noneMatch(r -> r.text().contains("KILL"));
	}

	@Test
	void returnsTheHandleOfSpPrepareAsTheNamedOutputParameterHandle() throws IOException {
		try (RawTdsClient client = new RawTdsClient(sql.port(), WAIT)) {
			client.logIn("lab", "lab");
			client.send(RawTdsClient.RPC, RawTdsClient.EOM, RawTdsClient.rpc(11, ">@handle", null, "@params",
					"@db nvarchar(128)", "@stmt", "SELECT state_desc FROM sys.databases WHERE name = @db"));
			RawTdsClient.Reply reply = client.read();
			assertThat(reply.contains("@handle")).isTrue();
			assertThat(reply.lastDoneStatus() & DONE_ERROR).isZero();
		}
	}

	@Test
	void returnsTheOutputParametersOfSpExecutesqlByNameAndValue() throws SQLException {
		try (Connection connection = sql.connect();
				CallableStatement call = connection.prepareCall("{call sp_executesql(?, ?, ?, ?)}")) {
			call.setString(1, "SET @count = 42; SET @name = DB_NAME()");
			call.setString(2, "@count int OUTPUT, @name nvarchar(128) OUTPUT");
			call.registerOutParameter(3, Types.INTEGER);
			call.registerOutParameter(4, Types.NVARCHAR);
			call.execute();
			assertThat(call.getInt(3)).isEqualTo(42);
			assertThat(call.getString(4)).isEqualTo("master");
		}
	}

	@Test
	void refusesAnOutputValueForAParameterNotDeclaredOutput() throws SQLException {
		try (Connection connection = sql.connect();
				CallableStatement call = connection.prepareCall("{call sp_executesql(?, ?, ?)}")) {
			call.setString(1, "SET @count = 42");
			call.setString(2, "@count int");
			call.registerOutParameter(3, Types.INTEGER);
			assertThatThrownBy(call::execute).isInstanceOf(SQLException.class)
				.satisfies(ex -> assertThat(((SQLException) ex).getErrorCode()).isEqualTo(8162));
		}
	}

	@Test
	void refusesAWaitforDelayThatIsNotATime() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute("WAITFOR DELAY '25:00'")).isInstanceOf(SQLException.class)
				.hasMessage("Incorrect time syntax in time string '25:00' used with WAITFOR.");
			statement.execute("WAITFOR DELAY '00:00:00.010'");
		}
	}

	@Test
	void dropsAClientThatSendsHalfAPacketHeaderBeforeLoggingIn() throws IOException {
		sql.readTimeout(Duration.ofMillis(200));
		try (RawTdsClient client = new RawTdsClient(sql.port(), WAIT)) {
			client.sendBytes(new byte[] { 0x12, 0x01, 0x00 });
			assertThat(client.closedByServer()).isTrue();
		}
	}

	@Test
	void dropsALoggedInClientThatStopsInsideAPacket() throws IOException {
		sql.readTimeout(Duration.ofMillis(200));
		try (RawTdsClient client = new RawTdsClient(sql.port(), WAIT)) {
			client.logIn("lab", "lab");
			byte[] batch = RawTdsClient.batch("SELECT 1");
			client.sendBytes(new byte[] { 0x01, 0x01, 0x00, (byte) (8 + batch.length), 0, 0, 1, 0, 0x16, 0x00 });
			assertThat(client.closedByServer()).isTrue();
		}
	}

	@Test
	void keepsALoggedInSessionThatWaitsLongerThanTheReadTimeout() throws SQLException {
		sql.readTimeout(Duration.ofMillis(200));
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute("WAITFOR DELAY '00:00:00.600'");
			try (ResultSet row = statement.executeQuery("SELECT DB_NAME()")) {
				assertThat(row.next()).isTrue();
			}
		}
	}

}
