package org.pchatfailover.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReliabilityFiguresTest {

    @Test
    void combinesPartsAndCountsARerunOnce() throws Exception {
        ReliabilityFigures first = ReliabilityFigures.of(FirstProbe.class);
        first.add("badInputsTried", 3);
        first.max("resumeSecondsAfterRestart", 4.5);
        first.kind("faultKinds", "sql-down");
        ReliabilityFigures second = ReliabilityFigures.of(SecondProbe.class);
        second.add("badInputsTried", 2);
        second.max("resumeSecondsAfterRestart", 2.0);
        second.kind("faultKinds", "share-unreachable");
        second.kind("faultKinds", "sql-down");

        ReliabilityFigures.of(FirstProbe.class).add("badInputsTried", 3); // the first probe runs again

        JsonNode summary = new ObjectMapper().readTree(Path.of("target/reliability/summary.json").toFile());
        assertThat(summary.get("badInputsTried").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(summary.get("resumeSecondsAfterRestart").asDouble()).isGreaterThanOrEqualTo(2.0);
        assertThat(summary.get("faultKinds")).extracting(JsonNode::asText).contains("share-unreachable", "sql-down");
        JsonNode firstPart = new ObjectMapper().readTree(Path.of("target/reliability/parts/FirstProbe.json").toFile());
        assertThat(firstPart.get("badInputsTried").asLong()).isEqualTo(3);
        assertThat(firstPart.has("resumeSecondsAfterRestart")).isFalse();

        ReliabilityFigures.of(FirstProbe.class);
        ReliabilityFigures.of(SecondProbe.class); // the probes leave nothing in the real summary
        JsonNode after = new ObjectMapper().readTree(Path.of("target/reliability/summary.json").toFile());
        assertThat(after.get("badInputsTried").asLong()).isEqualTo(summary.get("badInputsTried").asLong() - 5);
    }

    @Test
    void refusesAKeyTheSummaryDoesNotHave() {
        assertThatThrownBy(() -> ReliabilityFigures.of(FirstProbe.class).add("crashes", 1))
                .hasMessageContaining("crashes");
        assertThatThrownBy(() -> ReliabilityFigures.of(FirstProbe.class).add("resumeSecondsAfterRestart", 1))
                .hasMessageContaining("resumeSecondsAfterRestart");
    }

    private static final class FirstProbe { }

    private static final class SecondProbe { }
}
