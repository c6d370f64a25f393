package org.pchatfailover.failover;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The retry cycle as the model reads it: every service task says {@code ${retryPolicy.cycle}}, so the cycle is
 * visible in the model and configured without editing it ({@code pchat.retry.cycle}, {@link RetryProperties}).
 * A bean with a getter rather than the properties record itself: the engine's expression language reads bean
 * properties, not record accessors.
 */
@Component("retryPolicy")
@EnableConfigurationProperties(RetryProperties.class)
public class RetryPolicy {

	private final String cycle;

	public RetryPolicy(RetryProperties properties) {
		this.cycle = properties.cycle();
	}

	public String getCycle() {
		return cycle;
	}

	/** How many attempts a step gets: the n of {@code Rn/...} (the engine's DefaultJobRetryCmd sets n retries at the first failure). */
	public int attempts() {
		return Integer.parseInt(cycle.substring(1, cycle.indexOf('/')));
	}

}
