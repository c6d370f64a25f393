package org.pchatfailover.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Run by {@code mvn -Pbench verify} after the benchmarks (post-integration-test): merges their parts into
 * {@code target/bench/summary.json}, every key of issue 19 present (null with a reason when not measured), with
 * its goal and whether it met it, and prints the table.
 */
public final class BenchSummary {

	/** A figure's goal: the limit and whether lower values must stay below it or at most reach it. */
	record Goal(Double limit, boolean inclusive, String unit) {

		String text() {
			return limit == null ? "none" : (inclusive ? "<= " : "< ") + format(limit);
		}

		String verdict(JsonNode value) {
			if (value == null || value.isNull()) {
				return "not measured";
			}
			if (limit == null) {
				return "no goal";
			}
			double v = value.asDouble();
			return (inclusive ? v <= limit : v < limit) ? "pass" : "miss";
		}

	}

	static final Map<String, Goal> GOALS = new LinkedHashMap<>();

	static {
		GOALS.put("engineOverheadRatio", new Goal(1.05, true, "ratio"));
		GOALS.put("pipelinedVsSequentialRatio", new Goal(0.55, true, "ratio"));
		GOALS.put("plan10000LogsMs", new Goal(1000.0, false, "ms"));
		// per-file planning time at 10,000 pending logs over that at 1,000: "flat" read as at most 1.5
		GOALS.put("planScaling", new Goal(1.5, true, "ratio"));
		GOALS.put("ticketingP50Ms", new Goal(null, false, "ms"));
		GOALS.put("ticketingP99Ms", new Goal(250.0, false, "ms"));
		GOALS.put("startupSeconds", new Goal(12.0, false, "s"));
		GOALS.put("rssMbAfterFailover", new Goal(600.0, false, "MB"));
		GOALS.put("failbackVsFailoverRatio", new Goal(null, false, "ratio"));
		GOALS.put("readinessCheckMs", new Goal(null, false, "ms"));
	}

	private BenchSummary() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, JsonNode> values = new LinkedHashMap<>();
		Map<String, String> reasons = new LinkedHashMap<>();
		Map<String, Object> details = new LinkedHashMap<>();
		if (Files.isDirectory(BenchFigures.DIR)) {
			try (DirectoryStream<Path> parts = Files.newDirectoryStream(BenchFigures.DIR, "*Bench.json")) {
				for (Path part : parts) {
					JsonNode node = BenchFigures.JSON.readTree(part.toFile());
					node.path("figures").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue()));
					node.path("reasons").fields().forEachRemaining(f -> reasons.put(f.getKey(), f.getValue().asText()));
					String bench = part.getFileName().toString().replace(".json", "");
					details.put(bench, node.path("details"));
				}
			}
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		Map<String, String> goals = new LinkedHashMap<>();
		Map<String, String> verdicts = new LinkedHashMap<>();
		StringBuilder table = new StringBuilder(String.format("%n%-28s %12s %-6s %-10s %s%n", "figure", "value", "unit",
				"goal", "verdict"));
		for (Map.Entry<String, Goal> entry : GOALS.entrySet()) {
			String key = entry.getKey();
			Goal goal = entry.getValue();
			JsonNode value = values.get(key);
			summary.put(key, value == null || value.isNull() ? null : value);
			goals.put(key, goal.text());
			String verdict = goal.verdict(value);
			verdicts.put(key, verdict);
			if (value == null && !reasons.containsKey(key)) {
				reasons.put(key, "no benchmark measured it in this run (did one fail? see target/failsafe-reports)");
			}
			table.append(String.format("%-28s %12s %-6s %-10s %s%n", key,
					value == null || value.isNull() ? "null" : format(value.asDouble()), goal.unit(), goal.text(),
					verdict + (reasons.containsKey(key) ? ": " + reasons.get(key) : "")));
		}
		summary.put("goals", goals);
		summary.put("verdicts", verdicts);
		summary.put("reasons", reasons);
		summary.put("details", details);
		Files.createDirectories(BenchFigures.DIR);
		BenchFigures.JSON.writeValue(BenchFigures.DIR.resolve("summary.json").toFile(), summary);
		System.out.println(table);
		System.out.println("written: " + BenchFigures.DIR.resolve("summary.json").toAbsolutePath());
	}

	static String format(double value) {
		return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
				: String.valueOf(BenchStats.round(value, 3));
	}

}
