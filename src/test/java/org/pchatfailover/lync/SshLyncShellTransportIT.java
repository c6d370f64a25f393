package org.pchatfailover.lync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lab.lync.cmdlets.LabLyncFixtures;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;
import org.pchatfailover.sqlserver.ServerIdentityService;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;
import org.pchatfailover.topology.TestPools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SshLyncShellTransportIT {

	private static final Duration SLOW_SCRIPT = Duration.ofMinutes(2);

	private static final int TIMEOUT_SECONDS = 30;

	private static final Duration TEST_CLIENT_TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path dir;

	private LabLyncShell lab;

	private LabLyncSshServer server;

	private SshLyncShellTransport transport;

	private Path password;

	private Path knownHosts;

	@BeforeEach
	void startLab() throws Exception {
		lab = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL, SLOW_SCRIPT);
		server = new LabLyncSshServer(lab, "127.0.0.1", 0, dir.resolve("host_key"), "lab", "lab");
		server.start();
		password = Files.writeString(dir.resolve("ssh.password"), "lab\n");
		knownHosts = Files.writeString(dir.resolve("known_hosts"),
				String.join("\n", server.knownHostsLines(List.of("127.0.0.1"))) + "\n");
		transport = new SshLyncShellTransport(new Secrets());
	}

	@AfterEach
	void stopLab() {
		transport.close();
		server.close();
	}

	/**
	 * The Lync side for real; the backup SQL Server without sockets shows mgc ONLINE for SetPoolFailedOver's check, and
	 * the pool's is nowhere (port 1) for the active servers, so the database has no evidence of them.
	 */
	private PersistentChatPoolService poolService() {
		return new PersistentChatPoolService(new LyncShellAdapter(List.of(transport)),
				new FakeBackupSql().mirroringService(), new ServerIdentityService(new SqlServerAdapter(new Secrets())));
	}

	private Pool pool(Path passwordFile, Path knownHostsFile, int timeoutSeconds) {
		return TestPools.pool(TestPools.ssh(server.port(), passwordFile, knownHostsFile, timeoutSeconds));
	}

	@Test
	void failsThePoolOverThroughTheLabShell() {
		ActionLog actions = new ActionLog();
		poolService()
			.setPoolFailedOver(pool(password, knownHosts, TIMEOUT_SECONDS), actions);

		assertThat(lab.state().pools().get(TestPools.POOL_FQDN).poolState()).isEqualTo("FailedOver");
		assertThat(lab.state().history()).extracting(h -> h.command())
			.containsExactly("Get-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'",
					"Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -PoolState 'FailedOver'"
							+ " -Confirm:$false",
					"Get-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com'");
		assertThat(actions.actions()).allSatisfy(a -> assertThat(a.target()).isEqualTo("ssh lab@127.0.0.1:" + server.port()));
	}

	@Test
	void setsActiveServersThroughTheLabShellWithTheDocumentedListModifiers() {
		poolService().setPoolFailedOver(pool(password, knownHosts, TIMEOUT_SECONDS), new ActionLog());
		ActiveServerEvidence evidence = poolService().setActiveServers(pool(password, knownHosts, TIMEOUT_SECONDS),
				List.of("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com"), false, new ActionLog());

		assertThat(evidence.confirmed()).isFalse();
		assertThat(evidence.summary()).startsWith("Active servers set, not confirmed by the database: "
				+ "mgc.dbo.tblServerIdentity on dal-sql-bk.litwareinc.com\\PCHAT could not be read (cannot connect");

		assertThat(lab.state().pools().get(TestPools.POOL_FQDN).activeServers())
			.containsExactly("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		assertThat(lab.state().history()).extracting(h -> h.command())
			.filteredOn(command -> command.startsWith("Set-CsPersistentChatActiveServer"))
			.containsExactly("Set-CsPersistentChatActiveServer -Identity 'global'"
					+ " -ActiveServers @{Add='dal-pc-001.litwareinc.com','dal-pc-002.litwareinc.com'} -Confirm:$false",
					"Set-CsPersistentChatActiveServer -Identity 'global'"
							+ " -ActiveServers @{Remove='atl-pc-001.litwareinc.com','atl-pc-002.litwareinc.com'}"
							+ " -Confirm:$false");
	}

	@Test
	void readsCmdletsAndPoolComputersThroughTheLabShell() {
		LyncShellAdapter adapter = new LyncShellAdapter(List.of(transport));
		Pool pool = pool(password, knownHosts, TIMEOUT_SECONDS);
		ActionLog actions = new ActionLog();

		assertThat(adapter.getCommands(pool, List.of("Install-CsMirrorDatabase", "Get-CsPersistentChatActiveServer"),
				actions)).containsExactly("Install-CsMirrorDatabase");
		assertThat(adapter.getPoolComputers(pool, actions)).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com", "dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		assertThat(actions.actions()).allSatisfy(a -> assertThat(a.succeeded()).isTrue());
	}

	@Test
	void returnsNonZeroExitCodeAndStderr() {
		ShellResult result = transport.run(pool(password, knownHosts, TIMEOUT_SECONDS).lyncShell(),
				new LyncCommand("Get-CsNothing", "Get-CsNothing", "$ErrorActionPreference = 'Stop'\nGet-CsNothing\n"));

		assertThat(result.exitCode()).isEqualTo(1);
		// as Windows PowerShell writes it for -EncodedCommand to a redirected stderr: CLIXML of the error view
		assertThat(result.stderr()).isEqualTo("#< CLIXML\r\n<Objs Version=\"1.1.0.1\""
				+ " xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S S=\"Error\">Get-CsNothing : The term"
				+ " 'Get-CsNothing' is not recognized as the name of a cmdlet, function, script file, or operable program."
				+ " Check the spelling of the name, or if a path was included, verify that the path is correct and try"
				+ " again._x000D__x000A_</S><S S=\"Error\">At line:2 char:1_x000D__x000A_</S><S S=\"Error\">+"
				+ " Get-CsNothing_x000D__x000A_</S><S S=\"Error\">+ ~~~~~~~~~~~~~_x000D__x000A_</S><S S=\"Error\">   "
				+ " + CategoryInfo          : ObjectNotFound: (Get-CsNothing:String) [], CommandNotFoundException"
				+ "_x000D__x000A_</S><S S=\"Error\">    + FullyQualifiedErrorId : CommandNotFoundException_x000D__x000A_"
				+ "</S><S S=\"Error\"> _x000D__x000A_</S></Objs>");
		assertThat(LyncShellException.errorText(result.stderr())).isEqualTo("Get-CsNothing : The term 'Get-CsNothing'"
				+ " is not recognized as the name of a cmdlet, function, script file, or operable program. Check the"
				+ " spelling of the name, or if a path was included, verify that the path is correct and try again.");
		assertThat(result.stdout()).isEmpty();
	}

	@Test
	void failsAuthenticationWithAWrongPassword() throws Exception {
		Path wrong = Files.writeString(dir.resolve("wrong.password"), "not-lab");

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(pool(wrong, knownHosts, TIMEOUT_SECONDS).lyncShell(),
					LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.satisfies(ex -> assertThat(ex.exitCode()).isNull())
			.withMessageContaining("SSH authentication or host key verification failed for user lab");
		assertThat(lab.state().history()).isEmpty();
	}

	@Test
	void rejectsAHostThatIsNotInKnownHosts() throws Exception {
		Path otherHost = Files.writeString(dir.resolve("other_host"),
				String.join("\n", server.knownHostsLines(List.of("10.9.8.7"))) + "\n");

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(pool(password, otherHost, TIMEOUT_SECONDS).lyncShell(),
					LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.withMessageContaining("host key verification failed");
		assertThat(lab.state().history()).isEmpty();
	}

	@Test
	void rejectsAChangedHostKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		Path otherKey = Files.writeString(dir.resolve("other_known_hosts"), "[127.0.0.1]:" + server.port() + " "
				+ PublicKeyEntry.toString(generator.generateKeyPair().getPublic()) + "\n");

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(pool(password, otherKey, TIMEOUT_SECONDS).lyncShell(),
					LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.withMessageContaining("Get-CsPersistentChatState on ssh lab@127.0.0.1:");
		assertThat(lab.state().history()).isEmpty();
	}

	@Test
	void refusesToConnectWithoutAKnownHostsFile() {
		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(pool(password, dir.resolve("missing"), TIMEOUT_SECONDS).lyncShell(),
					LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.withMessageContaining("known hosts file");
	}

	@Test
	void timesOutOnASlowShell() {
		lab.reset(LabLyncShell.SLOW);

		assertThatExceptionOfType(LyncShellException.class)
			.isThrownBy(() -> transport.run(pool(password, knownHosts, 1).lyncShell(),
					LyncCmdlets.getPersistentChatState(TestPools.POOL_FQDN)))
			.satisfies(ex -> assertThat(ex.exitCode()).isNull())
			.withMessageContaining("timed out after 1 s");
	}

	@Test
	void labRefusesAnythingButThePowerShellLine() throws Exception {
		try (SshClient client = SshClient.setUpDefaultClient()) {
			// test-only: the lab's key is the one under test elsewhere
			client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
			client.start();
			try (ClientSession session = client.connect("lab", "127.0.0.1", server.port())
				.verify(TEST_CLIENT_TIMEOUT)
				.getSession()) {
				session.addPasswordIdentity("lab");
				session.auth().verify(TEST_CLIENT_TIMEOUT);
				ByteArrayOutputStream err = new ByteArrayOutputStream();
				try (ChannelExec exec = session.createExecChannel("cmd.exe /c del C:\\")) {
					exec.setErr(err);
					exec.open().verify(TEST_CLIENT_TIMEOUT);
					exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TEST_CLIENT_TIMEOUT);
					assertThat(exec.getExitStatus()).isEqualTo(1);
				}
				assertThat(err.toString(StandardCharsets.UTF_8)).contains("runs only: powershell.exe -NoProfile");
			}
		}
		assertThat(lab.state().history()).isEmpty();
	}

}
