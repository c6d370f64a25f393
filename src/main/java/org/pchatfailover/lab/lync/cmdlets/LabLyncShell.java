package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.LabStateFile;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState.HistoryEntry;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.powershell.ErrorRecord;

/**
 * The lab's Lync Server Management Shell: runs PowerShell scripts against a simulated topology and keeps its
 * state in a JSON file so that a drill survives a restart of the application.
 * <p>
 * Lab control API: {@link #reset(String)} puts the shell into a drill scenario, {@link #state()} returns what a
 * Lync admin would check (pool state, mirror state, active servers) and the history of cmdlets run. Both are
 * thread-safe; the SSH server and a REST controller may call them concurrently.
 * <p>
 * It sits with the cmdlets because its scenarios are what they act on; the SSH server and the Spring wiring
 * depend on it, never the other way round.
 */
public class LabLyncShell {

	/** Pools Normal, no mirror for the backup store, active servers in the primary data centre. */
	public static final String NORMAL = "normal";

	/** Steps 5 to 7 already done: pools FailedOver, mirror installed, active servers in the backup data centre. */
	public static final String FAILED_OVER = "failed-over";

	/** As normal, but every cmdlet that changes something fails (Central Management store unreachable). */
	public static final String CMDLET_FAILURE = "cmdlet-failure";

	/**
	 * As normal, but every script waits {@code slowDelay} before it runs (timeouts). The lab fault {@code slow-cmdlet}
	 * slows only the cmdlets that change something, in any scenario.
	 */
	public static final String SLOW = "slow";

	/** As normal, but changes are accepted and not applied, so reading back shows the old state. */
	public static final String CHANGES_NOT_APPLIED = "changes-not-applied";

	/** As normal, but the Lync module lacks Install-CsMirrorDatabase: not recognized, and absent from Get-Command. */
	public static final String MISSING_CMDLET = "missing-cmdlet";

	/**
	 * As normal, but Install-CsMirrorDatabase asks for confirmation whatever -Confirm or -WhatIf say, which
	 * powershell.exe -NonInteractive turns into an error.
	 */
	public static final String PROMPTING_MIRROR = "prompting-mirror";

	/** As normal, but Get-CsPool's Computers lack dal-pc-002.litwareinc.com, as if removed from the topology. */
	public static final String CANDIDATE_NOT_IN_POOL = "candidate-not-in-pool";

	public static final List<String> SCENARIOS = List.of(NORMAL, FAILED_OVER, CMDLET_FAILURE, SLOW,
			CHANGES_NOT_APPLIED, MISSING_CMDLET, PROMPTING_MIRROR, CANDIDATE_NOT_IN_POOL);

	private static final int MAX_HISTORY = 1000;

	private final LabLyncTopology topology;

	private final LabDatabaseProbe probe;

	private final LabStateFile<LabLyncState> stateFile;

	private final Duration slowDelay;

	private final Clock clock;

	private volatile LabLyncState state;

	// lab faults cmdlet-failure and slow-cmdlet: they act on changes whatever the scenario, and leave the state alone
	private volatile boolean failChanges;

	private volatile boolean slowChanges;

	/**
	 * What a script wrote and its exit code.
	 * @param stdout what powershell.exe writes on standard output, lines ending in CRLF
	 * @param stderr each error's first line ({@code Cmdlet : message}), "\n" after each: the errors in brief
	 * @param errors the error records, which powershell.exe writes to standard error as text or CLIXML
	 * ({@link org.pchatfailover.lab.lync.powershell.ErrorStream})
	 */
	public record Result(int exitCode, String stdout, String stderr, List<ErrorRecord> errors) {
	}

	/**
	 * @param stateFile where the state is kept; read when it exists, else the shell starts in {@code scenario}
	 * @param slowDelay how long a script waits in the {@link #SLOW} scenario
	 */
	public LabLyncShell(LabLyncTopology topology, LabDatabaseProbe probe, Path stateFile, Duration slowDelay,
			String scenario) {
		this(topology, probe, stateFile, slowDelay, scenario, Clock.systemUTC());
	}

	/** @param clock the time of cmdlets and changes, as the lab records them */
	public LabLyncShell(LabLyncTopology topology, LabDatabaseProbe probe, Path stateFile, Duration slowDelay,
			String scenario, Clock clock) {
		this.topology = topology;
		this.probe = probe;
		this.stateFile = new LabStateFile<>(stateFile, LabLyncState.class, "lab Lync state");
		this.slowDelay = slowDelay;
		this.clock = clock;
		this.state = this.stateFile.read().orElse(null);
		if (this.state == null || !this.state.pools().keySet().containsAll(topologyPools())) {
			reset(supports(scenario) ? scenario : NORMAL);
		}
	}

	/** Whether {@code scenario} is one of {@link #SCENARIOS}; other lab scenarios leave the shell normal. */
	public boolean supports(String scenario) {
		return SCENARIOS.contains(scenario);
	}

	/**
	 * Puts every pool into the scenario's state, clears the history and switches the faults off.
	 * @throws IllegalArgumentException for a scenario not in {@link #SCENARIOS}
	 */
	public synchronized void reset(String scenario) {
		if (!supports(scenario)) {
			throw new IllegalArgumentException("unknown Lync shell scenario '" + scenario + "', known: " + SCENARIOS);
		}
		failChanges = false;
		slowChanges = false;
		Map<String, PoolState> pools = new HashMap<>();
		Instant now = clock.instant();
		for (LabPool pool : topology.pools()) {
			boolean failedOver = FAILED_OVER.equals(scenario);
			pools.put(pool.fqdn(), new PoolState(failedOver ? "FailedOver" : "Normal",
					failedOver ? DatabaseMirrorCmdlets.installedMirror(pool) : null,
					pool.serversIn(pool.backupDataCenter(), failedOver), now, now));
		}
		commit(new LabLyncState(scenario, pools, List.of()));
	}

	/** A snapshot: scenario, state per pool, history of cmdlets run; not held up by a slow cmdlet. */
	public LabLyncState state() {
		return state;
	}

	/**
	 * Lab fault {@code cmdlet-failure}: every cmdlet that changes something fails as in the scenario of that name
	 * (Central Management store unreachable), whatever the scenario; the pools stay as they are.
	 */
	public void failChanges(boolean fail) {
		failChanges = fail;
	}

	/**
	 * Lab fault {@code slow-cmdlet}: every cmdlet that changes something first waits {@code slowDelay}; stopped by its
	 * client meanwhile, it changes nothing. Switching the fault off does not hurry a cmdlet already waiting.
	 */
	public void slowChanges(boolean slow) {
		slowChanges = slow;
	}

	/** How long a script waits in the {@link #SLOW} scenario, and a change under the slow-cmdlet fault. */
	public Duration slowDelay() {
		return slowDelay;
	}

	/** Runs a decoded {@code -EncodedCommand} script. */
	public Result execute(String script) {
		if (SLOW.equals(state().scenario())) {
			try {
				Thread.sleep(slowDelay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return new Result(1, "", "The pipeline has been stopped.\n", List.of());
			}
		}
		synchronized (this) {
			Map<String, PoolState> pools = new HashMap<>(state.pools());
			List<HistoryEntry> history = new ArrayList<>(state.history());
			LabScriptRunner.Result result = new LabScriptRunner(
					new LabLyncCmdlets(topology, probe, state.scenario(), pools, history, clock, changeFaults()))
				.run(script);
			int from = Math.max(0, history.size() - MAX_HISTORY);
			commit(new LabLyncState(state.scenario(), pools, history.subList(from, history.size())));
			return new Result(result.exitCode(), result.stdout(), result.stderr(), result.errors());
		}
	}

	private ChangeFaults changeFaults() {
		return new ChangeFaults(failChanges, slowChanges ? slowDelay : Duration.ZERO);
	}

	private List<String> topologyPools() {
		return topology.pools().stream().map(LabPool::fqdn).toList();
	}

	private void commit(LabLyncState next) {
		stateFile.write(next);
		state = next;
	}

}
