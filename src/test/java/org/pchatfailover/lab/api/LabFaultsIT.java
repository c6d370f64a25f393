package org.pchatfailover.lab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;
import org.pchatfailover.lab.sql.MirrorSqlLab;
import org.pchatfailover.lab.sql.PrimarySqlLab;
import org.pchatfailover.lab.sql.SqlLab;
import org.pchatfailover.lab.ticketing.LabTicketingSystem;
import org.pchatfailover.backup.LogBackupFiles;
import org.pchatfailover.lync.LyncShellException;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.sqlserver.DatabaseRecoveryService;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogChainBrokenException;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.sqlserver.SqlServerException;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each lab fault as the product meets it: switched on over the lab API, the product's step fails saying what failed and
 * where; switched off, the retry succeeds, and the databases, msdb, the files and the pools are as they were before the
 * fault, since switching a fault touches none of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabFaultsIT {

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
		// two attempts of a callback a second apart, looked for every second
		registry.add("pchat.ticketing.retry-schedule", () -> "PT1S");
		registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> 200);
		registry.add("camunda.bpm.job-execution.max-wait", () -> 1000);
	}

	@LocalServerPort
	int port;

	@Autowired
	LogShippingService logShipping;

	@Autowired
	Topology topology;

	@Autowired
	SqlLab sql;

	@Autowired
	MirrorSqlLab mirrorSql;

	@Autowired
	PrimarySqlLab primarySql;

	@Autowired
	LabProperties properties;

	@Autowired
	LabLyncShell lync;

	@Autowired
	LabLyncSshServer ssh;

	@Autowired
	LabTicketingSystem ticketing;

	@Autowired
	PersistentChatPoolService pools;

	@Autowired
	DatabaseRecoveryService recovery;

	final ActionLog actions = new ActionLog();

	LabDrill drill;

	@BeforeEach
	void normal() {
		drill = new LabDrill(port);
		drill.scenario("normal");
	}

	@Test
	void sqlDownFailsTheStepNamingTheInstanceAndTheRetryFindsItsDatabasesAsTheyWere() {
		JsonNode before = estate();

		JsonNode down = on("sql-down");
		assertThat(down.at("/sql/instanceDown").asBoolean()).isTrue();
		assertThatThrownBy(() -> logShipping.removeSecondary(pool(), actions)).isInstanceOf(SqlServerException.class)
			.hasMessageStartingWith("cannot connect to SQL Server dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(off("sql-down").at("/sql/instanceDown").asBoolean()).isFalse();
		assertThat(estate()).isEqualTo(before);

		logShipping.removeSecondary(pool(), actions);
		assertThat(state().at("/sql/logShipping")).isEmpty();
	}

	@Test
	void mirrorSqlDownFailsTheEstateChecksLoginToTheMirrorOnly() {
		JsonNode before = estate();

		on("mirror-sql-down");
		JsonNode down = readiness();
		assertThat(check(down, "backup-mirror-sql").path("ok").asBoolean()).isFalse();
		assertThat(check(down, "backup-mirror-sql").path("evidence").asText())
			.contains("dal-sql-mr.litwareinc.com\\PCHAT");
		assertThat(check(down, "backup-sql-login").path("ok").asBoolean()).isTrue();
		off("mirror-sql-down");
		assertThat(estate()).isEqualTo(before);

		assertThat(check(readiness(), "backup-mirror-sql").path("ok").asBoolean()).isTrue();
	}

	@Test
	void shareUnreachableFailsTheCopyNamingTheShareAndTheRetryCopiesWhatItHeld() {
		drill.scenario("uncopied-files");
		JsonNode before = estate();
		Path share = Path.of(pool().shares().get(0).localPath());

		JsonNode unreachable = on("share-unreachable");
		assertThat(unreachable.at("/sql/shareFiles")).as("nobody lists it").isEmpty();
		assertThatThrownBy(() -> logShipping.copyMissingFiles(pool(), actions))
			.isInstanceOf(UncheckedIOException.class)
			.hasMessageContaining("cannot list log backups in " + share);
		assertThat(check(readiness(), "backup-share-readable").path("ok").asBoolean()).isFalse();
		off("share-unreachable");
		assertThat(estate()).isEqualTo(before);

		assertThat(logShipping.copyMissingFiles(pool(), actions)).hasSize(2);
		assertThat(state().at("/sql/copyFiles").size()).isEqualTo(8);
	}

	/** The product's own verified copy finds the torn copy different from the share's and copies it again. */
	@Test
	void tornCopyIsLeftOutAndReplacedFromTheShareBeforeItIsRestored() throws Exception {
		Path copy = Path.of(pool().shares().get(1).localPath());
		String next = LogBackupFiles.list(copy, "mgc").get(5);

		JsonNode torn = on("torn-copy");
		assertThat(torn.at("/faults/0/detail").asText()).startsWith(next + " in the copy destination cut to ");
		assertThat(Files.size(copy.resolve(next))).isLessThan(Files.size(shareFolder().resolve(next)));
		assertThat(logShipping.applyPendingLogs(pool(), actions)).hasSize(3).startsWith(next);

		assertThat(actions.actions()).anySatisfy(a -> assertThat(a.command() + ": " + a.outcome())
			.isEqualTo("backup header " + next + ": unreadable, left out: 3241"));
		assertThat(actions.actions()).anySatisfy(a -> {
			assertThat(a.command()).endsWith(next);
			assertThat(a.outcome()).startsWith("replaced a different copy");
		});
		assertThat(Files.mismatch(copy.resolve(next), shareFolder().resolve(next))).isEqualTo(-1L);
		off("torn-copy");
		assertThat(Files.mismatch(copy.resolve(next), shareFolder().resolve(next))).as("the product's copy stays")
			.isEqualTo(-1L);
	}

	/** With the primary's share lost as well, nothing can replace the torn copy: the chain has a gap until it is whole. */
	@Test
	void tornCopyBreaksTheChainWhileTheShareIsUnreachableAndTheRetryAppliesTheWholeCopy() throws Exception {
		Path copy = Path.of(pool().shares().get(1).localPath());
		String next = LogBackupFiles.list(copy, "mgc").get(5);
		on("share-unreachable");
		JsonNode before = estate();

		on("torn-copy");
		assertThatThrownBy(() -> logShipping.applyPendingLogs(pool(), actions))
			.isInstanceOf(LogChainBrokenException.class)
			.hasMessageContaining("log chain of mgc on dal-sql-bk.litwareinc.com\\PCHAT is broken");
		assertThat(actions.actions()).anySatisfy(a -> assertThat(a.command() + ": " + a.outcome())
			.isEqualTo("backup header " + next + ": unreadable, left out: 3241"));
		off("torn-copy");
		assertThat(estate()).isEqualTo(before);

		assertThat(logShipping.applyPendingLogs(pool(), actions)).hasSize(3).startsWith(next);
		assertThat(state().at("/sql/restoreHistory").size()).isEqualTo(8);
	}

	@Test
	void cmdletFailureFailsTheChangeNamingTheCmdletAndTheShellAndTheRetrySetsThePool() {
		mgcRecovered();
		JsonNode before = estate();

		on("cmdlet-failure");
		assertThatThrownBy(() -> pools.setPoolFailedOver(pool(), actions)).isInstanceOf(LyncShellException.class)
			.hasMessageStartingWith("Set-CsPersistentChatState failed on ssh lab@127.0.0.1:" + sshPort())
			.hasMessageContaining("Central Management store unreachable");
		off("cmdlet-failure");
		assertThat(estate()).isEqualTo(before);

		pools.setPoolFailedOver(pool(), actions);
		assertThat(state().at("/lync/pools/" + LabDrill.POOL + "/poolState").asText()).isEqualTo("FailedOver");
	}

	/** A cmdlet slower than the transport's timeout: the product gives up, the stopped cmdlet changes nothing. */
	@Test
	void slowCmdletTimesTheTransportOutAndTheRetrySetsThePool() {
		mgcRecovered();
		JsonNode before = estate();
		Pool impatient = withLyncTimeout(pool(), 2);

		on("slow-cmdlet");
		assertThatThrownBy(() -> pools.setPoolFailedOver(impatient, actions)).isInstanceOf(LyncShellException.class)
			.hasMessageStartingWith("Set-CsPersistentChatState on ssh lab@127.0.0.1:" + sshPort()
					+ ": timed out after 2 s (lync-shell.timeout-seconds)");
		off("slow-cmdlet");
		assertThat(estate()).isEqualTo(before);

		pools.setPoolFailedOver(impatient, actions);
		assertThat(state().at("/lync/pools/" + LabDrill.POOL + "/poolState").asText()).isEqualTo("FailedOver");
	}

	/** A hung host: the TCP connection is accepted, no SSH banner comes, the product's transport gives up. */
	@Test
	void sshTimeoutAcceptsTheConnectionAnswersNothingAndTheRetrySetsThePool() throws IOException {
		mgcRecovered();
		JsonNode before = estate();
		Pool impatient = withLyncTimeout(pool(), 2);

		on("ssh-timeout");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sshPort())) {
			socket.setSoTimeout(1000);
			assertThatExceptionOfType(SocketTimeoutException.class).as("no SSH banner")
				.isThrownBy(() -> socket.getInputStream().read());
		}
		assertThatThrownBy(() -> pools.setPoolFailedOver(impatient, actions)).isInstanceOf(LyncShellException.class)
			.hasMessageStartingWith("Get-CsPersistentChatState on ssh lab@127.0.0.1:" + sshPort() + ": ")
			.hasMessageContaining("Failed to get operation result within specified timeout");
		off("ssh-timeout");
		assertThat(estate()).isEqualTo(before);

		pools.setPoolFailedOver(impatient, actions);
		assertThat(state().at("/lync/pools/" + LabDrill.POOL + "/poolState").asText()).isEqualTo("FailedOver");
	}

	/**
	 * The ticketing system unreachable: the failover goes on, each callback fails for good naming the ticket and where
	 * it went; once it answers again, an admin retries the failed jobs and the ticketing system gets them.
	 */
	@Test
	void callbackDeadFailsTheCallbacksWithoutHoldingTheFailoverAndTheirRetryDeliversThem() {
		JsonNode dead = on("callback-dead");
		String callbackUrl = dead.at("/ticketing/callbackUrl").asText();
		assertThat(dead.at("/ticketing/dead").asBoolean()).isTrue();
		assertThatExceptionOfType(ConnectException.class).as("unreachable")
			.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), URI.create(callbackUrl).getPort()).close());

		String id = drill.start("INC-8801", "drill: ticketing unreachable", callbackUrl);
		drill.awaitTask(id, "ConfirmFailover");
		await().atMost(ApiClient.TIMEOUT).until(() -> failedCallbacks(callbackUrl).size() == 2);
		assertThat(failedCallbacks(callbackUrl)).extracting(job -> job.path("exceptionMessage").asText())
			.anySatisfy(message -> assertThat(message).isEqualTo("callback RUNNING (FailoverRequested) of ticket INC-8801"
					+ " to " + callbackUrl + " failed: java.net.ConnectException"));
		JsonNode before = estate();
		off("callback-dead");
		assertThat(estate()).isEqualTo(before);

		for (JsonNode job : failedCallbacks(callbackUrl)) {
			drill.json("admin", "PUT", "/engine-rest/job/" + job.path("id").asText() + "/retries",
					Map.of("retries", 1), 204);
		}
		await().atMost(ApiClient.TIMEOUT).until(() -> state().at("/ticketing/received").size() == 2);
		assertThat(state().at("/ticketing/received").findValuesAsText("state")).containsExactlyInAnyOrder("RUNNING",
				"WAITING_FOR_OPERATOR");
		assertThat(state().at("/ticketing/received/0/body/ticketId").asText()).isEqualTo("INC-8801");
		drill.json("admin", "DELETE", "/engine-rest/process-instance/" + id, null, 204);
	}

	@Test
	void listsTheFaultsThatAreOnAndAResetSwitchesThemAllOff() {
		on("sql-down");
		JsonNode two = on("share-unreachable");
		assertThat(two.path("faults").findValuesAsText("name")).containsExactly("sql-down", "share-unreachable");
		assertThat(two.at("/faults/0/since").asText()).isNotBlank();
		assertThat(two.at("/faults/0/detail").asText()).contains("refuses connections");
		assertThat(ApiClient.JSON.convertValue(two.path("knownFaults"), List.class)).containsExactly("sql-down",
				"mirror-sql-down", "share-unreachable", "torn-copy", "cmdlet-failure", "slow-cmdlet", "ssh-timeout",
				"callback-dead", "primary-not-sysadmin");
		assertThat(on("sql-down").path("faults")).as("on again: nothing more").isEqualTo(two.path("faults"));

		JsonNode reset = drill.scenario("normal");

		assertThat(reset.path("faults")).isEmpty();
		assertThat(reset.at("/sql/instanceDown").asBoolean()).isFalse();
		assertThat(reset.at("/sql/shareFiles").size()).isEqualTo(8);
	}

	/** An estate does not heal because the drill's app restarted: the faults that were on are on again. */
	@Test
	void aRestartedLabSwitchesOnAgainTheFaultsThatWereOn() {
		on("mirror-sql-down");
		JsonNode torn = on("torn-copy");
		mirrorSql.refuseConnections(false); // as the restarted app's fresh mirror instance would

		LabFaults restarted = new LabFaults(sql, mirrorSql, primarySql, lync, ssh, ticketing, properties);

		assertThat(restarted.active()).extracting(LabFaults.ActiveFault::name).containsExactly("mirror-sql-down",
				"torn-copy");
		assertThat(restarted.active().get(1).detail()).as("torn once, not twice")
			.isEqualTo(torn.at("/faults/1/detail").asText());
		assertThat(restarted.active().get(1).since().toString()).isEqualTo(torn.at("/faults/1/since").asText());
		assertThat(check(readiness(), "backup-mirror-sql").path("ok").asBoolean()).isFalse();
	}

	/** The login loses sysadmin on the primary: the log-shipping setup is refused with 21089, and allowed once off. */
	@Test
	void primaryNotSysadminRefusesTheLogShippingSetupProceduresOnly() throws Exception {
		String url = "jdbc:sqlserver://" + primarySql.endpoint() + ";encrypt=false;loginTimeout=5;connectRetryCount=0";
		String addPrimary = "EXEC master.dbo.sp_add_log_shipping_primary_database @database = N'mgc',"
				+ " @backup_directory = N'\\\\atl\\logship', @backup_share = N'\\\\atl\\logship'";
		JsonNode on = on("primary-not-sysadmin");
		assertThat(on.at("/faults/0/detail").asText()).contains("21089");
		try (Connection sql = DriverManager.getConnection(url, "lab", "lab");
				Statement statement = sql.createStatement()) {
			assertThat(statement.executeQuery("SELECT IS_SRVROLEMEMBER('sysadmin')").next()).isTrue();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute(addPrimary))
				.satisfies(refused -> assertThat(refused.getErrorCode()).isEqualTo(21089));
			assertThat(state().at("/primarySql")).as("databases untouched").isNotEmpty();
		}
		off("primary-not-sysadmin");
		try (Connection sql = DriverManager.getConnection(url, "lab", "lab");
				Statement statement = sql.createStatement()) {
			statement.execute(addPrimary);
			assertThat(statement.executeQuery("SELECT COUNT(*) FROM msdb.dbo.log_shipping_primary_databases")
				.next()).isTrue();
		}
	}

	@Test
	void refusesAnUnknownFaultAndAnyoneButAnAdmin() {
		JsonNode problem = drill.json("admin", "POST", "/api/lab/faults/disk-on-fire", null, 400);
		assertThat(problem.path("field").asText()).isEqualTo("name");
		assertThat(problem.path("detail").asText()).contains("disk-on-fire", "torn-copy");
		drill.json("operator", "POST", "/api/lab/faults/sql-down", null, 403);
		drill.json("operator", "DELETE", "/api/lab/faults/sql-down", null, 403);
		drill.json(null, "POST", "/api/lab/faults/sql-down", null, 401);
		assertThat(off("sql-down").path("faults")).as("off already: nothing happens").isEmpty();
	}

	/** Runbook step 4 done: SetPoolFailedOver acts only on an mgc ONLINE on the backup instance. */
	private void mgcRecovered() {
		recovery.recoverDatabase(pool(), actions);
	}

	private JsonNode on(String fault) {
		return drill.json("admin", "POST", "/api/lab/faults/" + fault, null, 200);
	}

	private JsonNode off(String fault) {
		return drill.json("admin", "DELETE", "/api/lab/faults/" + fault, null, 200);
	}

	private JsonNode state() {
		return drill.json("admin", "GET", "/api/lab/state", null, 200);
	}

	/** What a DBA and a Lync admin compare: databases, msdb's log shipping, restores, files, pools; not the history. */
	private JsonNode estate() {
		JsonNode state = state();
		ObjectNode estate = ApiClient.JSON.createObjectNode();
		for (String path : List.of("/sql/databases", "/sql/logShipping", "/sql/restoreHistory", "/sql/shareFiles",
				"/sql/copyFiles", "/lync/pools")) {
			estate.set(path, state.at(path));
		}
		return estate;
	}

	/** The failed jobs an admin finds in the engine, of the callbacks to the URL. */
	private List<JsonNode> failedCallbacks(String callbackUrl) {
		List<JsonNode> failed = new ArrayList<>();
		for (JsonNode job : drill.json("admin", "GET", "/engine-rest/job?noRetriesLeft=true", null, 200)) {
			if (job.path("exceptionMessage").asText().contains(" to " + callbackUrl + " ")) {
				failed.add(job);
			}
		}
		return failed;
	}

	private JsonNode readiness() {
		return drill.json("operator", "GET", "/api/pools/" + LabDrill.POOL + "/readiness", null, 200);
	}

	private static JsonNode check(JsonNode report, String name) {
		for (JsonNode check : report.path("checks")) {
			if (name.equals(check.path("name").asText())) {
				return check;
			}
		}
		throw new AssertionError("no check " + name + " in " + report);
	}

	private Pool pool() {
		return topology.pool(LabDrill.POOL);
	}

	private int sshPort() {
		return pool().lyncShell().port();
	}

	/** The pool with a shell whose cmdlets may take {@code seconds} at most, so a test does not wait a minute. */
	private static Pool withLyncTimeout(Pool pool, int seconds) {
		Pool.LyncShell shell = pool.lyncShell();
		return new Pool(pool.fqdn(), pool.database(), pool.backupSql(), pool.backupMirrorSql(), pool.mirrorFileShare(),
				pool.backupDataCenter(), pool.activeServerCandidates(), pool.shares(),
				new Pool.LyncShell(shell.transport(), shell.host(), shell.port(), shell.user(), shell.keyFile(),
						shell.passwordEnv(), shell.passwordFile(), shell.knownHostsFile(), seconds),
				pool.lyncVersion(), pool.activeServersIdentity());
	}

	private Path shareFolder() {
		return Path.of(pool().shares().get(0).localPath());
	}

}
