package org.pchatfailover.sqlserver;

/**
 * What the product's SQL login may do on the backup instance, as IS_SRVROLEMEMBER and HAS_PERMS_BY_NAME answer for
 * it. Each value is null where SQL Server answered NULL (a role, permission or securable it could not evaluate) or,
 * for {@code databaseOwner}, where the database or its owner is unknown: a readiness check shows that as "cannot
 * tell", not as a refusal.
 *
 * @param login the login the connection runs as ({@code SUSER_SNAME()})
 * @param database the database the ownership is about
 * @param sysadmin member of sysadmin: sp_delete_log_shipping_secondary_database needs it
 * @param dbcreator member of dbcreator: may RESTORE an existing database
 * @param databaseOwner owns the database (dbo, sys.databases.owner_sid): may RESTORE it. Membership of db_owner does
 * not count: "members of the db_owner fixed database role do not have RESTORE permissions"
 * @param createAnyDatabase CREATE ANY DATABASE, which implies the CREATE DATABASE RESTORE HEADERONLY needs
 * @param alterAnyConnection ALTER ANY CONNECTION, which KILL needs
 * @param canReadMsdbLogShipping SELECT on msdb.dbo.log_shipping_secondary and log_shipping_secondary_databases
 * @param canReadMsdbRestoreHistory SELECT on msdb.dbo.restorehistory, backupset and backupmediafamily
 */
public record LoginRights(String login, String database, Boolean sysadmin, Boolean dbcreator, Boolean databaseOwner,
		Boolean createAnyDatabase, Boolean alterAnyConnection, Boolean canReadMsdbLogShipping,
		Boolean canReadMsdbRestoreHistory) {

	/** RemoveLogShipping: "Only members of the sysadmin fixed server role can run this procedure." */
	public boolean mayRemoveLogShipping() {
		return Boolean.TRUE.equals(sysadmin);
	}

	/** CheckPreconditions: RESTORE HEADERONLY "requires CREATE DATABASE permission". */
	public boolean mayReadBackupHeaders() {
		return Boolean.TRUE.equals(sysadmin) || Boolean.TRUE.equals(createAnyDatabase);
	}

	/** ApplyLogBackups, RecoverDatabase: RESTORE of an existing database, sysadmin, dbcreator or its owner. */
	public boolean mayRestore() {
		return Boolean.TRUE.equals(sysadmin) || Boolean.TRUE.equals(dbcreator) || Boolean.TRUE.equals(databaseOwner);
	}

	/** EndConnections: KILL "Requires the ALTER ANY CONNECTION permission". */
	public boolean mayEndConnections() {
		return Boolean.TRUE.equals(sysadmin) || Boolean.TRUE.equals(alterAnyConnection);
	}

	/** CheckPreconditions and the later steps read msdb's log-shipping tables and restore history. */
	public boolean mayReadMsdb() {
		return Boolean.TRUE.equals(canReadMsdbLogShipping) && Boolean.TRUE.equals(canReadMsdbRestoreHistory);
	}

}
