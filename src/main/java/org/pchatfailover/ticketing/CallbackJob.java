package org.pchatfailover.ticketing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * One callback to deliver, stored as the configuration of its engine job: the URL resolved when the state
 * changed and the body. It names the failover (process instance id) so an operator finds the callbacks of a
 * failover among the jobs; it never holds a token (resolved at delivery).
 */
record CallbackJob(URI url, TicketingCallback callback) implements JobHandlerConfiguration {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	static CallbackJob parse(String canonical) {
		try {
			return JSON.readValue(canonical, CallbackJob.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("unreadable ticketing callback job configuration", ex);
		}
	}

	/** The HTTP body: {ticketId, id, state, step, at}, at as an ISO 8601 instant, and dataLoss once there is one. */
	String body() {
		return write(callback);
	}

	@Override
	public String toCanonicalString() {
		return write(this);
	}

	/** For log lines: what, for which ticket, where (without query). */
	String describe() {
		return "callback " + callback.state() + " (" + callback.step() + ") of ticket " + callback.ticketId() + " to "
				+ CallbackUrl.redacted(url);
	}

	private static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
