package org.pchatfailover.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The read-only estate check of a pool: would a failover work today, what is the recovery point now, and what to
 * fix. It touches nothing, so it can run any time, on any node, during business hours. A check that cannot run
 * (an instance down) is a failed check with the reason, never an error.
 */
@Service
public class EstateReadiness {

	private static final Logger log = LoggerFactory.getLogger(EstateReadiness.class);

	private final Topology topology;

	private final BackupSqlChecks backupSql;

	private final ShareChecks shares;

	private final MirrorSqlCheck mirrorSql;

	private final LyncChecks lync;

	private final ReadinessStore store;

	EstateReadiness(Topology topology, BackupSqlChecks backupSql, ShareChecks shares, MirrorSqlCheck mirrorSql,
			LyncChecks lync, ReadinessStore store) {
		this.topology = topology;
		this.backupSql = backupSql;
		this.shares = shares;
		this.mirrorSql = mirrorSql;
		this.lync = lync;
		this.store = store;
	}

	/** Checks the pool now and keeps the result as its last one. */
	public ReadinessReport check(Pool pool) {
		Instant now = Instant.now();
		List<ReadinessCheck> checks = new ArrayList<>();
		BackupSqlChecks.Outcome sql = backupSql.check(pool, now);
		checks.addAll(sql.checks());
		FailoverPlan plan = sql.plan();
		checks.addAll(shares.check(pool, plan));
		checks.add(mirrorSql.check(pool));
		checks.addAll(lync.check(pool));
		Instant recoveryPoint = plan == null || plan.dataLoss() == null ? null : plan.dataLoss().lastRecoverableAt();
		ReadinessReport report = ReadinessReport.of(pool.fqdn(), now, checks, recoveryPoint);
		store.save(report);
		log.info("Estate check of pool {}: {}", pool.fqdn(), report.ready() ? "ready"
				: "NOT READY, failed " + report.failedChecks().stream().map(ReadinessCheck::name)
					.collect(Collectors.joining(", ")));
		return report;
	}

	/** The last result kept for the pool, from any node; empty before the first check. */
	public Optional<ReadinessReport> last(String poolFqdn) {
		return topology.findPool(poolFqdn).flatMap(pool -> store.last(pool.fqdn()));
	}

}
