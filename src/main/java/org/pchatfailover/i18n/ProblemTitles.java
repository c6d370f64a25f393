package org.pchatfailover.i18n;

import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem+json the controllers answer gets its {@code title} (and our own fixed {@code detail} sentences) in
 * the language of {@code Accept-Language}. {@code type}, {@code status}, field names and the values the caller sent
 * stay as they are: a ticketing system reads those, a person reads the title. A title English does not know (one
 * added without a key) stays English; {@code MessageBundlesTest} lists the titles the code uses.
 */
@RestControllerAdvice
public class ProblemTitles implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			Messages messages = Messages.forAcceptLanguage(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
			translate(problem, messages);
			response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
			response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, Languages.tag(messages.locale()));
		}
		return body;
	}

	static void translate(ProblemDetail problem, Messages messages) {
		if (messages.locale().equals(Languages.ENGLISH)) {
			return;
		}
		if (problem.getTitle() != null) {
			problem.setTitle(title(problem.getTitle(), messages));
		}
		String detailKey = "problem.detail." + slug(String.valueOf(problem.getDetail()));
		if (problem.getDetail() != null && messages.has(detailKey)) {
			problem.setDetail(messages.text(detailKey));
		}
	}

	/** A problem's English title in the reader's language, or as it is when it is not one of ours. */
	public static String title(String englishTitle, Messages messages) {
		String key = key(englishTitle);
		// English keeps the title as written: "Not Found" and "Not found" share a key
		return messages.locale().equals(Languages.ENGLISH) || !messages.has(key) ? englishTitle : messages.text(key);
	}

	/** {@code problem.title.invalid-request} for "Invalid request", {@code problem.title.not-found} for "Not Found". */
	public static String key(String englishTitle) {
		return "problem.title." + slug(englishTitle);
	}

	private static String slug(String english) {
		return english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

}
