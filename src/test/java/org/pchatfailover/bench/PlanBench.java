package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * plan10000LogsMs and planScaling: CheckPreconditions' plan of 10, 100, 1,000 and 10,000 pending log backups on the
 * lab (scenario {@code normal}, {@code logs = pending + 5}). Each round plans every size once, smallest first; the
 * first round is a warm-up. planScaling is the time per file at 10,000 over the time per file at 1,000: "flat" is
 * about 1, more means planning grows faster than the logs (at 10 and 100 the fixed cost of a connection and the
 * msdb reads dominates, so those sizes say nothing about the time per file).
 */
class PlanBench extends LabBench {

	static final int[] PENDING = { 10, 100, 1000, 10000 };

	static final int WARMUPS = 1;

	static final int ROUNDS = 4;

	@Autowired
	LogShippingService logShipping;

	@Autowired
	Topology topology;

	@Test
	void planningTimePerPendingLogStaysFlat() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		Pool pool = topology.pool(LabDrill.POOL);
		Map<Integer, List<Double>> times = new LinkedHashMap<>();
		for (int round = 0; round < WARMUPS + ROUNDS; round++) {
			for (int pending : PENDING) {
				drill.json("admin", "POST", "/api/lab/scenarios/normal?logs=" + (pending + 5), null, 200);
				double ms = BenchStats.timeMs(() -> {
					FailoverPlan plan = logShipping.planFailover(pool, new ActionLog());
					assertThat(plan.logsToApply()).hasSize(pending);
					return plan;
				});
				if (round >= WARMUPS) {
					times.computeIfAbsent(pending, p -> new ArrayList<>()).add(ms);
				}
			}
		}
		Map<String, Double> medianMs = new LinkedHashMap<>();
		times.forEach((pending, runs) -> medianMs.put(String.valueOf(pending), BenchStats.round(BenchStats.median(runs), 1)));
		figures.detail("runsMs", times).detail("medianMs", medianMs);
		double perFileAt1000 = BenchStats.median(times.get(1000)) / 1000;
		double perFileAt10000 = BenchStats.median(times.get(10000)) / 10000;
		figures.detail("msPerFileAt1000", BenchStats.round(perFileAt1000, 4))
			.detail("msPerFileAt10000", BenchStats.round(perFileAt10000, 4));
		figures.figure("plan10000LogsMs", BenchStats.round(BenchStats.median(times.get(10000)), 1));
		figures.figure("planScaling", BenchStats.round(perFileAt10000 / perFileAt1000, 3));
	}

}
