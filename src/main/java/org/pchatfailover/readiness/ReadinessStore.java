package org.pchatfailover.readiness;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The last estate check of each pool, and the lease that lets one engine node at a time run the scheduled one:
 * one row per pool in {@code PCHAT_READINESS}, in the engine's database, so every node shows the same last result.
 */
@Component
class ReadinessStore {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

	private final JdbcTemplate jdbc;

	ReadinessStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void save(ReadinessReport report) {
		String json = write(report);
		Timestamp checkedAt = Timestamp.from(report.checkedAt());
		int updated = jdbc.update("UPDATE PCHAT_READINESS SET CHECKED_AT_ = ?, READY_ = ?, REPORT_ = ? WHERE POOL_FQDN_ = ?",
				checkedAt, report.ready(), json, report.pool());
		if (updated == 0) {
			try {
				jdbc.update("INSERT INTO PCHAT_READINESS (POOL_FQDN_, CHECKED_AT_, READY_, REPORT_) VALUES (?, ?, ?, ?)",
						report.pool(), checkedAt, report.ready(), json);
			}
			catch (DuplicateKeyException ex) {
				// another node inserted the row in between: ours is the newer result
				save(report);
			}
		}
	}

	Optional<ReadinessReport> last(String poolFqdn) {
		return jdbc.queryForList("SELECT REPORT_ FROM PCHAT_READINESS WHERE POOL_FQDN_ = ? AND REPORT_ IS NOT NULL",
				String.class, poolFqdn).stream().findFirst().map(ReadinessStore::read);
	}

	/**
	 * Takes the pool's lease when its last check is older than {@code dueBefore} and no other node holds a live
	 * lease: one conditional update, so of two nodes asking at once exactly one gets it.
	 */
	boolean tryLease(String poolFqdn, String node, Instant now, Instant leaseUntil, Instant dueBefore) {
		try {
			jdbc.update("INSERT INTO PCHAT_READINESS (POOL_FQDN_) VALUES (?)", poolFqdn);
		}
		catch (DuplicateKeyException ex) {
			// the row exists: the usual case
		}
		return jdbc.update("UPDATE PCHAT_READINESS SET LEASE_UNTIL_ = ?, LEASE_NODE_ = ? WHERE POOL_FQDN_ = ? "
				+ "AND (LEASE_UNTIL_ IS NULL OR LEASE_UNTIL_ < ?) AND (CHECKED_AT_ IS NULL OR CHECKED_AT_ < ?)",
				Timestamp.from(leaseUntil), node, poolFqdn, Timestamp.from(now), Timestamp.from(dueBefore)) == 1;
	}

	void release(String poolFqdn, String node) {
		jdbc.update("UPDATE PCHAT_READINESS SET LEASE_UNTIL_ = NULL, LEASE_NODE_ = NULL WHERE POOL_FQDN_ = ? "
				+ "AND LEASE_NODE_ = ?", poolFqdn, node);
	}

	private static String write(ReadinessReport report) {
		try {
			return JSON.writeValueAsString(report);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write the estate check of " + report.pool(), ex);
		}
	}

	private static ReadinessReport read(String json) {
		try {
			return JSON.readValue(json, ReadinessReport.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("unreadable estate check in PCHAT_READINESS", ex);
		}
	}

}
