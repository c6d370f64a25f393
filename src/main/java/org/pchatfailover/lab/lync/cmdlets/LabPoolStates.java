package org.pchatfailover.lab.lync.cmdlets;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.PsError;
import org.pchatfailover.lab.lync.powershell.ShouldProcess;

/**
 * The pool states one script run works on: a working copy the cmdlets change in place, the pools found by the
 * service identity the cmdlets take, and the drill scenario and the lab faults applied to every change.
 */
final class LabPoolStates {

	private final LabLyncTopology topology;

	private final String scenario;

	private final Map<String, PoolState> pools;

	private final Clock clock;

	private final ChangeFaults faults;

	// the cmdlet that waited for slow-cmdlet already: Install-CsMirrorDatabase asks before it starts mirroring
	private Bound waited;

	/**
	 * @param pools working copy of the pool states, changed in place
	 * @param clock what the time of a change is taken from
	 * @param faults the lab faults that are on for changes
	 */
	LabPoolStates(LabLyncTopology topology, String scenario, Map<String, PoolState> pools, Clock clock,
			ChangeFaults faults) {
		this.topology = topology;
		this.scenario = scenario;
		this.pools = pools;
		this.clock = clock;
		this.faults = faults;
	}

	/**
	 * What a Get- cmdlet writes: for the pool {@code -Identity} names, or every pool without it, an object with
	 * the pool's service identity and one property.
	 */
	List<Object> get(Bound args, String property, Function<PoolState, Object> value) {
		return select(args).stream().<Object>map(pool -> serviceObject(pool, property, value.apply(of(pool)))).toList();
	}

	/**
	 * The pool of a Persistent Chat state identity: {@code service:<pool fqdn>} as the runbooks write it, or
	 * {@code PersistentChatServer:<pool fqdn>} as the cmdlet reference does. The references are silent on whether
	 * the two are interchangeable; the lab takes both (scope in any case) and nothing else.
	 */
	LabPool pool(Bound args, String identity) {
		int colon = identity.indexOf(':');
		String scope = (colon < 0) ? "" : identity.substring(0, colon);
		String fqdn = identity.substring(colon + 1);
		if (!scope.equalsIgnoreCase("service") && !scope.equalsIgnoreCase("PersistentChatServer")) {
			throw new PsError(args.cmdlet(), "Cannot find \"" + identity + "\" because it does not exist."
					+ " Use the service identity, e.g. service:<pool fqdn> (runbook) or"
					+ " PersistentChatServer:<pool fqdn> (cmdlet reference).");
		}
		return topology.pool(fqdn)
			.orElseThrow(() -> new PsError(args.cmdlet(), "Cannot find \"" + identity + "\" because it does not exist."));
	}

	PoolState of(LabPool pool) {
		return pools.get(pool.fqdn());
	}

	/** What a Set- cmdlet does to one pool: see {@link #set(Bound, String, Map)}. */
	List<Object> set(Bound args, LabPool pool, UnaryOperator<PoolState> update) {
		return set(args, "service:" + pool.fqdn(), Map.of(pool, update));
	}

	/**
	 * What a Set- cmdlet does: under -WhatIf it writes what it would do and changes nothing, else it changes every
	 * pool it names and writes nothing.
	 * @param target what the cmdlet acts on, for the What if line
	 */
	List<Object> set(Bound args, String target, Map<LabPool, UnaryOperator<PoolState>> updates) {
		if (args.isSet("WhatIf")) {
			// the references are silent on these cmdlets' own operation and target texts
			return List.of(ShouldProcess.whatIf(args.cmdlet(), target));
		}
		change(args, updates);
		return List.of();
	}

	void change(Bound args, LabPool pool, UnaryOperator<PoolState> update) {
		change(args, Map.of(pool, update));
	}

	/**
	 * What stands between a change's checked arguments and the change: the failure of the cmdlet-failure scenario or
	 * fault, then the wait of the slow-cmdlet fault, once per cmdlet. A wait that is stopped (the client closed the SSH
	 * channel) ends the script as powershell.exe stops a pipeline, before anything changed.
	 */
	void beforeChange(Bound args) {
		boolean scenarioFails = LabLyncShell.CMDLET_FAILURE.equals(scenario);
		if (scenarioFails || faults.fail()) {
			throw new PsError(args.cmdlet(), "Cannot open database \"xds\" requested by the login. The login failed."
					+ " Login failed for user 'LITWAREINC\\lab'. (Central Management store unreachable: lab "
					+ (scenarioFails ? "scenario " : "fault ") + LabLyncShell.CMDLET_FAILURE + ")");
		}
		if (faults.delay().isZero() || waited == args) {
			return;
		}
		waited = args;
		try {
			Thread.sleep(faults.delay().toMillis());
		}
		catch (InterruptedException ex) {
			// the script ends here and its history is still written: the interrupt has done its work
			throw new PsError(args.cmdlet(), "The pipeline has been stopped.");
		}
	}

	// the drill scenarios and faults act here, after the arguments were checked as the real cmdlet would
	private void change(Bound args, Map<LabPool, UnaryOperator<PoolState>> updates) {
		beforeChange(args);
		if (!LabLyncShell.CHANGES_NOT_APPLIED.equals(scenario)) {
			updates.forEach((pool, update) -> {
				PoolState before = pools.get(pool.fqdn());
				pools.put(pool.fqdn(), update.apply(before).changedSince(before, clock.instant()));
			});
		}
	}

	private List<LabPool> select(Bound args) {
		String identity = args.text("Identity");
		if (identity == null) {
			return topology.pools();
		}
		return List.of(pool(args, identity));
	}

	private static Map<String, Object> serviceObject(LabPool pool, String property, Object value) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("Identity", "service:" + pool.fqdn());
		object.put(property, value);
		return object;
	}

}
