package org.pchatfailover.lab.lync.cmdlets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** When a pool's state and its active servers last changed, kept in the lab's state file. */
class LabPoolStatesTest {

	private static final Instant RESET = Instant.parse("2026-11-29T08:00:00Z");

	@TempDir
	Path dir;

	private final LabLyncFixtures.HandClock clock = new LabLyncFixtures.HandClock(RESET);

	private LabLyncState.PoolState pool(LabLyncShell lab) {
		return lab.state().pools().get(LabLyncFixtures.POOL);
	}

	@Test
	void recordsTheLastChangeOfThePoolStateAndOfTheActiveServersApart() {
		LabLyncShell lab = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL, clock);
		assertThat(pool(lab).poolStateChangedAt()).isEqualTo(RESET);
		assertThat(pool(lab).activeServersChangedAt()).isEqualTo(RESET);

		Instant failedOver = clock.advance(Duration.ofMinutes(5));
		lab.execute("Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -PoolState FailedOver");
		clock.advance(Duration.ofMinutes(1));
		lab.execute("Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -PoolState FailedOver");
		Instant added = clock.advance(Duration.ofMinutes(1));
		lab.execute("Set-CsPersistentChatActiveServer -Identity global -ActiveServers @{Add='dal-pc-001.litwareinc.com'}");
		clock.advance(Duration.ofMinutes(1));
		lab.execute("Set-CsPersistentChatActiveServer -Identity global -ActiveServers @{Add='dal-pc-001.litwareinc.com'}");

		assertThat(pool(lab).poolStateChangedAt()).as("set FailedOver twice: the first time counts").isEqualTo(failedOver);
		assertThat(pool(lab).activeServersChangedAt()).as("added twice: the first time counts").isEqualTo(added);
	}

	@Test
	void keepsTheTimesAcrossARestart() {
		LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL, clock)
			.execute("Set-CsPersistentChatActiveServer -ActiveServers $Null");

		LabLyncShell restarted = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL);

		assertThat(pool(restarted).activeServers()).isEmpty();
		assertThat(pool(restarted).activeServersChangedAt()).isEqualTo(RESET);
	}

	@Test
	void readsAStateFileWrittenBeforeTheTimesWereKept() throws Exception {
		Files.writeString(dir.resolve("lync-state.json"), """
				{ "scenario" : "normal",
				  "pools" : { "atl-cs-001.litwareinc.com" : { "poolState" : "FailedOver", "mirror" : null,
				    "activeServers" : [ "dal-pc-001.litwareinc.com" ] } },
				  "history" : [ ] }
				""");

		LabLyncShell lab = LabLyncFixtures.shell(dir, LabLyncFixtures.MGC_ONLINE, LabLyncShell.NORMAL, clock);
		assertThat(pool(lab).poolState()).isEqualTo("FailedOver");
		assertThat(pool(lab).poolStateChangedAt()).isNull();
		assertThat(pool(lab).activeServersChangedAt()).isNull();

		Instant normal = clock.advance(Duration.ofHours(1));
		lab.execute("Set-CsPersistentChatState -Identity 'service:atl-cs-001.litwareinc.com' -PoolState Normal");

		assertThat(pool(lab).poolStateChangedAt()).isEqualTo(normal);
		assertThat(pool(lab).activeServersChangedAt()).isNull();
	}

}
