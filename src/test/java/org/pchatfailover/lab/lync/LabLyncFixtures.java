package org.pchatfailover.lab.lync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.pchatfailover.lab.lync.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.LabLyncTopology.Server;
import org.pchatfailover.lab.lync.LabLyncTopology.Store;

/** The lab topology of application-lab.yml: atl-cs-001 with its backup store in Dallas. */
public final class LabLyncFixtures {

	public static final LabLyncTopology TOPOLOGY = new LabLyncTopology(List.of(new LabPool("atl-cs-001.litwareinc.com",
			"mgc", new Store("dal-sql-bk.litwareinc.com", "PCHAT"), new Store("dal-sql-mr.litwareinc.com", "PCHAT"),
			"Dallas",
			List.of(new Server("atl-pc-001.litwareinc.com", "Atlanta"), new Server("atl-pc-002.litwareinc.com", "Atlanta"),
					new Server("dal-pc-001.litwareinc.com", "Dallas"),
					new Server("dal-pc-002.litwareinc.com", "Dallas")))));

	/** The backup mgc is ONLINE after RecoverDatabase. */
	public static final LabDatabaseProbe MGC_ONLINE = (fqdn, instance, database) -> "ONLINE";

	private LabLyncFixtures() {
	}

	public static LabLyncShell shell(Path dir, LabDatabaseProbe probe, String scenario) {
		return new LabLyncShell(TOPOLOGY, probe, dir.resolve("lync-state.json"), Duration.ofMinutes(10), scenario);
	}

	public static LabLyncShell shell(Path dir, LabDatabaseProbe probe, String scenario, Duration slowDelay) {
		return new LabLyncShell(TOPOLOGY, probe, dir.resolve("lync-state.json"), slowDelay, scenario);
	}

}
