package org.pchatfailover.ticketing;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.camunda.bpm.engine.AuthorizationException;
import org.pchatfailover.security.CurrentUser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the ticketing API as {@code application/problem+json}, each naming the field at fault, so that a
 * ticketing system can show the operator what to correct. Nothing is started when one of these is returned.
 */
@RestControllerAdvice(assignableTypes = { FailoverController.class, FailbackController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "invalid field(s) "
				+ String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		return field(ex.field(), ex.getMessage());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return field(ex.getParameterName(), "query parameter '" + ex.getParameterName() + "' is required");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			return field(unknown.getPropertyName(), "unknown property '" + unknown.getPropertyName() + "'; known: "
					+ unknown.getKnownPropertyIds());
		}
		// STRICT_DUPLICATE_DETECTION: the parser stops on the second occurrence, whose name is the current one
		if (ex.getCause() instanceof StreamReadException duplicate && duplicate.getOriginalMessage() != null
				&& duplicate.getOriginalMessage().startsWith("Duplicate field") && duplicate.getProcessor() != null) {
			String field = duplicate.getProcessor().getParsingContext().getCurrentName();
			return field(field, "'" + field + "' appears more than once");
		}
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath().get(0).getFieldName();
			boolean text = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() == String.class;
			return field(field, "'" + field + "' " + (text ? "must be a JSON string" : "has the wrong type"));
		}
		return problem(HttpStatus.BAD_REQUEST, "Unreadable request", "the body is not a JSON failover request");
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Failover already exists", ex.getMessage());
		problem.setProperty("ticketId", ex.ticketId());
		problem.setProperty("failoverId", ex.failoverId());
		return problem;
	}

	@ExceptionHandler(FailoverController.NotFoundException.class)
	ProblemDetail notFound(FailoverController.NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler({ CurrentUser.AccessDeniedException.class, AuthorizationException.class })
	ProblemDetail forbidden(RuntimeException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	private static ProblemDetail field(String field, String message) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", message);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
