package org.pchatfailover.lab.lync.cmdlets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pchatfailover.lab.lync.cmdlets.LabLyncState.Mirror;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.Store;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.PsError;
import org.pchatfailover.lab.lync.powershell.ShouldProcess;

/**
 * Get-CsDatabaseMirrorState and Install-CsMirrorDatabase: mirroring of the Persistent Chat database of a pool's
 * backup store. Installing asks the lab SQL Server first, as the real cmdlet backs the database up, and starts
 * mirroring there.
 */
final class DatabaseMirrorCmdlets {

	static final String NOT_MIRRORED = "DatabaseInaccessibleOrMirroringNotEnabled";

	/** The database mirroring endpoint port Topology Builder proposes for a mirror store. */
	static final int MIRRORING_PORT = 5022;

	static final Spec GET_STATE = new Spec("Get-CsDatabaseMirrorState",
			Map.of("PoolFqdn", false, "DatabaseType", false, "LocalStore", true, "Report", false), List.of());

	static final Spec INSTALL = new Spec("Install-CsMirrorDatabase",
			Map.ofEntries(Map.entry("DatabaseType", false), Map.entry("FileShare", false),
					Map.entry("SqlServerFqdn", false), Map.entry("SqlInstanceName", false),
					Map.entry("DropExistingDatabasesOnMirror", true), Map.entry("ConfiguredDatabases", true),
					Map.entry("ForInstance", false), Map.entry("ForDefaultInstance", true),
					Map.entry("ExcludeDatabaseList", false), Map.entry("DatabasePathMap", false),
					Map.entry("Report", false), Map.entry("Confirm", true), Map.entry("WhatIf", true)),
			List.of());

	private final LabLyncTopology topology;

	private final LabDatabaseProbe probe;

	private final LabPoolStates pools;

	private final String scenario;

	DatabaseMirrorCmdlets(LabLyncTopology topology, LabDatabaseProbe probe, LabPoolStates pools, String scenario) {
		this.topology = topology;
		this.probe = probe;
		this.pools = pools;
		this.scenario = scenario;
	}

	/** The mirror Install-CsMirrorDatabase leaves: the backup store's database on its assigned mirror, in sync. */
	static Mirror installedMirror(LabPool pool) {
		return new Mirror(pool.backupStore().toString(), pool.mirrorStore().toString(), "Synchronized");
	}

	List<Object> getState(Bound args) {
		String fqdn = args.required("PoolFqdn");
		LabPool pool = topology.pool(fqdn)
			.orElseThrow(() -> new PsError(args.cmdlet(), "Pool \"" + fqdn + "\" was not found in the topology."));
		String type = DatabaseTypes.of(args, pool);
		if (type != null && !type.equals(DatabaseTypes.PERSISTENT_CHAT)) {
			return List.of();
		}
		Mirror mirror = pools.of(pool).mirror();
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("DatabaseName", pool.database());
		object.put("StateOnPrimary", (mirror == null) ? NOT_MIRRORED : "Principal");
		object.put("StateOnMirror", (mirror == null) ? NOT_MIRRORED : "Mirror");
		object.put("MirroringStatusOnPrimary", (mirror == null) ? null : mirror.status());
		object.put("MirroringStatusOnSecondary", (mirror == null) ? null : mirror.status());
		return List.of(object);
	}

	List<Object> install(Bound args) {
		requireByDatabase(args);
		String fqdn = args.required("SqlServerFqdn");
		String instance = args.text("SqlInstanceName");
		Optional<LabPool> owner = topology.pools().stream().filter(p -> p.backupStore().is(fqdn, instance)).findFirst();
		// -DatabaseType binds against the version of the deployment: the store's pool's, else the lab's first
		String type = DatabaseTypes.of(args, owner.or(() -> topology.pools().stream().findFirst()).orElse(null));
		if (type == null) {
			throw PsError.parameterSetNotResolved(args.cmdlet());
		}
		String share = args.required("FileShare");
		LabPool pool = poolWithBackupStore(args, owner, type, fqdn, instance);
		if (!share.startsWith("\\\\")) {
			throw new PsError(args.cmdlet(), "FileShare \"" + share + "\" is not a UNC path (\\\\server\\share).");
		}
		requireNoMirrorUnlessDropped(args, pool);
		if (LabLyncShell.PROMPTING_MIRROR.equals(scenario)) {
			// a prompt from ShouldContinue "ignores ... -Confirm, $WhatIfPreference, and -WhatIf"
			// (everything-about-shouldprocess); the references are silent on which kind the real cmdlet's
			// "[A] Yes to All" prompt is: this scenario drills the kind that -Confirm:$false cannot answer
			throw ShouldProcess.promptInNonInteractiveMode(args.cmdlet());
		}
		if (args.isSet("WhatIf")) {
			return List.of(whatIf(pool));
		}
		pools.beforeChange(args); // before SET PARTNER: a failing or stopped cmdlet starts no mirroring
		requireOnline(args, pool);
		startMirroring(args, pool);
		pools.change(args, pool, current -> current.withMirror(installedMirror(pool)));
		return List.of();
	}

	/**
	 * The references are silent on which checks Install-CsMirrorDatabase makes before its ShouldProcess and on its
	 * operation and target texts: the lab answers -WhatIf from the topology alone, without asking SQL Server, so
	 * that a readiness check works before the failover, while the backup mgc is still RESTORING.
	 */
	private static String whatIf(LabPool pool) {
		return ShouldProcess.whatIf(INSTALL.name(), pool.database() + " on " + pool.backupStore() + ", mirror "
				+ pool.mirrorStore());
	}

	// the real cmdlet ends with SET PARTNER on the principal: then SQL Server and Lync report the same mirror
	private void startMirroring(Bound args, LabPool pool) {
		Store store = pool.backupStore();
		String partner = "TCP://" + pool.mirrorStore().fqdn() + ":" + MIRRORING_PORT;
		try {
			probe.setPartner(store.fqdn(), store.instance(), pool.database(), partner);
		}
		catch (RuntimeException ex) {
			throw new PsError(args.cmdlet(), "Cannot start mirroring of \"" + pool.database() + "\" on " + store
					+ " with " + partner + ": " + ex.getMessage());
		}
	}

	// the ByDatabase parameter set, the only one the lab knows
	private static void requireByDatabase(Bound args) {
		if (args.isSet("ConfiguredDatabases") || args.has("ForInstance") || args.isSet("ForDefaultInstance")) {
			throw new PsError(args.cmdlet(), "The lab shell supports only the ByDatabase parameter set"
					+ " (-DatabaseType -SqlServerFqdn [-SqlInstanceName] -FileShare).");
		}
	}

	private static LabPool poolWithBackupStore(Bound args, Optional<LabPool> owner, String type, String fqdn,
			String instance) {
		LabPool pool = owner.orElseThrow(() -> new PsError(args.cmdlet(), "No " + type + " store on \"" + fqdn
				+ ((instance == null) ? "" : "\\" + instance) + "\" is defined in the topology."));
		if (!type.equals(DatabaseTypes.PERSISTENT_CHAT)) {
			throw new PsError(args.cmdlet(), "The store " + pool.backupStore() + " has no " + type + " databases.");
		}
		return pool;
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

	private void requireNoMirrorUnlessDropped(Bound args, LabPool pool) {
		Mirror existing = pools.of(pool).mirror();
		if (existing != null && !args.isSet("DropExistingDatabasesOnMirror")) {
			throw new PsError(args.cmdlet(), "Database \"" + pool.database() + "\" already exists on mirror "
					+ existing.mirror() + ". Use -DropExistingDatabasesOnMirror to replace it.");
		}
	}

}
