package org.pchatfailover.security;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.pchatfailover.security.AuthenticationCache.Authenticated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator}: the health status for anyone (a load balancer sends no credentials), everything else for
 * {@code pchat-admins} only (DESIGN.md, Operations). Credentials, when sent, are checked against the engine's users
 * like {@code /api}'s; the request then carries the user as its principal and the user's groups as its roles, which
 * is what the health endpoint's {@code show-details: when-authorized} with {@code roles: pchat-admins} asks.
 * A wrong password is a 401 even on the health endpoint: a caller who meant to log in learns it did not work.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

	private final EngineUserCheck users;

	ActuatorAccessFilter(EngineUserCheck users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		String[] credentials = ApiAuthenticationFilter.basicCredentials(header);
		Optional<Authenticated> user = credentials == null ? Optional.empty()
				: users.check(credentials[0], credentials[1]);
		if (header != null && user.isEmpty()) {
			AccessResponses.unauthorized(request, response, "user name or password not accepted");
			return;
		}
		List<String> groups = user.map(Authenticated::groupIds).orElse(List.of());
		if (!isHealth(request) && !groups.contains(FailoverGroups.ADMINS)) {
			if (credentials == null) {
				AccessResponses.unauthorized(request, response, "HTTP basic credentials of a pchat-admins member required");
			}
			else {
				AccessResponses.forbidden(request, response, "user " + credentials[0] + " is not in "
						+ FailoverGroups.ADMINS);
			}
			return;
		}
		chain.doFilter(credentials == null ? request : new AuthenticatedRequest(request, credentials[0], groups),
				response);
	}

	/** {@code /actuator/health} and below: the status for all, the rest by role inside the endpoint. */
	private static boolean isHealth(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

	/** The engine user as the servlet request's principal, the user's groups as its roles. */
	private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

		private final Principal principal;

		private final List<String> groups;

		AuthenticatedRequest(HttpServletRequest request, String userId, List<String> groups) {
			super(request);
			this.principal = () -> userId;
			this.groups = groups;
		}

		@Override
		public Principal getUserPrincipal() {
			return principal;
		}

		@Override
		public String getRemoteUser() {
			return principal.getName();
		}

		@Override
		public boolean isUserInRole(String role) {
			return groups.contains(role);
		}

	}

}
