package org.pchatfailover.apidoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The description of {@code /api} at {@code /v3/api-docs} (OpenAPI 3.1), also committed as {@code docs/openapi.json}:
 * who the API is for, its version (the pom's), HTTP basic against the engine's users, and the problem+json every
 * error is. The operations describe themselves in their controllers; {@link ApiResponsesCustomizer} adds what every
 * operation shares and the examples.
 */
@Configuration
class ApiDocumentation {

	static final String BASIC = "basic";

	@Bean
	OpenAPI pchatFailoverApi(ObjectProvider<BuildProperties> build) {
		// build-info.properties exists when Maven built the classes; an IDE run without it says so
		String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("unknown (no build-info)");
		return new OpenAPI()
			.info(new Info().title("pchat-failover API")
				.version(version)
				.summary("Start, follow and report Persistent Chat failovers from a ticketing system")
				.description(resource("openapi/description.md")))
			// relative: the document is the same whichever host and port serve it (docs/openapi.json)
			.servers(List.of(new Server().url("/").description("the pchat-failover application serving this document")))
			.components(new Components()
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("A Camunda user of the application (the same users as Tasklist and Cockpit). "
							+ "pchat-ticketing starts and reads failovers, pchat-operators read them and check pools, "
							+ "pchat-admins do all. A missing or wrong credential is a 401, a user outside the "
							+ "groups an operation allows a 403, both as problem+json.")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + path, ex);
		}
	}

}
