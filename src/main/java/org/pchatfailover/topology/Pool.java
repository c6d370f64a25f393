package org.pchatfailover.topology;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One Persistent Chat pool ({@code pchat.pools[]}) and the secondary data centre it fails over to.
 *
 * @param fqdn pool FQDN as in Topology Builder, e.g. {@code atl-cs-001.litwareinc.com}
 * @param database Persistent Chat database name (default {@code mgc})
 * @param backupSql the backup SQL Server that log-ships {@code mgc} and becomes the new principal
 * @param backupMirrorSql the SQL Server that becomes the mirror of the new principal
 * @param mirrorFileShare UNC share {@code Install-CsMirrorDatabase} uses for the initial backup
 * @param backupDataCenter name of the secondary data centre (site) the pool fails over to
 * @param activeServerCandidates Persistent Chat servers that may become active, with their data centre
 * @param shares how UNC paths from the log-shipping configuration map to folders mounted on this host
 * @param lyncShell how to reach a Lync Server Management Shell
 * @param lyncVersion {@code 2013} (Lync Server 2013, the default) or {@code 2015} (Skype for Business Server
 * 2015): which cmdlet reference's forms the pool is driven with
 * @param activeServersIdentity optional {@code -Identity} of Set-CsPersistentChatActiveServer, {@code global} or
 * {@code PersistentChatServer:<pool fqdn>}; empty for the one the version's reference uses
 * ({@link #effectiveActiveServersIdentity()})
 * @param primarySql the primary data centre's SQL Server, whose rebuilt {@code mgc} a failback overwrites and
 * log-ships from again (required for a failback, optional for a failover)
 * @param primaryMirrorSql the primary's mirror instance, named to Lync and log shipping (optional)
 * @param primaryDataCenter name of the primary data centre (site) the pool fails back to; the failback proposes
 * the active servers there
 */
public record Pool(
		@NotBlank @Pattern(regexp = Fqdn.PATTERN, message = "must be an RFC 1123 FQDN") String fqdn,
		@Pattern(regexp = Pool.DATABASE_PATTERN, message = "must be a plain SQL Server identifier") String database,
		@NotNull @Valid SqlInstance backupSql,
		@NotNull @Valid SqlInstance backupMirrorSql,
		@NotBlank String mirrorFileShare,
		@NotBlank String backupDataCenter,
		@NotEmpty @Valid List<ActiveServerCandidate> activeServerCandidates,
		@Valid List<ShareMapping> shares,
		@NotNull @Valid LyncShell lyncShell,
		@Pattern(regexp = LYNC_2013 + "|" + LYNC_2015, message = "must be 2013 or 2015") String lyncVersion,
		@Pattern(regexp = ACTIVE_SERVERS_IDENTITY, message = "must be global or PersistentChatServer:<pool fqdn>") String activeServersIdentity,
		@Valid SqlInstance primarySql, @Valid SqlInstance primaryMirrorSql, String primaryDataCenter) {

	public static final String DEFAULT_DATABASE = "mgc";

	/** Lync Server 2013. */
	public static final String LYNC_2013 = "2013";

	/** Skype for Business Server 2015. */
	public static final String LYNC_2015 = "2015";

	/** The collection of the Lync Server 2013 reference's examples: "a single, global collection". */
	public static final String GLOBAL_COLLECTION = "global";

	/** The scope of a Persistent Chat pool's service identity, as Get-CsService -PersistentChatServer shows it. */
	public static final String SERVICE_SCOPE = "PersistentChatServer:";

	private static final String ACTIVE_SERVERS_IDENTITY = "(?i)" + GLOBAL_COLLECTION + "|" + SERVICE_SCOPE
			+ Fqdn.LABELS;

	/** A plain SQL Server identifier: safe where a database name cannot be a parameter (a three-part name). */
	public static final String DATABASE_PATTERN = "^[A-Za-z_][A-Za-z0-9_]{0,127}$";

	@ConstructorBinding
	public Pool {
		primaryDataCenter = (primaryDataCenter == null || primaryDataCenter.isBlank()) ? null : primaryDataCenter;
		database = (database == null || database.isBlank()) ? DEFAULT_DATABASE : database;
		lyncVersion = (lyncVersion == null || lyncVersion.isBlank()) ? LYNC_2013 : lyncVersion;
		activeServersIdentity = (activeServersIdentity == null || activeServersIdentity.isBlank()) ? null
				: activeServersIdentity;
		shares = (shares == null) ? List.of() : List.copyOf(shares);
		activeServerCandidates = (activeServerCandidates == null) ? List.of() : List.copyOf(activeServerCandidates);
	}

	/** A pool that can fail over but has no primary data centre configured for a failback. */
	public Pool(String fqdn, String database, SqlInstance backupSql, SqlInstance backupMirrorSql,
			String mirrorFileShare, String backupDataCenter, List<ActiveServerCandidate> activeServerCandidates,
			List<ShareMapping> shares, LyncShell lyncShell, String lyncVersion, String activeServersIdentity) {
		this(fqdn, database, backupSql, backupMirrorSql, mirrorFileShare, backupDataCenter, activeServerCandidates,
				shares, lyncShell, lyncVersion, activeServersIdentity, null, null, null);
	}

	/** Whether a failback can be run: the primary instance (with its JDBC URL) and data centre are configured. */
	public boolean canFailBack() {
		return primarySql != null && primarySql.jdbcUrl() != null && !primarySql.jdbcUrl().isBlank()
				&& primaryDataCenter != null;
	}

	/**
	 * The {@code -Identity} Set-CsPersistentChatActiveServer takes for this pool: the configured override, else
	 * what the version's cmdlet reference uses, {@code global} for Lync Server 2013 ("you can only have a single,
	 * global collection") and the pool's service identity {@code PersistentChatServer:<pool fqdn>} for Skype for
	 * Business Server 2015 (the identity Get-CsService -PersistentChatServer returns).
	 */
	public String effectiveActiveServersIdentity() {
		if (activeServersIdentity != null) {
			return activeServersIdentity;
		}
		return LYNC_2015.equals(lyncVersion) ? SERVICE_SCOPE + fqdn : GLOBAL_COLLECTION;
	}

	/**
	 * A SQL Server instance. Only the backup instance is connected to (jdbcUrl); the mirror is named to Lync.
	 *
	 * @param jdbcUrl mssql-jdbc URL of the instance (required where the product connects to it)
	 * @param fqdn host FQDN as Lync knows it ({@code -SqlServerFqdn})
	 * @param instance named instance, empty for the default instance ({@code -SqlInstanceName})
	 * @param user SQL login; empty for integrated authentication configured in the URL
	 * @param passwordEnv name of the environment variable holding the password (never the password)
	 * @param passwordFile file holding the password, as an alternative to passwordEnv
	 */
	public record SqlInstance(String jdbcUrl,
			@NotBlank @Pattern(regexp = Fqdn.PATTERN, message = "must be an RFC 1123 FQDN") String fqdn,
			@Pattern(regexp = "^[A-Za-z0-9_$#-]{0,16}$", message = "must be a SQL Server instance name") String instance,
			String user, String passwordEnv, String passwordFile) {

		/** {@code host\instance} as operators write it, for messages. */
		public String displayName() {
			return (instance == null || instance.isBlank()) ? fqdn : fqdn + "\\" + instance;
		}
	}

	/**
	 * @param fqdn Persistent Chat server FQDN
	 * @param dataCenter data centre (site) the server sits in
	 */
	public record ActiveServerCandidate(
			@NotBlank @Pattern(regexp = Fqdn.PATTERN, message = "must be an RFC 1123 FQDN") String fqdn,
			@NotBlank String dataCenter) {
	}

	/**
	 * A list rather than a map keyed by UNC prefix: Spring's map binding needs backslash keys escaped in brackets.
	 *
	 * @param uncPrefix UNC prefix as SQL Server reports it, e.g. {@code \\bk-sql\logship}
	 * @param localPath folder where this host mounts it
	 */
	public record ShareMapping(@NotBlank String uncPrefix, @NotBlank String localPath) {
	}

	/**
	 * @param transport {@code ssh} (Windows OpenSSH on a Lync server) or {@code local} (powershell.exe here)
	 * @param host SSH host
	 * @param port SSH port (default 22)
	 * @param user SSH user
	 * @param keyFile private key file for SSH
	 * @param passwordEnv name of the environment variable holding the SSH password
	 * @param passwordFile file holding the SSH password
	 * @param knownHostsFile known-hosts file the SSH host key is verified against
	 * @param timeoutSeconds how long one cmdlet may run (default 300)
	 */
	public record LyncShell(@NotNull @Pattern(regexp = "ssh|local") String transport, String host, Integer port,
			String user, String keyFile, String passwordEnv, String passwordFile, String knownHostsFile,
			Integer timeoutSeconds) {

		public LyncShell {
			port = (port == null) ? 22 : port;
			timeoutSeconds = (timeoutSeconds == null) ? 300 : timeoutSeconds;
		}
	}

}
