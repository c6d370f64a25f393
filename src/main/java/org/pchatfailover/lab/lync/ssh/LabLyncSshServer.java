package org.pchatfailover.lab.lync.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.pchatfailover.lab.LabSecretFiles;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;

/**
 * The lab Lync shell over SSH (Apache MINA sshd): password login, exec requests of the powershell.exe line,
 * a host key kept in a file so that known_hosts entries stay valid across restarts. Clients connect to an
 * {@link SshFrontDoor} on the configured port, which relays to the SSH server on a loopback port of its own and can
 * stop answering (lab fault {@code ssh-timeout}).
 * <p>
 * The key file is written once, on the first start, with its parent directories and owner-only permissions, and
 * read on every later start. MINA's provider writes it only when the directory exists; otherwise it logs and serves
 * a throwaway key, which OpenSSH clients then report as a changed host key after each restart.
 */
public class LabLyncSshServer implements AutoCloseable {

	private final SshServer server;

	private final SimpleGeneratorHostKeyProvider hostKeys;

	private final Path hostKeyFile;

	private final String bindAddress;

	private final int port;

	private volatile SshFrontDoor door;

	private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "lab-lync-shell");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param port TCP port, 0 for any free one (see {@link #port()})
	 * @param hostKeyFile where the host key is kept; generated on first start
	 */
	public LabLyncSshServer(LabLyncShell shell, String bindAddress, int port, Path hostKeyFile, String user,
			String password) {
		this.hostKeyFile = hostKeyFile;
		this.bindAddress = bindAddress;
		this.port = port;
		hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
		server = SshServer.setUpDefaultServer();
		// only the front door connects to it
		server.setHost(InetAddress.getLoopbackAddress().getHostAddress());
		server.setPort(0);
		server.setKeyPairProvider(hostKeys);
		server.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
		server.setCommandFactory((channel, command) -> new LabExecCommand(shell, command, executor));
		server.setShellFactory(channel -> new LabExecCommand(shell, null, executor));
	}

	public void start() {
		keepHostKey();
		try {
			server.start();
			InetSocketAddress internal = (InetSocketAddress) server.getBoundAddresses().iterator().next();
			door = new SshFrontDoor(InetAddress.getByName(bindAddress), port,
					new InetSocketAddress(InetAddress.getLoopbackAddress(), internal.getPort()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lab Lync shell cannot listen on " + bindAddress + ":" + port, ex);
		}
	}

	/**
	 * Lab fault {@code ssh-timeout}: the port accepts TCP connections and answers nothing, on new connections and on
	 * open ones, until it answers again.
	 */
	public void stopAnswering(boolean silent) {
		door.silence(silent);
	}

	// the key in the file from an earlier start, or a new one written to it now; never a key held only in memory
	private void keepHostKey() {
		try {
			Files.createDirectories(hostKeyFile.toAbsolutePath().getParent());
			boolean kept = !hostKeys.loadKeys(null).isEmpty() && Files.isRegularFile(hostKeyFile);
			if (!kept) {
				throw new IllegalStateException("the lab host key could not be kept in " + hostKeyFile);
			}
			LabSecretFiles.restrict(hostKeyFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the lab host key in " + hostKeyFile, ex);
		}
	}

	/** The port listened on, also when 0 was asked for. */
	public int port() {
		return door.port();
	}

	public PublicKey hostKey() {
		try {
			for (KeyPair pair : hostKeys.loadKeys(null)) {
				return pair.getPublic();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the lab host key", ex);
		}
		throw new IllegalStateException("the lab SSH server has no host key");
	}

	/** known_hosts lines for this server under the given host names, in OpenSSH's format. */
	public List<String> knownHostsLines(List<String> hosts) {
		String key = PublicKeyEntry.toString(hostKey());
		int port = port();
		return hosts.stream().map(h -> ((port == 22) ? h : "[" + h + "]:" + port) + " " + key).toList();
	}

	public boolean isRunning() {
		return server.isStarted() && door != null;
	}

	@Override
	public void close() {
		if (door != null) {
			door.close();
		}
		try {
			server.stop(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot stop the lab Lync shell", ex);
		}
		finally {
			executor.shutdownNow();
		}
	}

}
