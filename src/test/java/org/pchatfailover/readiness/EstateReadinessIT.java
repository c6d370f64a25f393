package org.pchatfailover.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The estate check against the lab, over HTTP as an operator runs it: what each check reads, that each failure the
 * lab can stage is found with its remedy, and that the check changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EstateReadinessIT {

	static final String POOL = LabDrill.POOL;

	static final String READINESS = "/api/pools/" + POOL + "/readiness";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	LabProperties labProperties;

	@Autowired
	Topology topology;

	@Autowired
	EstateReadiness readiness;

	LabDrill lab;

	@BeforeEach
	void normalLab() {
		lab = new LabDrill(port);
		lab.scenario("normal");
	}

	@Test
	void answersEveryCheckWithItsEvidenceInTheContractsShape() {
		JsonNode report = lab.json("operator", "GET", READINESS, null, 200);

		assertThat(report.path("pool").asText()).isEqualTo(POOL);
		assertThat(report.path("checkedAt").asText()).isNotBlank();
		assertThat(report.path("ready").asBoolean()).as("a healthy lab is ready: " + report).isTrue();
		List<String> names = new ArrayList<>();
		report.path("checks").forEach(check -> {
			names.add(check.path("name").asText());
			assertThat(check.path("evidence").asText()).as(check.toString()).isNotBlank();
			assertThat(check.path("ok").isBoolean()).isTrue();
			assertThat(check.has("remedy")).as(check.toString()).isTrue();
		});
		assertThat(names).containsSubsequence(BackupSqlChecks.LOGIN, BackupSqlChecks.VERSION, BackupSqlChecks.RIGHTS,
				BackupSqlChecks.LOG_SHIPPING,
				BackupSqlChecks.RESTORING, BackupSqlChecks.LOG_CHAIN, BackupSqlChecks.RECOVERY_POINT,
				ShareChecks.BACKUP_SHARE, ShareChecks.COPY_DESTINATION, MirrorSqlCheck.NAME, LyncChecks.LOGIN,
				LyncChecks.CMDLETS,
				LyncChecks.POOL_IDENTITY, LyncChecks.CANDIDATES, LyncChecks.MIRROR_UNATTENDED, LyncChecks.MIRROR_STATE);
		assertThat(check(report, BackupSqlChecks.LOG_SHIPPING).path("evidence").asText())
			.contains("\\\\atl-sql-001.litwareinc.com\\logship");
		assertThat(check(report, LyncChecks.POOL_IDENTITY).path("evidence").asText())
			.isEqualTo("Get-CsPersistentChatState: pool " + POOL + " is Normal; Get-CsPool: 4 computer(s)");
		assertThat(check(report, LyncChecks.MIRROR_UNATTENDED).path("evidence").asText()).contains("What if:");
		assertThat(check(report, MirrorSqlCheck.NAME).path("evidence").asText())
			.endsWith("@@SERVERNAME DAL-SQL-MR\\PCHAT");
		assertThat(names).doesNotHaveDuplicates();
	}

	@Test
	void changesNothingInTheLab() throws IOException {
		lab.scenario("uncopied-files");
		JsonNode before = labState();
		Map<String, String> filesBefore = files();

		lab.json("operator", "GET", READINESS, null, 200);

		assertThat(labState()).isEqualTo(before);
		assertThat(files()).isEqualTo(filesBefore);
		JsonNode history = lab.json("admin", "GET", "/api/lab/state", null, 200).at("/lync/history");
		List<String> cmdlets = new ArrayList<>();
		history.forEach(entry -> cmdlets.add(entry.path("command").asText()));
		assertThat(cmdlets).as("what the Lync shell was asked").isNotEmpty()
			.allSatisfy(command -> assertThat(command).matches("(?s)(Get-\\S+|.*-WhatIf\\b).*"));
	}

	@Test
	void findsABrokenLogChainWithTheDataAFailoverWouldLose() {
		lab.scenario("broken-chain");
		JsonNode report = lab.json("operator", "GET", READINESS, null, 200);

		assertThat(report.path("ready").asBoolean()).isFalse();
		JsonNode chain = check(report, BackupSqlChecks.LOG_CHAIN);
		assertThat(chain.path("ok").asBoolean()).isFalse();
		assertThat(chain.path("evidence").asText()).startsWith("broken: the next log backup must start at or before LSN");
		assertThat(chain.path("remedy").asText()).contains("find the missing log backup(s)");
	}

	@Test
	void reportsAnInstanceThatIsDownAsAFailedLoginAndTheChecksThatNeedIt() {
		lab.scenario("sql-down");
		JsonNode report = lab.json("operator", "GET", READINESS, null, 200);

		JsonNode login = check(report, BackupSqlChecks.LOGIN);
		assertThat(login.path("ok").asBoolean()).isFalse();
		assertThat(login.path("evidence").asText()).contains("dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(login.path("remedy").asText()).contains("is up and reachable");
		assertThat(check(report, BackupSqlChecks.LOG_CHAIN).path("evidence").asText())
			.startsWith("not checked: cannot log in to dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(check(report, ShareChecks.COPY_DESTINATION).path("ok").asBoolean()).isFalse();
	}

	@Test
	void findsABackupDatabaseThatIsNoLongerRestoring() {
		lab.scenario("standby");
		JsonNode restoring = check(lab.json("operator", "GET", READINESS, null, 200), BackupSqlChecks.RESTORING);

		assertThat(restoring.path("ok").asBoolean()).isFalse();
		assertThat(restoring.path("evidence").asText()).contains("STANDBY");
		assertThat(restoring.path("remedy").asText()).contains("NORECOVERY");
	}

	@Test
	void findsAPoolThatIsFailedOverAlready() {
		lab.scenario("failed-over");
		JsonNode identity = check(lab.json("operator", "GET", READINESS, null, 200), LyncChecks.POOL_IDENTITY);

		assertThat(identity.path("ok").asBoolean()).isFalse();
		assertThat(identity.path("evidence").asText()).contains("is FailedOver");
		assertThat(identity.path("remedy").asText()).contains("failback");
	}

	@Test
	void findsALyncHostWhoseKeyIsNotKnown() throws IOException {
		Pool lab = topology.pool(POOL);
		Path emptyKnownHosts = Files.createTempFile("known_hosts", "");
		Pool.LyncShell shell = lab.lyncShell();
		Pool unknownKey = new Pool(lab.fqdn(), lab.database(), lab.backupSql(), lab.backupMirrorSql(),
				lab.mirrorFileShare(), lab.backupDataCenter(), lab.activeServerCandidates(), lab.shares(),
				new Pool.LyncShell(shell.transport(), shell.host(), shell.port(), shell.user(), shell.keyFile(),
						shell.passwordEnv(), shell.passwordFile(), emptyKnownHosts.toString(), shell.timeoutSeconds()),
				lab.lyncVersion(), lab.activeServersIdentity());

		ReadinessReport report = readiness.check(unknownKey);

		ReadinessCheck login = report.checks().stream().filter(c -> c.name().equals(LyncChecks.LOGIN)).findFirst()
			.orElseThrow();
		assertThat(login.ok()).isFalse();
		assertThat(login.evidence()).containsIgnoringCase("host key");
		assertThat(login.remedy()).contains(emptyKnownHosts.toString());
	}

	@Test
	void findsABackupMirrorThatIsDownOrAnotherInstance() {
		Pool labPool = topology.pool(POOL);
		Pool.SqlInstance mirror = labPool.backupMirrorSql();
		String down = "jdbc:sqlserver://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort() + ";encrypt=false;loginTimeout=2";

		ReadinessCheck unreachable = mirrorCheck(withMirror(labPool, new Pool.SqlInstance(down, mirror.fqdn(),
				mirror.instance(), mirror.user(), mirror.passwordEnv(), mirror.passwordFile())));
		ReadinessCheck another = mirrorCheck(withMirror(labPool, new Pool.SqlInstance(labPool.backupSql().jdbcUrl(),
				mirror.fqdn(), mirror.instance(), mirror.user(), mirror.passwordEnv(), mirror.passwordFile())));

		assertThat(unreachable.ok()).isFalse();
		assertThat(unreachable.evidence()).contains("dal-sql-mr.litwareinc.com\\PCHAT");
		assertThat(another.ok()).isFalse();
		assertThat(another.evidence()).endsWith("@@SERVERNAME DAL-SQL-BK\\PCHAT, which is not dal-sql-mr.litwareinc.com\\PCHAT");
		assertThat(lab.json("admin", "GET", "/api/lab/state", null, 200).at("/endpoints/mirrorSql").asText())
			.endsWith(":" + mirrorPort());
	}

	@Test
	void findsAPoolTheLyncTopologyDoesNotKnow() {
		Pool labPool = topology.pool(POOL);
		Pool unknown = new Pool("atl-cs-009.litwareinc.com", labPool.database(), labPool.backupSql(),
				labPool.backupMirrorSql(), labPool.mirrorFileShare(), labPool.backupDataCenter(),
				labPool.activeServerCandidates(), labPool.shares(), labPool.lyncShell(), labPool.lyncVersion(),
				labPool.activeServersIdentity());

		List<ReadinessCheck> checks = readiness.check(unknown).checks();

		ReadinessCheck identity = checks.stream().filter(c -> c.name().equals(LyncChecks.POOL_IDENTITY)).findFirst()
			.orElseThrow();
		ReadinessCheck mirrorState = checks.stream().filter(c -> c.name().equals(LyncChecks.MIRROR_STATE)).findFirst()
			.orElseThrow();
		assertThat(identity.ok()).isFalse();
		assertThat(identity.remedy()).contains("the Persistent Chat pool's FQDN as Topology Builder names it");
		assertThat(mirrorState.ok()).isFalse();
		assertThat(mirrorState.evidence()).contains("Get-CsDatabaseMirrorState");
		assertThat(mirrorState.remedy()).contains("InstallMirror verifies mirroring with this cmdlet");
	}

	@Test
	void findsACmdletTheFailoverNeedsMissingFromTheShell() {
		lab.scenario("missing-cmdlet");
		JsonNode report = lab.json("operator", "GET", READINESS, null, 200);

		JsonNode cmdlets = check(report, LyncChecks.CMDLETS);
		assertThat(cmdlets.path("ok").asBoolean()).isFalse();
		assertThat(cmdlets.path("evidence").asText()).startsWith("Get-Command does not find Install-CsMirrorDatabase");
		assertThat(cmdlets.path("remedy").asText()).contains("Lync Server Management Shell");
		assertThat(check(report, LyncChecks.MIRROR_UNATTENDED).path("ok").asBoolean()).isFalse();
	}

	@Test
	void findsAnInstallCsMirrorDatabaseThatWouldAskForConfirmation() {
		lab.scenario("prompting-mirror");
		JsonNode unattended = check(lab.json("operator", "GET", READINESS, null, 200), LyncChecks.MIRROR_UNATTENDED);

		assertThat(unattended.path("ok").asBoolean()).isFalse();
		assertThat(unattended.path("evidence").asText()).contains("NonInteractive mode");
		assertThat(unattended.path("remedy").asText()).contains("non-interactive shell");
	}

	@Test
	void findsACandidateThatIsNoComputerOfThePool() {
		lab.scenario("candidate-not-in-pool");
		JsonNode candidates = check(lab.json("operator", "GET", READINESS, null, 200), LyncChecks.CANDIDATES);

		assertThat(candidates.path("ok").asBoolean()).isFalse();
		assertThat(candidates.path("evidence").asText()).startsWith("dal-pc-002.litwareinc.com not among the computers");
		assertThat(candidates.path("remedy").asText()).contains("active-server-candidates");
	}

	@Test
	void keepsTheLastResultForTheListOfPools() {
		lab.scenario("broken-chain");
		lab.json("operator", "GET", READINESS, null, 200);

		JsonNode pools = lab.json("admin", "GET", "/api/pools", null, 200);
		assertThat(pools).hasSize(1);
		JsonNode pool = pools.get(0);
		assertThat(pool.path("fqdn").asText()).isEqualTo(POOL);
		assertThat(pool.path("backupSql").asText()).isEqualTo("dal-sql-bk.litwareinc.com\\PCHAT");
		assertThat(pool.at("/lastReadiness/ready").asBoolean()).isFalse();
		assertThat(pool.at("/lastReadiness/failedChecks").toString()).contains(BackupSqlChecks.LOG_CHAIN);
		assertThat(pool.path("readiness").asText()).isEqualTo(READINESS);
	}

	@Test
	void answersOnlyOperatorsAndAdminsAndAnUnknownPoolWith404() {
		Response ticketing = lab.send("ticketing", "GET", READINESS, null, "application/json");
		assertThat(ticketing.status()).isEqualTo(403);
		assertThat(ticketing.contentType()).startsWith("application/problem+json");
		assertThat(lab.send("ticketing", "GET", "/api/pools", null, "application/json").status()).isEqualTo(403);
		assertThat(lab.send(null, "GET", READINESS, null, "application/json").status()).isEqualTo(401);

		Response unknown = lab.send("operator", "GET", "/api/pools/nowhere.litwareinc.com/readiness", null,
				"application/json");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().path("detail").asText()).contains("nowhere.litwareinc.com");
	}

	private ReadinessCheck mirrorCheck(Pool pool) {
		return readiness.check(pool).checks().stream().filter(c -> c.name().equals(MirrorSqlCheck.NAME)).findFirst()
			.orElseThrow();
	}

	private static Pool withMirror(Pool pool, Pool.SqlInstance mirror) {
		return new Pool(pool.fqdn(), pool.database(), pool.backupSql(), mirror, pool.mirrorFileShare(),
				pool.backupDataCenter(), pool.activeServerCandidates(), pool.shares(), pool.lyncShell(),
				pool.lyncVersion(), pool.activeServersIdentity());
	}

	private int mirrorPort() {
		return labProperties.mirrorSqlPort();
	}

	private static JsonNode check(JsonNode report, String name) {
		for (JsonNode check : report.path("checks")) {
			if (name.equals(check.path("name").asText())) {
				return check;
			}
		}
		throw new AssertionError("no check " + name + " in " + report);
	}

	/** What a DBA and a Lync admin would check, without the Lync shell's history of commands (a log, not state). */
	private JsonNode labState() {
		ObjectNode state = (ObjectNode) lab.json("admin", "GET", "/api/lab/state", null, 200).deepCopy();
		((ObjectNode) state.path("lync")).remove("history");
		return state;
	}

	/**
	 * Every file of the lab's share, copy destination, secrets and SQL state, with its size and last modification;
	 * not the Lync shell's state file, which keeps the history of commands beside the state compared above.
	 */
	private Map<String, String> files() throws IOException {
		Map<String, String> files = new TreeMap<>();
		Path lyncState = labProperties.dir().resolve("lync").resolve("state.json");
		try (Stream<Path> all = Files.walk(labProperties.dir())) {
			for (Path file : all.filter(Files::isRegularFile).filter(file -> !file.equals(lyncState)).toList()) {
				files.put(labProperties.dir().relativize(file).toString(),
						Files.size(file) + " " + Files.getLastModifiedTime(file));
			}
		}
		return files;
	}

}
