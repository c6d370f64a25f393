package org.pchatfailover.ticketing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pchatfailover.failback.FailbackVariables;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a failover for a ticket exactly once, whatever the number of identical requests and engine nodes:
 * starts for one pool are serialized by a row lock in the engine database, and the ticket is a primary key.
 * The ticket row, the process instance and its first job commit together or not at all.
 */
@Service
class FailoverStarter implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FailoverStarter.class);

	// a concurrent insert of the same ticket loses on the primary key; the retry then finds the winner's row
	private static final int ATTEMPTS = 3;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final IdentityService identity;

	private final Topology topology;

	private final FailoverRegistry registry;

	private final FailoverViews views;

	FailoverStarter(JdbcTemplate jdbc, TransactionTemplate transactions, RuntimeService runtime,
			HistoryService history, IdentityService identity, Topology topology, FailoverRegistry registry,
			FailoverViews views) {
		this.history = history;
		this.views = views;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.runtime = runtime;
		this.identity = identity;
		this.topology = topology;
		this.registry = registry;
	}

	/**
	 * @param created true when this call started the failover, false when the ticket had started it before
	 * @param view the failover as the start left it when {@code created}, else null (read it, it may have moved on)
	 */
	record Started(String processInstanceId, String ticketId, String poolFqdn, boolean created, FailoverView view) {
	}

	/** A lock row per configured pool, so that starts can lock it; inserted once, on any node. */
	@Override
	public void run(ApplicationArguments args) {
		for (Pool pool : topology.pools()) {
			try {
				jdbc.update("INSERT INTO PCHAT_POOL_LOCK (POOL_FQDN_) SELECT ? WHERE NOT EXISTS "
						+ "(SELECT 1 FROM PCHAT_POOL_LOCK WHERE POOL_FQDN_ = ?)", pool.fqdn(), pool.fqdn());
			}
			catch (DuplicateKeyException ex) {
				log.debug("pool lock row of {} inserted by another node", pool.fqdn());
			}
		}
	}

	Started start(FailoverRequest request, String startedBy) {
		return start(FailoverVariables.PROCESS_ID, request, startedBy);
	}

	/**
	 * @param processKey {@code persistentChatFailover}, or {@code persistentChatFailback} for a pool configured with
	 * its primary instance and data centre
	 */
	Started start(String processKey, FailoverRequest request, String startedBy) {
		Pool pool = topology.findPool(request.poolFqdn())
			.orElseThrow(() -> new InvalidFieldException("poolFqdn",
					"pool '" + request.poolFqdn() + "' is not configured; known pools: "
							+ topology.pools().stream().map(Pool::fqdn).toList()));
		if (FailbackVariables.PROCESS_ID.equals(processKey) && !pool.canFailBack()) {
			throw new InvalidFieldException("poolFqdn", "pool '" + pool.fqdn() + "' has no primary-sql (with"
					+ " jdbc-url) and primary-data-center in pchat.pools[]: a failback needs the rebuilt primary");
		}
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> startLocked(processKey, request, pool, startedBy));
			}
			catch (RuntimeException ex) {
				// the registration runs inside the engine's start, which may wrap the database's answer
				if (!isDuplicateKey(ex) || attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private Started startLocked(String processKey, FailoverRequest request, Pool pool, String startedBy) {
		registry.lockPool(pool.fqdn());
		Optional<Started> existing = startedBefore(processKey, request, pool);
		if (existing.isPresent()) {
			return existing.get();
		}
		// the pool each failover acts on was fixed at its start; a variable could have been changed since
		Set<String> ofPool = registry.forPool(pool.fqdn())
			.stream()
			.map(FailoverRegistry.Registration::processInstanceId)
			.collect(Collectors.toSet());
		List<ProcessInstance> running = ofPool.isEmpty() ? List.of()
				: unrestricted(() -> runtime.createProcessInstanceQuery().processInstanceIds(ofPool).list());
		if (!running.isEmpty()) {
			ProcessInstance other = running.get(0);
			throw new ConflictException("a failover or failback of pool " + pool.fqdn() + " is already running for ticket "
					+ other.getBusinessKey() + " (" + other.getId() + ")", other.getBusinessKey(), other.getId());
		}
		// the caller's groups were checked by the API; the engine grants no one but admins a start of its own.
		// The process's start listener registers the failover (FailoverRegistration) in this transaction.
		ProcessInstance instance = unrestricted(() -> runtime.startProcessInstanceByKey(processKey,
				request.ticketId(), variables(request, pool, startedBy)));
		log.info("{} {} of pool {} started for ticket {} by {}", processKey, instance.getId(), pool.fqdn(),
				request.ticketId(), startedBy);
		// the answer from this transaction's own rows: no second connection, no authorization joins, three queries
		FailoverView view = unrestricted(
				() -> views.justStarted(processKey, instance.getId(), request.ticketId(), pool.fqdn()));
		return new Started(instance.getId(), request.ticketId(), pool.fqdn(), true, view);
	}

	/** The process the ticket started before, if any; 409 when that was another kind or for another pool. */
	private Optional<Started> startedBefore(String processKey, FailoverRequest request, Pool pool) {
		Optional<FailoverRegistry.Registration> earlier = registry.findByTicket(request.ticketId());
		if (earlier.isPresent()) {
			String kind = processKeyOf(earlier.get().processInstanceId());
			if (!processKey.equals(kind)) {
				// one ticket, one process: the failover and the failback share the registration
				throw new ConflictException("ticket " + request.ticketId() + " already started "
						+ (FailbackVariables.PROCESS_ID.equals(kind) ? "a failback" : "a failover") + " of pool "
						+ earlier.get().poolFqdn() + " (" + earlier.get().processInstanceId() + "); use another ticket",
						earlier.get().ticketId(), earlier.get().processInstanceId());
			}
		}
		if (earlier.isPresent() && !earlier.get().poolFqdn().equals(pool.fqdn())) {
			throw new ConflictException("ticket " + request.ticketId() + " already started the failover of pool "
					+ earlier.get().poolFqdn() + " (" + earlier.get().processInstanceId() + ")",
					earlier.get().ticketId(), earlier.get().processInstanceId());
		}
		return earlier.map(r -> new Started(r.processInstanceId(), r.ticketId(), r.poolFqdn(), false, null));
	}

	private String processKeyOf(String processInstanceId) {
		HistoricProcessInstance instance = unrestricted(() -> history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult());
		return instance == null ? FailoverVariables.PROCESS_ID : instance.getProcessDefinitionKey();
	}

	private static boolean isDuplicateKey(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> variables(FailoverRequest request, Pool pool, String startedBy) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(FailoverVariables.STARTED_BY, startedBy);
		variables.put(FailoverVariables.TICKET_ID, request.ticketId());
		variables.put(FailoverVariables.POOL_FQDN, pool.fqdn());
		variables.put(FailoverVariables.REASON, request.reason());
		variables.put(FailoverVariables.REQUESTED_BY, request.requestedBy());
		if (request.callbackUrl() != null && !request.callbackUrl().isBlank()) {
			variables.put(FailoverVariables.CALLBACK_URL, request.callbackUrl());
		}
		return variables;
	}

	/** Runs without the caller's engine authorizations: whether a failover runs must not depend on them. */
	private <T> T unrestricted(Supplier<T> query) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return query.get();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

}
