package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState.PoolState;
import org.pchatfailover.lab.sql.engine.LogShippedServerIdentities;
import org.pchatfailover.lab.sql.engine.PersistentChatServers.ServerIdentityRow;
import org.pchatfailover.topology.TestPools;

/** mgc.dbo.tblServerIdentity of the recovered backup mgc while the lab's Persistent Chat servers run against it. */
class LiveServerPingsTest {

	static final ZoneId DALLAS = ZoneId.of("America/Chicago");

	static final Instant RESTORED_UP_TO = Instant.parse("2026-11-29T12:45:02Z");

	static final Instant SET = Instant.parse("2026-11-29T13:00:00Z");

	@Test
	void showsOnlyTheStalePingsFromThePrimaryWhileThePoolIsNotFailedOver() {
		List<ServerIdentityRow> rows = pings(new PoolState("Normal", null, List.of("dal-pc-001.litwareinc.com"), SET,
				SET)).serverIdentities("mgc", SET.plusSeconds(60).atZone(DALLAS), RESTORED_UP_TO);

		assertThat(rows).containsExactly(
				new ServerIdentityRow(1, "net.tcp://atl-pc-001.litwareinc.com/ChannelServer", local(RESTORED_UP_TO)),
				new ServerIdentityRow(2, "net.tcp://atl-pc-002.litwareinc.com/ChannelServer", local(RESTORED_UP_TO)));
	}

	@Test
	void addsTheActiveServersOfAFailedOverPoolFromTheirFirstPingOnAndKeepsThemPinging() {
		LiveServerPings pings = pings(new PoolState("FailedOver", null,
				List.of("dal-pc-001.litwareinc.com", "atl-pc-001.litwareinc.com"), SET.minusSeconds(30), SET));

		assertThat(pings.serverIdentities("mgc", SET.plusSeconds(1).atZone(DALLAS), RESTORED_UP_TO))
			.as("before the first ping").hasSize(2);
		List<ServerIdentityRow> later = pings.serverIdentities("mgc", SET.plusSeconds(25).atZone(DALLAS),
				RESTORED_UP_TO);

		Instant lastPing = SET.plus(LiveServerPings.FIRST_PING).plus(LiveServerPings.PING_INTERVAL.multipliedBy(2));
		assertThat(later).containsExactly(
				new ServerIdentityRow(1, "net.tcp://atl-pc-001.litwareinc.com/ChannelServer", local(lastPing)),
				new ServerIdentityRow(2, "net.tcp://atl-pc-002.litwareinc.com/ChannelServer", local(RESTORED_UP_TO)),
				new ServerIdentityRow(3, "net.tcp://dal-pc-001.litwareinc.com/ChannelServer", local(lastPing)));
		assertThat(pings.serverIdentities("mgccomp", SET.plusSeconds(25).atZone(DALLAS), RESTORED_UP_TO))
			.as("another database").hasSize(2);
	}

	private static LiveServerPings pings(PoolState state) {
		LabLyncState lync = new LabLyncState("normal", Map.of(TestPools.POOL_FQDN, state), List.of());
		return new LiveServerPings(List.of(TestPools.atlantaPool()), () -> lync,
				new LogShippedServerIdentities(List.of("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com")));
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, DALLAS);
	}

}
