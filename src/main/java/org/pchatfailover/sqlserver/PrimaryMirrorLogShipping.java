package org.pchatfailover.sqlserver;

import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/**
 * Log shipping that continues when the primary's mgc fails over to its mirror (Lync Server 2013, "Setting up SQL
 * Server Log Shipping between the primary mirror and the Log Shipping secondary database", JJ204887): fail mgc over
 * to the mirror with Invoke-CsDatabaseFailover, run the primary half of the log-shipping script on the mirror
 * instance, fail back. Moving the live primary is an operator's decision, so the product generates the commands
 * (LyncCmdlets, LogShippingScript) and this checks the outcome: msdb on the mirror instance shows mgc as a log-shipping primary with the backup instance as its
 * secondary, and mgc is principal on the primary again.
 */
@Service
public class PrimaryMirrorLogShipping {

	private final SqlServerAdapter sqlServer;

	private final DatabaseMirroringService mirroring;

	public PrimaryMirrorLogShipping(SqlServerAdapter sqlServer, DatabaseMirroringService mirroring) {
		this.sqlServer = sqlServer;
		this.mirroring = mirroring;
	}

	/**
	 * Why the step cannot be checked for this pool, or null when it can: the product reads msdb on the mirror
	 * instance, so it needs a connection to it.
	 */
	public static String unverifiableReason(Pool pool) {
		if (pool.primaryMirrorSql() == null) {
			return "pool " + pool.fqdn() + " has no primary-mirror-sql: the primary has no mirror to ship logs from";
		}
		String url = pool.primaryMirrorSql().jdbcUrl();
		if (url == null || url.isBlank()) {
			return "primary-mirror-sql " + pool.primaryMirrorSql().displayName() + " of pool " + pool.fqdn()
					+ " has no jdbc-url: the product cannot check msdb there";
		}
		return null;
	}

	/** The backup instance's {@code @@SERVERNAME}: the secondary the mirror's msdb must name. */
	public String readSecondaryServer(Pool pool, ActionLog actions) {
		try (SqlServerConnection backup = sqlServer.connect(pool.backupSql(), actions)) {
			return backup.readServerName();
		}
	}

	/**
	 * What is missing, in words an operator acts on; empty when the mirror ships logs to the backup instance (its
	 * {@code @@SERVERNAME} read now, never taken from a task's variables) and mgc is principal on the primary again.
	 */
	public List<String> missing(Pool pool, ActionLog actions) {
		List<String> missing = new ArrayList<>();
		String secondaryServer = readSecondaryServer(pool, actions);
		String db = pool.database();
		String mirror = pool.primaryMirrorSql().displayName();
		try (SqlServerConnection onMirror = sqlServer.connect(pool.primaryMirrorSql(), actions)) {
			if (LogShippingSetup.primaryDatabaseId(onMirror.statements(), db).isEmpty()) {
				missing.add("msdb on " + mirror + " has no log_shipping_primary_databases row for " + db);
			}
			else if (!LogShippingSetup.hasSecondary(onMirror.statements(), db, secondaryServer)) {
				missing.add("msdb on " + mirror + " has no log_shipping_primary_secondaries row for " + db + " on "
						+ secondaryServer);
			}
		}
		DatabaseMirroringRow row = mirroring.readPrimaryMirroring(pool, actions)
			.orElse(new DatabaseMirroringRow(null, null, null, null));
		if (!row.isPrincipalMirroredTo(pool.primaryMirrorSql())) {
			missing.add(db + " on " + pool.primarySql().displayName() + " is not principal again (sys.database_mirroring"
					+ " shows " + row.summary() + "): fail back with the last command");
		}
		return missing;
	}

}
