package org.pchatfailover.cluster;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This node's claim on its id in {@code PCHAT_NODE}, kept alive by a heartbeat. Releasing the job locks of an id is
 * safe only while no live process runs jobs under it, so: a start waits until the id's previous life has been silent
 * for {@code 3 x heartbeat} (a killed node), refuses to start while it still beats (another live node configured with
 * the same id), then frees the locks its previous life held and lets the job executor start (at ApplicationReady,
 * after this runner). While alive it frees the locks of nodes whose heartbeat stood still. It never moves the lock
 * of a job it runs: Camunda's FailedJobListener takes a job whose {@code LOCK_EXP_TIME_} changed while it ran for
 * re-acquired and skips its failure (no retry, no incident), so the step would hang locked for good. Beats are a counter, not a time: nodes never compare clocks to judge each other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeLease implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

	private final JdbcTemplate jdbc;

	private final JobLocks jobLocks;

	private final String nodeId;

	private final NodeProperties properties;

	private final String life;

	/** The others' beats as last seen, with when (this node's clock) they were first seen at that value. */
	private final Map<String, Seen> others = new HashMap<>();

	private ScheduledExecutorService heartbeat;

	private record Seen(long beat, Instant since) {
	}

	NodeLease(JdbcTemplate jdbc, JobLocks jobLocks, NodeIdentity node, NodeProperties properties) {
		this.jdbc = jdbc;
		this.jobLocks = jobLocks;
		this.nodeId = node.id();
		this.life = node.life();
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		claim();
		int released = jobLocks.release(nodeId);
		log.info("engine node {} started (job lock {}, heartbeat {}); {} job lock(s) of its previous run released",
				nodeId, properties.jobLock(), properties.heartbeat(), released);
		heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "pchat-node-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long period = properties.heartbeat().toMillis();
		heartbeat.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
	}

	/** A clean stop frees the id at once: the next start need not wait for the heartbeat to go silent. */
	@PreDestroy
	void leave() {
		if (heartbeat == null) {
			return;
		}
		heartbeat.shutdownNow();
		jdbc.update("UPDATE PCHAT_NODE SET LIFE_ID_ = NULL WHERE NODE_ID_ = ? AND LIFE_ID_ = ?", nodeId, life);
	}

	private void claim() throws InterruptedException {
		Long silentBeat = null;
		Instant silentSince = null;
		while (true) {
			List<Map<String, Object>> rows = jdbc.queryForList(
					"SELECT LIFE_ID_, BEAT_, HOST_, STARTED_AT_ FROM PCHAT_NODE WHERE NODE_ID_ = ?", nodeId);
			if (rows.isEmpty()) {
				if (insertClaim()) {
					return;
				}
				continue;
			}
			Map<String, Object> row = rows.get(0);
			long beat = ((Number) row.get("BEAT_")).longValue();
			Object holder = row.get("LIFE_ID_");
			if (holder == null) {
				if (takeOver(null, beat)) {
					return;
				}
				continue;
			}
			if (silentBeat != null && silentBeat != beat) {
				throw new IllegalStateException("engine node id '" + nodeId + "' is in use by a live node on "
						+ row.get("HOST_") + " (started " + row.get("STARTED_AT_") + "): give each node its own "
						+ "pchat.node.id; two nodes under one id would take each other's running steps");
			}
			if (silentBeat == null) {
				silentBeat = beat;
				silentSince = Instant.now();
				log.info("engine node id {} was held by a run that did not stop cleanly; waiting up to {} for its "
						+ "heartbeat to prove it dead", nodeId, properties.deadAfter());
			}
			else if (Duration.between(silentSince, Instant.now()).compareTo(properties.deadAfter()) >= 0
					&& takeOver(holder.toString(), beat)) {
				return;
			}
			Thread.sleep(Math.max(50, properties.heartbeat().toMillis() / 4));
		}
	}

	private boolean insertClaim() {
		try {
			jdbc.update("INSERT INTO PCHAT_NODE (NODE_ID_, LIFE_ID_, BEAT_, HOST_, STARTED_AT_) VALUES (?, ?, 0, ?, ?)",
					nodeId, life, host(), Timestamp.from(Instant.now()));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Compare-and-set on the holder and its beat: of two starts racing for one id, one wins. */
	private boolean takeOver(String holder, long beat) {
		String sameHolder = (holder == null) ? "LIFE_ID_ IS NULL" : "LIFE_ID_ = ?";
		Object[] args = (holder == null)
				? new Object[] { life, host(), Timestamp.from(Instant.now()), nodeId, beat }
				: new Object[] { life, host(), Timestamp.from(Instant.now()), nodeId, beat, holder };
		return jdbc.update("UPDATE PCHAT_NODE SET LIFE_ID_ = ?, BEAT_ = BEAT_ + 1, HOST_ = ?, STARTED_AT_ = ? "
				+ "WHERE NODE_ID_ = ? AND BEAT_ = ? AND " + sameHolder, args) == 1;
	}

	private void beat() {
		try {
			int mine = jdbc.update("UPDATE PCHAT_NODE SET BEAT_ = BEAT_ + 1 WHERE NODE_ID_ = ? AND LIFE_ID_ = ?",
					nodeId, life);
			if (mine == 0) {
				log.error("engine node {} lost its id to another start: its job locks may be taken over", nodeId);
			}
			releaseDeadNodes();
		}
		catch (RuntimeException ex) {
			// the engine database may be restarting: keep beating, the next one may get through
			log.warn("engine node {} heartbeat failed: {}", nodeId, ex.toString());
		}
	}

	/** A node silent for three heartbeats is dead: its steps need not wait for their locks to run out. */
	private void releaseDeadNodes() {
		Instant now = Instant.now();
		for (Map<String, Object> row : jdbc.queryForList(
				"SELECT NODE_ID_, LIFE_ID_, BEAT_ FROM PCHAT_NODE WHERE NODE_ID_ <> ? AND LIFE_ID_ IS NOT NULL", nodeId)) {
			String other = row.get("NODE_ID_").toString();
			long beat = ((Number) row.get("BEAT_")).longValue();
			Seen seen = others.get(other);
			if (seen == null || seen.beat() != beat) {
				others.put(other, new Seen(beat, now));
			}
			else if (Duration.between(seen.since(), now).compareTo(properties.deadAfter()) >= 0) {
				// only if it is still that silent life: a restart of it in the meantime keeps its id
				if (jdbc.update("UPDATE PCHAT_NODE SET LIFE_ID_ = NULL WHERE NODE_ID_ = ? AND LIFE_ID_ = ? AND BEAT_ = ?",
						other, row.get("LIFE_ID_"), beat) == 1) {
					int released = jobLocks.release(other);
					log.warn("engine node {} silent for {}: taken for dead, {} of its job lock(s) released", other,
							properties.deadAfter(), released);
				}
				others.remove(other);
			}
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			return "unknown host";
		}
	}

}
