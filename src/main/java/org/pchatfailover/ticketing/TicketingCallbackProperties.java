package org.pchatfailover.ticketing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the app calls the ticketing system back at the milestones of a failover, bound from
 * {@code pchat.ticketing.*}. A bad value stops start-up, not a failover.
 *
 * @param callbackUrl where milestones go when a failover was started without its own {@code callbackUrl}; none
 * = no callback for such failovers
 * @param callbackTimeout how long one delivery may take, connecting included (default 10 s): a slow ticketing
 * system holds a job executor thread no longer than this
 * @param retrySchedule waits between deliveries of one callback, in Camunda's retry-cycle notation: a list of
 * ISO 8601 durations (n waits = n + 1 attempts) or a repeat such as {@code R5/PT1M} (5 attempts); default
 * {@code PT10S,PT30S,PT1M,PT5M,PT15M,PT1H}, seven attempts over about 80 minutes
 * @param callbackTokenEnv name of the environment variable holding a bearer token for the ticketing system (the
 * name, never the token); none = no Authorization header
 * @param allowedCallbackHosts hosts a failover's own {@code callbackUrl} may name, besides the host of
 * {@code callback-url}; anything else is refused: the callbacks carry the token, and an open list would let
 * whoever may start a failover make the app POST to any host it can reach
 */
@ConfigurationProperties("pchat.ticketing")
public record TicketingCallbackProperties(URI callbackUrl, Duration callbackTimeout, String retrySchedule,
		String callbackTokenEnv, List<String> allowedCallbackHosts) {

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	static final String DEFAULT_RETRY_SCHEDULE = "PT10S,PT30S,PT1M,PT5M,PT15M,PT1H";

	public TicketingCallbackProperties {
		if (callbackUrl != null) {
			CallbackUrl.require(callbackUrl.toString(), "pchat.ticketing.callback-url");
		}
		callbackTimeout = (callbackTimeout == null) ? DEFAULT_TIMEOUT : callbackTimeout;
		if (callbackTimeout.isNegative() || callbackTimeout.isZero()) {
			throw new IllegalArgumentException("pchat.ticketing.callback-timeout must be positive");
		}
		retrySchedule = (retrySchedule == null || retrySchedule.isBlank()) ? DEFAULT_RETRY_SCHEDULE
				: retrySchedule.strip();
		requireRetrySchedule(retrySchedule);
		allowedCallbackHosts = (allowedCallbackHosts == null) ? List.of()
				: allowedCallbackHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
					.toList();
	}

	/** Whether callbacks may go to this URL's host: the default URL's host or one listed as allowed. */
	public boolean allowsCallbackTo(URI url) {
		String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
		boolean isDefaultHost = callbackUrl != null && host.equalsIgnoreCase(callbackUrl.getHost());
		return isDefaultHost || allowedCallbackHosts.contains(host);
	}

	/** The retry schedule as the engine's retry command reads it. */
	FailedJobRetryConfiguration retryConfiguration() {
		return ParseUtil.parseRetryIntervals(retrySchedule);
	}

	private static void requireRetrySchedule(String schedule) {
		String problem = "pchat.ticketing.retry-schedule must be durations such as PT10S,PT1M or a repeat such as"
				+ " R5/PT1M, was '" + schedule + "'";
		if (schedule.contains("${") || schedule.contains("#{")) {
			throw new IllegalArgumentException(problem);
		}
		try {
			for (String interval : schedule.split(",")) {
				new DurationHelper(interval.strip());
			}
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(problem, ex);
		}
		if (ParseUtil.parseRetryIntervals(schedule) == null) {
			throw new IllegalArgumentException(problem);
		}
	}

}
