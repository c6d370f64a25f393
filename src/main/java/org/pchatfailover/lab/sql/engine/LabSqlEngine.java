package org.pchatfailover.lab.sql.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.errors.SqlMessage;

/**
 * The simulated SQL Server instance behind the lab's TDS endpoint: logins, batches, procedure calls, and a record
 * of every request received (so tests can prove what reached the server, and how).
 */
public class LabSqlEngine {

	/** The lab's only SQL login; the password is written to the lab's secrets folder for the product to read. */
	public static final String LOGIN = "lab";

	private static final int REQUEST_LOG_SIZE = 2000;

	private final LabStateStore store;

	private final String serverName;

	private final String password;

	private final Clock clock;

	private final SessionRegistry sessions = new SessionRegistry();

	private final ServerVersion version;

	private final SystemViews views;

	private final RestoreExecutor restores;

	private final LabPrincipalMirroring mirroring;

	private final Procedures procedures = new Procedures(this);

	private final Deque<ReceivedRequest> requests = new ArrayDeque<>();

	/**
	 * @param serverName {@code @@SERVERNAME}, e.g. {@code DAL-SQL-BK\PCHAT}
	 * @param password the password of the {@code lab} login
	 * @param clock the instance's clock; its zone is the Windows time zone of the server, in which SQL Server
	 * shows every {@code datetime} (GETDATE(), BackupFinishDate, msdb dates)
	 */
	public LabSqlEngine(LabStateStore store, BackupDevices devices, String serverName, String password, Clock clock) {
		this(store, devices, serverName, password, clock, ServerVersion.DEFAULT);
	}

	/** @param version the SQL Server build the instance answers as: version text and catalog differences */
	public LabSqlEngine(LabStateStore store, BackupDevices devices, String serverName, String password, Clock clock,
			ServerVersion version) {
		this(store, devices, serverName, password, clock, version, partnerInstances(Map.of()));
	}

	/**
	 * @param partnerInstances the {@code @@SERVERNAME} of the SQL Server on a host FQDN (lower case), shown as
	 * {@code mirroring_partner_instance} of a session with that host
	 */
	public LabSqlEngine(LabStateStore store, BackupDevices devices, String serverName, String password, Clock clock,
			ServerVersion version, Function<String, String> partnerInstances) {
		this(store, devices, serverName, password, clock, version, partnerInstances,
				new LogShippedServerIdentities(List.of()));
	}

	/**
	 * @param persistentChatServers who fills dbo.tblServerIdentity of mgc: {@link LogShippedServerIdentities} for the
	 * rows log shipping brought from the primary, or live pings of the lab's Persistent Chat servers
	 */
	public LabSqlEngine(LabStateStore store, BackupDevices devices, String serverName, String password, Clock clock,
			ServerVersion version, Function<String, String> partnerInstances,
			PersistentChatServers persistentChatServers) {
		this.store = store;
		this.mirroring = new LabPrincipalMirroring(partnerInstances);
		this.version = version;
		this.views = new SystemViews(sessions, version, persistentChatServers, clock);
		this.serverName = serverName;
		this.password = password;
		this.clock = clock;
		this.restores = new RestoreExecutor(store, devices, clock, serverName);
	}

	/**
	 * How the instance names a mirroring partner: the known {@code @@SERVERNAME} of a host FQDN, else the host's
	 * default instance (its NetBIOS name).
	 * @param byHostFqdn server names by host FQDN, any case
	 */
	public static Function<String, String> partnerInstances(Map<String, String> byHostFqdn) {
		Map<String, String> known = new HashMap<>();
		byHostFqdn.forEach((host, name) -> known.put(host.toLowerCase(Locale.ROOT), name));
		return host -> known.getOrDefault(host, LabPrincipalMirroring.defaultInstance(host));
	}

	/**
	 * A request as the server received it, before parsing.
	 *
	 * @param kind {@code BATCH} (SQL text) or {@code RPC} (procedure call)
	 * @param text the batch text or the procedure name
	 * @param params RPC parameters in the order sent, empty for a batch
	 */
	public record ReceivedRequest(int spid, String kind, String text, List<Param> params) {
	}

	public SqlSession connect(String user, String givenPassword, String database, String app, String host,
			Runnable kill) {
		return connect(user, givenPassword, database, app, host, false, kill);
	}

	/** @param encrypted TLS carries the whole connection, as sys.dm_exec_connections.encrypt_option tells */
	public SqlSession connect(String user, String givenPassword, String database, String app, String host,
			boolean encrypted, Runnable kill) {
		if (!LOGIN.equalsIgnoreCase(user) || !password.equals(givenPassword)) {
			throw new SqlException(SqlErrors.loginFailed(user));
		}
		String initial = (database == null || database.isBlank()) ? "master" : database;
		return store.read(state -> {
			Database target = state.database(initial);
			if (target == null || !"ONLINE".equals(target.state())) {
				throw new SqlException(SqlErrors.cannotOpenDatabase(initial), SqlErrors.loginFailed(user));
			}
			return sessions.open(state, user, host, app, target.name(), encrypted, kill);
		});
	}

	public void disconnect(SqlSession session) {
		sessions.close(session);
	}

	public List<Outcome> batch(SqlSession session, String sql) {
		remember(new ReceivedRequest(session.spid(), "BATCH", sql, List.of()));
		return serverTime(new StatementExecutor(this, session, StatementExecutor.noVariables()).run(sql));
	}

	public List<Outcome> call(SqlSession session, String procedure, List<Param> params) {
		remember(new ReceivedRequest(session.spid(), "RPC", procedure, List.copyOf(params)));
		try {
			return serverTime(procedures.call(session, List.of(procedure), params));
		}
		catch (SqlException ex) {
			return List.of(new Outcome.Error(ex.messages()));
		}
	}

	/**
	 * A TDS transaction manager request (TM_BEGIN_XACT, TM_COMMIT_XACT, TM_ROLLBACK_XACT): its ENVCHANGEs, or the
	 * error (3902, 3903 without a transaction).
	 */
	public List<Outcome> transactionManager(SqlSession session, TransactionRequest request) {
		remember(new ReceivedRequest(session.spid(), "TM", request.kind() + (request.beginAfter() ? "+BEGIN" : ""),
				List.of()));
		try {
			return Transactions.manage(session, request);
		}
		catch (SqlException ex) {
			return List.of(new Outcome.Error(ex.messages()));
		}
	}

	/**
	 * The transaction descriptor of a request's ALL_HEADERS: empty when the request may run, else its error (3989, the
	 * request is not run).
	 */
	public List<Outcome> transactionDescriptor(SqlSession session, long descriptor) {
		return Transactions.checkDescriptor(session, descriptor);
	}

	/** A request type the lab does not simulate (e.g. a transaction manager request). */
	public List<Outcome> unsupported(SqlSession session, String what) {
		remember(new ReceivedRequest(session.spid(), "UNSUPPORTED", what, List.of()));
		return List.of(new Outcome.Error(List.of(SqlErrors.notSimulated(what))));
	}

	/** Every request received, oldest first (the most recent {@value #REQUEST_LOG_SIZE}). */
	public List<ReceivedRequest> receivedRequests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	public String serverName() {
		return serverName;
	}

	public ServerVersion version() {
		return version;
	}

	Clock clock() {
		return clock;
	}

	/**
	 * The lab keeps instants; a datetime has no zone and SQL Server writes its local wall-clock time, so clients
	 * (and the product's offset handling) see what a real instance in that zone would send.
	 */
	private List<Outcome> serverTime(List<Outcome> outcomes) {
		return outcomes.stream().map(o -> o instanceof Outcome.Rows rows ? new Outcome.Rows(rows.columns(),
				rows.rows().stream().map(row -> row.stream().map(this::local).toList()).toList(), rows.counted())
				: o).toList();
	}

	private Object local(Object value) {
		return value instanceof Instant instant ? LocalDateTime.ofInstant(instant, clock.getZone()) : value;
	}

	public static SqlMessage changedDatabase(String database) {
		return new SqlMessage(5701, 0, 2, "Changed database context to '" + database + "'.");
	}

	public static SqlMessage changedLanguage() {
		return new SqlMessage(5703, 0, 1, "Changed language setting to us_english.");
	}

	Outcome use(SqlSession session, String database) {
		return store.read(state -> {
			Database target = state.database(database);
			if (target == null) {
				throw new SqlException(SqlErrors.databaseNotFound(database));
			}
			if ("RESTORING".equals(target.state())) {
				throw new SqlException(SqlErrors.databaseRestoring(target.name()));
			}
			String from = session.database();
			session.database(target.name().toLowerCase(Locale.ROOT).equals("master") ? "master" : target.name());
			return new Outcome.DatabaseChanged(from, session.database());
		});
	}

	LabStateStore store() {
		return store;
	}

	SessionRegistry sessions() {
		return sessions;
	}

	SystemViews views() {
		return views;
	}

	RestoreExecutor restores() {
		return restores;
	}

	LabPrincipalMirroring mirroring() {
		return mirroring;
	}

	Procedures procedures() {
		return procedures;
	}

	/** Live sessions, for the lab's state snapshot. */
	public List<SqlSession> liveSessions() {
		List<SqlSession> live = new java.util.ArrayList<>();
		sessions.live().forEach(live::add);
		return live;
	}

	private void remember(ReceivedRequest request) {
		synchronized (requests) {
			requests.addLast(request);
			while (requests.size() > REQUEST_LOG_SIZE) {
				requests.removeFirst();
			}
		}
	}

}
