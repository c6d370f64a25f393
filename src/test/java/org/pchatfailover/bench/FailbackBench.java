package org.pchatfailover.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * failbackVsFailoverRatio: a whole lab failback over a whole lab failover, both driven by the engine as
 * EngineOverheadBench drives the failover (user tasks completed as soon as they appear). A round is a round trip,
 * every reset untimed: in even rounds the scenario {@code normal}, the failover, then the failback of the pool it
 * left FailedOver; in odd rounds the failback first, from the scenario {@code failed-over}, then {@code normal}
 * again and the failover. So each failover starts from {@code normal} and each failback from a failed-over pool,
 * and which of the two runs first alternates, so the machine's drift hits both. The figure is the median of the
 * per-round ratios, warm-up round left out. The issue gives no goal.
 */
class FailbackBench extends LabBench {

	static final int WARMUPS = 1;

	static final int ROUNDS = 7;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ProcessProgress progress;

	int ticket;

	final List<Map<String, Object>> failoverSteps = new ArrayList<>();

	final List<Map<String, Object>> failbackSteps = new ArrayList<>();

	/** Per run, the time besides SetActiveServers: the failover's waits for the servers' pings, the failback's not. */
	final List<Double> failoverMsBesidesSetActiveServers = new ArrayList<>();

	final List<Double> failbackMsBesidesSetActiveServers = new ArrayList<>();

	@Test
	void failbackAgainstFailover() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		List<Double> failoverMs = new ArrayList<>();
		List<Double> failbackMs = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int round = -WARMUPS; round < ROUNDS; round++) {
			double failover;
			double failback;
			if (Math.floorMod(round, 2) == 0) {
				drill.scenario("normal");
				failover = failoverMs();
				failback = failbackMs();
			}
			else {
				drill.scenario("failed-over");
				failback = failbackMs();
				drill.scenario("normal");
				failover = failoverMs();
			}
			if (round >= 0) {
				failoverMs.add(failover);
				failbackMs.add(failback);
				ratios.add(failback / failover);
			}
		}
		figures.detail("failbackMs", failbackMs).detail("failoverMs", failoverMs).detail("ratios", ratios);
		List<Double> besides = new ArrayList<>();
		for (int i = WARMUPS; i < failbackMsBesidesSetActiveServers.size(); i++) {
			besides.add(failbackMsBesidesSetActiveServers.get(i) / failoverMsBesidesSetActiveServers.get(i));
		}
		figures.detail("ratiosBesidesSetActiveServers", besides)
			.detail("medianRatioBesidesSetActiveServers", BenchStats.round(BenchStats.median(besides), 3));
		figures.detail("failbackSteps", failbackSteps.subList(WARMUPS, failbackSteps.size()))
			.detail("failoverSteps", failoverSteps.subList(WARMUPS, failoverSteps.size()));
		figures.figure("failbackVsFailoverRatio", BenchStats.round(BenchStats.median(ratios), 3));
	}

	private double failoverMs() {
		long started = System.nanoTime();
		String id = engine().failover("BENCH-FAILOVER-" + (++ticket));
		double ms = (System.nanoTime() - started) / 1e6;
		failoverSteps.add(engine().steps(id));
		failoverMsBesidesSetActiveServers.add(ms - engine().activityMs(id, "SetActiveServers"));
		return ms;
	}

	private double failbackMs() {
		long started = System.nanoTime();
		String id = engine().failback("BENCH-FAILBACK-" + (++ticket));
		double ms = (System.nanoTime() - started) / 1e6;
		failbackSteps.add(engine().steps(id));
		failbackMsBesidesSetActiveServers.add(ms - engine().activityMs(id, "SetActiveServers"));
		return ms;
	}

	private EngineRuns engine() {
		return new EngineRuns(runtime, tasks, history, progress);
	}

}
