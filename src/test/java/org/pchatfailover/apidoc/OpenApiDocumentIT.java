package org.pchatfailover.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.ApiClient.Response;
import org.pchatfailover.LabTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keeps {@code docs/openapi.json} what the application serves at {@code /v3/api-docs}, byte for byte, so integrators
 * can read the description without running the app and it can never be stale: when they differ, the build writes the
 * served document over the file and fails, and the rewritten file is what to review and commit. A clean clone (CI)
 * with a stale file therefore fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

	/** The committed copy, relative to the project (Maven runs the tests there). */
	static final Path DOCUMENT = Path.of("docs/openapi.json");

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void servesTheDescriptionCommittedAsDocsOpenapiJson() throws IOException {
		Response served = new ApiClient(port).send(null, "GET", "/v3/api-docs", null);
		assertThat(served.status()).isEqualTo(200);
		String document = served.text().endsWith("\n") ? served.text() : served.text() + "\n";

		String committed = Files.exists(DOCUMENT)
				? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
		if (!committed.equals(document)) {
			Files.writeString(DOCUMENT, document, StandardCharsets.UTF_8);
		}
		assertThat(committed.equals(document)).as(DOCUMENT
				+ " differs from what the app serves at /v3/api-docs; the build wrote the served document into it: "
				+ "review the change (git diff docs/openapi.json), say what changed for integrators in CHANGELOG.md, "
				+ "and commit it")
			.isTrue();
	}

}
