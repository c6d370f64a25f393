package org.pchatfailover.sqlserver;

import java.time.Duration;
import java.util.List;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Runbook step 4: end connections to the database, then bring it online WITH RECOVERY. */
@Service
public class DatabaseRecoveryService {

	/**
	 * Waits before each retry of RESTORE ... WITH RECOVERY after 3101: a killed session stays until its rollback
	 * ends, so retrying at once meets it again. One attempt more than waits; 3.7 s in all, bounded.
	 */
	static final List<Duration> RECOVERY_BACKOFF = List.of(Duration.ofMillis(200), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(2));

	static final int RECOVERY_ATTEMPTS = RECOVERY_BACKOFF.size() + 1;

	private static final int DATABASE_IN_USE = 3101;

	private static final int NOT_ACTIVE_PROCESS = 6106;

	private static final int NOT_USER_PROCESS = 6107;

	private static final Logger log = LoggerFactory.getLogger(DatabaseRecoveryService.class);

	private final SqlServerAdapter sqlServer;

	private final Sleeper sleeper;

	@Autowired
	public DatabaseRecoveryService(SqlServerAdapter sqlServer) {
		this(sqlServer, duration -> Thread.sleep(duration.toMillis()));
	}

	/** @param sleeper waits between attempts; tests pass one that records instead of waiting */
	DatabaseRecoveryService(SqlServerAdapter sqlServer, Sleeper sleeper) {
		this.sqlServer = sqlServer;
		this.sleeper = sleeper;
	}

	@FunctionalInterface
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

	/**
	 * EndConnections: kill user sessions in the database, while it is not yet recovered. Once it is ONLINE, recovery
	 * is done and its sessions are the new principal's users: ending them is no part of the runbook, so it skips.
	 */
	public void endConnections(Pool pool, ActionLog actions) {
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			if (FailoverPlanner.requireDatabase(sql, pool.database()).isRecovered()) {
				actions.record(sql.instance(), "check", "state of " + pool.database(),
						"already ONLINE (recovered): its sessions are the new principal's users, none ended", true,
						Duration.ZERO);
				log.info("EndConnections pool {}: {} on {} already ONLINE, skipped", pool.fqdn(), pool.database(),
						sql.instance());
				return;
			}
			int killed = killSessions(sql, pool.database(), actions);
			log.info("EndConnections pool {}: ended {} session(s) in {} on {}", pool.fqdn(), killed, pool.database(),
					sql.instance());
		}
	}

	/**
	 * RecoverDatabase: {@code RESTORE DATABASE ... WITH RECOVERY}, verified ONLINE and out of standby; no-op when
	 * already recovered. A STANDBY secondary is ONLINE but not recovered: WITH RECOVERY is valid for it too.
	 */
	public void recoverDatabase(Pool pool, ActionLog actions) {
		String database = pool.database();
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
			DatabaseStatus status = FailoverPlanner.requireDatabase(sql, database);
			if (status.isRecovered()) {
				actions.record(sql.instance(), "check", "state of " + database, "already ONLINE, nothing to do", true,
						Duration.ZERO);
				log.info("RecoverDatabase pool {}: {} on {} already ONLINE, skipped", pool.fqdn(), database,
						sql.instance());
				return;
			}
			recover(sql, database, actions);
			DatabaseStatus after = FailoverPlanner.requireDatabase(sql, database);
			if (!after.isRecovered()) {
				throw new IllegalStateException(database + " on " + sql.instance() + " is " + after.state()
						+ (after.standby() ? " in STANDBY" : "")
						+ " after RESTORE DATABASE WITH RECOVERY, expected ONLINE out of standby");
			}
			log.info("RecoverDatabase pool {}: {} on {} is ONLINE", pool.fqdn(), database, sql.instance());
		}
	}

	private void recover(SqlServerConnection sql, String database, ActionLog actions) {
		for (int attempt = 1;; attempt++) {
			try {
				sql.restoreDatabaseWithRecovery(database);
				return;
			}
			catch (SqlServerException ex) {
				if (ex.errorNumber() != DATABASE_IN_USE || attempt == RECOVERY_ATTEMPTS) {
					throw ex;
				}
				// clients reconnected since EndConnections: end them again, let their rollback finish, retry
				killSessions(sql, database, actions);
				pause(sql.instance(), database, attempt, actions);
			}
		}
	}

	private void pause(String instance, String database, int failedAttempt, ActionLog actions) {
		Duration wait = RECOVERY_BACKOFF.get(failedAttempt - 1);
		try {
			sleeper.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to retry RESTORE DATABASE " + database
					+ " on " + instance, ex);
		}
		actions.record(instance, "wait", "RESTORE DATABASE " + database + " attempt " + (failedAttempt + 1) + " of "
				+ RECOVERY_ATTEMPTS, "3101: database in use; sessions ended, waited " + wait.toMillis() + " ms", true,
				wait);
	}

	private int killSessions(SqlServerConnection sql, String database, ActionLog actions) {
		List<Integer> sessions = sql.readUserSessions(database);
		int killed = 0;
		for (int sessionId : sessions) {
			try {
				sql.kill(sessionId);
				killed++;
			}
			catch (SqlServerException ex) {
				skipOrRethrow(sql.instance(), sessionId, ex, actions);
			}
		}
		return killed;
	}

	/**
	 * 6106: the session ended on its own. 6107: a system task the session query let through (before SQL Server
	 * 2012 sysprocesses has no is_user_process, see {@link SqlServerVersion#userSessionsQuery()}); it holds no
	 * client connection, so leaving it is right.
	 */
	private static void skipOrRethrow(String instance, int sessionId, SqlServerException ex, ActionLog actions) {
		String outcome = switch (ex.errorNumber()) {
			case NOT_ACTIVE_PROCESS -> "6106: already gone";
			case NOT_USER_PROCESS -> "6107: a system process, not a user session; left running";
			default -> throw ex;
		};
		actions.record(instance, "check", "KILL " + sessionId, outcome, true, Duration.ZERO);
	}

}
