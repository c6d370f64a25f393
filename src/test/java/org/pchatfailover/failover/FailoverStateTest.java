package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule the API, the report and the callbacks use to say what a failover is doing. */
class FailoverStateTest {

	@Test
	void mapsTheEndOfAFailoverToCompletedOrAborted() {
		assertThat(FailoverState.ofEnd("FailoverCompleted", false)).isEqualTo(FailoverState.COMPLETED);
		assertThat(FailoverState.ofEnd("FailoverAborted", false)).isEqualTo(FailoverState.ABORTED);
		assertThat(FailoverState.ofEnd("FailbackAborted", false)).isEqualTo(FailoverState.ABORTED);
		assertThat(FailoverState.ofEnd("ConfirmFailover", true)).isEqualTo(FailoverState.ABORTED);
		assertThat(FailoverState.ofEnd(null, true)).isEqualTo(FailoverState.ABORTED);
	}

	@Test
	void putsAnOpenIncidentBeforeAWaitingOperator() {
		assertThat(FailoverState.ofRunning(true, true)).isEqualTo(FailoverState.INCIDENT);
		assertThat(FailoverState.ofRunning(true, false)).isEqualTo(FailoverState.INCIDENT);
		assertThat(FailoverState.ofRunning(false, true)).isEqualTo(FailoverState.WAITING_FOR_OPERATOR);
		assertThat(FailoverState.ofRunning(false, false)).isEqualTo(FailoverState.RUNNING);
	}

	@Test
	void tellsTheEndsFromTheStatesThatStillMove() {
		assertThat(FailoverState.values()).filteredOn(FailoverState::isEnd)
			.containsExactly(FailoverState.COMPLETED, FailoverState.ABORTED);
	}

}
