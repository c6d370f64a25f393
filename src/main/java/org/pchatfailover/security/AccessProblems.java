package org.pchatfailover.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An authenticated caller outside the groups an {@code /api} operation allows gets 403 as problem+json from every
 * controller alike. The content type is set here: the answer is problem+json whatever the client accepted (the
 * report also answers text/html and text/markdown).
 */
@RestControllerAdvice
class AccessProblems {

	@ExceptionHandler(CurrentUser.AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(CurrentUser.AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
