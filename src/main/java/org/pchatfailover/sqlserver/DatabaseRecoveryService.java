package org.pchatfailover.sqlserver;

import java.time.Duration;
import java.util.List;

import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runbook step 4: end connections to the database, then bring it online WITH RECOVERY. */
@Service
public class DatabaseRecoveryService {

	/** How often RESTORE ... WITH RECOVERY is tried when clients reconnect between KILL and RESTORE (3101). */
	static final int RECOVERY_ATTEMPTS = 5;

	private static final int DATABASE_IN_USE = 3101;

	private static final int NOT_ACTIVE_PROCESS = 6106;

	private static final Logger log = LoggerFactory.getLogger(DatabaseRecoveryService.class);

	private final SqlServerAdapter sqlServer;

	public DatabaseRecoveryService(SqlServerAdapter sqlServer) {
		this.sqlServer = sqlServer;
	}

	/** EndConnections: kill user sessions in the database. */
	public void endConnections(Pool pool, ActionLog actions) {
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), actions)) {
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
				// clients reconnected since EndConnections: end them again and retry
				killSessions(sql, database, actions);
			}
		}
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
				if (ex.errorNumber() != NOT_ACTIVE_PROCESS) {
					throw ex;
				}
				actions.record(sql.instance(), "check", "KILL " + sessionId, "6106: already gone", true,
						Duration.ZERO);
			}
		}
		return killed;
	}

}
