package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.management.OperatingSystemMXBean;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ticketingP50Ms and ticketingP99Ms: {@value #REQUESTS} {@code POST /api/failovers} from {@value #CLIENTS} concurrent
 * clients over {@value #TICKETS} tickets, each ticket for a pool of its own, in a shuffled order, so most tickets
 * are asked for while their first request is still starting. Functional check, not timed: exactly one failover per
 * ticket, every answer 201 or 200. A warm-up run, then {@value #RUNS} runs, each with new tickets on the same pools
 * (the previous run's failovers are deleted first); the figures are the medians of the runs' percentiles.
 */
class TicketingBench extends LabBench {

	static final int REQUESTS = 500;

	static final int CLIENTS = 50;

	static final int TICKETS = 100;

	static final int WARMUPS = 1;

	static final int RUNS = 3;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void startsOneFailoverPerTicketUnderConcurrentRequests() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		List<Double> p50s = new ArrayList<>();
		List<Double> p99s = new ArrayList<>();
		List<Double> maxima = new ArrayList<>();
		List<Double> throughputs = new ArrayList<>();
		List<Double> cpuMsPerRequest = new ArrayList<>();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		for (int run = 0; run < WARMUPS + RUNS; run++) {
			long cpuBefore = os.getProcessCpuTime();
			long started = System.nanoTime();
			List<Double> latencies = burst("BENCH-" + run + "-");
			double seconds = (System.nanoTime() - started) / 1e9;
			// the whole JVM: the app's request threads, its job executor starting the plans, the lab, the clients
			double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
			if (run >= WARMUPS) {
				p50s.add(BenchStats.percentile(latencies, 50));
				p99s.add(BenchStats.percentile(latencies, 99));
				maxima.add(BenchStats.percentile(latencies, 100));
				throughputs.add(BenchStats.round(REQUESTS / seconds, 1));
				cpuMsPerRequest.add(BenchStats.round(cpuMs / REQUESTS, 1));
			}
			deleteFailoversOf("BENCH-" + run + "-");
		}
		// a closed loop: each client sends its next request when the last is answered, so the median latency is
		// about CLIENTS / throughput, and the throughput at most the cores' CPU over the CPU per request
		figures.detail("p50sMs", p50s).detail("p99sMs", p99s).detail("maximaMs", maxima)
			.detail("requestsPerSecond", throughputs).detail("processCpuMsPerRequest", cpuMsPerRequest)
			.detail("availableProcessors", Runtime.getRuntime().availableProcessors());
		figures.figure("ticketingP50Ms", BenchStats.round(BenchStats.median(p50s), 1));
		figures.figure("ticketingP99Ms", BenchStats.round(BenchStats.median(p99s), 1));
	}

	/** One run: the requests' latencies in milliseconds, after checking one failover per ticket. */
	private List<Double> burst(String ticketPrefix) throws Exception {
		ConcurrentLinkedQueue<Integer> requests = new ConcurrentLinkedQueue<>(shuffledTickets());
		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				done.add(clients.submit(() -> {
					for (Integer ticket = requests.poll(); ticket != null; ticket = requests.poll()) {
						HttpRequest request = start(ticketPrefix + ticket, benchPool(ticket + 1));
						long started = System.nanoTime();
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						latencies.add((System.nanoTime() - started) / 1e6);
						statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> client : done) {
				client.get();
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(statuses.keySet()).as("answers: %s", statuses).containsOnly(200, 201);
		assertThat(statuses.get(201).get()).as("answers: %s", statuses).isEqualTo(TICKETS);
		for (int ticket = 0; ticket < TICKETS; ticket++) {
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticketPrefix + ticket)
				.count()).as("failovers of ticket %s", ticketPrefix + ticket).isEqualTo(1);
		}
		return latencies;
	}

	private static List<Integer> shuffledTickets() {
		List<Integer> tickets = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			tickets.add(i % TICKETS);
		}
		Collections.shuffle(tickets, new Random(19));
		return tickets;
	}

	private HttpRequest start(String ticketId, String poolFqdn) {
		String body = "{\"ticketId\":\"" + ticketId + "\",\"poolFqdn\":\"" + poolFqdn
				+ "\",\"reason\":\"benchmark\",\"requestedBy\":\"bench\"}";
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/failovers"))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("ticketing:ticketing".getBytes(StandardCharsets.UTF_8)))
			.build();
	}

	/** Frees the pools for the next run: a pool runs one failover at a time. */
	private void deleteFailoversOf(String ticketPrefix) {
		List<String> ids = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKeyLike(ticketPrefix + "%")
			.unfinished()
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		for (String id : ids) {
			for (int attempt = 1;; attempt++) {
				try {
					runtime.deleteProcessInstanceIfExists(id, "benchmark run over", true, true, true, false);
					break;
				}
				catch (RuntimeException ex) {
					// a step of it may be running on the job executor right now; try again when it is done
					if (attempt == 20) {
						throw ex;
					}
					sleep(100);
				}
			}
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
