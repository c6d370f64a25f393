package org.pchatfailover.readiness;

import static org.pchatfailover.readiness.ReadinessCheck.failed;
import static org.pchatfailover.readiness.ReadinessCheck.passed;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.ServerNames;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.sqlserver.SqlServerConnection;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Pool.SqlInstance;
import org.springframework.stereotype.Component;

/**
 * The backup mirror instance (runbook step 6): the failover never connects to it itself, Install-CsMirrorDatabase
 * does, so only a login with {@code pchat.pools[].backup-mirror-sql.jdbc-url} proves now that it is up and is the
 * instance Lync will be told about.
 */
@Component
class MirrorSqlCheck {

	static final String NAME = "backup-mirror-sql";

	private final SqlServerAdapter sqlServer;

	MirrorSqlCheck(SqlServerAdapter sqlServer) {
		this.sqlServer = sqlServer;
	}

	ReadinessCheck check(Pool pool) {
		SqlInstance mirror = pool.backupMirrorSql();
		if (mirror.jdbcUrl() == null || mirror.jdbcUrl().isBlank()) {
			return failed(NAME, "not checked: pchat.pools[].backup-mirror-sql has no jdbc-url",
					"set backup-mirror-sql.jdbc-url (and user, password-env) so the check can log in to "
							+ mirror.displayName() + " before Install-CsMirrorDatabase needs it");
		}
		try (SqlServerConnection sql = sqlServer.connect(mirror, new ActionLog())) {
			String serverName = sql.readServerName();
			String evidence = "logged in to " + mirror.displayName() + "; @@SERVERNAME " + serverName;
			if (ServerNames.denotes(serverName, mirror)) {
				return passed(NAME, evidence);
			}
			return failed(NAME, evidence + ", which is not " + mirror.displayName(), "point backup-mirror-sql.jdbc-url "
					+ "at " + mirror.displayName() + ", the mirror Topology Builder defines for the backup store");
		}
		catch (RuntimeException ex) {
			return failed(NAME, ex.getMessage(), "check that " + mirror.displayName() + " is up and reachable from this "
					+ "host; Install-CsMirrorDatabase (step 6) backs mgc up to it");
		}
	}

}
