package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;

/** readinessCheckMs: the estate check of the lab pool, {@code GET /api/pools/{fqdn}/readiness}, as an operator. */
class ReadinessBench extends LabBench {

	static final int WARMUPS = 3;

	static final int RUNS = 15;

	@Test
	void estateCheckOfTheLabPool() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		drill.scenario("normal");
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < WARMUPS + RUNS; i++) {
			double ms = BenchStats.timeMs(() -> {
				JsonNode report = drill.json("operator", "GET", "/api/pools/" + LabDrill.POOL + "/readiness", null, 200);
				assertThat(report.path("ready").asBoolean()).as("the normal lab is ready: %s", report).isTrue();
				return report;
			});
			if (i >= WARMUPS) {
				runs.add(ms);
			}
		}
		figures.detail("runsMs", runs);
		figures.figure("readinessCheckMs", BenchStats.round(BenchStats.median(runs), 1));
	}

}
