package org.pchatfailover.lync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs cmdlets on a Windows host with OpenSSH and the Lync Server Management Shell module. The host key must be
 * in the configured known-hosts file: an unknown or changed key fails the command, it is never accepted. One
 * {@link SshClient} serves all pools; it is started with the bean and stopped when the application stops.
 */
@Component
public class SshLyncShellTransport implements LyncShellTransport, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SshLyncShellTransport.class);

	private final Secrets secrets;

	private final SshClient client;

	public SshLyncShellTransport(Secrets secrets) {
		this.secrets = secrets;
		this.client = SshClient.setUpDefaultClient();
		this.client.setServerKeyVerifier(new KnownHostsPerConnection());
		this.client.start();
	}

	@Override
	public String transport() {
		return "ssh";
	}

	@Override
	public String describe(Pool.LyncShell shell) {
		return "ssh " + shell.user() + "@" + shell.host() + ":" + shell.port();
	}

	@Override
	public ShellResult run(Pool.LyncShell shell, LyncCommand command) {
		String target = describe(shell);
		Duration timeout = Duration.ofSeconds(shell.timeoutSeconds());
		long deadline = System.nanoTime() + timeout.toNanos();
		AttributeRepository context = AttributeRepository.ofKeyValuePair(KnownHostsPerConnection.KNOWN_HOSTS,
				knownHosts(shell, command, target));
		long started = System.nanoTime();
		try (ClientSession session = connect(shell, context, timeout, command, target)) {
			authenticate(session, shell, remaining(deadline), command, target);
			return exec(session, command, remaining(deadline), started, target, timeout);
		}
		catch (IOException ex) {
			throw new LyncShellException(command.cmdlet(), target, "SSH failed: " + ex.getMessage(), ex);
		}
	}

	private ClientSession connect(Pool.LyncShell shell, AttributeRepository context, Duration timeout,
			LyncCommand command, String target) {
		try {
			return client.connect(shell.user(), shell.host(), shell.port(), context, null)
				.verify(timeout)
				.getSession();
		}
		catch (IOException ex) {
			throw new LyncShellException(command.cmdlet(), target, "cannot connect: " + ex.getMessage(), ex);
		}
	}

	private void authenticate(ClientSession session, Pool.LyncShell shell, Duration timeout, LyncCommand command,
			String target) {
		if (shell.keyFile() != null && !shell.keyFile().isBlank()) {
			session.setKeyIdentityProvider(new FileKeyPairProvider(Path.of(shell.keyFile())));
		}
		char[] password = secrets.password(shell.passwordEnv(), shell.passwordFile(), "Lync shell " + target);
		if (password != null) {
			session.addPasswordIdentity(new String(password));
			Arrays.fill(password, '\0');
		}
		try {
			session.auth().verify(timeout);
		}
		catch (IOException ex) {
			// the host key is checked during key exchange, so a rejected key also surfaces here
			throw new LyncShellException(command.cmdlet(), target,
					"SSH authentication or host key verification failed for user " + shell.user()
							+ " (known hosts " + shell.knownHostsFile() + "): " + ex.getMessage(),
					ex);
		}
	}

	private ShellResult exec(ClientSession session, LyncCommand command, Duration timeout, long started,
			String target, Duration configured) throws IOException {
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try (ChannelExec channel = session.createExecChannel(PowerShell.commandLine(command.script()))) {
			channel.setOut(stdout);
			channel.setErr(stderr);
			channel.open().verify(timeout);
			Set<ClientChannelEvent> events = channel.waitFor(
					EnumSet.of(ClientChannelEvent.CLOSED), timeout);
			if (events.contains(ClientChannelEvent.TIMEOUT) || channel.getExitStatus() == null) {
				throw new LyncShellException(command.cmdlet(), target,
						"timed out after " + configured.toSeconds() + " s (lync-shell.timeout-seconds); stderr so far: "
								+ LyncShellException.errorText(stderr.toString(StandardCharsets.UTF_8)),
						null);
			}
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			log.debug("{} on {} exited {} after {} ms", command.cmdlet(), target, channel.getExitStatus(),
					duration.toMillis());
			return new ShellResult(channel.getExitStatus(), stdout.toString(StandardCharsets.UTF_8),
					stderr.toString(StandardCharsets.UTF_8), duration);
		}
	}

	private static Path knownHosts(Pool.LyncShell shell, LyncCommand command, String target) {
		if (shell.knownHostsFile() == null || shell.knownHostsFile().isBlank()) {
			throw new LyncShellException(command.cmdlet(), target,
					"lync-shell.known-hosts-file is not configured; the host key cannot be verified", null);
		}
		Path path = Path.of(shell.knownHostsFile());
		if (!Files.isReadable(path)) {
			throw new LyncShellException(command.cmdlet(), target,
					"known hosts file " + path + " is missing or unreadable; the host key cannot be verified", null);
		}
		return path;
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000L));
	}

	@Override
	public void close() {
		client.stop();
	}

}
