package org.pchatfailover.lync;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * Verifies a server's host key against the known-hosts file of the pool the connection is for (each pool may
 * name its own). Unknown and changed keys are rejected: the verifier is strict, with no first-use acceptance.
 */
class KnownHostsPerConnection implements ServerKeyVerifier {

	static final AttributeKey<Path> KNOWN_HOSTS = new AttributeKey<>();

	private final Map<Path, KnownHostsServerKeyVerifier> verifiers = new ConcurrentHashMap<>();

	@Override
	public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
		AttributeRepository context = session.getConnectionContext();
		Path file = (context != null) ? context.getAttribute(KNOWN_HOSTS) : null;
		if (file == null) {
			return false;
		}
		// KnownHostsServerKeyVerifier re-reads the file when it changes; rejects unknown keys via its delegate
		// and modified keys because no ModifiedServerKeyAcceptor is set
		return verifiers
			.computeIfAbsent(file.toAbsolutePath(),
					p -> new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, p))
			.verifyServerKey(session, remoteAddress, serverKey);
	}

}
