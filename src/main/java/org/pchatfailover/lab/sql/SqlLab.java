package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.pchatfailover.lab.sql.engine.LabScenarios;
import org.pchatfailover.lab.sql.engine.LabScenarios.Scenario;
import org.pchatfailover.lab.sql.engine.LabSizing;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.LabSqlState;
import org.pchatfailover.lab.sql.engine.LabStateStore;
import org.pchatfailover.lab.sql.engine.SqlSession;

/**
 * Control of the lab's backup SQL Server: start it with its saved state (or a scenario when it has none), reset
 * it to a scenario, read what a DBA would check, and switch its faults on and off without touching its databases:
 * the instance refusing connections, the primary's share unreachable, a torn copy in the copy destination. The REST
 * layer exposes {@link #reset} as {@code POST /api/lab/scenarios/{name}}, {@link #state} in {@code GET /api/lab/state}
 * and the faults as {@code POST/DELETE /api/lab/faults/{name}}.
 */
public class SqlLab implements AutoCloseable {

	private final LabStateStore store;

	private final LabScenarios scenarios;

	private final LabSqlEngine engine;

	private final LabSqlServer server;

	private final Path share;

	private final Path copy;

	private final ShareOutage shareOutage;

	private final TornCopy tornCopy;

	// lab fault sql-down: the instance refuses connections whatever its state says
	private volatile boolean refusing;

	public SqlLab(LabStateStore store, LabScenarios scenarios, LabSqlEngine engine, LabSqlServer server, Path share,
			Path copy) {
		this.store = store;
		this.scenarios = scenarios;
		this.engine = engine;
		this.server = server;
		this.share = share;
		this.copy = copy;
		this.shareOutage = new ShareOutage(share);
		this.tornCopy = new TornCopy(copy, copy.resolveSibling("faults").resolve("torn-copy"));
	}

	/**
	 * Loads the state kept on disk, or resets to {@code initialScenario} on first start (to {@code normal} when
	 * that scenario concerns only the Lync side, e.g. {@code cmdlet-failure}); then listens.
	 */
	public void start(String initialScenario) {
		if (!store.load()) {
			String scenario = scenarioNames().contains(initialScenario) ? initialScenario : Scenario.NORMAL.label();
			store.replace(scenarios.build(Scenario.of(scenario)));
		}
		server.start(); // bind even when down: a port 0 is chosen once and kept for every later "up"
		applyAvailability();
	}

	/** The scenario names {@link #reset} accepts. */
	public static List<String> scenarioNames() {
		return Arrays.stream(Scenario.values()).map(Scenario::label).toList();
	}

	/**
	 * Rebuilds the instance state and the share and copy folders for a scenario; live connections to the lab are
	 * dropped, as a drill starts from a freshly started instance, and its faults are switched off.
	 *
	 * @throws IllegalArgumentException for a name not in {@link #scenarioNames()}
	 */
	public synchronized void reset(String scenario) {
		reset(scenario, LabSizing.DEFAULT);
	}

	/** As {@link #reset(String)}, with as many log backups, and reads and restores as slow, as {@code sizing} says. */
	public synchronized void reset(String scenario, LabSizing sizing) {
		Scenario chosen = Scenario.of(scenario); // before anything changes
		refusing = false;
		shareOutage.end();
		tornCopy.mend();
		LabSqlState state = scenarios.build(chosen, sizing);
		server.goDown();
		store.replace(state);
		applyAvailability();
	}

	/**
	 * Lab fault {@code sql-down}: the instance refuses connections (live ones are dropped), or serves them again unless
	 * its scenario has it down. Its databases stay as they are.
	 */
	public synchronized void refuseConnections(boolean refuse) {
		refusing = refuse;
		applyAvailability();
	}

	/** Lab fault {@code share-unreachable}: the primary's backup share cannot be listed or read, or can again. */
	public synchronized void shareReachable(boolean reachable) {
		if (reachable) {
			shareOutage.end();
		}
		else {
			shareOutage.begin();
		}
	}

	/**
	 * Lab fault {@code torn-copy}: the copy job's copy of the next log backup mgc needs is torn, see {@link TornCopy}.
	 * @return what was torn, in words
	 */
	public synchronized String tearCopy() {
		String redo = store.read(s -> s.databases.stream()
			.filter(d -> d.name().equalsIgnoreCase(LabScenarios.DATABASE))
			.map(LabSqlState.Database::redoStartLsn)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null));
		return tornCopy.tear(LabScenarios.DATABASE, redo == null ? null : new BigInteger(redo));
	}

	/** Switches {@code torn-copy} off: the whole copy is back, unless something replaced the torn one already. */
	public synchronized void mendCopy() {
		tornCopy.mend();
	}

	public LabSqlSnapshot state() {
		List<LabSqlSnapshot.Session> live = engine.liveSessions().stream().map(SqlLab::live).toList();
		return store.read(s -> new LabSqlSnapshot(server.endpoint(), s.instanceDown || refusing, s.scenario,
				s.databases.stream().map(d -> database(d, s.mirroringOf(d.id()), interrupted(s, d))).toList(),
				s.logShippingSecondaryDatabases.stream().map(d -> logShipping(s, d)).toList(),
				s.restoreHistory.stream().map(r -> new LabSqlSnapshot.Restore(r.restoreDate(), r.destinationDatabase(),
						r.restoreType(), r.physicalDeviceName(), r.firstLsn(), r.lastLsn(), r.recovery())).toList(),
				Stream.concat(s.sessions.stream().map(c -> new LabSqlSnapshot.Session(c.sessionId(), c.database(),
						c.loginName(), c.hostName(), c.programName(), false)), live.stream()).toList(),
				files(share), files(copy), s.sizing == null ? LabSizing.DEFAULT : s.sizing));
	}

	/** {@code address:port} of the TDS endpoint. */
	public String endpoint() {
		return server.endpoint();
	}

	/** Every request the instance received, for tests that prove what reached the server. */
	public List<LabSqlEngine.ReceivedRequest> receivedRequests() {
		return engine.receivedRequests();
	}

	@Override
	public void close() {
		server.close();
	}

	private void applyAvailability() {
		if (refusing || store.read(s -> s.instanceDown)) {
			server.goDown();
		}
		else {
			server.comeUp();
		}
	}

	private static LabSqlSnapshot.DatabaseState database(LabSqlState.Database d, LabSqlState.Mirroring m,
			String interruptedRestore) {
		return new LabSqlSnapshot.DatabaseState(d.name(), d.state(), d.redoStartLsn(), d.standby(),
				m == null ? null : m.role(), m == null ? null : m.state(), m == null ? null : m.partnerInstance(),
				interruptedRestore);
	}

	private static String interrupted(LabSqlState s, LabSqlState.Database d) {
		return s.interruptedRestores.stream().filter(r -> r.database().equalsIgnoreCase(d.name()))
			.map(LabSqlState.InterruptedRestore::device).findFirst().orElse(null);
	}

	private static LabSqlSnapshot.LogShipping logShipping(LabSqlState s, LabSqlState.LogShippingSecondaryDatabase d) {
		LabSqlState.LogShippingSecondary secondary = s.logShippingSecondary.stream()
			.filter(x -> x.secondaryId().equals(d.secondaryId())).findFirst().orElse(null);
		return new LabSqlSnapshot.LogShipping(d.secondaryDatabase(),
				secondary == null ? null : secondary.primaryServer(),
				secondary == null ? null : secondary.backupSourceDirectory(),
				secondary == null ? null : secondary.backupDestinationDirectory(),
				secondary == null ? null : secondary.lastCopiedFile(), d.lastRestoredFile());
	}

	private static LabSqlSnapshot.Session live(SqlSession s) {
		return new LabSqlSnapshot.Session(s.spid(), s.database(), s.login(), s.hostName(), s.programName(), true);
	}

	private static List<String> files(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list lab folder " + folder, ex);
		}
	}

}
