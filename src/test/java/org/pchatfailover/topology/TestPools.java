package org.pchatfailover.topology;

import java.nio.file.Path;
import java.util.List;

/**
 * The runbook's example pool as the lab configures it, atl-cs-001 failing over from Atlanta to Dallas, for tests
 * that need a topology without Spring; with a Lync shell of choice. Its backup SQL URL points at port 1, where
 * nothing listens: a test that means to reach the lab passes the lab's own pool.
 */
public final class TestPools {

	public static final String POOL_FQDN = "atl-cs-001.litwareinc.com";

	private TestPools() {
	}

	/** The pool with the lab's SSH Lync shell. */
	public static Pool atlantaPool() {
		return pool(ssh(2222, null, null, 60));
	}

	public static Pool pool(Pool.LyncShell shell) {
		return new Pool(POOL_FQDN, "mgc",
				new Pool.SqlInstance("jdbc:sqlserver://127.0.0.1:1;encrypt=false", "dal-sql-bk.litwareinc.com", "PCHAT",
						"lab", null, null),
				new Pool.SqlInstance(null, "dal-sql-mr.litwareinc.com", "PCHAT", null, null, null),
				"\\\\dal-fs-001.litwareinc.com\\pchat-mirror", "Dallas",
				List.of(new Pool.ActiveServerCandidate("atl-pc-001.litwareinc.com", "Atlanta"),
						new Pool.ActiveServerCandidate("atl-pc-002.litwareinc.com", "Atlanta"),
						new Pool.ActiveServerCandidate("dal-pc-001.litwareinc.com", "Dallas"),
						new Pool.ActiveServerCandidate("dal-pc-002.litwareinc.com", "Dallas")),
				List.of(), shell, null, null);
	}

	public static Pool.LyncShell ssh(int port, Path passwordFile, Path knownHosts, int timeoutSeconds) {
		return new Pool.LyncShell("ssh", "127.0.0.1", port, "lab", null, null,
				(passwordFile == null) ? null : passwordFile.toString(),
				(knownHosts == null) ? null : knownHosts.toString(), timeoutSeconds);
	}

	public static Pool.LyncShell local(int timeoutSeconds) {
		return new Pool.LyncShell("local", null, null, null, null, null, null, null, timeoutSeconds);
	}

	/** The pool with its primary instance (atl-sql-001\\PCHAT) and data centre (Atlanta): one that can fail back. */
	public static Pool failbackPool() {
		Pool pool = atlantaPool();
		return new Pool(pool.fqdn(), pool.database(), pool.backupSql(), pool.backupMirrorSql(), pool.mirrorFileShare(),
				pool.backupDataCenter(), pool.activeServerCandidates(), pool.shares(), pool.lyncShell(), null, null,
				new Pool.SqlInstance("jdbc:sqlserver://127.0.0.1:1;encrypt=false", "atl-sql-001.litwareinc.com",
						"PCHAT", "lab", null, null),
				new Pool.SqlInstance(null, "atl-sql-mr.litwareinc.com", "PCHAT", null, null, null), "Atlanta");
	}

	/** {@link #failbackPool()} without primary-mirror-sql: a primary that is not mirrored. */
	public static Topology failbackTopologyWithoutPrimaryMirror() {
		Pool pool = failbackPool();
		return new Topology(new PchatProperties(List.of(new Pool(pool.fqdn(), pool.database(), pool.backupSql(),
				pool.backupMirrorSql(), pool.mirrorFileShare(), pool.backupDataCenter(), pool.activeServerCandidates(),
				pool.shares(), pool.lyncShell(), null, null, pool.primarySql(), null, pool.primaryDataCenter()))));
	}

	/** {@link #failbackPool()} whose primary-mirror-sql has a JDBC URL: the product can check msdb there. */
	public static Topology failbackTopologyWithCheckablePrimaryMirror() {
		Pool pool = failbackPool();
		return new Topology(new PchatProperties(List.of(new Pool(pool.fqdn(), pool.database(), pool.backupSql(),
				pool.backupMirrorSql(), pool.mirrorFileShare(), pool.backupDataCenter(), pool.activeServerCandidates(),
				pool.shares(), pool.lyncShell(), null, null, pool.primarySql(),
				new Pool.SqlInstance("jdbc:sqlserver://127.0.0.1:1;encrypt=false", "atl-sql-mr.litwareinc.com",
						"PCHAT", "lab", null, null),
				pool.primaryDataCenter()))));
	}

	public static Topology failbackTopology() {
		return new Topology(new PchatProperties(List.of(failbackPool())));
	}

	public static Topology topology() {
		return new Topology(new PchatProperties(List.of(atlantaPool())));
	}

}
