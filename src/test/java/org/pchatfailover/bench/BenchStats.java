package org.pchatfailover.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Medians, percentiles and interleaved runs. The box is a noisy, shared 2-core machine: a figure is a ratio of two
 * things measured in the same minutes (A and B alternate, ABBA, so drift and a neighbour's build hit both), or a
 * median of repeated runs, warm-up runs left out.
 */
final class BenchStats {

	private BenchStats() {
	}

	/** Times of A and B in milliseconds, one pair per round, and the ratio A/B per round. */
	record Interleaved(List<Double> aMs, List<Double> bMs, List<Double> ratios) {

		double medianRatio() {
			return median(ratios);
		}

	}

	/** Something timed that returns its own figure in milliseconds (it may leave out its set-up). */
	interface TimedRun {

		double runMs() throws Exception;

	}

	/**
	 * Runs A and B {@code warmups} times each (discarded), then {@code rounds} pairs, alternating which goes first
	 * (AB, BA, AB, ...).
	 */
	static Interleaved interleave(int warmups, int rounds, TimedRun a, TimedRun b) throws Exception {
		for (int i = 0; i < warmups; i++) {
			a.runMs();
			b.runMs();
		}
		List<Double> aMs = new ArrayList<>();
		List<Double> bMs = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			double timeA;
			double timeB;
			if (round % 2 == 0) {
				timeA = a.runMs();
				timeB = b.runMs();
			}
			else {
				timeB = b.runMs();
				timeA = a.runMs();
			}
			aMs.add(timeA);
			bMs.add(timeB);
			ratios.add(timeA / timeB);
		}
		return new Interleaved(aMs, bMs, ratios);
	}

	/** Milliseconds the call took. */
	static double timeMs(Callable<?> call) throws Exception {
		long started = System.nanoTime();
		call.call();
		return (System.nanoTime() - started) / 1e6;
	}

	static double median(List<Double> values) {
		return percentile(values, 50);
	}

	/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
	static double percentile(List<Double> values, double p) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
