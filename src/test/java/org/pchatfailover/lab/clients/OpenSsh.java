package org.pchatfailover.lab.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * OpenSSH's ssh as a Lync admin runs a cmdlet on the lab's Lync shell: password login (the lab offers no keys) given
 * by an SSH_ASKPASS program that SSH_ASKPASS_REQUIRE=force makes ssh use without a terminal, the host key checked
 * strictly against a known_hosts file, no user or system configuration.
 */
final class OpenSsh {

	private final Path askpass;

	private final Path knownHosts;

	OpenSsh(Path dir, String password) {
		try {
			askpass = dir.resolve("askpass.sh");
			Files.writeString(askpass, "#!/bin/sh\necho '" + password + "'\n", StandardCharsets.UTF_8);
			Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
			knownHosts = dir.resolve("known_hosts");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Trusts exactly these known_hosts lines from now on. */
	OpenSsh trust(List<String> knownHostsLines) {
		try {
			Files.write(knownHosts, knownHostsLines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** {@code ssh ... lab@127.0.0.1 'powershell.exe -NoProfile -NonInteractive -EncodedCommand <base64 UTF-16LE>'}. */
	ExternalClient.Result powershell(int port, String script) {
		String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
		return ExternalClient.run(ExternalClient.TIMEOUT,
				Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force"), null,
				List.of("ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=yes", "-o",
						"UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null", "-o",
						"PreferredAuthentications=password,keyboard-interactive", "-o", "PubkeyAuthentication=no",
						"-o", "NumberOfPasswordPrompts=1", "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "-p",
						Integer.toString(port), "lab@127.0.0.1",
						"powershell.exe -NoProfile -NonInteractive -EncodedCommand " + encoded));
	}

}
