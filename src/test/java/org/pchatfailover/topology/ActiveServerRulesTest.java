package org.pchatfailover.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Runbook step 7: active servers in the database's data centre, or with low latency confirmed by an operator. */
class ActiveServerRulesTest {

	static final Pool POOL = TestPools.atlantaPool();

	@Test
	void proposesTheCandidatesOfTheDataCentreTheDatabaseIsIn() {
		assertThat(ActiveServerRules.propose(POOL, "Dallas")).containsExactly("dal-pc-001.litwareinc.com",
				"dal-pc-002.litwareinc.com");
		assertThat(ActiveServerRules.propose(POOL, "atlanta")).containsExactly("atl-pc-001.litwareinc.com",
				"atl-pc-002.litwareinc.com");
	}

	@Test
	void refusesAnEmptyListAnythingButAnFqdnAndServersThatAreNoCandidate() {
		assertThatIllegalArgumentException().isThrownBy(() -> ActiveServerRules.check(POOL, "Dallas", List.of(), true))
			.withMessageContaining("at least one")
			.withMessageContaining("[dal-pc-001.litwareinc.com, dal-pc-002.litwareinc.com]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ActiveServerRules.check(POOL, "Dallas",
					List.of("dal-pc-001.litwareinc.com'; Remove-Item x"), true))
			.withMessageContaining("not a valid fully qualified domain name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ActiveServerRules.check(POOL, "Dallas", List.of("dal-pc-009.litwareinc.com"), false))
			.withMessageContaining("is not a configured active-server candidate");
	}

	@Test
	void acceptsAServerElsewhereOnlyWithLowLatencyConfirmed() {
		List<String> mixed = List.of("DAL-PC-001.litwareinc.com", "atl-pc-001.litwareinc.com");

		assertThatIllegalArgumentException().isThrownBy(() -> ActiveServerRules.check(POOL, "Dallas", mixed, false))
			.withMessage("Active server atl-pc-001.litwareinc.com is in data centre Atlanta, not in Dallas where the "
					+ "database now is. Choose servers in Dallas [dal-pc-001.litwareinc.com, dal-pc-002.litwareinc.com],"
					+ " or confirm it has low latency and high bandwidth to Dallas");
		assertThatCode(() -> ActiveServerRules.check(POOL, "Dallas", mixed, true)).doesNotThrowAnyException();
	}

	@Test
	void refusesAServerThatIsNoCandidateEvenWithLowLatencyConfirmed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ActiveServerRules.check(POOL, "Dallas",
					List.of("dal-pc-001.litwareinc.com", "mallory.example.com"), true))
			.withMessageContaining("mallory.example.com is not a configured active-server candidate of pool");
	}

}
