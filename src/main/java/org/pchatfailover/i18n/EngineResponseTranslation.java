package org.pchatfailover.i18n;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Puts the engine's answers that Tasklist shows as they are into the reader's language: a task's or process's
 * deployed Camunda Form, and the "Failover tasks" filter. Tasklist 7.24 fetches a {@code camunda:formRef} form with a
 * plain {@code fetch()} of {@code /camunda/api/engine/engine/default/task/{id}/deployed-form} (or
 * {@code .../process-definition/{id}/deployed-start-form}), so the browser's {@code Accept-Language} comes along; the
 * engine REST API's {@code /engine-rest/...} paths are the same resources and are translated alike (DESIGN-NOTES,
 * "The runbook's languages"). An English reader's answer is not touched.
 */
@Component
class EngineResponseTranslation extends OncePerRequestFilter {

	private static final Pattern FORM = Pattern
		.compile(".*/(task/[^/]+/deployed-form|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/deployed-start-form)");

	/** The variables a Camunda Form is filled with; the data-loss statement and others among them are stored in English. */
	private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/[^/]+/form-variables");

	private static final Pattern FILTERS = Pattern.compile(".*(/engine/[^/]+|/engine-rest)/filter(/[^/]+)?");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !(isForm(request) || isFilter(request) || isFormVariables(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		Messages messages = Messages.forAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		if (messages.locale().equals(Languages.ENGLISH)) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		JsonNode body = answer.getStatus() == HttpServletResponse.SC_OK ? json(answer.getContentAsByteArray()) : null;
		if (body == null) {
			answer.copyBodyToResponse();
			return;
		}
		if (isForm(request)) {
			FormTranslation.translate(body, messages);
		}
		else if (isFormVariables(request)) {
			translateSentences(body, messages);
		}
		else {
			TaskFilterTranslation.translate(body, messages);
		}
		byte[] translated = JSON.writeValueAsBytes(body);
		answer.resetBuffer();
		answer.setContentLength(translated.length);
		answer.setHeader(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(messages.locale()));
		answer.getOutputStream().write(translated);
		answer.copyBodyToResponse();
	}

	private static boolean isForm(HttpServletRequest request) {
		return FORM.matcher(request.getRequestURI()).matches();
	}

	/**
	 * Each String variable that is one of our stored English sentences (the data-loss statement, a round's reason,
	 * the next step that cannot be undone), as Tasklist's form shows it ({@code {{dataLossStatement}}}).
	 */
	private static void translateSentences(JsonNode variables, Messages messages) {
		variables.forEach(variable -> {
			if (variable.isObject() && variable.path("value").isTextual()) {
				String value = variable.path("value").asText();
				String said = DisplaySentences.translate(DataLossStatements.translate(value, messages), messages);
				((ObjectNode) variable).put("value", said);
			}
		});
	}

	private static boolean isFormVariables(HttpServletRequest request) {
		return FORM_VARIABLES.matcher(request.getRequestURI()).matches();
	}

	private static boolean isFilter(HttpServletRequest request) {
		return FILTERS.matcher(request.getRequestURI()).matches();
	}

	/** The body as JSON, or null when it is not (an engine error page, an HTML form): such answers pass unchanged. */
	private static JsonNode json(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
			return node != null && (node.isObject() || node.isArray()) ? node : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

}
