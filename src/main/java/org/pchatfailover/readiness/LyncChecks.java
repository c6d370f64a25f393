package org.pchatfailover.readiness;

import static org.pchatfailover.readiness.ReadinessCheck.failed;
import static org.pchatfailover.readiness.ReadinessCheck.notChecked;
import static org.pchatfailover.readiness.ReadinessCheck.passed;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.DatabaseMirrorState;
import org.pchatfailover.lync.LyncCmdlets;
import org.pchatfailover.lync.LyncShellAdapter;
import org.pchatfailover.lync.LyncShellException;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The Lync Server Management Shell, as runbook steps 5 to 7 will use it: the login over the pool's transport, the
 * pool identity and the mirroring read the steps rely on. Reads only: Get- cmdlets.
 */
@Component
class LyncChecks {

	static final String LOGIN = "lync-shell-login";

	static final String POOL_IDENTITY = "pool-identity";

	static final String MIRROR_STATE = "mirror-state-readable";

	private final LyncShellAdapter lync;

	LyncChecks(LyncShellAdapter lync) {
		this.lync = lync;
	}

	List<ReadinessCheck> check(Pool pool) {
		List<ReadinessCheck> checks = new ArrayList<>();
		ActionLog actions = new ActionLog();
		String poolState;
		try {
			poolState = lync.getPersistentChatState(pool, actions);
		}
		catch (LyncShellException ex) {
			if (ex.exitCode() == null) {
				checks.add(failed(LOGIN, ex.getMessage(), loginRemedy(pool)));
				checks.add(notChecked(POOL_IDENTITY, "no Lync shell"));
				checks.add(notChecked(MIRROR_STATE, "no Lync shell"));
				return checks;
			}
			checks.add(passed(LOGIN, "ran Get-CsPersistentChatState on " + target(pool)));
			checks.add(failed(POOL_IDENTITY, ex.getMessage(), "check that " + pool.fqdn() + " is the Persistent Chat "
					+ "pool's FQDN as Topology Builder names it (Get-CsService -PersistentChatServer)"));
			checks.add(mirrorState(pool, actions));
			return checks;
		}
		checks.add(passed(LOGIN, "ran Get-CsPersistentChatState on " + target(pool)));
		checks.add(poolIdentity(pool, poolState));
		checks.add(mirrorState(pool, actions));
		return checks;
	}

	private static ReadinessCheck poolIdentity(Pool pool, String poolState) {
		String evidence = "Get-CsPersistentChatState: pool " + pool.fqdn() + " is " + poolState;
		if (LyncCmdlets.POOL_STATE_NORMAL.equals(poolState)) {
			return passed(POOL_IDENTITY, evidence);
		}
		if (LyncCmdlets.POOL_STATE_FAILED_OVER.equals(poolState)) {
			return failed(POOL_IDENTITY, evidence, "the pool is failed over already: what comes next is the failback, "
					+ "once the primary data centre is rebuilt");
		}
		return failed(POOL_IDENTITY, evidence, "the pool state must be Normal or FailedOver: check the Central "
				+ "Management store");
	}

	private ReadinessCheck mirrorState(Pool pool, ActionLog actions) {
		try {
			List<DatabaseMirrorState> states = lync.getDatabaseMirrorState(pool, actions);
			return passed(MIRROR_STATE, "Get-CsDatabaseMirrorState -DatabaseType PersistentChat: " + (states.isEmpty()
					? "no database" : states.stream().map(DatabaseMirrorState::summary).collect(Collectors.joining("; "))));
		}
		catch (LyncShellException ex) {
			return failed(MIRROR_STATE, ex.getMessage(), "InstallMirror verifies mirroring with this cmdlet: check "
					+ "that this Lync version accepts -DatabaseType PersistentChat and that the account may run it");
		}
	}

	private static String target(Pool pool) {
		Pool.LyncShell shell = pool.lyncShell();
		return "local".equals(shell.transport()) ? "the local powershell.exe"
				: "ssh " + shell.user() + "@" + shell.host() + ":" + shell.port();
	}

	private static String loginRemedy(Pool pool) {
		Pool.LyncShell shell = pool.lyncShell();
		if ("local".equals(shell.transport())) {
			return "install the Lync Server Management Shell on this host, or use transport ssh";
		}
		return "check that " + shell.host() + ":" + shell.port() + " runs Windows OpenSSH, that its host key is in "
				+ shell.knownHostsFile() + " and that " + shell.user() + " may log in (key-file or password)";
	}

}
