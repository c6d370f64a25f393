package org.pchatfailover.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.pchatfailover.security.AuthenticationCache.Authenticated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic for the product's {@code /api}, against the engine's users (one user store for Tasklist, Cockpit and the
 * API; wrong passwords slow down their address, {@link LoginThrottleFilter}, and lock no account; a password accepted
 * is accepted again for a short while without the engine's database, {@link AuthenticationCache}). The authenticated
 * user is set on the engine for the request, so engine authorizations apply to what the API reads and starts. A
 * missing or wrong credential is a problem+json 401 that never echoes what was sent.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identity;

	private final EngineUserCheck users;

	ApiAuthenticationFilter(IdentityService identity, EngineUserCheck users) {
		this.identity = identity;
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] credentials = basicCredentials(request.getHeader("Authorization"));
		Optional<Authenticated> user = credentials == null ? Optional.empty()
				: users.check(credentials[0], credentials[1]);
		if (user.isEmpty()) {
			AccessResponses.unauthorized(request, response, credentials == null ? "HTTP basic credentials required"
					: "user name or password not accepted");
			return;
		}
		identity.setAuthentication(user.get().userId(), user.get().groupIds(), user.get().tenantIds());
		try {
			chain.doFilter(request, response);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** {user, password}, or null when the header is absent or not a well-formed basic credential. */
	static String[] basicCredentials(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}

}
