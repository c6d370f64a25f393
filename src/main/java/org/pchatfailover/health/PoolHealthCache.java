package org.pchatfailover.health;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last probe of each pool, answered at once; a read that finds it older than {@code pchat.health.cache-for}
 * (or finds none) starts one new probe in the background, and the reads meanwhile answer the previous result. So a
 * health request never waits for SQL Server or SSH (DESIGN.md: "never slower than a second"), and a monitor polling
 * every few seconds causes one SQL login and one SSH login per pool and interval. Nobody reading, nothing probed: no
 * background load on the estate, and no commands in the lab's history of a test that does not ask.
 */
@Component
class PoolHealthCache {

	private static final Logger log = LoggerFactory.getLogger(PoolHealthCache.class);

	/** The two probes of a pool, or empty before the first has finished. */
	record PoolHealth(Probe backupSql, Probe lyncShell) {
	}

	private final PoolProbes probes;

	private final PoolHealthProperties properties;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	// two threads: a pool's SQL and SSH probes run side by side, each bounded by pchat.health.timeout
	private final ExecutorService probing = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "pool-health-probe");
		thread.setDaemon(true);
		return thread;
	});

	PoolHealthCache(PoolProbes probes, PoolHealthProperties properties) {
		this.probes = probes;
		this.properties = properties;
	}

	/** The pool's last probes; starts a new probe when they are stale or missing and none is running. */
	Optional<PoolHealth> current(Pool pool) {
		Entry entry = entries.computeIfAbsent(pool.fqdn(), fqdn -> new Entry());
		synchronized (entry) {
			boolean stale = entry.last == null
					|| entry.last.backupSql().checkedAt().plus(properties.cacheFor()).isBefore(Instant.now());
			if (stale && entry.running == null) {
				entry.running = probe(pool, entry);
			}
			return Optional.ofNullable(entry.last);
		}
	}

	private CompletableFuture<Void> probe(Pool pool, Entry entry) {
		CompletableFuture<Probe> sql = CompletableFuture.supplyAsync(() -> probes.backupSql(pool), probing);
		CompletableFuture<Probe> shell = CompletableFuture.supplyAsync(() -> probes.lyncShell(pool), probing);
		return sql.thenCombine(shell, PoolHealth::new).handle((health, failure) -> {
			synchronized (entry) {
				if (health != null) {
					if (entry.last == null || changed(entry.last, health)) {
						log.info("Health of pool {}: backup-sql {}, lync-shell {}", pool.fqdn(), status(health.backupSql()),
								status(health.lyncShell()));
					}
					entry.last = health;
				}
				else {
					// the probes catch what the adapters throw: this is a bug, keep the previous result
					log.error("Health probe of pool {} failed", pool.fqdn(), failure);
				}
				entry.running = null;
			}
			return null;
		});
	}

	private static boolean changed(PoolHealth before, PoolHealth now) {
		return before.backupSql().up() != now.backupSql().up() || before.lyncShell().up() != now.lyncShell().up();
	}

	private static String status(Probe probe) {
		return probe.up() ? "UP" : "DOWN (" + probe.error() + ")";
	}

	@PreDestroy
	void stop() {
		probing.shutdownNow();
	}

	private static final class Entry {

		private PoolHealth last;

		private CompletableFuture<Void> running;

	}

}
