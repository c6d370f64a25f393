package org.pchatfailover.lync;

import java.nio.file.Path;
import java.util.List;

import org.pchatfailover.topology.Pool;

/** The lab's example pool, atl-cs-001 failing over from Atlanta to Dallas, with a Lync shell of choice. */
public final class TestPools {

	public static final String POOL = "atl-cs-001.litwareinc.com";

	private TestPools() {
	}

	public static Pool pool(Pool.LyncShell shell) {
		return new Pool(POOL, "mgc",
				new Pool.SqlInstance("jdbc:sqlserver://127.0.0.1:1;encrypt=false", "dal-sql-bk.litwareinc.com", "PCHAT",
						"lab", null, null),
				new Pool.SqlInstance(null, "dal-sql-mr.litwareinc.com", "PCHAT", null, null, null),
				"\\\\dal-fs-001.litwareinc.com\\pchat-mirror", "Dallas",
				List.of(new Pool.ActiveServerCandidate("atl-pc-001.litwareinc.com", "Atlanta"),
						new Pool.ActiveServerCandidate("atl-pc-002.litwareinc.com", "Atlanta"),
						new Pool.ActiveServerCandidate("dal-pc-001.litwareinc.com", "Dallas"),
						new Pool.ActiveServerCandidate("dal-pc-002.litwareinc.com", "Dallas")),
				List.of(), shell);
	}

	public static Pool.LyncShell ssh(int port, Path passwordFile, Path knownHosts, int timeoutSeconds) {
		return new Pool.LyncShell("ssh", "127.0.0.1", port, "lab", null, null,
				(passwordFile == null) ? null : passwordFile.toString(), knownHosts.toString(), timeoutSeconds);
	}

	public static Pool.LyncShell local(int timeoutSeconds) {
		return new Pool.LyncShell("local", null, null, null, null, null, null, null, timeoutSeconds);
	}

}
