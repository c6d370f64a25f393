package org.pchatfailover.readiness;

import static org.pchatfailover.readiness.ReadinessCheck.failed;
import static org.pchatfailover.readiness.ReadinessCheck.notChecked;
import static org.pchatfailover.readiness.ReadinessCheck.passed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.BackEndSupport;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LoginRights;
import org.pchatfailover.sqlserver.LyncServerVersion;
import org.pchatfailover.sqlserver.LogShippingConfig;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.sqlserver.ReadinessReads;
import org.pchatfailover.sqlserver.SqlServerConnection;
import org.pchatfailover.sqlserver.SqlServerVersion;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The backup SQL instance, as runbook steps 1 to 4 will find it: the login, the log-shipping configuration, the
 * state of the database and its log chain, and the recovery point now. Reads only: catalog views, msdb and
 * {@code RESTORE HEADERONLY}, which reads a backup's header and restores nothing.
 */
@Component
class BackupSqlChecks {

	static final String LOGIN = "backup-sql-login";

	static final String VERSION = "backup-sql-version";

	static final String RIGHTS = "backup-sql-rights";

	static final String LOG_SHIPPING = "log-shipping-configuration";

	static final String RESTORING = "database-restoring";

	static final String LOG_CHAIN = "log-chain";

	static final String RECOVERY_POINT = "recovery-point";

	private final SqlServerAdapter sqlServer;

	private final LogShippingService logShipping;

	private final ReadinessProperties properties;

	BackupSqlChecks(SqlServerAdapter sqlServer, LogShippingService logShipping, ReadinessProperties properties) {
		this.sqlServer = sqlServer;
		this.logShipping = logShipping;
		this.properties = properties;
	}

	/** The checks, and the plan a failover would make now (null when it cannot be made) for the share checks. */
	record Outcome(List<ReadinessCheck> checks, FailoverPlan plan) {
	}

	Outcome check(Pool pool, Instant now) {
		List<ReadinessCheck> checks = new ArrayList<>();
		ActionLog actions = new ActionLog();
		String instance = pool.backupSql().displayName();
		Optional<LogShippingConfig> config;
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			ReadinessReads reads = sql.readiness();
			checks.add(read(LOGIN, () -> passed(LOGIN, "logged in to " + instance + " as " + login(pool)
					+ "; @@SERVERNAME " + sql.readServerName() + ", encrypt_option "
					+ reads.readConnectionEncryption())));
			checks.add(read(VERSION, () -> version(pool, reads.readServerVersion())));
			checks.add(read(RIGHTS, () -> rights(pool, reads.readLoginRights(pool.database()))));
			config = sql.readLogShippingSecondary(pool.database());
		}
		catch (RuntimeException ex) {
			boolean loggedIn = !checks.isEmpty();
			if (!loggedIn) {
				checks.add(failed(LOGIN, ex.getMessage(), "check that " + instance + " is up and reachable from this "
						+ "host, and pchat.pools[].backup-sql (jdbc-url, user, password-env or password-file)"));
				checks.add(notChecked(VERSION, "cannot log in to " + instance));
				checks.add(notChecked(RIGHTS, "cannot log in to " + instance));
			}
			checks.add(loggedIn ? failed(LOG_SHIPPING, ex.getMessage(), "grant the login read access to msdb")
					: notChecked(LOG_SHIPPING, "cannot log in to " + instance));
			String because = loggedIn ? "msdb cannot be read on " + instance : "cannot log in to " + instance;
			for (String name : List.of(RESTORING, LOG_CHAIN, RECOVERY_POINT)) {
				checks.add(notChecked(name, because));
			}
			return new Outcome(checks, null);
		}
		checks.add(logShippingConfiguration(pool, config));
		FailoverPlan plan;
		try {
			plan = logShipping.planFailover(pool, actions);
		}
		catch (RuntimeException ex) {
			checks.add(failed(RESTORING, ex.getMessage(), "restore " + pool.database() + " on " + instance
					+ " from the primary's full backup WITH NORECOVERY and set up log shipping again"));
			checks.add(notChecked(LOG_CHAIN, pool.database() + " cannot be read on " + instance));
			checks.add(notChecked(RECOVERY_POINT, pool.database() + " cannot be read on " + instance));
			return new Outcome(checks, null);
		}
		checks.add(restoring(pool, plan));
		checks.add(logChain(plan));
		checks.add(recoveryPoint(plan, now));
		return new Outcome(checks, plan);
	}

	/** A read the instance refused (a right missing, a view the version lacks) fails its own check only. */
	private static ReadinessCheck read(String name, Supplier<ReadinessCheck> check) {
		try {
			return check.get();
		}
		catch (RuntimeException ex) {
			return failed(name, ex.getMessage(), "grant the login VIEW SERVER STATE, or read the cause in the "
					+ "evidence; the failover's own statements may fail the same way");
		}
	}

	private static String login(Pool pool) {
		String user = pool.backupSql().user();
		return (user == null || user.isBlank()) ? "the integrated login of this host" : "login " + user;
	}

	private static ReadinessCheck version(Pool pool, SqlServerVersion version) {
		BackEndSupport support = version.backEndFor(LyncServerVersion.of(pool));
		String evidence = "ProductVersion " + version.productVersion() + ": " + support.describe();
		if (support.supported()) {
			return passed(VERSION, evidence);
		}
		return failed(VERSION, evidence, "run " + pool.database() + " on a SQL Server version "
				+ support.lync().productName() + " supports (pchat.pools[].lync-version says which Lync runs the pool)");
	}

	/** Every right a step of the failover needs, and which step fails without it. */
	private static ReadinessCheck rights(Pool pool, LoginRights rights) {
		Map<String, Boolean> steps = new LinkedHashMap<>();
		steps.put("RemoveLogShipping (sysadmin)", rights.mayRemoveLogShipping());
		steps.put("CheckPreconditions, RESTORE HEADERONLY (CREATE DATABASE)", rights.mayReadBackupHeaders());
		steps.put("ApplyLogBackups and RecoverDatabase, RESTORE (sysadmin, dbcreator or owner of " + pool.database()
				+ ")", rights.mayRestore());
		steps.put("EndConnections, KILL (ALTER ANY CONNECTION)", rights.mayEndConnections());
		steps.put("every step, msdb's log-shipping tables and restore history (SELECT)", rights.mayReadMsdb());
		List<String> refused = steps.entrySet().stream().filter(step -> !step.getValue()).map(Map.Entry::getKey)
			.toList();
		String evidence = "login " + rights.login() + ": sysadmin " + yesNo(rights.sysadmin()) + ", dbcreator "
				+ yesNo(rights.dbcreator()) + ", owner of " + pool.database() + " " + yesNo(rights.databaseOwner())
				+ ", CREATE ANY DATABASE " + yesNo(rights.createAnyDatabase()) + ", ALTER ANY CONNECTION "
				+ yesNo(rights.alterAnyConnection()) + ", msdb " + yesNo(rights.canReadMsdbLogShipping()) + "/"
				+ yesNo(rights.canReadMsdbRestoreHistory());
		if (refused.isEmpty()) {
			return passed(RIGHTS, evidence);
		}
		return failed(RIGHTS, evidence + "; not allowed: " + String.join("; ", refused), "make login "
				+ rights.login() + " a member of sysadmin on " + pool.backupSql().displayName()
				+ ": sp_delete_log_shipping_secondary_database allows only sysadmin, the runbook is a DBA's work");
	}

	/** IS_SRVROLEMEMBER and HAS_PERMS_BY_NAME answer NULL where SQL Server cannot tell. */
	private static String yesNo(Boolean answer) {
		return answer == null ? "unknown" : answer ? "yes" : "no";
	}

	private static ReadinessCheck logShippingConfiguration(Pool pool, Optional<LogShippingConfig> config) {
		if (config.isEmpty()) {
			return failed(LOG_SHIPPING, "msdb.dbo.log_shipping_secondary_databases has no row for " + pool.database()
					+ " on " + pool.backupSql().displayName(), "set up log shipping of " + pool.database()
					+ " to this instance again (Lync Server 2013: \"Setting up SQL Server log shipping for the "
					+ "Persistent Chat Server primary database\")");
		}
		LogShippingConfig row = config.get();
		return passed(LOG_SHIPPING, "primary " + row.primaryServer() + ", backup share "
				+ row.backupSourceDirectory() + ", copy destination " + row.backupDestinationDirectory()
				+ ", last copied " + row.lastCopiedFile() + ", last restored " + row.lastRestoredFile());
	}

	private static ReadinessCheck restoring(Pool pool, FailoverPlan plan) {
		String evidence = pool.database() + " is " + plan.databaseState()
				+ (plan.redoStartLsn() == null ? "" : " (redo LSN " + plan.redoStartLsn() + ")");
		if ("RESTORING".equals(plan.databaseState())) {
			return passed(RESTORING, evidence);
		}
		String remedy = plan.databaseState().startsWith("ONLINE (STANDBY")
				? "the failover restores logs WITH NORECOVERY: switch log shipping's restore mode to NORECOVERY"
				: "the backup " + pool.database() + " is not a log-shipping secondary any more: restore it from the "
						+ "primary's full backup WITH NORECOVERY and set up log shipping again";
		return failed(RESTORING, evidence, remedy);
	}

	private static ReadinessCheck logChain(FailoverPlan plan) {
		if (plan.gap() == null) {
			return passed(LOG_CHAIN, "continuous from redo LSN " + plan.redoStartLsn() + " through "
					+ plan.logsToApply().size() + " log backup(s) to apply (" + plan.filesToCopy().size()
					+ " still to copy from the share)");
		}
		FailoverPlan.LogChainGap gap = plan.gap();
		return failed(LOG_CHAIN, "broken: the next log backup must start at or before LSN " + gap.expectedFirstLsn()
				+ (gap.foundFile() == null ? ", and no further log backup exists"
						: ", but " + gap.foundFile() + " starts at " + gap.foundFirstLsn()),
				"find the missing log backup(s) and put them on the backup share, or take a new full backup on the "
						+ "primary and re-initialise log shipping; a failover now would lose "
						+ (plan.dataLoss() == null ? "what the missing logs hold" : plan.dataLoss().description()));
	}

	private ReadinessCheck recoveryPoint(FailoverPlan plan, Instant now) {
		Instant recoverable = plan.dataLoss() == null ? null : plan.dataLoss().lastRecoverableAt();
		Duration threshold = properties.recoveryPointThreshold();
		if (recoverable == null) {
			return failed(RECOVERY_POINT, "no log backup with a finish time can be restored",
					"check that log shipping's backup job on the primary runs and writes to the backup share");
		}
		Duration age = Duration.between(recoverable, now);
		String evidence = "the newest restorable log backup finished at " + recoverable + ", " + minutes(age)
				+ " ago (threshold " + minutes(threshold) + ")";
		if (age.compareTo(threshold) <= 0) {
			return passed(RECOVERY_POINT, evidence);
		}
		return failed(RECOVERY_POINT, evidence, "log shipping has not delivered a restorable log backup for "
				+ minutes(age) + ": check the backup job on the primary and the copy and restore jobs on the "
				+ "backup instance; a failover now would lose everything after " + recoverable);
	}

	private static String minutes(Duration duration) {
		return duration.toMinutes() + " min";
	}

}
