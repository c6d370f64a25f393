package org.pchatfailover.security;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The engine user the authentication filter established for this request, and the group rules of the API. */
@Component
public class CurrentUser {

	private final IdentityService identity;

	CurrentUser(IdentityService identity) {
		this.identity = identity;
	}

	/** Throws {@link AccessDeniedException} unless the caller is in one of the groups. */
	public String requireAnyGroup(String... groups) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication == null) {
			throw new AccessDeniedException("authentication required");
		}
		List<String> memberOf = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
		if (Arrays.stream(groups).noneMatch(memberOf::contains)) {
			throw new AccessDeniedException(
					"user " + authentication.getUserId() + " is not in " + String.join(" or ", groups));
		}
		return authentication.getUserId();
	}

	/** The caller is authenticated but not allowed: HTTP 403. */
	public static class AccessDeniedException extends RuntimeException {

		AccessDeniedException(String message) {
			super(message);
		}

	}

}
