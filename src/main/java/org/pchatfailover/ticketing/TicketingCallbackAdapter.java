package org.pchatfailover.ticketing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * POSTs callbacks to the ticketing system. One delivery takes at most the callback timeout, connecting included,
 * so a slow ticketing system never holds an engine thread longer. The bearer token is read from its environment
 * variable at each delivery and never logged or stored.
 */
@Component
class TicketingCallbackAdapter {

	private static final Logger LOG = LoggerFactory.getLogger(TicketingCallbackAdapter.class);

	private final HttpClient http;

	private final Duration timeout;

	private final String tokenEnv;

	private final UnaryOperator<String> environment;

	@Autowired
	TicketingCallbackAdapter(TicketingCallbackProperties properties) {
		this(properties, System::getenv);
	}

	TicketingCallbackAdapter(TicketingCallbackProperties properties, UnaryOperator<String> environment) {
		this.timeout = properties.callbackTimeout();
		this.tokenEnv = properties.callbackTokenEnv();
		this.environment = environment;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Delivers the callback or throws: {@link CallbackRejectedException} when retrying cannot help. */
	void deliver(CallbackJob job) {
		int status = post(job, request(job));
		if (status / 100 == 2) {
			LOG.info("Delivered {}: {}", job.describe(), status);
			return;
		}
		String failure = job.describe() + " answered " + status;
		if (status / 100 == 4 && status != 408 && status != 429) {
			throw new CallbackRejectedException(failure + "; not retried, fix the URL or token and retry the job");
		}
		throw new CallbackDeliveryException(failure);
	}

	private HttpRequest request(CallbackJob job) {
		HttpRequest.Builder request = HttpRequest.newBuilder(job.url())
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(job.body()));
		if (tokenEnv != null && !tokenEnv.isBlank()) {
			request.header("Authorization", "Bearer " + token());
		}
		return request.build();
	}

	private String token() {
		String token = environment.apply(tokenEnv);
		if (token == null || token.isBlank()) {
			throw new CallbackDeliveryException("environment variable " + tokenEnv
					+ " (pchat.ticketing.callback-token-env) is not set");
		}
		return token.strip();
	}

	/** The status; the whole exchange is bounded by the timeout, not only the wait for the headers. */
	private int post(CallbackJob job, HttpRequest request) {
		CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request,
				HttpResponse.BodyHandlers.discarding());
		try {
			return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
		}
		catch (TimeoutException ex) {
			response.cancel(true);
			throw new CallbackDeliveryException(job.describe() + " timed out after " + timeout, ex);
		}
		catch (ExecutionException ex) {
			throw new CallbackDeliveryException(job.describe() + " failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CallbackDeliveryException(job.describe() + " interrupted", ex);
		}
	}

}
