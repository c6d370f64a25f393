package org.pchatfailover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * CHANGELOG.md has a section for the release the pom builds, naming the API's version and the process's versionTag
 * it ships: raising either without saying what changed for integrators fails the build.
 */
class ChangelogTest {

	@Test
	void saysWhatThisReleaseChangedNamingBothVersions() throws IOException {
		String release = projectVersion().replace("-SNAPSHOT", "");
		String versionTag = Bpmn.readModelFromFile(Path.of("bpmn/persistent-chat-failover.bpmn").toFile())
			.<Process>getModelElementById("persistentChatFailover")
			.getCamundaVersionTag();
		String changelog = Files.readString(Path.of("CHANGELOG.md"), StandardCharsets.UTF_8);

		int start = changelog.indexOf("\n## " + release + " ");
		assertThat(start).as("a section '## " + release + " ...' in CHANGELOG.md").isNotNegative();
		int end = changelog.indexOf("\n## ", start + 1);
		String section = changelog.substring(start, end < 0 ? changelog.length() : end);
		assertThat(section).contains("`info.version` " + release, "versionTag `" + versionTag + "`");
	}

	private static String projectVersion() throws IOException {
		Properties build = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/build-info.properties"))) {
			build.load(in);
		}
		return build.getProperty("build.version");
	}

}
