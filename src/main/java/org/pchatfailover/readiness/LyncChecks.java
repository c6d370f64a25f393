package org.pchatfailover.readiness;

import static org.pchatfailover.readiness.ReadinessCheck.failed;
import static org.pchatfailover.readiness.ReadinessCheck.notChecked;
import static org.pchatfailover.readiness.ReadinessCheck.passed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.DatabaseMirrorState;
import org.pchatfailover.lync.LyncCmdlets;
import org.pchatfailover.lync.LyncShellAdapter;
import org.pchatfailover.lync.LyncShellException;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The Lync Server Management Shell, as runbook steps 5 to 7 and the failback will use it: the login over the pool's
 * transport, the cmdlets, the pool and its computers, and the two cmdlets whose behaviour the references leave
 * open. Reads only: Get- cmdlets, and Install-CsMirrorDatabase with -WhatIf, which "describes what would happen
 * ... without actually executing the command" (cmdlet reference).
 */
@Component
class LyncChecks {

	static final String LOGIN = "lync-shell-login";

	static final String CMDLETS = "lync-cmdlets";

	static final String POOL_IDENTITY = "pool-identity";

	static final String CANDIDATES = "active-server-candidates";

	static final String MIRROR_UNATTENDED = "mirror-install-unattended";

	static final String MIRROR_STATE = "mirror-state-readable";

	/** What the failover (steps 5 to 7, their checks and verification) and the failback (DESIGN.md) run. */
	static final List<String> CMDLETS_USED = List.of("Get-CsPersistentChatState", "Set-CsPersistentChatState",
			"Install-CsMirrorDatabase", "Get-CsDatabaseMirrorState", "Set-CsPersistentChatActiveServer", "Get-CsPool");

	private final LyncShellAdapter lync;

	LyncChecks(LyncShellAdapter lync) {
		this.lync = lync;
	}

	List<ReadinessCheck> check(Pool pool) {
		List<ReadinessCheck> checks = new ArrayList<>();
		ActionLog actions = new ActionLog();
		Set<String> found;
		try {
			found = lync.getCommands(pool, CMDLETS_USED, actions);
		}
		catch (LyncShellException ex) {
			String because;
			if (ex.exitCode() == null) {
				checks.add(failed(LOGIN, ex.getMessage(), loginRemedy(pool)));
				because = "no Lync shell on " + target(pool);
			}
			else {
				// the shell ran and failed: the login works, the Lync module does not load
				checks.add(passed(LOGIN, "logged in to " + target(pool)));
				checks.add(failed(CMDLETS, ex.getMessage(), "install the Lync Server Management Shell (module Lync) "
						+ "where the failover's account logs in"));
				because = "the Lync module does not load on " + target(pool);
			}
			for (String name : List.of(CMDLETS, POOL_IDENTITY, CANDIDATES, MIRROR_UNATTENDED, MIRROR_STATE)) {
				if (checks.stream().noneMatch(check -> check.name().equals(name))) {
					checks.add(notChecked(name, because));
				}
			}
			return checks;
		}
		checks.add(passed(LOGIN, "ran Get-Command on " + target(pool)));
		checks.add(cmdlets(found));
		List<String> computers = poolIdentity(pool, actions, checks);
		checks.add(candidates(pool, computers));
		checks.add(mirrorUnattended(pool, actions));
		checks.add(mirrorState(pool, actions));
		return checks;
	}

	private static ReadinessCheck cmdlets(Set<String> found) {
		Set<String> lower = found.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		List<String> missing = CMDLETS_USED.stream().filter(name -> !lower.contains(name.toLowerCase(Locale.ROOT)))
			.toList();
		if (missing.isEmpty()) {
			return passed(CMDLETS, "Get-Command found " + String.join(", ", CMDLETS_USED));
		}
		return failed(CMDLETS, "Get-Command does not find " + String.join(", ", missing) + " (found: " + found + ")",
				"run the failover's account in the Lync Server Management Shell (the Lync module) of Lync Server 2013 or "
						+ "Skype for Business Server 2015 with the cumulative updates installed");
	}

	/** Adds the pool-identity check and returns the pool's computers, null when they could not be read. */
	private List<String> poolIdentity(Pool pool, ActionLog actions, List<ReadinessCheck> checks) {
		try {
			String state = lync.getPersistentChatState(pool, actions);
			List<String> computers = lync.getPoolComputers(pool, actions);
			String evidence = "Get-CsPersistentChatState: pool " + pool.fqdn() + " is " + state + "; Get-CsPool: "
					+ computers.size() + " computer(s)";
			if (LyncCmdlets.POOL_STATE_NORMAL.equals(state)) {
				checks.add(passed(POOL_IDENTITY, evidence));
			}
			else if (LyncCmdlets.POOL_STATE_FAILED_OVER.equals(state)) {
				checks.add(failed(POOL_IDENTITY, evidence, "the pool is failed over already: what comes next is the "
						+ "failback, once the primary data centre is rebuilt"));
			}
			else {
				checks.add(failed(POOL_IDENTITY, evidence,
						"the pool state must be Normal or FailedOver: check the Central Management store"));
			}
			return computers;
		}
		catch (LyncShellException ex) {
			checks.add(failed(POOL_IDENTITY, ex.getMessage(), "check that " + pool.fqdn() + " is the Persistent Chat "
					+ "pool's FQDN as Topology Builder names it (Get-CsService -PersistentChatServer)"));
			return null;
		}
	}

	private static ReadinessCheck candidates(Pool pool, List<String> computers) {
		if (computers == null) {
			return notChecked(CANDIDATES, "Get-CsPool did not answer for " + pool.fqdn());
		}
		List<String> strangers = pool.activeServerCandidates()
			.stream()
			.map(candidate -> candidate.fqdn().toLowerCase(Locale.ROOT))
			.filter(fqdn -> !computers.contains(fqdn))
			.toList();
		if (strangers.isEmpty()) {
			return passed(CANDIDATES, "every configured candidate is a computer of " + pool.fqdn() + ": " + computers);
		}
		return failed(CANDIDATES, String.join(", ", strangers) + " not among the computers of " + pool.fqdn() + " "
				+ computers, "remove them from pchat.pools[].active-server-candidates, or add them to the pool in "
						+ "Topology Builder: Set-CsPersistentChatActiveServer refuses a server the pool does not have");
	}

	private ReadinessCheck mirrorUnattended(Pool pool, ActionLog actions) {
		try {
			String whatIf = lync.installMirrorDatabaseWhatIf(pool, actions);
			return passed(MIRROR_UNATTENDED, "Install-CsMirrorDatabase -WhatIf answered without a prompt: " + whatIf);
		}
		catch (LyncShellException ex) {
			return failed(MIRROR_UNATTENDED, ex.getMessage(), "InstallMirror runs this cmdlet in a non-interactive "
					+ "shell, where a confirmation prompt is an error: run it once by hand for this pool, or install "
					+ "the mirror with Topology Builder, and find out what it asks");
		}
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
