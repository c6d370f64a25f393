package org.pchatfailover.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.LyncShellAdapter;
import org.pchatfailover.sqlserver.SqlServerAdapter;
import org.pchatfailover.sqlserver.SqlServerConnection;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * The cheapest questions that prove a pool's backup SQL instance and Lync shell answer, asked through the product's
 * own adapters so a probe fails exactly where a failover would: a login with the pool's jdbc-url and
 * {@code SELECT @@SERVERNAME}, and an SSH (or local) login running {@code Get-CsPersistentChatState} for the pool.
 * Both read only; what they ran is not kept (the action log is the failover's record, not the monitor's).
 */
@Component
class PoolProbes {

	private final SqlServerAdapter sqlServer;

	private final LyncShellAdapter lync;

	private final PoolHealthProperties properties;

	PoolProbes(SqlServerAdapter sqlServer, LyncShellAdapter lync, PoolHealthProperties properties) {
		this.sqlServer = sqlServer;
		this.lync = lync;
		this.properties = properties;
	}

	Probe backupSql(Pool pool) {
		Instant started = Instant.now();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("instance", pool.backupSql().displayName());
		try (SqlServerConnection sql = sqlServer.connect(pool.backupSql(), new ActionLog(), properties.timeout())) {
			details.put("serverName", sql.readServerName());
			return Probe.up(started, details);
		}
		catch (RuntimeException ex) {
			return Probe.down(started, details, ex.getMessage());
		}
	}

	Probe lyncShell(Pool pool) {
		Instant started = Instant.now();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("shell", describe(pool.lyncShell()));
		try {
			details.put("poolState", lync.getPersistentChatState(withProbeTimeout(pool), new ActionLog()));
			return Probe.up(started, details);
		}
		catch (RuntimeException ex) {
			return Probe.down(started, details, ex.getMessage());
		}
	}

	/** The pool with the probe's timeout for its shell: a failover's cmdlets may take minutes, a probe may not. */
	private Pool withProbeTimeout(Pool pool) {
		Pool.LyncShell shell = pool.lyncShell();
		int seconds = (int) Math.min(shell.timeoutSeconds(), Math.max(1, properties.timeout().toSeconds()));
		Pool.LyncShell probeShell = new Pool.LyncShell(shell.transport(), shell.host(), shell.port(), shell.user(),
				shell.keyFile(), shell.passwordEnv(), shell.passwordFile(), shell.knownHostsFile(), seconds);
		return new Pool(pool.fqdn(), pool.database(), pool.backupSql(), pool.backupMirrorSql(), pool.mirrorFileShare(),
				pool.backupDataCenter(), pool.activeServerCandidates(), pool.shares(), probeShell, pool.lyncVersion(),
				pool.activeServersIdentity());
	}

	private static String describe(Pool.LyncShell shell) {
		return "local".equals(shell.transport()) ? "local powershell.exe"
				: "ssh " + shell.user() + "@" + shell.host() + ":" + shell.port();
	}

}
