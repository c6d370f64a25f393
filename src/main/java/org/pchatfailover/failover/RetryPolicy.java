package org.pchatfailover.failover;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often a failed step is retried before it becomes an incident, referenced by every service task as
 * {@code ${retryPolicy.cycle}}. An ISO 8601 repeat such as {@code R3/PT1M}: three attempts, a minute apart,
 * long enough for a transient network fault to clear and short enough that an operator sees the incident.
 */
@Component("retryPolicy")
public class RetryPolicy {

	private final String cycle;

	public RetryPolicy(@Value("${pchat.retry.cycle:R3/PT1M}") String cycle) {
		if (!cycle.matches("^R\\d+/P(T(\\d+H)?(\\d+M)?(\\d+S)?|\\d+D)$")) {
			throw new IllegalArgumentException("pchat.retry.cycle must look like R3/PT1M, was '" + cycle + "'");
		}
		this.cycle = cycle;
	}

	public String getCycle() {
		return cycle;
	}

}
