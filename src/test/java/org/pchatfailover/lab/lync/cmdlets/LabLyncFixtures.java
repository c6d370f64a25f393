package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.Server;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.Store;

/** The lab topology of application-lab.yml: atl-cs-001 with its backup store in Dallas. */
public final class LabLyncFixtures {

	public static final LabLyncTopology TOPOLOGY = new LabLyncTopology(List.of(new LabPool("atl-cs-001.litwareinc.com",
			"mgc", new Store("dal-sql-bk.litwareinc.com", "PCHAT"), new Store("dal-sql-mr.litwareinc.com", "PCHAT"),
			"Dallas",
			List.of(new Server("atl-pc-001.litwareinc.com", "Atlanta"), new Server("atl-pc-002.litwareinc.com", "Atlanta"),
					new Server("dal-pc-001.litwareinc.com", "Dallas"),
					new Server("dal-pc-002.litwareinc.com", "Dallas")))));

	/** The backup mgc is ONLINE after RecoverDatabase; mirroring starts without complaint. */
	public static final LabDatabaseProbe MGC_ONLINE = mgcIn("ONLINE");

	private LabLyncFixtures() {
	}

	/** A backup SQL Server whose mgc is in this state and which accepts SET PARTNER. */
	public static LabDatabaseProbe mgcIn(String state) {
		return new LabDatabaseProbe() {

			@Override
			public String databaseState(String sqlServerFqdn, String instance, String database) {
				return state;
			}

			@Override
			public void setPartner(String sqlServerFqdn, String instance, String database, String partnerAddress) {
			}

		};
	}

	public static LabLyncShell shell(Path dir, LabDatabaseProbe probe, String scenario) {
		return new LabLyncShell(TOPOLOGY, probe, dir.resolve("lync-state.json"), Duration.ofMinutes(10), scenario);
	}

	public static LabLyncShell shell(Path dir, LabDatabaseProbe probe, String scenario, Duration slowDelay) {
		return new LabLyncShell(TOPOLOGY, probe, dir.resolve("lync-state.json"), slowDelay, scenario);
	}

}
