package org.pchatfailover.lab.lync.cmdlets;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.pchatfailover.lab.lync.cmdlets.LabLyncState.HistoryEntry;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.lync.powershell.CmdletBinder;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.Ps;
import org.pchatfailover.lab.lync.powershell.PsError;

/**
 * The Lync Server 2013 cmdlets of runbook steps 5 to 7 and their Get- counterparts, against the simulated
 * topology of one script run: binds each call, hands it to the cmdlets of its concern and records it in the
 * history. Parameters follow the cmdlet reference; what a cmdlet writes is an object with the real object's
 * property names.
 */
final class LabLyncCmdlets {

	private static final Map<String, Spec> SPECS = Stream
		.of(PoolStateCmdlets.GET, PoolStateCmdlets.SET, DatabaseMirrorCmdlets.GET_STATE, DatabaseMirrorCmdlets.INSTALL,
				ActiveServerCmdlets.SET, PoolCmdlets.GET)
		.collect(Collectors.toUnmodifiableMap(spec -> spec.name().toLowerCase(Locale.ROOT), Function.identity()));

	private final PoolStateCmdlets poolState;

	private final DatabaseMirrorCmdlets mirror;

	private final ActiveServerCmdlets activeServers;

	private final PoolCmdlets topologyPools;

	private final List<HistoryEntry> history;

	private final Clock clock;

	private final String scenario;

	/**
	 * @param pools working copy of the pool states, changed in place
	 * @param history the history, appended to in place
	 * @param faults the lab faults that are on for changes
	 */
	LabLyncCmdlets(LabLyncTopology topology, LabDatabaseProbe probe, String scenario, Map<String, PoolState> pools,
			List<HistoryEntry> history, Clock clock, ChangeFaults faults) {
		LabPoolStates states = new LabPoolStates(topology, scenario, pools, clock, faults);
		this.poolState = new PoolStateCmdlets(states);
		this.mirror = new DatabaseMirrorCmdlets(topology, probe, states, scenario);
		this.activeServers = new ActiveServerCmdlets(topology, states);
		this.topologyPools = new PoolCmdlets(topology, scenario);
		this.history = history;
		this.clock = clock;
		this.scenario = scenario;
	}

	boolean knows(String name) {
		Spec spec = SPECS.get(name.toLowerCase(Locale.ROOT));
		return spec != null && present(spec);
	}

	/** The Lync module's cmdlets the lab simulates, as Get-Command lists them. */
	List<String> names() {
		return SPECS.values().stream().filter(this::present).map(Spec::name).sorted().toList();
	}

	// the missing-cmdlet scenario: a Lync module without Install-CsMirrorDatabase
	private boolean present(Spec spec) {
		return !(LabLyncShell.MISSING_CMDLET.equals(scenario) && spec == DatabaseMirrorCmdlets.INSTALL);
	}

	/** Runs one cmdlet and records it in the history with its outcome. */
	List<Object> invoke(Ps.Command command) {
		Spec spec = SPECS.get(command.name().toLowerCase(Locale.ROOT));
		try {
			Bound args = CmdletBinder.bind(spec, command.elements());
			List<Object> output = run(args);
			history.add(new HistoryEntry(clock.instant(), command.text(), true, output.size() + " object(s)"));
			return output;
		}
		catch (PsError ex) {
			history.add(new HistoryEntry(clock.instant(), command.text(), false, ex.getMessage()));
			throw ex;
		}
	}

	private List<Object> run(Bound args) {
		return switch (args.cmdlet()) {
			case "Get-CsPersistentChatState" -> poolState.get(args);
			case "Set-CsPersistentChatState" -> poolState.set(args);
			case "Get-CsDatabaseMirrorState" -> mirror.getState(args);
			case "Install-CsMirrorDatabase" -> mirror.install(args);
			case "Set-CsPersistentChatActiveServer" -> activeServers.set(args);
			case "Get-CsPool" -> topologyPools.get(args);
			default -> throw PsError.notRecognized(args.cmdlet());
		};
	}

}
