package org.pchatfailover.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.pchatfailover.failover.FailoverState;

/** What a callback says, how its job stores it, and how its settings are checked: no engine, no sockets. */
class CallbackJobTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TicketingCallback WAITING = new TicketingCallback("INC-4711", "pi-1",
			FailoverState.WAITING_FOR_OPERATOR, "ConfirmFailover", Instant.parse("2025-03-01T02:03:04.567Z"));

	@Test
	void postsExactlyTicketIdIdStateStepAndAtAsAnIsoInstant() throws Exception {
		JsonNode body = JSON.readTree(new CallbackJob(URI.create("https://tickets.example/hook"), WAITING).body());

		assertThat(body.fieldNames()).toIterable().containsExactly("ticketId", "id", "state", "step", "at");
		assertThat(body.path("ticketId").asText()).isEqualTo("INC-4711");
		assertThat(body.path("id").asText()).isEqualTo("pi-1");
		assertThat(body.path("state").asText()).isEqualTo("WAITING_FOR_OPERATOR");
		assertThat(body.path("step").asText()).isEqualTo("ConfirmFailover");
		assertThat(body.path("at").asText()).isEqualTo("2025-03-01T02:03:04.567Z");
	}

	@Test
	void keepsUrlAndCallbackInTheJobConfigurationForRedelivery() {
		CallbackJob job = new CallbackJob(URI.create("https://tickets.example/hook?x=1"), WAITING);

		CallbackJob stored = CallbackJob.parse(job.toCanonicalString());

		assertThat(stored).isEqualTo(job);
		assertThat(stored.body()).isEqualTo(job.body());
		assertThat(job.toCanonicalString()).contains("\"id\":\"pi-1\"");
	}

	@Test
	void acceptsOnlyAbsoluteHttpUrlsAndLogsThemWithoutQuery() {
		assertThat(CallbackUrl.parse("https://tickets.example:8443/hook?token=s3cret")).isPresent();
		assertThat(CallbackUrl.parse("ftp://tickets.example/hook")).isEmpty();
		assertThat(CallbackUrl.parse("/relative/hook")).isEmpty();
		assertThat(CallbackUrl.parse("http://tickets.example/" + "x".repeat(CallbackUrl.MAX_LENGTH))).isEmpty();
		assertThat(CallbackUrl.redacted(URI.create("https://user:pw@tickets.example:8443/hook?token=s3cret")))
			.isEqualTo("https://tickets.example:8443/hook");
		assertThat(new CallbackJob(URI.create("https://tickets.example/hook?token=s3cret"), WAITING).describe())
			.doesNotContain("s3cret");
	}

	@Test
	void readsTheRetryScheduleAsTheEngineReadsRetryCycles() {
		TicketingCallbackProperties defaults = new TicketingCallbackProperties(null, null, null, null, null);
		assertThat(defaults.callbackTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.retryConfiguration().getRetries()).as("six waits, seven attempts").isEqualTo(7);

		TicketingCallbackProperties repeat = new TicketingCallbackProperties(null, null, "R5/PT1M", null, null);
		assertThat(repeat.retryConfiguration().getRetries()).isEqualTo(5);
	}

	@Test
	void refusesSettingsThatWouldOnlyFailAtTheFirstCallback() {
		assertThatThrownBy(() -> new TicketingCallbackProperties(null, null, "soon", null, null))
			.hasMessageContaining("pchat.ticketing.retry-schedule");
		assertThatThrownBy(() -> new TicketingCallbackProperties(null, null, "${cycle}", null, null))
			.hasMessageContaining("pchat.ticketing.retry-schedule");
		assertThatThrownBy(() -> new TicketingCallbackProperties(URI.create("mailto:ops@example"), null, null, null, null))
			.hasMessageContaining("pchat.ticketing.callback-url");
		assertThatThrownBy(() -> new TicketingCallbackProperties(null, Duration.ZERO, null, null, null))
			.hasMessageContaining("pchat.ticketing.callback-timeout");
	}

	@Test
	void allowsCallbacksOnlyToTheDefaultHostAndTheListedOnes() {
		TicketingCallbackProperties properties = new TicketingCallbackProperties(
				URI.create("https://tickets.litwareinc.com/hooks/pchat"), null, null, null, List.of("Itsm.LitwareInc.com"));

		assertThat(properties.allowsCallbackTo(URI.create("https://tickets.litwareinc.com/other"))).isTrue();
		assertThat(properties.allowsCallbackTo(URI.create("https://itsm.litwareinc.com/cb"))).isTrue();
		assertThat(properties.allowsCallbackTo(URI.create("http://169.254.169.254/latest/meta-data"))).isFalse();
		assertThat(properties.allowsCallbackTo(URI.create("http://127.0.0.1:8080/steal"))).isFalse();
		assertThat(new TicketingCallbackProperties(null, null, null, null, null)
			.allowsCallbackTo(URI.create("https://tickets.litwareinc.com/cb"))).isFalse();
	}

}
