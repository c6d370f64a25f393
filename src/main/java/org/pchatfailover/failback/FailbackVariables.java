package org.pchatfailover.failback;

/**
 * The failback's process variables (DESIGN.md). The start's variables ({@code poolFqdn}, {@code callbackUrl}, ...)
 * and those of ConfirmActiveServers and VerifyService are the failover's, in {@code FailoverVariables}.
 */
public final class FailbackVariables {

	public static final String PROCESS_ID = "persistentChatFailback";

	public static final String FAILBACK_PLAN = "failbackPlan";

	// ConfirmFailback
	public static final String FAILBACK_APPROVED = "failbackApproved";
	public static final String PRIMARY_DATA_CENTER_RECOVERED = "primaryDataCenterRecovered";
	public static final String PRIMARY_DATABASES_REBUILT = "primaryDatabasesRebuilt";
	public static final String NO_NEW_MIRROR_OR_BACKUP_SERVERS = "noNewMirrorOrBackupServers";
	public static final String SQL_AGENT_CAN_REACH_SHARES = "sqlAgentCanReachShares";

	// ConfirmOverwritePrimary, an extension of DESIGN.md's step table (docs/DESIGN-NOTES.md, "The failback")
	/** What the restore overwrites and with what, read right before it (JSON of OverwritePreview). */
	public static final String OVERWRITE_PREVIEW = "overwritePreview";
	public static final String OVERWRITE_SUMMARY = "overwriteSummary";
	/** The primary instance's name the operator has to type, shown by the form. */
	public static final String OVERWRITE_TARGET = "overwriteTarget";
	public static final String OVERWRITE_APPROVED = "overwriteApproved";
	public static final String OVERWRITE_CONFIRMATION = "overwriteConfirmation";

	// MirrorPrimaryDatabase, an extension of DESIGN.md's step table (docs/DESIGN-NOTES.md, "The failback")
	/** Whether the pool has primary-mirror-sql: routes to MirrorPrimaryDatabase (set by CheckFailbackPreconditions). */
	public static final String PRIMARY_MIRROR_CONFIGURED = "primaryMirrorConfigured";
	/** The generated Install-CsMirrorDatabase command line for the restored primary, shown by the form. */
	public static final String PRIMARY_MIRROR_COMMAND = "primaryMirrorCommand";
	/** The primary's mirror instance the verification expects as partner. */
	public static final String PRIMARY_MIRROR_INSTANCE = "primaryMirrorInstance";
	/** true: mirroring was installed, verify it; false: deferred, with primaryMirrorComment saying why. */
	public static final String PRIMARY_MIRROR_INSTALLED = "primaryMirrorInstalled";
	public static final String PRIMARY_MIRROR_COMMENT = "primaryMirrorComment";
	/** What the verification read in sys.database_mirroring on the primary, for the report. */
	public static final String PRIMARY_MIRRORING = "primaryMirroring";

	// RunLogShippingScript: ReestablishLogShipping's fallback when SQL Server refused a setup statement
	public static final String LOG_SHIPPING_ERROR = "logShippingError";
	public static final String LOG_SHIPPING_SCRIPT = "logShippingScript";
	/** true: the operator ran the script, check msdb; false: retry the automatic step. */
	public static final String LOG_SHIPPING_SCRIPT_RUN = "logShippingScriptRun";

	// ShipLogsFromPrimaryMirror (JJ204887), an extension of DESIGN.md's step table (docs/DESIGN-NOTES.md)
	/** Whether the task runs: the primary is mirrored and the mirror's msdb can be checked. */
	public static final String SHIP_LOGS_FROM_PRIMARY_MIRROR = "shipLogsFromPrimaryMirror";
	/** Why the task was skipped, for the report (also in the action log). */
	public static final String PRIMARY_MIRROR_LOG_SHIPPING_SKIPPED = "primaryMirrorLogShippingSkipped";
	/** The generated Invoke-CsDatabaseFailover to the mirror, the mirror's T-SQL, the failback to the primary. */
	public static final String FAILOVER_TO_MIRROR_COMMAND = "failoverToMirrorCommand";
	public static final String MIRROR_LOG_SHIPPING_SCRIPT = "mirrorLogShippingScript";
	public static final String FAILBACK_TO_PRIMARY_COMMAND = "failbackToPrimaryCommand";
	/** The backup instance's @@SERVERNAME the mirror's msdb must name as secondary (read when the task starts). */
	public static final String MIRROR_LOG_SHIPPING_SECONDARY = "mirrorLogShippingSecondary";
	/** true: the operator ran the three commands, check now; false: deferred, with the comment saying why. */
	public static final String MIRROR_LOG_SHIPPING_DONE = "mirrorLogShippingDone";
	public static final String MIRROR_LOG_SHIPPING_COMMENT = "mirrorLogShippingComment";

	/** The data centre ConfirmActiveServers proposes servers in: the primary's. */
	public static final String PRIMARY_DATA_CENTER = "primaryDataCenter";

	/** What BackupDatabase wrote, for the report: file, database, LSNs, when it finished. */
	public static final String BACKUP_TAKEN = "backupTaken";

	private FailbackVariables() {
	}

}
