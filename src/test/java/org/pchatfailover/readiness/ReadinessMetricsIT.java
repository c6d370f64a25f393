package org.pchatfailover.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabDrill;
import org.pchatfailover.LabTestSupport;
import org.pchatfailover.PrometheusScrape;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The estate check's result and the recovery point as {@code pchat_} gauges on {@code /actuator/prometheus}, as they
 * follow the checks an operator runs over {@code /api/pools/{fqdn}/readiness} against the lab.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessMetricsIT {

	static final String POOL = LabDrill.POOL;

	static final String READINESS = "/api/pools/" + POOL + "/readiness";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Test
	@Order(2)
	void thePoolsGaugesFollowItsLastEstateCheck() {
		LabDrill lab = new LabDrill(port);
		lab.scenario("normal");
		JsonNode ready = lab.json("operator", "GET", READINESS, null, 200);
		assertThat(ready.path("ready").asBoolean()).as(ready.toString()).isTrue();
		Instant recoveryPoint = Instant.parse(ready.path("recoveryPoint").asText());
		Instant beforeScrape = Instant.now();

		PrometheusScrape healthy = await().atMost(ApiClient.TIMEOUT)
			.until(() -> PrometheusScrape.of(lab.api()), s -> s.value("pchat_estate_ready", "pool", POOL) == 1);
		assertThat(healthy.value("pchat_estate_checks_failed", "pool", POOL)).isZero();
		assertThat(healthy.value("pchat_estate_checked_timestamp_seconds", "pool", POOL))
			.isEqualTo(Instant.parse(ready.path("checkedAt").asText()).getEpochSecond());
		assertThat(healthy.value("pchat_recovery_point_age_seconds", "pool", POOL))
			.as("the age at the scrape of " + recoveryPoint)
			.isGreaterThanOrEqualTo(Duration.between(recoveryPoint, beforeScrape).toSeconds());

		lab.scenario("stale-logs");
		JsonNode stale = lab.json("operator", "GET", READINESS, null, 200);
		assertThat(stale.path("ready").asBoolean()).isFalse();
		PrometheusScrape notReady = await().atMost(ApiClient.TIMEOUT)
			.until(() -> PrometheusScrape.of(lab.api()), s -> s.value("pchat_estate_ready", "pool", POOL) == 0);
		assertThat(notReady.value("pchat_estate_checks_failed", "pool", POOL)).isGreaterThanOrEqualTo(1);
		assertThat(notReady.value("pchat_recovery_point_age_seconds", "pool", POOL))
			.as("stale-logs: the primary's backup job stopped three hours ago")
			.isGreaterThan(Duration.ofHours(2).toSeconds());
	}

	@Test
	@Order(1)
	void aPoolNeverCheckedHasNoValueRatherThanAReassuringZero() {
		// the first scrape of a fresh context, before anyone ran the estate check: no result yet
		PrometheusScrape scrape = PrometheusScrape.of(new ApiClient(port));
		assertThat(scrape.has("pchat_estate_ready", "pool", POOL)).isTrue();
		assertThat(scrape.value("pchat_estate_ready", "pool", POOL)).isNaN();
		assertThat(scrape.value("pchat_recovery_point_age_seconds", "pool", POOL)).isNaN();
	}

}
