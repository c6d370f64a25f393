package org.pchatfailover.lab.lync.cmdlets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * Get-CsPersistentChatActiveServer and Set-CsPersistentChatActiveServer: which of a pool's Persistent Chat
 * servers are active, set by {@code -Swap}, a list or a list modifier.
 */
final class ActiveServerCmdlets {

	static final Spec GET = new Spec("Get-CsPersistentChatActiveServer", Map.of("Identity", false, "LocalStore", true),
			List.of("Identity"));

	static final Spec SET = new Spec("Set-CsPersistentChatActiveServer",
			Map.of("Identity", false, "ActiveServers", false, "Swap", true, "Force", true, "Confirm", true, "WhatIf",
					true),
			List.of("Identity"));

	private static final Set<String> MODIFIER_KEYS = Set.of("replace", "add", "remove");

	private final LabPoolStates pools;

	ActiveServerCmdlets(LabPoolStates pools) {
		this.pools = pools;
	}

	List<Object> get(Bound args) {
		return pools.get(args, "ActiveServers", PoolState::activeServers);
	}

	List<Object> set(Bound args) {
		LabPool pool = pools.pool(args, args.text("Identity") == null ? "" : args.text("Identity"));
		List<String> current = pools.of(pool).activeServers();
		List<String> result = requested(args, pool, current);
		return pools.set(args, pool, state -> state.withActiveServers(result));
	}

	private List<String> requested(Bound args, LabPool pool, List<String> current) {
		if (args.isSet("Swap")) {
			return pool.servers()
				.stream()
				.map(s -> s.fqdn().toLowerCase(Locale.ROOT))
				.filter(s -> !current.contains(s))
				.toList();
		}
		if (!args.has("ActiveServers")) {
			throw PsError.parameterSetNotResolved(args.cmdlet());
		}
		return modify(args, pool, current, args.values().get("ActiveServers"));
	}

	// PSListModifier: @{Replace=...}, @{Add=...}, @{Remove=...}, a plain list (replace) or $null (clear)
	private List<String> modify(Bound args, LabPool pool, List<String> current, Value value) {
		if (value instanceof Null) {
			return List.of();
		}
		if (!(value instanceof Table table)) {
			return servers(args, pool, value);
		}
		requireModifierKeys(args, table);
		Set<String> result = new LinkedHashSet<>(current);
		if (table.get("Replace") != null) {
			result = new LinkedHashSet<>(servers(args, pool, table.get("Replace")));
		}
		if (table.get("Add") != null) {
			result.addAll(servers(args, pool, table.get("Add")));
		}
		if (table.get("Remove") != null) {
			servers(args, pool, table.get("Remove")).forEach(result::remove);
		}
		return new ArrayList<>(result);
	}

	private static void requireModifierKeys(Bound args, Table table) {
		for (String key : table.entries().keySet()) {
			if (!MODIFIER_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
				throw new PsError(args.cmdlet(), "Cannot bind parameter 'ActiveServers'. The hash table key \"" + key
						+ "\" is not valid for a list modifier; use Add, Remove or Replace.");
			}
		}
	}

	private static List<String> servers(Bound args, LabPool pool, Value value) {
		List<Value> items = (value instanceof ListValue list) ? list.items() : List.of(value);
		List<String> result = new ArrayList<>();
		for (Value item : items) {
			if (item instanceof Null) {
				continue;
			}
			if (!(item instanceof Text text) || !pool.hasServer(text.value())) {
				throw new PsError(args.cmdlet(), "Cannot find Persistent Chat Server \"" + CmdletBinder.describe(item)
						+ "\" in pool \"" + pool.fqdn() + "\".");
			}
			result.add(text.value().toLowerCase(Locale.ROOT));
		}
		return result;
	}

}
