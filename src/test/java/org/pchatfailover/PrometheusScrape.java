package org.pchatfailover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.ApiClient.Response;

/**
 * One read of {@code /actuator/prometheus} as the admin, in Prometheus' text format, with the samples parsed: what a
 * Prometheus server scraping the app would store.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private record Sample(String name, Map<String, String> labels, double value) {
	}

	private final List<Sample> samples = new ArrayList<>();

	private final String text;

	private PrometheusScrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line.strip());
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2).replace("\\\\", "\\").replace("\\\"", "\""));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
	}

	public static PrometheusScrape of(ApiClient api) {
		Response response = api.send("admin:admin", "GET", "/actuator/prometheus", null, "text/plain");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return new PrometheusScrape(response.text());
	}

	public String text() {
		return text;
	}

	/**
	 * The sum of the metric's samples whose labels include these ({@code "pool", "atl-cs-001..."}, ...), as PromQL's
	 * {@code sum} would give it; 0 when none has them (a counter not incremented yet is not exported).
	 */
	public double value(String name, String... labels) {
		return samples.stream()
			.filter(s -> s.name().equals(name) && hasLabels(s, labels))
			.mapToDouble(Sample::value)
			.sum();
	}

	/** Whether a sample of the metric with these labels is exported at all. */
	public boolean has(String name, String... labels) {
		return samples.stream().anyMatch(s -> s.name().equals(name) && hasLabels(s, labels));
	}

	private static boolean hasLabels(Sample sample, String[] labels) {
		for (int i = 0; i + 1 < labels.length; i += 2) {
			if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
				return false;
			}
		}
		return true;
	}

}
