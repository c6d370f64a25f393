package org.pchatfailover.lab.sql;

import org.pchatfailover.lab.sql.engine.LabSqlState;
import org.pchatfailover.lab.sql.engine.LabStateStore;

/**
 * The lab's backup mirror SQL Server ({@code dal-sql-mr.litwareinc.com\PCHAT}): the instance Install-CsMirrorDatabase
 * will make the mirror of the new principal. Before the failover it holds only its system databases; it is here so
 * that a login to it can be checked, as on the real estate, and so DBAs can point their tools at it.
 */
public class MirrorSqlLab implements AutoCloseable {

	private final LabStateStore store;

	private final LabSqlServer server;

	private final String serverName;

	public MirrorSqlLab(LabStateStore store, LabSqlServer server, String serverName) {
		this.store = store;
		this.server = server;
		this.serverName = serverName;
	}

	/** Loads the state kept on disk, or installs a fresh instance on first start; then listens. */
	public void start() {
		if (!store.load()) {
			store.replace(LabSqlState.systemDatabasesOnly("normal"));
		}
		server.start();
	}

	/** {@code host:port} to point own tools at. */
	public String endpoint() {
		return server.endpoint();
	}

	public String serverName() {
		return serverName;
	}

	/** Lab fault {@code mirror-sql-down}: the instance refuses connections (live ones are dropped), or serves again. */
	public void refuseConnections(boolean refuse) {
		if (refuse) {
			server.goDown();
		}
		else {
			server.comeUp();
		}
	}

	@Override
	public void close() {
		server.close();
	}

}
