package org.pchatfailover.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one benchmark class, written to {@code target/bench/<class>.json} as soon as they are measured, so
 * a benchmark that fails later still leaves what it measured; {@link BenchSummary} merges them.
 */
final class BenchFigures {

	static final Path DIR = Path.of("target", "bench");

	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final Path file;

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private final Map<String, Object> details = new LinkedHashMap<>();

	private final Map<String, String> reasons = new LinkedHashMap<>();

	private BenchFigures(Class<?> bench) {
		this.file = DIR.resolve(bench.getSimpleName() + ".json");
	}

	/** The figures of a benchmark class; what its previous run wrote is discarded. */
	static BenchFigures of(Class<?> bench) {
		BenchFigures figures = new BenchFigures(bench);
		try {
			Files.deleteIfExists(figures.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return figures;
	}

	/** A summary figure (one of {@link BenchSummary#GOALS}' keys). */
	synchronized BenchFigures figure(String key, Object value) {
		figures.put(key, value);
		return write();
	}

	/** Why a figure is not measured (null value). */
	synchronized BenchFigures notMeasured(String key, String reason) {
		figures.put(key, null);
		reasons.put(key, reason);
		return write();
	}

	/** The raw runs behind the figures, for whoever doubts them. */
	synchronized BenchFigures detail(String key, Object value) {
		details.put(key, value);
		return write();
	}

	private BenchFigures write() {
		Map<String, Object> part = new LinkedHashMap<>();
		part.put("figures", figures);
		part.put("reasons", reasons);
		part.put("details", details);
		try {
			Files.createDirectories(DIR);
			JSON.writeValue(file.toFile(), part);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

}
