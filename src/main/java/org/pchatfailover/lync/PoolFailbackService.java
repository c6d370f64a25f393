package org.pchatfailover.lync;

import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Lync side of the failback (steps 1, 6 and 7 of "Failing back Persistent Chat Server", Lync Server 2013):
 * stop the pool's servers connecting to mgc, set them active again in the primary data centre, and the pool Normal.
 */
@Service
public class PoolFailbackService {

	private static final Logger log = LoggerFactory.getLogger(PoolFailbackService.class);

	private final LyncShellAdapter lync;

	public PoolFailbackService(LyncShellAdapter lync) {
		this.lync = lync;
	}

	/** The pool's state now: {@code FailedOver} or {@code Normal}. */
	public String poolState(Pool pool, ActionLog actions) {
		return lync.getPersistentChatState(pool, actions);
	}

	/**
	 * ClearActiveServers: every configured server of the pool removed from the active list ("stops all Persistent
	 * Chat Servers from connecting to the mgc database and the mgccomp database during failback"). Removing a server
	 * that is not active leaves the list as it is, so a retry repeats it harmlessly.
	 */
	public void clearActiveServers(Pool pool, ActionLog actions) {
		requireState(pool, LyncCmdlets.POOL_STATE_FAILED_OVER, "the active servers are cleared for a failback",
				actions);
		lync.removeActiveServers(pool, actions);
		log.info("ClearActiveServers pool {}: its {} servers removed from the active list", pool.fqdn(),
				pool.activeServerCandidates().size());
	}

	/**
	 * SetActiveServers (failback): the chosen servers active, the pool's others not. They must sit in the primary data
	 * centre or the operator must confirm low latency and high bandwidth to it (the article's step 6).
	 */
	public void setActiveServers(Pool pool, List<String> servers, boolean lowLatencyConfirmed, ActionLog actions) {
		ActiveServerRules.check(pool, pool.primaryDataCenter(), servers, lowLatencyConfirmed);
		lync.setActiveServers(pool, servers, actions);
		log.info("SetActiveServers (failback) pool {}: {} active", pool.fqdn(), servers);
	}

	/** SetPoolNormal: {@code Set-CsPersistentChatState -PoolState Normal}, verified with Get-; skipped when Normal. */
	public void setPoolNormal(Pool pool, ActionLog actions) {
		if (LyncCmdlets.POOL_STATE_NORMAL.equals(lync.getPersistentChatState(pool, actions))) {
			log.info("SetPoolNormal pool {}: already Normal, nothing to do", pool.fqdn());
			return;
		}
		lync.setPersistentChatState(pool, LyncCmdlets.POOL_STATE_NORMAL, actions);
		String after = lync.getPersistentChatState(pool, actions);
		if (!LyncCmdlets.POOL_STATE_NORMAL.equals(after)) {
			throw new LyncVerificationException("Set-CsPersistentChatState ran but pool " + pool.fqdn() + " is "
					+ after + ", not Normal (Get-CsPersistentChatState); check Central Management store replication,"
					+ " then retry");
		}
	}

	private void requireState(Pool pool, String expected, String what, ActionLog actions) {
		String state = lync.getPersistentChatState(pool, actions);
		if (!expected.equals(state)) {
			throw new IllegalStateException("pool " + pool.fqdn() + " is " + state + ", not " + expected + ": " + what);
		}
	}

}
