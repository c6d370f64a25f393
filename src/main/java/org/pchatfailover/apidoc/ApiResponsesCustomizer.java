package org.pchatfailover.apidoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What every {@code /api} operation shares, added once instead of on each: the 401 of {@code ApiAuthenticationFilter},
 * the 403 of a caller outside the operation's groups and the 429 of an address that sent too many wrong passwords,
 * all problem+json; the {@code Problem} schema; and the examples recorded from a lab drill
 * ({@code classpath:openapi/examples/}, the file name is the example's name).
 */
@Component
class ApiResponsesCustomizer implements OpenApiCustomizer {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas("Problem", problem()).addSchemas("FieldError", fieldError());
		examples().forEach(openApi.getComponents()::addExamples);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
			addIfAbsent(operation, "401", "No credentials, or a user name or password the engine does not accept. "
					+ "Answered with `WWW-Authenticate: Basic realm=\"pchat-failover\"`; never echoes what was sent.",
					"problem-unauthorized");
			addIfAbsent(operation, "403", "The user is not in a group this operation allows.", "problem-forbidden");
			addIfAbsent(operation, "429", "This address sent too many wrong passwords (`pchat.security.login-throttle`): "
					+ "its password is not checked until `Retry-After` seconds have passed. The account itself is never "
					+ "locked; the same user from another address is let in.", "problem-too-many-logins");
		}));
	}

	private static void addIfAbsent(Operation operation, String status, String description, String example) {
		if (operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
			.content(new Content().addMediaType(ApiDocs.PROBLEM_JSON, new MediaType()
				.schema(new Schema<>().$ref(ApiDocs.PROBLEM))
				.examples(Map.of(example, new Example().$ref(ApiDocs.EXAMPLES + example))))));
	}

	/** RFC 9457 problem details as Spring writes them, with the members our errors add. */
	private static Schema<?> problem() {
		return object("Problem details (RFC 9457). Errors about the request name the field at fault in `errors`.")
			.addProperty("type", string("`about:blank`: the status says it all"))
			.addProperty("title", string("short, the same for every problem of a kind"))
			.addProperty("status", new JsonSchema().types(Set.of("integer")).format("int32"))
			.addProperty("detail", string("what went wrong, for a person; names the field or the failover"))
			.addProperty("instance", string("the path that was requested"))
			.addProperty("errors", new JsonSchema().types(Set.of("array"))
				.description("400: each field at fault (a body property or a query parameter)")
				.items(new JsonSchema().$ref("#/components/schemas/FieldError")))
			.addProperty("ticketId", string("409: the ticket whose failover holds the pool"))
			.addProperty("failoverId", string("409: the failover that holds the pool"))
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldError() {
		return object("A field of the request that is wrong, and why.")
			.addProperty("field", string("the JSON property or query parameter"))
			.addProperty("message", string("what is wrong with it"))
			.required(List.of("field", "message"));
	}

	private static Schema<?> object(String description) {
		return new JsonSchema().types(Set.of("object")).description(description);
	}

	private static Schema<?> string(String description) {
		return new JsonSchema().types(Set.of("string")).description(description);
	}

	/** Every file under {@code openapi/examples/}: JSON as a value, Markdown and HTML as text. */
	static Map<String, Example> examples() {
		Map<String, Example> examples = new LinkedHashMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:openapi/examples/*")) {
				String name = file.getFilename();
				String text = file.getContentAsString(StandardCharsets.UTF_8);
				String key = name.substring(0, name.lastIndexOf('.'));
				Object value = name.endsWith(".json") ? JSON.readValue(text, Object.class) : text;
				examples.put(name.endsWith(".json") ? key : key + "-" + name.substring(name.lastIndexOf('.') + 1),
						new Example().value(value).description("recorded in a lab drill"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the OpenAPI examples", ex);
		}
		return examples;
	}

}
