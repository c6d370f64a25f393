package org.pchatfailover.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.pchatfailover.i18n.Languages;
import org.pchatfailover.i18n.Messages;
import org.pchatfailover.i18n.ProblemTitles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The problems the security filters answer before any controller runs (401, 403, the login throttle's 429, the
 * closed initial setup's 403), as problem+json like every other error of the app, the title in the reader's language.
 * Nothing the caller sent is echoed but the path, stripped to URL-safe characters.
 */
final class AccessResponses {

	static final String REALM = "pchat-failover";

	private static final ObjectMapper JSON = new ObjectMapper();

	private AccessResponses() {
	}

	static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
		problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
	}

	static void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
		problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
	}

	static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail) throws IOException {
		// the title in the reader's language, like every other problem of the app (i18n.ProblemTitles)
		Messages messages = Messages.forAcceptLanguage(request.getHeader("Accept-Language"));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", ProblemTitles.title(title, messages));
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", ""));
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setHeader("Content-Language", Languages.tag(messages.locale()));
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
