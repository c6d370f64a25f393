package org.pchatfailover.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every place a password is checked ({@code /api}, {@code /engine-rest}, {@code /actuator}, the webapps'
 * login form):
 * counts the 401s a source address earns with a password, and once it has earned too many, answers its next
 * password with 429 and {@code Retry-After} without checking it. The source is the socket's peer address
 * ({@code X-Forwarded-For} is not trusted unless the server is configured to, see DESIGN-NOTES "Hostile clients"), so a
 * stranger slows down only themselves, never the account they guess at.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesPassword(request)) {
			chain.doFilter(request, response);
			return;
		}
		String source = request.getRemoteAddr();
		Optional<Duration> wait = throttle.waitFor(source);
		if (wait.isPresent()) {
			tooManyRequests(request, response, wait.get());
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && throttle.failed(source)) {
			log.warn("too many failed logins from {}: its logins are answered 429 for a while (accounts stay usable)",
					source);
		}
	}

	/** HTTP basic on the APIs, or the webapps' login form: the requests that make the engine check a password. */
	static boolean carriesPassword(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equalsIgnoreCase(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/")
				&& path.contains("/login/");
	}

	private static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration wait)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		AccessResponses.problem(request, response, 429, "Too Many Requests",
				"too many failed logins from this address; try again in " + seconds + " seconds");
	}

}
