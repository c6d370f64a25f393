package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.LabSecretFiles;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.sql.engine.BackupDevices;
import org.pchatfailover.lab.sql.engine.LabScenarios;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.LabStateStore;
import org.pchatfailover.lab.sql.engine.LogShippedServerIdentities;
import org.pchatfailover.lab.sql.engine.PersistentChatServers;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Starts the lab's backup SQL Server ({@code dal-sql-bk.litwareinc.com\PCHAT}) in the {@code lab} profile on
 * {@code pchat.lab.bind-address:pchat.lab.sql-port}, with its state, share and copy folders under
 * {@code pchat.lab.dir}. The UNC names match the pool's {@code shares} in {@code application-lab.yml}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("lab")
@ConditionalOnProperty(prefix = "pchat.lab", name = "servers", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(LabProperties.class)
class LabSqlConfiguration {

	/** The primary's log backup share, as msdb's backup_source_directory names it. */
	static final String SHARE_UNC = "\\\\atl-sql-001.litwareinc.com\\logship";

	/** The copy destination on the backup instance, as msdb's backup_destination_directory names it. */
	static final String COPY_UNC = "\\\\dal-sql-bk.litwareinc.com\\logship-copy";

	static final String SERVER_NAME = "DAL-SQL-BK\\PCHAT";

	/** The backup instance's host, as the lab pool names it (backup-sql.fqdn). */
	static final String BACKUP_FQDN = "dal-sql-bk.litwareinc.com";

	/** The backup mirror's host (backup-mirror-sql.fqdn), when no pool is configured. */
	static final String MIRROR_FQDN = "dal-sql-mr.litwareinc.com";

	/** Where an instance keeps its certificate, under its state folder: {@code <lab dir>/sql/tls}. */
	static final String TLS_DIR = "tls";

	/** The primary instance's host (primary-sql.fqdn), when no pool is configured. */
	static final String PRIMARY_FQDN = "atl-sql-001.litwareinc.com";

	/** The primary's Windows host is in Atlanta: GETDATE() and backup dates are in its zone. */
	static final ZoneId PRIMARY_ZONE = ZoneId.of("America/New_York");

	static final String MIRROR_SERVER_NAME = "DAL-SQL-MR\\PCHAT";

	private static final Logger log = LoggerFactory.getLogger(LabSqlConfiguration.class);

	@Bean(destroyMethod = "close")
	SqlLab sqlLab(LabProperties properties, ObjectProvider<Topology> topology, ObjectProvider<LabLyncShell> lync)
			throws IOException {
		ServerVersion version = ServerVersion.parse(properties.sqlServerVersion());
		Path dir = properties.dir().toAbsolutePath().normalize();
		Path share = dir.resolve("share");
		Path copy = dir.resolve("copy");
		String password = labPassword(dir.resolve("secrets").resolve("sql.password"));
		Map<String, Path> shares = new LinkedHashMap<>();
		shares.put(SHARE_UNC, share);
		shares.put(COPY_UNC, copy);
		LabStateStore store = new LabStateStore(dir.resolve("sql").resolve("state.json"));
		// mgc.dbo.tblServerIdentity: the rows log shipping brought, then the pings of the servers the Lync shell activated
		PersistentChatServers persistentChatServers = new LiveServerPings(
				topology.getIfAvailable() == null ? List.of() : topology.getIfAvailable().pools(),
				() -> lync.getIfAvailable() == null ? null : lync.getIfAvailable().state(),
				new LogShippedServerIdentities(primaryServers(topology.getIfAvailable())));
		// the primary's share is in Atlanta, across the WAN from the backup instance
		LabSqlEngine engine = new LabSqlEngine(store, new BackupDevices(shares, Set.of(SHARE_UNC)), SERVER_NAME,
				password, Clock.system(properties.sqlServerZone()), version,
				LabSqlEngine.partnerInstances(mirrors(topology.getIfAvailable())), persistentChatServers);
		String fqdn = topology.getIfAvailable() == null || topology.getIfAvailable().pools().isEmpty() ? BACKUP_FQDN
				: topology.getIfAvailable().pools().get(0).backupSql().fqdn();
		LabCertificate certificate = certificate(dir.resolve("sql").resolve(TLS_DIR), fqdn, properties);
		LabSqlServer server = new LabSqlServer(engine, address(properties.bindAddress()), properties.sqlPort(),
				certificate.serverContext(), LabSqlServer.READ_TIMEOUT);
		SqlLab lab = new SqlLab(store, new LabScenarios(share, SHARE_UNC, copy, COPY_UNC, Clock.systemUTC()), engine,
				server, share, copy);
		lab.start(properties.scenario());
		log.info("lab SQL Server {} ({}) listening on {} (login lab, state in {}, TLS certificate {})", SERVER_NAME,
				version, lab.endpoint(), dir, certificate.certificateFile());
		return lab;
	}

	/** A lab SQL Server of its own for each further pool on a port of its own (load tests, two nodes). */
	@Bean(destroyMethod = "close")
	PoolSqlLabs poolSqlLabs(LabProperties properties, ObjectProvider<Topology> topology,
			ObjectProvider<LabLyncShell> lync) {
		Path dir = properties.dir().toAbsolutePath().normalize();
		PoolSqlLabs labs = PoolSqlLabs.start(properties, topology.getIfAvailable(),
				() -> lync.getIfAvailable() == null ? null : lync.getIfAvailable().state(),
				labPassword(dir.resolve("secrets").resolve("sql.password")));
		if (labs.size() > 0) {
			log.info("lab SQL Servers of {} further pool(s) listening on the ports of their backup-sql URLs", labs.size());
		}
		return labs;
	}

	/**
	 * The backup mirror instance of the (first) lab pool, on {@code pchat.lab.mirror-sql-port}: the same SQL Server
	 * simulation with its own state, answering as the mirror's {@code @@SERVERNAME}.
	 */
	@Bean(destroyMethod = "close")
	MirrorSqlLab mirrorSqlLab(LabProperties properties, ObjectProvider<Topology> topology) throws IOException {
		Path dir = properties.dir().toAbsolutePath().normalize();
		String password = labPassword(dir.resolve("secrets").resolve("sql.password"));
		String serverName = mirrors(topology.getIfAvailable()).values().stream().findFirst().orElse(MIRROR_SERVER_NAME);
		LabStateStore store = new LabStateStore(dir.resolve("sql-mirror").resolve("state.json"));
		LabSqlEngine engine = new LabSqlEngine(store, new BackupDevices(Map.of()), serverName, password,
				Clock.system(properties.sqlServerZone()), ServerVersion.parse(properties.sqlServerVersion()));
		String fqdn = topology.getIfAvailable() == null || topology.getIfAvailable().pools().isEmpty() ? MIRROR_FQDN
				: topology.getIfAvailable().pools().get(0).backupMirrorSql().fqdn();
		LabCertificate certificate = certificate(dir.resolve("sql-mirror").resolve(TLS_DIR), fqdn, properties);
		MirrorSqlLab mirror = new MirrorSqlLab(store, new LabSqlServer(engine, address(properties.bindAddress()),
				properties.mirrorSqlPort(), certificate.serverContext(), LabSqlServer.READ_TIMEOUT), serverName);
		mirror.start();
		log.info("lab SQL Server {} (the backup mirror) listening on {}", serverName, mirror.endpoint());
		return mirror;
	}

	/**
	 * The primary instance of the (first) lab pool, on {@code pchat.lab.primary-sql-port}: rebuilt after the outage
	 * (see {@link PrimarySqlLab}), with its own state; its own log backup share is the one the backup instance's copy
	 * job reads, so a backup written there is on the primary's disk.
	 */
	@Bean(destroyMethod = "close")
	PrimarySqlLab primarySqlLab(LabProperties properties, ObjectProvider<Topology> topology) throws IOException {
		Path dir = properties.dir().toAbsolutePath().normalize();
		String password = labPassword(dir.resolve("secrets").resolve("sql.password"));
		Pool.SqlInstance primary = topology.getIfAvailable() == null || topology.getIfAvailable().pools().isEmpty()
				? null : topology.getIfAvailable().pools().get(0).primarySql();
		String fqdn = primary == null ? PRIMARY_FQDN : primary.fqdn();
		String serverName = primary == null ? LabScenarios.PRIMARY_SERVER : serverName(primary);
		LabStateStore store = new LabStateStore(dir.resolve("sql-primary").resolve("state.json"));
		LabSqlEngine engine = new LabSqlEngine(store,
				new BackupDevices(Map.of(SHARE_UNC, dir.resolve("share"), COPY_UNC, dir.resolve("copy"))), serverName,
				password, Clock.system(PRIMARY_ZONE),
				ServerVersion.parse(properties.sqlServerVersion()),
				LabSqlEngine.partnerInstances(primaryMirrors(topology.getIfAvailable())));
		LabCertificate certificate = certificate(dir.resolve("sql-primary").resolve(TLS_DIR), fqdn, properties);
		PrimarySqlLab lab = new PrimarySqlLab(store, new LabSqlServer(engine, address(properties.bindAddress()),
				properties.primarySqlPort(), certificate.serverContext(), LabSqlServer.READ_TIMEOUT), serverName);
		lab.start();
		log.info("lab SQL Server {} (the rebuilt primary) listening on {}", serverName, lab.endpoint());
		return lab;
	}

	/** {@code @@SERVERNAME} of an instance: NetBIOS name, backslash, instance name; the host alone by default. */
	private static String serverName(Pool.SqlInstance instance) {
		String host = instance.fqdn().split("\\.")[0].toUpperCase(Locale.ROOT);
		boolean named = instance.instance() != null && !instance.instance().isBlank();
		return named ? host + "\\" + instance.instance().toUpperCase(Locale.ROOT) : host;
	}

	/**
	 * The instance's self-signed certificate under the lab folder, for its host FQDN and the names the lab is reached
	 * by: loopback, {@code pchat.lab.host} and {@code pchat.lab.advertised-hosts}.
	 */
	private static LabCertificate certificate(Path dir, String fqdn, LabProperties properties) {
		List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", properties.host()));
		names.addAll(properties.advertisedHosts());
		return LabCertificate.loadOrCreate(dir, fqdn, names, Clock.systemUTC());
	}

	/**
	 * The configured mirrors' {@code @@SERVERNAME}s (NetBIOS name\instance), for sys.database_mirroring; none
	 * without pools (the lab SQL Server started on its own).
	 */
	/** The primary's mirror by host FQDN, so the rebuilt primary names it as a real partner would after SET PARTNER. */
	static Map<String, String> primaryMirrors(Topology topology) {
		Map<String, String> names = new LinkedHashMap<>();
		if (topology != null) {
			topology.pools().stream().filter(pool -> pool.primaryMirrorSql() != null)
				.forEach(pool -> names.put(pool.primaryMirrorSql().fqdn(), serverName(pool.primaryMirrorSql())));
		}
		return names;
	}

	static Map<String, String> mirrors(Topology topology) {
		Map<String, String> names = new LinkedHashMap<>();
		if (topology == null) {
			return names;
		}
		for (Pool pool : topology.pools()) {
			Pool.SqlInstance mirror = pool.backupMirrorSql();
			String host = mirror.fqdn().split("\\.")[0].toUpperCase(Locale.ROOT);
			boolean named = mirror.instance() != null && !mirror.instance().isBlank();
			names.put(mirror.fqdn(), named ? host + "\\" + mirror.instance().toUpperCase(Locale.ROOT) : host);
		}
		return names;
	}

	/**
	 * The Persistent Chat servers outside the backup data centre (Atlanta in the lab pool): the ones whose pings log
	 * shipping brings into the backup mgc. None without pools.
	 */
	static List<String> primaryServers(Topology topology) {
		if (topology == null) {
			return List.of();
		}
		return topology.pools().stream()
			.flatMap(pool -> pool.activeServerCandidates().stream()
				.filter(server -> !server.dataCenter().equalsIgnoreCase(pool.backupDataCenter())))
			.map(Pool.ActiveServerCandidate::fqdn).toList();
	}

	/**
	 * The product reads the SQL password from this file (pool password-file); the lab login is a drill secret, kept
	 * owner-only like any secret file.
	 */
	private static String labPassword(Path file) {
		return LabSecretFiles.readOrCreate(file, LabSqlEngine.LOGIN);
	}

	private static InetAddress address(String bindAddress) throws UnknownHostException {
		return InetAddress.getByName(bindAddress);
	}

}
