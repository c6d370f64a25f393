package org.pchatfailover.topology;

import java.util.List;

/** The runbook's example pool as the lab configures it, for tests that need a topology without Spring. */
public final class TestPools {

	public static final String POOL_FQDN = "atl-cs-001.litwareinc.com";

	private TestPools() {
	}

	public static Pool atlantaPool() {
		return new Pool(POOL_FQDN, "mgc",
				new Pool.SqlInstance("jdbc:sqlserver://127.0.0.1:14330;encrypt=false", "dal-sql-bk.litwareinc.com",
						"PCHAT", "lab", null, null),
				new Pool.SqlInstance(null, "dal-sql-mr.litwareinc.com", "PCHAT", null, null, null),
				"\\\\dal-fs-001.litwareinc.com\\pchat-mirror", "Dallas",
				List.of(new Pool.ActiveServerCandidate("atl-pc-001.litwareinc.com", "Atlanta"),
						new Pool.ActiveServerCandidate("dal-pc-001.litwareinc.com", "Dallas"),
						new Pool.ActiveServerCandidate("dal-pc-002.litwareinc.com", "Dallas")),
				List.of(), new Pool.LyncShell("ssh", "127.0.0.1", 2222, "lab", null, null, null, null, 60));
	}

	public static Topology topology() {
		return new Topology(new PchatProperties(List.of(atlantaPool())));
	}

}
