package org.pchatfailover.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The figures issue 16 asks of {@code mvn verify}, written to {@code target/reliability/summary.json}.
 *
 * <p>Each test class keeps its own part ({@code target/reliability/parts/<class>.json}), overwritten when it runs
 * again, and the summary is recomputed from all parts after every write: re-running one test never counts its
 * figures twice, and a key no test has measured stays {@code null} rather than a reassuring 0.
 */
public final class ReliabilityFigures {

    /** How a key's values from several test classes combine into the summary. */
    private enum Combine { SUM, MAX, UNION }

    private static final Map<String, Combine> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("crashPoints", Combine.SUM);
        KEYS.put("crashesCompleted", Combine.SUM);
        KEYS.put("stepsDoubled", Combine.SUM);
        KEYS.put("logsAppliedTwice", Combine.SUM);
        KEYS.put("acknowledgedWritesLost", Combine.SUM);
        KEYS.put("faultKinds", Combine.UNION);
        KEYS.put("faultsRecovered", Combine.SUM);
        KEYS.put("badInputsTried", Combine.SUM);
        KEYS.put("badInputsRejected", Combine.SUM);
        KEYS.put("failoversOnTwoNodes", Combine.SUM);
        KEYS.put("duplicatesOnTwoNodes", Combine.SUM);
        KEYS.put("resumeSecondsAfterRestart", Combine.MAX);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path DIR = Path.of("target", "reliability");

    private final Path part;

    private ReliabilityFigures(Class<?> testClass) {
        this.part = DIR.resolve("parts").resolve(testClass.getSimpleName() + ".json");
    }

    /** The figures of one test class; its previous run's part is discarded. */
    public static ReliabilityFigures of(Class<?> testClass) {
        ReliabilityFigures figures = new ReliabilityFigures(testClass);
        synchronized (ReliabilityFigures.class) {
            try {
                if (Files.deleteIfExists(figures.part)) {
                    writeSummary();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return figures;
    }

    /** Adds to a counted figure (crashPoints, badInputsTried, ...). */
    public void add(String key, long amount) {
        update(key, Combine.SUM, part -> part.put(key, part.path(key).asLong(0) + amount));
    }

    /** Raises a worst-case figure (resumeSecondsAfterRestart) to {@code value} if it is higher. */
    public void max(String key, double value) {
        update(key, Combine.MAX, part -> part.put(key, Math.max(part.path(key).asDouble(value), value)));
    }

    /** Names one more kind (faultKinds: the names of the faults tried). */
    public void kind(String key, String name) {
        update(key, Combine.UNION, part -> {
            TreeSet<String> names = new TreeSet<>();
            part.path(key).forEach(n -> names.add(n.asText()));
            names.add(name);
            part.putPOJO(key, List.copyOf(names));
        });
    }

    private void update(String key, Combine expected, java.util.function.Consumer<ObjectNode> change) {
        if (KEYS.get(key) != expected) {
            throw new IllegalArgumentException("not a " + expected + " figure of the reliability summary: " + key);
        }
        synchronized (ReliabilityFigures.class) {
            try {
                Files.createDirectories(part.getParent());
                ObjectNode node = Files.exists(part) ? (ObjectNode) JSON.readTree(part.toFile()) : JSON.createObjectNode();
                change.accept(node);
                JSON.writeValue(part.toFile(), node);
                writeSummary();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void writeSummary() throws IOException {
        List<ObjectNode> parts = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("parts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                parts.add((ObjectNode) JSON.readTree(file.toFile()));
            }
        }
        ObjectNode summary = JSON.createObjectNode();
        KEYS.forEach((key, combine) -> {
            List<ObjectNode> measured = parts.stream().filter(p -> p.has(key)).toList();
            if (measured.isEmpty()) {
                summary.putNull(key);
            } else if (combine == Combine.SUM) {
                summary.put(key, measured.stream().mapToLong(p -> p.get(key).asLong()).sum());
            } else if (combine == Combine.MAX) {
                summary.put(key, measured.stream().mapToDouble(p -> p.get(key).asDouble()).max().orElseThrow());
            } else {
                TreeSet<String> names = new TreeSet<>();
                measured.forEach(p -> p.get(key).forEach(n -> names.add(n.asText())));
                summary.putPOJO(key, List.copyOf(names));
            }
        });
        JSON.writeValue(DIR.resolve("summary.json").toFile(), summary);
    }
}
