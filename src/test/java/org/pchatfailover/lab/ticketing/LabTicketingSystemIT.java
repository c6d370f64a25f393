package org.pchatfailover.lab.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drill's ticketing system as the product's callbacks meet it: received, or refused while it is dead. */
class LabTicketingSystemIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final LabTicketingSystem ticketing = new LabTicketingSystem(InetAddress.getLoopbackAddress(), "127.0.0.1",
			0, Clock.systemUTC());

	@AfterEach
	void stop() {
		ticketing.close();
	}

	@Test
	void keepsWhatItReceivesAndRefusesAnythingButAPost() throws Exception {
		ticketing.start();

		assertThat(post(ticketing.callbackUrl() + "/INC-1", "{\"ticketId\":\"INC-1\",\"state\":\"RUNNING\"}"))
			.isEqualTo(204);
		assertThat(post(ticketing.callbackUrl(), "not json")).isEqualTo(204);
		assertThat(http.send(HttpRequest.newBuilder(URI.create(ticketing.callbackUrl())).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);

		LabTicketingSystem.Snapshot snapshot = ticketing.snapshot();
		assertThat(snapshot.dead()).isFalse();
		assertThat(snapshot.received()).hasSize(2);
		assertThat(snapshot.received().get(0).path()).isEqualTo("/callbacks/INC-1");
		assertThat(snapshot.received().get(0).body().path("state").asText()).isEqualTo("RUNNING");
		assertThat(snapshot.received().get(1).body().asText()).isEqualTo("not json");
	}

	@Test
	void refusesConnectionsWhileDeadAndListensOnTheSamePortWhenBack() throws Exception {
		ticketing.start();
		String url = ticketing.callbackUrl();

		ticketing.dead(true);

		assertThat(ticketing.snapshot().dead()).isTrue();
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> post(url, "{}"));
		ticketing.dead(false);
		assertThat(ticketing.callbackUrl()).isEqualTo(url);
		assertThat(post(url, "{}")).isEqualTo(204);
		assertThat(ticketing.snapshot().received()).hasSize(1);
	}

	private int post(String url, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
