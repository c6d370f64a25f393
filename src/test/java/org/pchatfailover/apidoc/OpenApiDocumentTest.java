package org.pchatfailover.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code docs/openapi.json} is a valid OpenAPI 3.1 document (swagger-parser, from Maven Central) and
 * says what integrators rely on: the release it describes, HTTP basic, problem+json for every error, the report's
 * schema, the callbacks as a webhook. That it is what the app serves is {@link OpenApiDocumentIT}'s job.
 */
class OpenApiDocumentTest {

	static String text;

	static OpenAPI api;

	static JsonNode json;

	@BeforeAll
	static void parse() throws IOException {
		text = Files.readString(OpenApiDocumentIT.DOCUMENT, StandardCharsets.UTF_8);
		json = new ObjectMapper().readTree(text);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
		assertThat(result.getMessages()).as("swagger-parser's findings in " + OpenApiDocumentIT.DOCUMENT).isEmpty();
		api = result.getOpenAPI();
	}

	@Test
	void findsWhatIsWrongInADocumentThatIsNotValid() throws IOException {
		// the validator is live: the same document without its required info object is refused
		ObjectNode broken = json.deepCopy();
		broken.remove("info");
		((ObjectNode) broken.at("/paths/~1api~1pools/get")).remove("responses");
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken.toString(), null, new ParseOptions());
		assertThat(result.getMessages()).anyMatch(message -> message.contains("info"))
			.anyMatch(message -> message.contains("responses"));
	}

	@Test
	void isAnOpenApi31DocumentOfThisRelease() throws IOException {
		assertThat(api.getOpenapi()).startsWith("3.1.");
		assertThat(api.getInfo().getTitle()).isEqualTo("pchat-failover API");
		assertThat(api.getInfo().getDescription()).contains("CHANGELOG.md");
		assertThat(api.getInfo().getVersion()).as("info.version is the pom's version").isEqualTo(projectVersion());
	}

	@Test
	void asksForHttpBasicEverywhere() {
		SecurityScheme basic = api.getComponents().getSecuritySchemes().get("basic");
		assertThat(basic.getType()).isEqualTo(SecurityScheme.Type.HTTP);
		assertThat(basic.getScheme()).isEqualTo("basic");
		assertThat(api.getSecurity()).singleElement().satisfies(requirement -> assertThat(requirement).containsKey("basic"));
	}

	@Test
	void answersEveryErrorAsProblemJsonWithAnExample() {
		assertThat(operations()).hasSizeGreaterThanOrEqualTo(6);
		operations().forEach((name, operation) -> {
			assertThat(operation.getOperationId()).as(name).isNotBlank();
			assertThat(operation.getResponses()).as(name).containsKeys("401", "403");
			operation.getResponses().forEach((status, response) -> {
				assertThat(response.getContent()).as(name + " " + status).isNotEmpty();
				response.getContent().forEach((type, media) -> {
					if (status.startsWith("4")) {
						assertThat(type).as(name + " " + status).isEqualTo("application/problem+json");
						assertThat(media.getSchema().get$ref()).isEqualTo("#/components/schemas/Problem");
					}
					assertThat(media.getExamples()).as("examples of " + name + " " + status + " " + type).isNotEmpty();
				});
			});
		});
	}

	@Test
	void describesTheStartsAnswersAsTheContractSays() {
		Operation start = api.getPaths().get("/api/failovers").getPost();
		assertThat(start.getResponses()).containsOnlyKeys("200", "201", "400", "401", "403", "406", "409", "415", "429");
		assertThat(start.getRequestBody().getContent().get("application/json").getSchema().get$ref())
			.endsWith("/FailoverRequest");
		assertThat(start.getResponses().get("201").getHeaders()).containsKey("Location");
	}

	@Test
	void givesTheReportItsSchemaAndItsThreeFormats() {
		ApiResponse ok = api.getPaths().get("/api/failovers/{id}/report").getGet().getResponses().get("200");
		assertThat(ok.getContent()).containsOnlyKeys("application/json", "text/html", "text/markdown");
		assertThat(ok.getContent().get("application/json").getSchema().get$ref()).endsWith("/FailoverReport");
		JsonNode report = json.at("/components/schemas/FailoverReport/properties");
		assertThat(report.fieldNames()).toIterable()
			.contains("ticketId", "state", "timeline", "decisions", "dataLoss", "openIncidents");
		assertThat(json.at("/components/schemas/Step/properties/actions/items/$ref").asText()).endsWith("/Action");
	}

	@Test
	void describesTheCallbacksAsAWebhookWithTheBearerToken() {
		Operation callback = api.getWebhooks().get("failoverMilestone").getPost();
		MediaType body = callback.getRequestBody().getContent().get("application/json");
		assertThat(body.getSchema().get$ref()).endsWith("/TicketingCallback");
		assertThat(body.getExamples()).containsKeys("callback-started", "callback-completed");
		assertThat(json.at("/components/schemas/TicketingCallback/properties").fieldNames()).toIterable()
			.containsExactlyInAnyOrder("ticketId", "id", "state", "step", "at", "dataLoss");
		assertThat(api.getComponents().getSecuritySchemes().get("callbackToken").getScheme()).isEqualTo("bearer");
		assertThat(callback.getSecurity()).anySatisfy(requirement -> assertThat(requirement).containsKey("callbackToken"));
		assertThat(callback.getResponses()).containsKeys("2XX", "408", "429", "4XX", "5XX");
		assertThat(callback.getDescription()).contains("retry-schedule", "latest `at` per `id`", "at least once");
	}

	@Test
	void resolvesEveryReference() {
		List<String> refs = new ArrayList<>();
		collectRefs(json, refs);
		assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(json.at(ref.substring(1)).isMissingNode()).as(ref)
			.isFalse());
	}

	@Test
	void leavesTheLabOut() {
		assertThat(api.getPaths().keySet()).allMatch(path -> path.startsWith("/api/") && !path.startsWith("/api/lab"));
	}

	private static Map<String, Operation> operations() {
		Map<String, Operation> operations = new java.util.TreeMap<>();
		api.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> operations.put(method + " " + path, operation)));
		return operations;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject() && node.has("$ref")) {
			refs.add(node.get("$ref").asText());
		}
		node.forEach(child -> collectRefs(child, refs));
	}

	/** The pom's version, as the build wrote it into build-info.properties. */
	static String projectVersion() throws IOException {
		Properties build = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/build-info.properties"))) {
			build.load(in);
		}
		return build.getProperty("build.version");
	}

}
