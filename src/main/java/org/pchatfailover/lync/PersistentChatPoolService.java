package org.pchatfailover.lync;

import java.util.List;

import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Fqdn;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/** Runbook steps 5 to 7 in the Lync Server Management Shell. */
@Service
public class PersistentChatPoolService {

	/** SetPoolFailedOver: {@code Set-CsPersistentChatState -PoolState FailedOver}, verified with Get-. */
	public void setPoolFailedOver(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("Lync shell adapter not implemented yet (issue 5)");
	}

	/** InstallMirror: {@code Install-CsMirrorDatabase} with the backup instance as principal, verified. */
	public void installMirror(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("Lync shell adapter not implemented yet (issue 5)");
	}

	/** The configured candidates in the new primary's data centre, proposed in ConfirmActiveServers. */
	public List<String> proposeActiveServers(Pool pool) {
		return pool.activeServerCandidates()
			.stream()
			.filter(c -> c.dataCenter().equalsIgnoreCase(pool.backupDataCenter()))
			.map(Pool.ActiveServerCandidate::fqdn)
			.toList();
	}

	/**
	 * Refuses an empty list, a name that is not an FQDN, or a server outside the backup data centre that the
	 * operator has not confirmed as low-latency.
	 */
	public void checkActiveServers(Pool pool, List<String> servers, boolean lowLatencyConfirmed) {
		if (servers.isEmpty()) {
			throw new IllegalArgumentException("choose at least one active server");
		}
		servers.forEach(server -> Fqdn.require(server, "active server"));
		List<String> outside = servers.stream()
			.filter(server -> pool.activeServerCandidates()
				.stream()
				.noneMatch(c -> c.fqdn().equalsIgnoreCase(server) && c.dataCenter().equalsIgnoreCase(pool.backupDataCenter())))
			.toList();
		if (!outside.isEmpty() && !lowLatencyConfirmed) {
			throw new IllegalArgumentException(String.join(", ", outside) + " not in data centre "
					+ pool.backupDataCenter() + ": confirm low latency and high bandwidth to it, or choose others");
		}
	}

	/**
	 * SetActiveServers: {@code Set-CsPersistentChatActiveServer}, verified.
	 * @param lowLatencyConfirmed the operator confirmed servers outside the backup data centre have low
	 * latency and high bandwidth to it
	 */
	public void setActiveServers(Pool pool, List<String> servers, boolean lowLatencyConfirmed, ActionLog actions) {
		throw new UnsupportedOperationException("Lync shell adapter not implemented yet (issue 5)");
	}

}
