package org.pchatfailover.bench;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * failbackVsFailoverRatio: a lab failback over a lab failover, once the failback process exists. Until then the
 * figure is null, with the reason read from the engine: no {@code persistentChatFailback} is deployed.
 */
class FailbackBench extends LabBench {

	static final String FAILBACK_PROCESS = "persistentChatFailback";

	@Autowired
	RepositoryService repository;

	@Test
	void failbackAgainstFailover() {
		BenchFigures figures = BenchFigures.of(getClass());
		long deployed = repository.createProcessDefinitionQuery().processDefinitionKey(FAILBACK_PROCESS).count();
		if (deployed == 0) {
			figures.notMeasured("failbackVsFailoverRatio", "failback does not exist yet: no process "
					+ FAILBACK_PROCESS + " is deployed (DESIGN.md describes it; no issue has built it)");
			return;
		}
		throw new AssertionError(FAILBACK_PROCESS + " is deployed now: measure it against the failover here, "
				+ "as EngineOverheadBench drives the failover");
	}

}
