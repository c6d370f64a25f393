package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState;
import org.pchatfailover.lab.sql.engine.BackupDevices;
import org.pchatfailover.lab.sql.engine.LabScenarios;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.LabStateStore;
import org.pchatfailover.lab.sql.engine.LogShippedServerIdentities;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.topology.PchatProperties;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;

/**
 * More pools for load tests and the two-node test: every configured pool after the first whose backup SQL Server URL
 * names this lab's host and a port of its own gets a lab SQL Server of its own on that port, a backup instance
 * with its own {@code mgc}, msdb and restore history, started in the {@code normal} scenario. Its share and copy
 * destination are the folders the pool's {@code shares} map the lab's two UNC names to, and its state is kept
 * beside them. The first pool is the lab's own ({@code pchat.lab.sql-port}), which the lab API resets and shows;
 * these are read on their own ports and in their folders.
 */
final class PoolSqlLabs implements AutoCloseable {

	private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:sqlserver://([^:;/\\\\]+):(\\d+)");

	private final List<SqlLab> labs;

	private PoolSqlLabs(List<SqlLab> labs) {
		this.labs = List.copyOf(labs);
	}

	static PoolSqlLabs start(LabProperties properties, Topology topology, Supplier<LabLyncState> lync, String password) {
		List<SqlLab> labs = new ArrayList<>();
		List<Pool> pools = (topology == null) ? List.of() : topology.pools();
		for (Pool pool : pools.subList(Math.min(1, pools.size()), pools.size())) {
			Optional<Integer> port = ownPort(pool, properties);
			Optional<Path> share = folder(pool, LabSqlConfiguration.SHARE_UNC);
			Optional<Path> copy = folder(pool, LabSqlConfiguration.COPY_UNC);
			if (port.isPresent() && share.isPresent() && copy.isPresent()) {
				labs.add(start(pool, port.get(), share.get(), copy.get(), properties, lync, password));
			}
		}
		return new PoolSqlLabs(labs);
	}

	int size() {
		return labs.size();
	}

	@Override
	public void close() {
		labs.forEach(SqlLab::close);
	}

	private static SqlLab start(Pool pool, int port, Path share, Path copy, LabProperties properties,
			Supplier<LabLyncState> lync, String password) {
		Path dir = share.getParent();
		Topology own = new Topology(new PchatProperties(List.of(pool)));
		String host = pool.backupSql().fqdn().split("\\.")[0].toUpperCase(Locale.ROOT);
		String instance = pool.backupSql().instance();
		String serverName = (instance == null || instance.isBlank()) ? host : host + "\\" + instance.toUpperCase(Locale.ROOT);
		Map<String, Path> shares = new LinkedHashMap<>();
		shares.put(LabSqlConfiguration.SHARE_UNC, share);
		shares.put(LabSqlConfiguration.COPY_UNC, copy);
		LabStateStore store = new LabStateStore(dir.resolve("sql").resolve("state.json"));
		LabSqlEngine engine = new LabSqlEngine(store, new BackupDevices(shares, Set.of(LabSqlConfiguration.SHARE_UNC)),
				serverName, password, Clock.system(properties.sqlServerZone()),
				ServerVersion.parse(properties.sqlServerVersion()),
				LabSqlEngine.partnerInstances(LabSqlConfiguration.mirrors(own)),
				new LiveServerPings(own.pools(), lync,
						new LogShippedServerIdentities(LabSqlConfiguration.primaryServers(own))));
		LabCertificate certificate = LabCertificate.loadOrCreate(dir.resolve("sql").resolve(LabSqlConfiguration.TLS_DIR),
				pool.backupSql().fqdn(), List.of("localhost", "127.0.0.1", properties.host()), Clock.systemUTC());
		try {
			LabSqlServer server = new LabSqlServer(engine, InetAddress.getByName(properties.bindAddress()), port,
					certificate.serverContext(), LabSqlServer.READ_TIMEOUT);
			SqlLab lab = new SqlLab(store, new LabScenarios(share, LabSqlConfiguration.SHARE_UNC, copy,
					LabSqlConfiguration.COPY_UNC, Clock.systemUTC()), engine, server, share, copy);
			lab.start(LabScenarios.Scenario.NORMAL.label());
			return lab;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the lab SQL Server of pool " + pool.fqdn(), ex);
		}
	}

	/** The port of the pool's backup SQL URL, if it names this lab's host and is not the lab's own instance. */
	private static Optional<Integer> ownPort(Pool pool, LabProperties properties) {
		Matcher url = HOST_AND_PORT.matcher(pool.backupSql().jdbcUrl());
		if (!url.find()) {
			return Optional.empty();
		}
		String host = url.group(1);
		int port = Integer.parseInt(url.group(2));
		boolean ours = host.equals(properties.host()) || host.equals("127.0.0.1") || host.equals("localhost");
		return (ours && port != properties.sqlPort() && port != properties.mirrorSqlPort()) ? Optional.of(port)
				: Optional.empty();
	}

	private static Optional<Path> folder(Pool pool, String uncPrefix) {
		return pool.shares().stream().filter(share -> share.uncPrefix().equalsIgnoreCase(uncPrefix))
			.map(share -> Path.of(share.localPath()).toAbsolutePath().normalize()).findFirst();
	}

}
