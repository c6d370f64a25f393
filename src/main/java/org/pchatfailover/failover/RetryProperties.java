package org.pchatfailover.failover;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a failed step is retried before it becomes an incident, bound from {@code pchat.retry.*}. The one place the
 * retry cycle is set: the service tasks read it as {@code ${retryPolicy.cycle}}, and the engine's default for jobs
 * without a cycle of their own is set from it ({@link RetryCycleEnginePlugin}).
 *
 * @param cycle an ISO 8601 repeat, default {@code R3/PT1M}: three attempts, a minute apart, long enough for a
 * transient network fault to clear and short enough that an operator sees the incident
 */
@Validated
@ConfigurationProperties("pchat.retry")
public record RetryProperties(@DefaultValue("R3/PT1M") @Pattern(regexp = RetryProperties.CYCLE,
		message = "must be an ISO 8601 repeat such as R3/PT1M") String cycle) {

	static final String CYCLE = "^R\\d+/P(T(\\d+H)?(\\d+M)?(\\d+S)?|\\d+D)$";

}
