package org.pchatfailover.topology;

import java.util.List;

/**
 * Where active Persistent Chat servers may run (runbook step 7): in the data centre of the database they use, or
 * in one with low latency and high bandwidth to it, which only the operator can confirm. The failover applies it
 * for the backup data centre; the way back applies it for the primary one.
 */
public final class ActiveServerRules {

	private ActiveServerRules() {
	}

	/** The configured candidates in the data centre, proposed to the operator. */
	public static List<String> propose(Pool pool, String dataCenter) {
		return pool.activeServerCandidates()
			.stream()
			.filter(c -> c.dataCenter().equalsIgnoreCase(dataCenter))
			.map(Pool.ActiveServerCandidate::fqdn)
			.toList();
	}

	/**
	 * Refuses a list the runbook does not allow: empty, a name that is not an FQDN, a server that is no configured
	 * candidate of the pool (confirming latency cannot make a stranger's host a Persistent Chat server of the pool),
	 * or a candidate outside the data centre unless the operator confirmed its low latency and high bandwidth to it.
	 * @throws IllegalArgumentException naming the offending server and what to do
	 */
	public static void check(Pool pool, String dataCenter, List<String> servers, boolean lowLatencyConfirmed) {
		if (servers == null || servers.isEmpty()) {
			throw new IllegalArgumentException("Choose at least one active Persistent Chat server for pool "
					+ pool.fqdn() + " (proposed: " + propose(pool, dataCenter) + ")");
		}
		for (String server : servers) {
			String fqdn = Fqdn.require(server, "Active server");
			Pool.ActiveServerCandidate candidate = pool.activeServerCandidates()
				.stream()
				.filter(c -> c.fqdn().equalsIgnoreCase(fqdn))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Active server " + fqdn
						+ " is not a configured active-server candidate of pool " + pool.fqdn() + " ("
						+ pool.activeServerCandidates().stream().map(Pool.ActiveServerCandidate::fqdn).toList() + ")"));
			if (!lowLatencyConfirmed && !candidate.dataCenter().equalsIgnoreCase(dataCenter)) {
				throw new IllegalArgumentException("Active server " + fqdn + " is in data centre "
						+ candidate.dataCenter() + ", not in " + dataCenter + " where the database now is. Choose servers in "
						+ dataCenter + " " + propose(pool, dataCenter) + ", or confirm it has low latency and high "
						+ "bandwidth to " + dataCenter);
			}
		}
	}

}
