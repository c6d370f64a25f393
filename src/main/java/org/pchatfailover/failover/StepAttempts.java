package org.pchatfailover.failover;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pchatfailover.cluster.NodeIdentity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which service steps have started and not finished ({@code PCHAT_STEP_ATTEMPT}). The start is committed on its own,
 * before the step acts; the finish is deleted with the step's own commit; a failure is marked on its own, since the
 * step's transaction rolls back. An attempt found neither finished nor failed was cut off: its node was killed or
 * lost its lock. The engine keeps no trace of such an attempt (its transaction never committed), so this is how the
 * report learns that a step was interrupted and resumed.
 */
@Component
class StepAttempts {

	/** An earlier attempt of the same step that was cut off: on which node and when it started. */
	record Interruption(String nodeId, Instant startedAt) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final NodeIdentity node;

	StepAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions, NodeIdentity node) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.node = node;
	}

	String nodeId() {
		return node.id();
	}

	/** Records this attempt's start, committed at once; returns the earlier attempt it replaces if that was cut off. */
	Optional<Interruption> begin(String processInstanceId, String activityId) {
		return ownTransaction.execute(status -> {
			List<Map<String, Object>> earlier = jdbc.queryForList("SELECT NODE_ID_, LIFE_ID_, STARTED_AT_, FAILED_ FROM "
					+ "PCHAT_STEP_ATTEMPT WHERE PROC_INST_ID_ = ? AND ACTIVITY_ID_ = ?", processInstanceId, activityId);
			jdbc.update("DELETE FROM PCHAT_STEP_ATTEMPT WHERE PROC_INST_ID_ = ? AND ACTIVITY_ID_ = ?", processInstanceId,
					activityId);
			jdbc.update("INSERT INTO PCHAT_STEP_ATTEMPT (PROC_INST_ID_, ACTIVITY_ID_, NODE_ID_, LIFE_ID_, STARTED_AT_, "
					+ "FAILED_) VALUES (?, ?, ?, ?, ?, FALSE)", processInstanceId, activityId, node.id(), node.life(),
					Timestamp.from(Instant.now()));
			// an attempt of this very run that neither finished nor failed failed at its commit (the engine retries
			// it and records why): only one of a run that is gone was cut off
			return earlier.stream()
				.filter(row -> !Boolean.TRUE.equals(row.get("FAILED_")))
				.filter(row -> !node.life().equals(row.get("LIFE_ID_")))
				.map(row -> new Interruption(row.get("NODE_ID_").toString(),
						((Timestamp) row.get("STARTED_AT_")).toInstant()))
				.findFirst();
		});
	}

	/** In the step's own transaction: the attempt is over if and only if the step's work commits. */
	void finished(String processInstanceId, String activityId) {
		jdbc.update("DELETE FROM PCHAT_STEP_ATTEMPT WHERE PROC_INST_ID_ = ? AND ACTIVITY_ID_ = ?", processInstanceId,
				activityId);
	}

	/** The step failed: the engine retries it or raises an incident, which the report shows already. */
	void failed(String processInstanceId, String activityId) {
		ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE PCHAT_STEP_ATTEMPT SET FAILED_ = TRUE "
				+ "WHERE PROC_INST_ID_ = ? AND ACTIVITY_ID_ = ?", processInstanceId, activityId));
	}

}
