package org.pchatfailover.failover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.sqlserver.LogShippingFolders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each failover acts on, fixed when it starts: its ticket, pool and callback URL, and the log-shipping
 * folders CheckPreconditions read. Steps read these here rather than from process variables, which anyone who
 * may complete a task can overwrite. One row per failover in {@code PCHAT_FAILOVER_TICKET}, in the engine's
 * database and transaction.
 */
@Component
public class FailoverRegistry {

	private static final String COLUMNS = "PROC_INST_ID_, TICKET_ID_, POOL_FQDN_, CALLBACK_URL_, BACKUP_SOURCE_DIR_, "
			+ "BACKUP_DEST_DIR_";

	private final JdbcTemplate jdbc;

	public FailoverRegistry(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param callbackUrl where milestones go, null for the configured default
	 * @param backupSourceDirectory the primary's backup share as msdb named it, null until CheckPreconditions
	 * @param backupDestinationDirectory the copy destination as msdb named it, null until CheckPreconditions
	 */
	public record Registration(String processInstanceId, String ticketId, String poolFqdn, String callbackUrl,
			String backupSourceDirectory, String backupDestinationDirectory) {

		/** The folders the plan read before RemoveLogShipping deleted them from msdb, null before the plan. */
		public LogShippingFolders plannedFolders() {
			return LogShippingFolders.known(backupSourceDirectory, backupDestinationDirectory,
					"failover plan (msdb configuration read before RemoveLogShipping)");
		}

	}

	/**
	 * Serializes the starts of the pool's failovers until the transaction ends (the ticketing API and the engine
	 * REST API alike): the row {@code FailoverStarter} inserted for each configured pool.
	 */
	public void lockPool(String poolFqdn) {
		jdbc.queryForObject("SELECT POOL_FQDN_ FROM PCHAT_POOL_LOCK WHERE POOL_FQDN_ = ? FOR UPDATE", String.class,
				poolFqdn);
	}

	/**
	 * Registers a failover (or a failback: both share the table, so one ticket starts one of them, and a pool's
	 * running processes of either kind are found by {@link #forPool}); a second one for the ticket fails on the key.
	 */
	public void register(String processInstanceId, String ticketId, String poolFqdn, String callbackUrl, String startedBy) {
		jdbc.update("INSERT INTO PCHAT_FAILOVER_TICKET (TICKET_ID_, POOL_FQDN_, PROC_INST_ID_, CALLBACK_URL_, "
				+ "CREATED_BY_, CREATED_AT_) VALUES (?, ?, ?, ?, ?, ?)", ticketId, poolFqdn, processInstanceId,
				callbackUrl, startedBy, Timestamp.from(Instant.now()));
	}

	public void recordPlannedFolders(String processInstanceId, LogShippingFolders folders) {
		jdbc.update("UPDATE PCHAT_FAILOVER_TICKET SET BACKUP_SOURCE_DIR_ = ?, BACKUP_DEST_DIR_ = ? WHERE PROC_INST_ID_ = ?",
				folders.source(), folders.destination(), processInstanceId);
	}

	public Optional<Registration> find(String processInstanceId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM PCHAT_FAILOVER_TICKET WHERE PROC_INST_ID_ = ?",
				FailoverRegistry::registration, processInstanceId).stream().findFirst();
	}

	public Optional<Registration> findByTicket(String ticketId) {
		return jdbc.query("SELECT " + COLUMNS + " FROM PCHAT_FAILOVER_TICKET WHERE TICKET_ID_ = ?",
				FailoverRegistry::registration, ticketId).stream().findFirst();
	}

	/** Every failover ever registered for the pool; which of them still run is the engine's to say. */
	public List<Registration> forPool(String poolFqdn) {
		return jdbc.query("SELECT " + COLUMNS + " FROM PCHAT_FAILOVER_TICKET WHERE POOL_FQDN_ = ?",
				FailoverRegistry::registration, poolFqdn);
	}

	public Registration require(String processInstanceId) {
		return find(processInstanceId).orElseThrow(() -> new IllegalStateException("failover " + processInstanceId
				+ " is not registered in PCHAT_FAILOVER_TICKET; it was started before registration existed"));
	}

	private static Registration registration(ResultSet row, int index) throws SQLException {
		return new Registration(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
				row.getString(5), row.getString(6));
	}

}
