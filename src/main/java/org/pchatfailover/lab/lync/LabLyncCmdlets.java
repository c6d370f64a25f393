package org.pchatfailover.lab.lync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.pchatfailover.lab.lync.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.LabLyncState.HistoryEntry;
import org.pchatfailover.lab.lync.LabLyncState.Mirror;
import org.pchatfailover.lab.lync.LabLyncState.PoolState;
import org.pchatfailover.lab.lync.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.LabLyncTopology.Store;
import org.pchatfailover.lab.lync.Ps.ListValue;
import org.pchatfailover.lab.lync.Ps.Null;
import org.pchatfailover.lab.lync.Ps.Table;
import org.pchatfailover.lab.lync.Ps.Text;
import org.pchatfailover.lab.lync.Ps.Value;

/**
 * The Lync Server 2013 cmdlets of runbook steps 5 to 7 and their Get- counterparts, against the simulated
 * topology of one script run. Parameters follow the cmdlet reference; what a cmdlet writes is an object with
 * the real object's property names.
 */
final class LabLyncCmdlets {

	static final String NOT_MIRRORED = "DatabaseInaccessibleOrMirroringNotEnabled";

	private static final Set<String> DATABASE_TYPES = Set.of("ActiveMonitoring", "Application", "Archiving",
			"CentralMgmt", "Edge", "Lyss", "Monitoring", "PersistentChat", "PersistentChatCompliance", "Provision",
			"Registrar", "SigninTelemetry", "User");

	static final Map<String, Spec> SPECS = Map.of(
			"get-cspersistentchatstate", new Spec("Get-CsPersistentChatState",
					Map.of("Identity", false, "Filter", false, "LocalStore", true), List.of("Identity")),
			"set-cspersistentchatstate", new Spec("Set-CsPersistentChatState",
					Map.of("Identity", false, "PoolState", false, "Force", true, "Confirm", true, "WhatIf", true),
					List.of("Identity")),
			"get-csdatabasemirrorstate", new Spec("Get-CsDatabaseMirrorState",
					Map.of("PoolFqdn", false, "DatabaseType", false, "LocalStore", true, "Report", false), List.of()),
			"install-csmirrordatabase", new Spec("Install-CsMirrorDatabase",
					Map.ofEntries(Map.entry("DatabaseType", false), Map.entry("FileShare", false),
							Map.entry("SqlServerFqdn", false), Map.entry("SqlInstanceName", false),
							Map.entry("DropExistingDatabasesOnMirror", true), Map.entry("ConfiguredDatabases", true),
							Map.entry("ForInstance", false), Map.entry("ForDefaultInstance", true),
							Map.entry("ExcludeDatabaseList", false), Map.entry("DatabasePathMap", false),
							Map.entry("Report", false), Map.entry("Confirm", true), Map.entry("WhatIf", true)),
					List.of()),
			"get-cspersistentchatactiveserver", new Spec("Get-CsPersistentChatActiveServer",
					Map.of("Identity", false, "LocalStore", true), List.of("Identity")),
			"set-cspersistentchatactiveserver", new Spec("Set-CsPersistentChatActiveServer",
					Map.of("Identity", false, "ActiveServers", false, "Swap", true, "Force", true, "Confirm", true,
							"WhatIf", true),
					List.of("Identity")));

	private final LabLyncTopology topology;

	private final LabDatabaseProbe probe;

	private final String scenario;

	private final Map<String, PoolState> pools;

	private final List<HistoryEntry> history;

	/**
	 * @param pools working copy of the pool states, changed in place
	 * @param history the history, appended to in place
	 */
	LabLyncCmdlets(LabLyncTopology topology, LabDatabaseProbe probe, String scenario, Map<String, PoolState> pools,
			List<HistoryEntry> history) {
		this.topology = topology;
		this.probe = probe;
		this.scenario = scenario;
		this.pools = pools;
		this.history = history;
	}

	static boolean knows(String name) {
		return SPECS.containsKey(name.toLowerCase(Locale.ROOT));
	}

	/** Runs one cmdlet and records it in the history with its outcome. */
	List<Object> invoke(Ps.Command command) {
		Spec spec = SPECS.get(command.name().toLowerCase(Locale.ROOT));
		try {
			Bound args = CmdletBinder.bind(spec, command.elements());
			List<Object> output = run(args);
			history.add(new HistoryEntry(Instant.now(), command.text(), true, output.size() + " object(s)"));
			return output;
		}
		catch (PsError ex) {
			history.add(new HistoryEntry(Instant.now(), command.text(), false, ex.getMessage()));
			throw ex;
		}
	}

	private List<Object> run(Bound args) {
		return switch (args.cmdlet()) {
			case "Get-CsPersistentChatState" -> selectPools(args).stream().<Object>map(this::stateObject).toList();
			case "Set-CsPersistentChatState" -> setState(args);
			case "Get-CsDatabaseMirrorState" -> mirrorState(args);
			case "Install-CsMirrorDatabase" -> installMirror(args);
			case "Get-CsPersistentChatActiveServer" -> selectPools(args).stream().<Object>map(this::activeServersObject).toList();
			case "Set-CsPersistentChatActiveServer" -> setActiveServers(args);
			default -> throw PsError.notRecognized(args.cmdlet());
		};
	}

	private List<LabPool> selectPools(Bound args) {
		String identity = args.text("Identity");
		if (identity == null) {
			return topology.pools();
		}
		return List.of(pool(args, identity));
	}

	private LabPool pool(Bound args, String identity) {
		int colon = identity.indexOf(':');
		String scope = (colon < 0) ? "" : identity.substring(0, colon);
		String fqdn = identity.substring(colon + 1);
		if (!scope.equalsIgnoreCase("service") && !scope.equalsIgnoreCase("PersistentChatServer")) {
			throw new PsError(args.cmdlet(), "Cannot find \"" + identity + "\" because it does not exist."
					+ " Use the service identity, e.g. service:<pool fqdn>.");
		}
		return topology.pool(fqdn)
			.orElseThrow(() -> new PsError(args.cmdlet(), "Cannot find \"" + identity + "\" because it does not exist."));
	}

	private Map<String, Object> stateObject(LabPool pool) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("Identity", "service:" + pool.fqdn());
		object.put("PoolState", pools.get(pool.fqdn()).poolState());
		return object;
	}

	private Map<String, Object> activeServersObject(LabPool pool) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("Identity", "service:" + pool.fqdn());
		object.put("ActiveServers", pools.get(pool.fqdn()).activeServers());
		return object;
	}

	private List<Object> setState(Bound args) {
		LabPool pool = pool(args, args.required("Identity"));
		String requested = args.required("PoolState");
		String state = List.of("Normal", "FailedOver")
			.stream()
			.filter(s -> s.equalsIgnoreCase(requested))
			.findFirst()
			.orElseThrow(() -> new PsError(args.cmdlet(), "Cannot bind parameter 'PoolState'. Cannot convert value \""
					+ requested + "\" to type \"Microsoft.Rtc.Management.WritableConfig.Settings.PersistentChat"
					+ ".PoolState\". Error: \"Unable to match the identifier name " + requested
					+ " to a valid enumerator name. Specify one of the following enumerator names and try again:"
					+ " Normal, FailedOver\""));
		if (args.isSet("WhatIf")) {
			return List.of("What if: Performing operation \"Set\" on Target \"service:" + pool.fqdn() + "\".");
		}
		change(args, pool, current -> current.withPoolState(state));
		return List.of();
	}

	private List<Object> mirrorState(Bound args) {
		String fqdn = args.required("PoolFqdn");
		LabPool pool = topology.pool(fqdn)
			.orElseThrow(() -> new PsError(args.cmdlet(), "Pool \"" + fqdn + "\" was not found in the topology."));
		String type = databaseType(args);
		if (type != null && !type.equals("PersistentChat")) {
			return List.of();
		}
		Mirror mirror = pools.get(pool.fqdn()).mirror();
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("DatabaseName", pool.database());
		object.put("StateOnPrimary", (mirror == null) ? NOT_MIRRORED : "Principal");
		object.put("StateOnMirror", (mirror == null) ? NOT_MIRRORED : "Mirror");
		object.put("MirroringStatusOnPrimary", (mirror == null) ? null : mirror.status());
		object.put("MirroringStatusOnMirror", (mirror == null) ? null : mirror.status());
		return List.of(object);
	}

	private List<Object> installMirror(Bound args) {
		if (args.isSet("ConfiguredDatabases") || args.has("ForInstance") || args.isSet("ForDefaultInstance")) {
			throw new PsError(args.cmdlet(), "The lab shell supports only the ByDatabase parameter set"
					+ " (-DatabaseType -SqlServerFqdn [-SqlInstanceName] -FileShare).");
		}
		String type = databaseType(args);
		if (type == null) {
			throw new PsError(args.cmdlet(), "Parameter set cannot be resolved using the specified named parameters.");
		}
		String fqdn = args.required("SqlServerFqdn");
		String instance = args.text("SqlInstanceName");
		String share = args.required("FileShare");
		LabPool pool = topology.pools()
			.stream()
			.filter(p -> p.backupStore().is(fqdn, instance))
			.findFirst()
			.orElseThrow(() -> new PsError(args.cmdlet(), "No " + type + " store on \"" + fqdn
					+ ((instance == null) ? "" : "\\" + instance) + "\" is defined in the topology."));
		if (!type.equals("PersistentChat")) {
			throw new PsError(args.cmdlet(), "The store " + pool.backupStore() + " has no " + type + " databases.");
		}
		if (!share.startsWith("\\\\")) {
			throw new PsError(args.cmdlet(), "FileShare \"" + share + "\" is not a UNC path (\\\\server\\share).");
		}
		requireOnline(args, pool);
		Mirror existing = pools.get(pool.fqdn()).mirror();
		if (existing != null && !args.isSet("DropExistingDatabasesOnMirror")) {
			throw new PsError(args.cmdlet(), "Database \"" + pool.database() + "\" already exists on mirror "
					+ existing.mirror() + ". Use -DropExistingDatabasesOnMirror to replace it.");
		}
		if (args.isSet("WhatIf")) {
			return List.of("What if: Installing mirror of \"" + pool.database() + "\" on " + pool.mirrorStore() + ".");
		}
		Mirror mirror = new Mirror(pool.backupStore().toString(), pool.mirrorStore().toString(), "Synchronized");
		change(args, pool, current -> current.withMirror(mirror));
		return List.of();
	}

	private void requireOnline(Bound args, LabPool pool) {
		Store store = pool.backupStore();
		String state;
		try {
			state = probe.databaseState(store.fqdn(), store.instance(), pool.database());
		}
		catch (RuntimeException ex) {
			throw new PsError(args.cmdlet(), "Cannot connect to SQL Server " + store + ": " + ex.getMessage());
		}
		if (state == null) {
			throw new PsError(args.cmdlet(), "Database \"" + pool.database() + "\" was not found on " + store + ".");
		}
		if (!state.equalsIgnoreCase("ONLINE")) {
			throw new PsError(args.cmdlet(), "Database \"" + pool.database() + "\" on " + store + " is " + state
					+ "; it must be ONLINE to be backed up and mirrored.");
		}
	}

	private List<Object> setActiveServers(Bound args) {
		LabPool pool = pool(args, args.text("Identity") == null ? "" : args.text("Identity"));
		List<String> current = pools.get(pool.fqdn()).activeServers();
		List<String> result;
		if (args.isSet("Swap")) {
			result = pool.servers().stream().map(s -> s.fqdn().toLowerCase(Locale.ROOT))
				.filter(s -> !current.contains(s)).toList();
		}
		else if (!args.has("ActiveServers")) {
			throw new PsError(args.cmdlet(), "Parameter set cannot be resolved using the specified named parameters.");
		}
		else {
			result = modify(args, pool, current, args.values().get("ActiveServers"));
		}
		if (args.isSet("WhatIf")) {
			return List.of("What if: Performing operation \"Set\" on Target \"service:" + pool.fqdn() + "\".");
		}
		change(args, pool, state -> state.withActiveServers(result));
		return List.of();
	}

	// PSListModifier: @{Replace=...}, @{Add=...}, @{Remove=...}, a plain list (replace) or $null (clear)
	private List<String> modify(Bound args, LabPool pool, List<String> current, Value value) {
		if (value instanceof Null) {
			return List.of();
		}
		if (!(value instanceof Table table)) {
			return servers(args, pool, value);
		}
		for (String key : table.entries().keySet()) {
			if (!Set.of("replace", "add", "remove").contains(key.toLowerCase(Locale.ROOT))) {
				throw new PsError(args.cmdlet(), "Cannot bind parameter 'ActiveServers'. The hash table key \"" + key
						+ "\" is not valid for a list modifier; use Add, Remove or Replace.");
			}
		}
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

	private List<String> servers(Bound args, LabPool pool, Value value) {
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

	private String databaseType(Bound args) {
		String type = args.text("DatabaseType");
		if (type == null) {
			return null;
		}
		return DATABASE_TYPES.stream()
			.filter(t -> t.equalsIgnoreCase(type))
			.findFirst()
			.orElseThrow(() -> new PsError(args.cmdlet(), "Cannot bind parameter 'DatabaseType'. Cannot convert value \""
					+ type + "\" to type \"Microsoft.Rtc.Common.Data.DatabaseNameType\". Specify one of: "
					+ String.join(", ", DATABASE_TYPES.stream().sorted().toList())));
	}

	// the drill scenarios act here, after the arguments were checked as the real cmdlet would
	private void change(Bound args, LabPool pool, UnaryOperator<PoolState> update) {
		if (LabLyncShell.CMDLET_FAILURE.equals(scenario)) {
			throw new PsError(args.cmdlet(), "Cannot open database \"xds\" requested by the login. The login failed."
					+ " Login failed for user 'LITWAREINC\\lab'. (Central Management store unreachable: lab scenario "
					+ LabLyncShell.CMDLET_FAILURE + ")");
		}
		if (!LabLyncShell.CHANGES_NOT_APPLIED.equals(scenario)) {
			pools.put(pool.fqdn(), update.apply(pools.get(pool.fqdn())));
		}
	}

}
