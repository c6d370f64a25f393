package org.pchatfailover.sqlserver;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;

/**
 * One connection to a SQL Server instance and the statements the failover runs on it: one method per statement,
 * every value sent as a parameter ({@code sp_executesql}), never spliced into the text. Each statement and its
 * outcome is recorded in the step's {@link ActionLog}; a failure becomes a {@link SqlServerException}.
 */
public class SqlServerConnection implements AutoCloseable {

	private final RecordedStatements statements;

	private final String instance;

	/** The server's UTC offset, read once: datetime values are the server's wall clock, not UTC. */
	private ZoneOffset serverOffset;

	/** Read once per connection: which catalog views the session statements may use depends on it. */
	private SqlServerVersion serverVersion;

	SqlServerConnection(Connection connection, String instance, ActionLog actions) {
		this.statements = new RecordedStatements(connection, instance, actions);
		this.instance = instance;
	}

	/** The recorded statements of this connection, for the failback's statements in this package. */
	RecordedStatements statements() {
		return statements;
	}

	public String instance() {
		return instance;
	}

	/** The estate check's reads on this connection: login rights, encryption, version, Persistent Chat servers. */
	public ReadinessReads readiness() {
		return new ReadinessReads(this, statements);
	}

	/** {@code @@SERVERNAME}, the instance's own name ({@code DAL-SQL-BK\PCHAT}), as the other views name it. */
	public String readServerName() {
		return statements.query("read server name", "SELECT @@SERVERNAME", List.of(),
				rows -> rows.next() ? rows.getString(1) : null);
	}

	/** The msdb log-shipping secondary configuration of the database, empty when there is none (removed). */
	public Optional<LogShippingConfig> readLogShippingSecondary(String database) {
		// two single-table reads rather than a join: each row is logged as evidence on its own
		Optional<SecondaryDatabaseRow> databaseRow = statements.query("read log shipping of " + database,
				"SELECT secondary_id, last_restored_file FROM msdb.dbo.log_shipping_secondary_databases "
						+ "WHERE secondary_database = ?",
				List.of(database), rows -> rows.next()
						? Optional.of(new SecondaryDatabaseRow(rows.getString(1), rows.getString(2))) : Optional.empty());
		if (databaseRow.isEmpty()) {
			return Optional.empty();
		}
		return statements.query("read log shipping secondary of " + database,
				"SELECT primary_server, backup_source_directory, backup_destination_directory, last_copied_file "
						+ "FROM msdb.dbo.log_shipping_secondary WHERE secondary_id = ?",
				List.of(databaseRow.get().secondaryId()),
				rows -> rows.next() ? Optional.of(new LogShippingConfig(database, rows.getString(1), rows.getString(2),
						rows.getString(3), rows.getString(4), databaseRow.get().lastRestoredFile()))
						: Optional.<LogShippingConfig>empty());
	}

	/** A row of msdb.dbo.log_shipping_secondary_databases, shown in the action log with msdb's column names. */
	private record SecondaryDatabaseRow(String secondaryId, String lastRestoredFile) {

		@Override
		public String toString() {
			return "secondary_id=" + secondaryId + ", last_restored_file=" + lastRestoredFile;
		}

	}

	/** State and redo LSN of the database, empty when the instance has no such database. */
	public Optional<DatabaseStatus> readDatabaseStatus(String database) {
		Optional<DatabaseRow> row = statements.query("read state of " + database,
				"SELECT state_desc, is_in_standby, is_read_only FROM sys.databases WHERE name = ?", List.of(database),
				rows -> rows.next()
						? Optional.of(new DatabaseRow(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)))
						: Optional.<DatabaseRow>empty());
		if (row.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal redo = statements.query("read redo LSN of " + database,
				"SELECT redo_start_lsn FROM sys.master_files WHERE database_id = DB_ID(?) AND file_id = 1",
				List.of(database), rows -> rows.next() ? rows.getBigDecimal(1) : null);
		return Optional.of(new DatabaseStatus(database, row.get().stateDesc(),
				redo == null ? null : redo.toBigIntegerExact(), row.get().inStandby(), row.get().readOnly()));
	}

	/** A row of sys.databases, shown in the action log with its column names. */
	private record DatabaseRow(String stateDesc, boolean inStandby, boolean readOnly) {

		@Override
		public String toString() {
			return "state_desc=" + stateDesc + ", is_in_standby=" + (inStandby ? 1 : 0) + ", is_read_only="
					+ (readOnly ? 1 : 0);
		}

	}

	/** The database's row of sys.database_mirroring, as a DBA checks mirroring; empty when there is no such database. */
	public Optional<DatabaseMirroringRow> readDatabaseMirroring(String database) {
		return statements.query("read mirroring of " + database,
				"SELECT mirroring_role_desc, mirroring_state_desc, mirroring_partner_instance, mirroring_partner_name"
						+ " FROM sys.database_mirroring WHERE database_id = DB_ID(?)",
				List.of(database), rows -> rows.next() ? Optional.of(new DatabaseMirroringRow(rows.getString(1),
						rows.getString(2), rows.getString(3), rows.getString(4))) : Optional.<DatabaseMirroringRow>empty());
	}

	/** {@code RESTORE HEADERONLY} of one backup file, first backup set. */
	public BackupHeader readBackupHeader(String device, String fileName) {
		return statements.query("read backup header " + fileName, "RESTORE HEADERONLY FROM DISK = ?", List.of(device), rows -> {
			if (!rows.next()) {
				throw new SQLException("RESTORE HEADERONLY returned no backup set for " + device);
			}
			// a zone-less wall-clock value: getTimestamp would read it in the JVM's zone, not the server's
			LocalDateTime finished = rows.getObject("BackupFinishDate", LocalDateTime.class);
			return new BackupHeader(fileName, device, rows.getString("DatabaseName"), rows.getInt("BackupType"),
					rows.getBigDecimal("FirstLSN").toBigIntegerExact(), rows.getBigDecimal("LastLSN").toBigIntegerExact(),
					finished == null ? null : finished.toInstant(serverOffset()));
		});
	}

	/**
	 * The offset now, applied to backups of the last hours: a DST change between the backup and the failover
	 * would shift it by an hour, an accepted limit (msdb keeps no UTC copy of BackupFinishDate).
	 */
	ZoneOffset serverOffset() {
		if (serverOffset == null) {
			int minutes = statements.query("read UTC offset", "SELECT DATEDIFF(minute, GETUTCDATE(), GETDATE())", List.of(),
					rows -> {
						if (!rows.next()) {
							throw new SQLException("no row for the UTC offset");
						}
						return rows.getInt(1);
					});
			serverOffset = ZoneOffset.ofTotalSeconds(minutes * 60);
		}
		return serverOffset;
	}

	/** The device of the newest restore into the database per msdb's history, empty when it has none. */
	public Optional<String> readLastRestoredDevice(String database) {
		Optional<Integer> backupSet = statements.query("read restore history of " + database,
				"SELECT TOP (1) backup_set_id FROM msdb.dbo.restorehistory WHERE destination_database_name = ? "
						+ "AND restore_type = 'L' ORDER BY restore_history_id DESC",
				List.of(database), rows -> rows.next() ? Optional.of(rows.getInt(1)) : Optional.<Integer>empty());
		if (backupSet.isEmpty()) {
			return Optional.empty();
		}
		Optional<Integer> mediaSet = statements.query("read backup set " + backupSet.get(),
				"SELECT media_set_id FROM msdb.dbo.backupset WHERE backup_set_id = ?", List.of(backupSet.get()),
				rows -> rows.next() ? Optional.of(rows.getInt(1)) : Optional.<Integer>empty());
		if (mediaSet.isEmpty()) {
			return Optional.empty();
		}
		return statements.query("read backup device of media set " + mediaSet.get(),
				"SELECT physical_device_name FROM msdb.dbo.backupmediafamily WHERE media_set_id = ?",
				List.of(mediaSet.get()),
				rows -> rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty());
	}

	/** User sessions whose database is the given one, except this connection's own. */
	public List<Integer> readUserSessions(String database) {
		return statements.query("read sessions in " + database, serverVersion().userSessionsQuery(), List.of(database), rows -> {
			List<Integer> ids = new ArrayList<>();
			while (rows.next()) {
				ids.add(rows.getInt(1));
			}
			return ids;
		});
	}

	/** SERVERPROPERTY('ProductVersion'), logged with the other evidence; the cast unwraps its sql_variant. */
	SqlServerVersion serverVersion() {
		if (serverVersion == null) {
			String productVersion = statements.query("read server version",
					"SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))", List.of(),
					rows -> rows.next() ? rows.getString(1) : null);
			serverVersion = SqlServerVersion.parse(productVersion);
		}
		return serverVersion;
	}

	/**
	 * The procedure "must be run from the master database on the secondary server" (sql-docs,
	 * sp_delete_log_shipping_secondary_database): the session moves to master first, whatever database the
	 * jdbc-url or the login's default put it in.
	 */
	public void deleteLogShippingSecondary(String database) {
		statements.executeLiteral("USE master", "USE master", "database context master");
		statements.update("remove log shipping of " + database,
				"EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = ?", List.of(database));
	}

	public void restoreLog(String database, String device) {
		statements.update("RESTORE LOG " + database, "RESTORE LOG ? FROM DISK = ? WITH NORECOVERY", List.of(database, device));
	}

	/**
	 * Completes a RESTORE LOG that was interrupted (4319): the interrupted statement's clauses plus RESTART, as SQL
	 * Server's "Restart an Interrupted Restore Operation" says; without a restart-checkpoint file SQL Server starts
	 * the backup set from the beginning (3018, informational).
	 */
	public void restoreLogWithRestart(String database, String device) {
		statements.update("RESTORE LOG " + database + " WITH RESTART",
				"RESTORE LOG ? FROM DISK = ? WITH NORECOVERY, RESTART", List.of(database, device));
	}

	public void restoreDatabaseWithRecovery(String database) {
		statements.update("RESTORE DATABASE " + database, "RESTORE DATABASE ? WITH RECOVERY", List.of(database));
	}

	/** {@code KILL} takes a literal only: the id is an int by type, so the text cannot carry anything else. */
	public void kill(int sessionId) {
		if (sessionId <= 0) {
			throw new IllegalArgumentException("not a session id: " + sessionId);
		}
		statements.executeLiteral("KILL " + sessionId, "KILL " + sessionId, "session ended");
	}

	@Override
	public void close() {
		statements.close();
	}

}
