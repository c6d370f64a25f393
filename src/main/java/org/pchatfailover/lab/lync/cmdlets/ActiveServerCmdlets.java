package org.pchatfailover.lab.lync.cmdlets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.powershell.CmdletBinder;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.Ps.ListValue;
import org.pchatfailover.lab.lync.powershell.Ps.Null;
import org.pchatfailover.lab.lync.powershell.Ps.Table;
import org.pchatfailover.lab.lync.powershell.Ps.Text;
import org.pchatfailover.lab.lync.powershell.Ps.Value;
import org.pchatfailover.lab.lync.powershell.PsError;

/**
 * Set-CsPersistentChatActiveServer, in the forms its reference documents: {@code -ActiveServers @{Add=..}},
 * {@code @{Remove=..}} or {@code $Null}, or {@code -Swap}. "You can only have a single, global collection of
 * Persistent Chat servers": a server is added to or removed from whichever pool it belongs to, and {@code $Null}
 * "removes all the active Persistent Chat servers", of every pool. There is no Get- cmdlet: none is documented.
 */
final class ActiveServerCmdlets {

	static final Spec SET = new Spec("Set-CsPersistentChatActiveServer",
			Map.of("Identity", false, "ActiveServers", false, "Swap", true, "Force", true, "Confirm", true, "WhatIf",
					true),
			List.of("Identity"));

	static final String GLOBAL = "global";

	/** What the lab accepts, with where it comes from: its refusals name it. */
	static final String DOCUMENTED_FORMS = "The cmdlet reference (Set-CsPersistentChatActiveServer, Lync Server 2013"
			+ " and Skype for Business Server 2015) documents -ActiveServers @{Add=\"<fqdn>\"}, -ActiveServers"
			+ " @{Remove=\"<fqdn>\"} and -ActiveServers $Null, and -Swap; the lab accepts those only.";

	private final LabLyncTopology topology;

	private final LabPoolStates pools;

	ActiveServerCmdlets(LabLyncTopology topology, LabPoolStates pools) {
		this.topology = topology;
		this.pools = pools;
	}

	List<Object> set(Bound args) {
		List<LabPool> collection = collection(args);
		String target = (args.text("Identity") == null) ? GLOBAL : args.text("Identity");
		if (args.isSet("Swap")) {
			if (args.has("ActiveServers")) {
				throw PsError.parameterSetNotResolved(args.cmdlet());
			}
			return pools.set(args, target, swap(collection));
		}
		if (!args.has("ActiveServers")) {
			throw PsError.parameterSetNotResolved(args.cmdlet());
		}
		return pools.set(args, target, modify(args, collection, args.values().get("ActiveServers")));
	}

	/**
	 * The pools an {@code -Identity} may address. The Lync Server 2013 reference's examples use "global", the
	 * Skype for Business Server 2015 ones the pool's service identity (from Get-CsService -PersistentChatServer);
	 * the parameter is optional. The references are silent on what the real cmdlet answers to any other
	 * identity: the lab refuses it with its own message.
	 */
	private List<LabPool> collection(Bound args) {
		String identity = args.text("Identity");
		if (identity == null) {
			return topology.pools();
		}
		List<LabPool> named = topology.pools().stream().filter(pool -> documentedIdentity(pool, identity)).toList();
		if (named.isEmpty()) {
			throw new PsError(args.cmdlet(), "Cannot find the Persistent Chat active server collection \"" + identity
					+ "\". (lab: the Lync Server 2013 reference uses -Identity \"global\", the Skype for Business"
					+ " Server 2015 reference the pool's service identity PersistentChatServer:<pool fqdn>; -Identity"
					+ " may be omitted. Pools here: " + String.join(", ",
							topology.pools().stream().map(p -> p.fqdn() + " (" + p.product() + ")").toList())
					+ ")");
		}
		return named;
	}

	private static boolean documentedIdentity(LabPool pool, String identity) {
		return pool.isSkypeForBusiness2015() ? identity.equalsIgnoreCase(pool.serviceIdentity())
				: identity.equalsIgnoreCase(GLOBAL);
	}

	// "swaps the active state for all the Persistent Chat servers in the specified pool"
	private Map<LabPool, UnaryOperator<PoolState>> swap(List<LabPool> collection) {
		Map<LabPool, UnaryOperator<PoolState>> changes = new LinkedHashMap<>();
		for (LabPool pool : collection) {
			changes.put(pool, state -> state.withActiveServers(pool.servers()
				.stream()
				.map(s -> s.fqdn().toLowerCase(Locale.ROOT))
				.filter(s -> !state.activeServers().contains(s))
				.toList()));
		}
		return changes;
	}

	private Map<LabPool, UnaryOperator<PoolState>> modify(Bound args, List<LabPool> collection, Value value) {
		Map<LabPool, UnaryOperator<PoolState>> changes = new LinkedHashMap<>();
		if (value instanceof Null) {
			topology.pools().forEach(pool -> changes.put(pool, state -> state.withActiveServers(List.of())));
			return changes;
		}
		if (!(value instanceof Table table)) {
			throw undocumented(args, "a list of servers (" + CmdletBinder.describe(value) + ")");
		}
		requireDocumentedKeys(args, table);
		Map<LabPool, Set<String>> add = byPool(args, collection, table.get("Add"));
		Map<LabPool, Set<String>> remove = byPool(args, collection, table.get("Remove"));
		Set<LabPool> touched = new LinkedHashSet<>(add.keySet());
		touched.addAll(remove.keySet());
		for (LabPool pool : touched) {
			changes.put(pool, state -> {
				Set<String> active = new LinkedHashSet<>(state.activeServers());
				active.addAll(add.getOrDefault(pool, Set.of()));
				active.removeAll(remove.getOrDefault(pool, Set.of()));
				return state.withActiveServers(new ArrayList<>(active));
			});
		}
		return changes;
	}

	private static void requireDocumentedKeys(Bound args, Table table) {
		for (String key : table.entries().keySet()) {
			if (key.equalsIgnoreCase("Replace")) {
				throw undocumented(args, "@{Replace=...}");
			}
			if (!key.equalsIgnoreCase("Add") && !key.equalsIgnoreCase("Remove")) {
				throw new PsError(args.cmdlet(), "Cannot bind parameter 'ActiveServers'. The hash table key \"" + key
						+ "\" is not a list modifier key. (lab: " + DOCUMENTED_FORMS + ")");
			}
		}
	}

	// a form PSListModifier might take but the cmdlet reference does not show: refused, never guessed at
	private static PsError undocumented(Bound args, String form) {
		return new PsError(args.cmdlet(), "(lab) -ActiveServers " + form + " is not documented for "
				+ args.cmdlet() + ". " + DOCUMENTED_FORMS);
	}

	// each server to the pool it belongs to, which the collection must hold
	private Map<LabPool, Set<String>> byPool(Bound args, List<LabPool> collection, Value value) {
		Map<LabPool, Set<String>> result = new LinkedHashMap<>();
		if (value == null) {
			return result;
		}
		List<Value> items = (value instanceof ListValue list) ? list.items() : List.of(value);
		for (Value item : items) {
			if (item instanceof Null) {
				continue;
			}
			LabPool pool = (item instanceof Text text) ? topology.poolOfServer(text.value()).orElse(null) : null;
			if (pool == null) {
				throw new PsError(args.cmdlet(), "Cannot find Persistent Chat Server \"" + CmdletBinder.describe(item)
						+ "\" in the topology.");
			}
			if (!collection.contains(pool)) {
				throw new PsError(args.cmdlet(), "Persistent Chat Server \"" + CmdletBinder.describe(item)
						+ "\" belongs to pool \"" + pool.fqdn() + "\", which -Identity \"" + args.text("Identity")
						+ "\" does not name.");
			}
			result.computeIfAbsent(pool, p -> new LinkedHashSet<>())
				.add(CmdletBinder.describe(item).toLowerCase(Locale.ROOT));
		}
		return result;
	}

}
