package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.LabPool;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.Server;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology.Store;

/** The lab topology of application-lab.yml: atl-cs-001 with its backup store in Dallas. */
public final class LabLyncFixtures {

	public static final String POOL = "atl-cs-001.litwareinc.com";

	/** A second Lync Server 2013 pool, sea-cs-001 failing over from Seattle to Portland. */
	public static final String SECOND_POOL = "sea-cs-001.litwareinc.com";

	public static final LabLyncTopology TOPOLOGY = topology(LabPool.LYNC_2013);

	/** atl-cs-001 and sea-cs-001, both Lync Server 2013: one global collection of active servers. */
	public static final LabLyncTopology TWO_POOLS = new LabLyncTopology(List.of(atlanta(LabPool.LYNC_2013),
			new LabPool(SECOND_POOL, "mgc", new Store("pdx-sql-bk.litwareinc.com", "PCHAT"),
					new Store("pdx-sql-mr.litwareinc.com", "PCHAT"), "Portland",
					List.of(new Server("sea-pc-001.litwareinc.com", "Seattle"),
							new Server("pdx-pc-001.litwareinc.com", "Portland")),
					LabPool.LYNC_2013)));

	/** The backup mgc is ONLINE after RecoverDatabase; mirroring starts without complaint. */
	public static final LabDatabaseProbe MGC_ONLINE = mgcIn("ONLINE");

	private LabLyncFixtures() {
	}

	/** The lab pool atl-cs-001 on Lync Server 2013 ({@code "2013"}) or Skype for Business Server 2015. */
	public static LabLyncTopology topology(String lyncVersion) {
		return new LabLyncTopology(List.of(atlanta(lyncVersion)));
	}

	private static LabPool atlanta(String lyncVersion) {
		return new LabPool(POOL, "mgc", new Store("dal-sql-bk.litwareinc.com", "PCHAT"),
				new Store("dal-sql-mr.litwareinc.com", "PCHAT"), "Dallas",
				List.of(new Server("atl-pc-001.litwareinc.com", "Atlanta"),
						new Server("atl-pc-002.litwareinc.com", "Atlanta"),
						new Server("dal-pc-001.litwareinc.com", "Dallas"),
						new Server("dal-pc-002.litwareinc.com", "Dallas")),
				lyncVersion);
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
		return shell(dir, TOPOLOGY, probe, scenario);
	}

	public static LabLyncShell shell(Path dir, LabLyncTopology topology, LabDatabaseProbe probe, String scenario) {
		return new LabLyncShell(topology, probe, dir.resolve("lync-state.json"), Duration.ofMinutes(10), scenario);
	}

	public static LabLyncShell shell(Path dir, LabDatabaseProbe probe, String scenario, Clock clock) {
		return new LabLyncShell(TOPOLOGY, probe, dir.resolve("lync-state.json"), Duration.ofMinutes(10), scenario, clock);
	}

	public static LabLyncShell shell(Path dir, LabDatabaseProbe probe, String scenario, Duration slowDelay) {
		return new LabLyncShell(TOPOLOGY, probe, dir.resolve("lync-state.json"), slowDelay, scenario);
	}

	/** {@code text} with Windows line ends, as powershell.exe writes its output: each "\n" becomes CRLF. */
	public static String crlf(String text) {
		return text.replace("\r\n", "\n").replace("\n", "\r\n");
	}

	/** A clock a test moves by hand. */
	public static final class HandClock extends Clock {

		private Instant now;

		public HandClock(Instant start) {
			this.now = start;
		}

		public Instant advance(Duration by) {
			now = now.plus(by);
			return now;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
