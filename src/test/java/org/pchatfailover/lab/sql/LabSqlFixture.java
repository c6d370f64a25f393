package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pchatfailover.lab.sql.engine.BackupDevices;
import org.pchatfailover.lab.sql.engine.LabScenarios;
import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.LabSqlState;
import org.pchatfailover.lab.sql.engine.LabStateStore;
import org.pchatfailover.lab.sql.engine.LogShippedServerIdentities;
import org.pchatfailover.lab.sql.engine.PersistentChatServers;
import org.pchatfailover.lab.sql.engine.ServerVersion;
import org.pchatfailover.topology.Pool;

/**
 * A lab SQL Server on a free loopback port with its state, share and copy folders in a test's temporary
 * folder, plus the lab pool pointing at it: what the adapter tests connect to over real TCP.
 */
public final class LabSqlFixture implements AutoCloseable {

	public static final String SHARE_UNC = LabSqlConfiguration.SHARE_UNC;

	public static final String COPY_UNC = LabSqlConfiguration.COPY_UNC;

	private final Path dir;

	private final LabStateStore store;

	private final LabSqlEngine engine;

	private static LabCertificate certificate;

	private SqlLab lab;

	private Duration readTimeout = LabSqlServer.READ_TIMEOUT;

	private LabSqlServer server;

	/** The lab's default server zone (Dallas), as in {@code LabProperties}: deliberately not UTC. */
	/** The backup store's mirror, the partner Install-CsMirrorDatabase names. */
	public static final String MIRROR_FQDN = "dal-sql-mr.litwareinc.com";

	/** {@code @@SERVERNAME} of the mirror, as sys.database_mirroring names the partner. */
	public static final String MIRROR_SERVER_NAME = "DAL-SQL-MR\\PCHAT";

	public static final ZoneId SERVER_ZONE = ZoneId.of("America/Chicago");

	/** The lab pool's Persistent Chat servers in Atlanta, whose pings log shipping brings into the backup mgc. */
	public static final List<String> PRIMARY_SERVERS = List.of("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com");

	public LabSqlFixture(Path dir, String scenario) {
		this(dir, scenario, SERVER_ZONE);
	}

	public LabSqlFixture(Path dir, String scenario, ZoneId serverZone) {
		this(dir, scenario, serverZone, ServerVersion.DEFAULT);
	}

	public LabSqlFixture(Path dir, String scenario, ZoneId serverZone, ServerVersion version) {
		this(dir, scenario, serverZone, version, new LogShippedServerIdentities(PRIMARY_SERVERS));
	}

	public LabSqlFixture(Path dir, String scenario, ZoneId serverZone, ServerVersion version,
			PersistentChatServers persistentChatServers) {
		this.dir = dir;
		this.store = new LabStateStore(dir.resolve("sql").resolve("state.json"));
		Map<String, Path> shares = new LinkedHashMap<>();
		shares.put(SHARE_UNC, share());
		shares.put(COPY_UNC, copy());
		this.engine = new LabSqlEngine(store, new BackupDevices(shares, Set.of(SHARE_UNC)),
				LabSqlConfiguration.SERVER_NAME, "lab", Clock.system(serverZone), version,
				LabSqlEngine.partnerInstances(Map.of(MIRROR_FQDN, MIRROR_SERVER_NAME)), persistentChatServers);
		start(0, scenario);
	}

	private void start(int port, String scenario) {
		server = new LabSqlServer(engine, InetAddress.getLoopbackAddress(), port, certificate().serverContext(),
				readTimeout);
		lab = new SqlLab(store, new LabScenarios(share(), SHARE_UNC, copy(), COPY_UNC, Clock.systemUTC()), engine,
				server, share(), copy());
		lab.start(scenario);
	}

	/** Stops the server and starts a new one on the same port from the state on disk: an app restart. */
	public void restart() {
		int port = server.port();
		lab.close();
		start(port, "normal");
	}

	/** How many more times a killed front end reconnects: each reconnect makes the next RESTORE meet 3101. */
	public void reconnects(int times) {
		store.update(state -> state.reconnects = times);
	}

	/** The database's RESTORE LOG of {@code device} was interrupted, without a restart-checkpoint file. */
	public void interruptedRestoreOf(String database, String device) {
		store.update(state -> {
			state.interruptedRestores.removeIf(r -> r.database().equalsIgnoreCase(database));
			state.interruptedRestores.add(new LabSqlState.InterruptedRestore(database, device, null));
		});
	}

	public SqlLab lab() {
		return lab;
	}

	public Path share() {
		return dir.resolve("share");
	}

	public Path copy() {
		return dir.resolve("copy");
	}

	public int port() {
		return server.port();
	}

	/** mssql-jdbc with encrypt=false: the lab encrypts the login only (PRELOGIN answers ENCRYPT_OFF). */
	public String jdbcUrl() {
		return "jdbc:sqlserver://127.0.0.1:" + port()
				+ ";encrypt=false;databaseName=master;loginTimeout=5;connectRetryCount=0;applicationName=test";
	}

	/** As the lab pool connects: encrypt=true, the lab's certificate trusted from its trust store, by host name. */
	public String encryptedJdbcUrl() {
		return "jdbc:sqlserver://127.0.0.1:" + port() + ";encrypt=true;trustStore=" + certificate().trustStoreFile()
				+ ";hostNameInCertificate=" + LabSqlConfiguration.BACKUP_FQDN
				+ ";databaseName=master;loginTimeout=5;connectRetryCount=0;applicationName=test";
	}

	/**
	 * The backup instance's certificate, made once for all tests in this JVM (an RSA key takes a while); the lab's
	 * own making and keeping of it is LabCertificateTest's subject.
	 */
	public static synchronized LabCertificate certificate() {
		if (certificate == null) {
			try {
				Path dir = Files.createTempDirectory("pchat-lab-tls");
				dir.toFile().deleteOnExit();
				certificate = LabCertificate.loadOrCreate(dir.resolve("tls"), LabSqlConfiguration.BACKUP_FQDN,
						List.of("localhost", "127.0.0.1"), Clock.systemUTC());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return certificate;
	}

	/** Reads from clients give up after this long (not counting a logged-in session waiting for its next request). */
	public LabSqlFixture readTimeout(Duration timeout) {
		this.readTimeout = timeout;
		restart();
		return this;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "lab", "lab");
	}

	/** The lab pool of application-lab.yml, pointed at this server and these folders. */
	public Pool pool() {
		Path passwordFile = dir.resolve("secrets").resolve("sql.password");
		try {
			Files.createDirectories(passwordFile.getParent());
			Files.writeString(passwordFile, "lab", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Pool("atl-cs-001.litwareinc.com", "mgc",
				new Pool.SqlInstance(jdbcUrl(), "dal-sql-bk.litwareinc.com", "PCHAT", "lab", null,
						passwordFile.toString()),
				new Pool.SqlInstance(null, MIRROR_FQDN, "PCHAT", null, null, null),
				"\\\\dal-fs-001.litwareinc.com\\pchat-mirror", "Dallas",
				List.of(new Pool.ActiveServerCandidate("dal-pc-001.litwareinc.com", "Dallas")),
				List.of(new Pool.ShareMapping(SHARE_UNC, share().toString()),
						new Pool.ShareMapping(COPY_UNC, copy().toString())),
				new Pool.LyncShell("ssh", "127.0.0.1", 2222, "lab", null, null, null, null, 60), null, null);
	}

	@Override
	public void close() {
		lab.close();
	}

}
