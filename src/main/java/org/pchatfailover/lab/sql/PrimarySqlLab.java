package org.pchatfailover.lab.sql;

import java.util.List;

import org.pchatfailover.lab.sql.engine.LabScenarios;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.LabSqlState;
import org.pchatfailover.lab.sql.engine.LabStateStore;

/**
 * The lab's primary SQL Server ({@code atl-sql-001.litwareinc.com\PCHAT}) as the failback article finds it: the
 * primary data centre "has been recovered from total outage", and the mgc and mgccomp databases "have been rebuilt
 * and reinstalled by using Topology Builder" (Lync Server 2013, "Failing back Persistent Chat Server"). So it holds
 * an empty {@code mgc} and {@code mgccomp}, both ONLINE, and no log-shipping rows in msdb: what a failback overwrites
 * and log-ships from again. It is a second TDS endpoint with its own state, so a DBA points own tools at it.
 */
public class PrimarySqlLab implements AutoCloseable {

	/** The lab scenario of this instance: rebuilt after the outage, waiting for the failback. */
	public static final String PRIMARY_REBUILT = "primary-rebuilt";

	/** The compliance database Topology Builder reinstalls beside mgc. */
	public static final String COMPLIANCE_DATABASE = "mgccomp";

	private final LabStateStore store;

	private final LabSqlServer server;

	private final String serverName;

	public PrimarySqlLab(LabStateStore store, LabSqlServer server, String serverName) {
		this.store = store;
		this.server = server;
		this.serverName = serverName;
	}

	/** Loads the state kept on disk, or starts rebuilt on first start; then listens. */
	public void start() {
		if (!store.load()) {
			store.replace(rebuilt());
		}
		server.start();
	}

	/**
	 * Scenario {@code primary-rebuilt}: the instance as Topology Builder leaves it after the rebuild. Live connections
	 * are dropped, as after a reinstall.
	 */
	public synchronized void rebuild() {
		server.goDown();
		store.replace(rebuilt());
		server.comeUp();
	}

	/**
	 * Lab fault {@code primary-not-sysadmin}: the lab login loses sysadmin on this instance (it keeps CREATE ANY
	 * DATABASE and reading msdb), so the log-shipping setup procedures refuse it with 21089; or it is sysadmin again.
	 * Databases and msdb rows stay as they are.
	 */
	public void withdrawSysadmin(boolean withdraw) {
		store.change(state -> {
			state.logins.removeIf(l -> l.login().equalsIgnoreCase(LabSqlEngine.LOGIN));
			if (withdraw) {
				state.logins.add(new LabSqlState.LoginRights(LabSqlEngine.LOGIN, List.of(),
						List.of("CREATE ANY DATABASE"), List.of(), List.of("msdb")));
			}
			return null;
		});
	}

	/** Each database with its state, as {@code sys.databases} shows it. */
	public List<LabSqlSnapshot.DatabaseState> databases() {
		return store.read(s -> s.databases.stream()
			.map(d -> new LabSqlSnapshot.DatabaseState(d.name(), d.state(), d.redoStartLsn(), d.standby(),
					null, null, null, null))
			.toList());
	}

	/** {@code host:port} to point own tools at. */
	public String endpoint() {
		return server.endpoint();
	}

	public String serverName() {
		return serverName;
	}

	@Override
	public void close() {
		server.close();
	}

	static LabSqlState rebuilt() {
		LabSqlState state = LabSqlState.systemDatabasesOnly(PRIMARY_REBUILT);
		// Topology Builder creates both databases empty and ONLINE (no redo LSN: nothing is being restored)
		state.databases.add(new LabSqlState.Database(5, LabScenarios.DATABASE, "ONLINE", null));
		state.databases.add(new LabSqlState.Database(6, COMPLIANCE_DATABASE, "ONLINE", null));
		return state;
	}

}
