package org.pchatfailover.ticketing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.pchatfailover.apidoc.ApiDocs;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The ticketing callbacks as the OpenAPI 3.1 webhook {@code failoverMilestone}: what the ticketing system receives,
 * with which token, and what its answer makes the application do. The words follow README "Real use" and
 * {@link TicketingCallbackAdapter}, which decides what is retried.
 */
@Component
class CallbackWebhook implements OpenApiCustomizer {

	static final String NAME = "failoverMilestone";

	static final String TOKEN = "callbackToken";

	private static final String DESCRIPTION = """
			The application POSTs `{ticketId, id, state, step, at}` to the failover's `callbackUrl` (or else to \
			`pchat.ticketing.callback-url`) when a failover starts, waits for an operator, has an incident (a step used \
			up its retries), completes or is aborted. `state` is the state of `GET /api/failovers/{id}` at `at`.

			**Delivery.** Each callback is an engine job of its own: a slow or dead ticketing system never holds the \
			failover. One delivery may take `pchat.ticketing.callback-timeout` (default `PT10S`, connecting included); \
			redirects are not followed. A failed delivery is tried again after each wait of \
			`pchat.ticketing.retry-schedule` (default `PT10S,PT30S,PT1M,PT5M,PT15M,PT1H`: 7 attempts). A callback that \
			never got through stays a failed job (retries 0) that an admin retries over the engine REST API \
			(`PUT /engine-rest/job/{id}/retries`).

			**Order and duplicates.** Delivery is at least once and unordered: two engine nodes may deliver the \
			callbacks of one failover out of order, and a node that dies between the POST and its commit delivers \
			again with the same body. Keep the callback with the latest `at` per `id`; drop duplicates by \
			`(id, state, step, at)`.

			**Where to.** A `callbackUrl` whose host is neither that of `pchat.ticketing.callback-url` nor in \
			`pchat.ticketing.allowed-callback-hosts` is refused with 400 when the failover is started.""";

	@Override
	public void customise(OpenAPI openApi) {
		ResolvedSchema body = ModelConverters.getInstance(true)
			.resolveAsResolvedSchema(new AnnotatedType(TicketingCallback.class).resolveAsRef(true));
		body.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
		openApi.getComponents()
			.addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description("The token in the environment variable that `pchat.ticketing.callback-token-env` names, "
						+ "read at each delivery. Without that setting no `Authorization` header is sent."));
		Operation post = new Operation().operationId(NAME)
			.summary("A failover reached a milestone")
			.description(DESCRIPTION)
			.tags(List.of("Failovers"))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(new Schema<>().$ref(body.schema.get$ref())).examples(examples()))))
			// the token when one is configured, else nothing
			.security(List.of(new SecurityRequirement().addList(TOKEN), new SecurityRequirement()))
			.responses(new ApiResponses().addApiResponse("2XX", answer("Delivered; the body is ignored."))
				.addApiResponse("408", answer("Tried again after the next wait of the retry schedule."))
				.addApiResponse("429", answer("Tried again after the next wait of the retry schedule."))
				.addApiResponse("4XX", answer("Not tried again: a wrong URL, token or body does not heal by waiting. "
						+ "The callback job fails for good with the answer in its message; after fixing the cause an "
						+ "admin sets its retries."))
				.addApiResponse("5XX", answer("Tried again after the next wait of the retry schedule, as are a "
						+ "timeout, a refused connection and a redirect.")));
		openApi.addWebhooks(NAME, new PathItem().post(post));
	}

	private static ApiResponse answer(String description) {
		return new ApiResponse().description(description);
	}

	private static Map<String, Example> examples() {
		Map<String, Example> examples = new LinkedHashMap<>();
		for (String name : List.of("callback-started", "callback-waiting", "callback-waiting-active-servers",
				"callback-waiting-verify", "callback-completed")) {
			examples.put(name, new Example().$ref(ApiDocs.EXAMPLES + name));
		}
		return examples;
	}

}
