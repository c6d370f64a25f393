package org.pchatfailover.lync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pchatfailover.topology.Fqdn;
import org.pchatfailover.topology.Pool;

/**
 * Builds the PowerShell of runbook steps 5 to 7. Every value is a single-quoted literal and every name is
 * validated before it gets here, so a pool FQDN or server name from a form can never become code. Reads
 * project the properties they need to strings: PowerShell 3/4 (Lync Server 2013 hosts) serialise enums as
 * numbers in {@code ConvertTo-Json}, and the numbers are not documented.
 */
public final class LyncCmdlets {

	/** Stop at the first error so powershell.exe exits 1 with the error on stderr. */
	static final String PREAMBLE = "$ErrorActionPreference = 'Stop'\nImport-Module Lync\n";

	public static final String POOL_STATE_FAILED_OVER = "FailedOver";

	public static final String POOL_STATE_NORMAL = "Normal";

	static final String DATABASE_TYPE = "PersistentChat";

	private static final String CONFIRM_FALSE = " -Confirm:$false";

	// a verb-noun cmdlet name, no wildcards: Get-Command must not widen the question
	private static final Pattern CMDLET_NAME = Pattern.compile("^[A-Za-z]{2,32}-[A-Za-z0-9]{2,64}$");

	private static final Pattern INSTANCE = Pattern.compile("^[A-Za-z0-9_$#-]{1,16}$");

	// share and folder names without characters PowerShell or a shell would give a meaning to
	private static final Pattern UNC = Pattern
		.compile("^\\\\\\\\([A-Za-z0-9.-]{1,253})(\\\\[^\\\\/:*?\"<>|$`';\\p{Cntrl}\u2018-\u201B]{1,255})+$");

	private LyncCmdlets() {
	}

	public static LyncCommand getPersistentChatState(String poolFqdn) {
		return read("Get-CsPersistentChatState", "-Identity " + serviceIdentity(poolFqdn), "Identity", "PoolState");
	}

	public static LyncCommand setPersistentChatState(String poolFqdn, String poolState) {
		if (!POOL_STATE_FAILED_OVER.equals(poolState) && !POOL_STATE_NORMAL.equals(poolState)) {
			throw new IllegalArgumentException("PoolState must be Normal or FailedOver, not " + poolState);
		}
		return write("Set-CsPersistentChatState",
				"-Identity " + serviceIdentity(poolFqdn) + " -PoolState " + PowerShell.literal(poolState));
	}

	public static LyncCommand getDatabaseMirrorState(String poolFqdn) {
		// the properties of the reference's only sample output; MirroringStatusOnMirror appears in no reference
		return read("Get-CsDatabaseMirrorState",
				"-PoolFqdn " + fqdnLiteral(poolFqdn, "pool") + " -DatabaseType " + PowerShell.literal(DATABASE_TYPE),
				"DatabaseName", "StateOnPrimary", "StateOnMirror", "MirroringStatusOnPrimary",
				"MirroringStatusOnSecondary");
	}

	/**
	 * Which of these cmdlets the shell has: {@code Get-Command -Name .. -ErrorAction SilentlyContinue}, so a
	 * missing one is simply absent from the answer instead of an error that stops the script.
	 */
	public static LyncCommand getCommands(List<String> names) {
		if (names.isEmpty()) {
			throw new IllegalArgumentException("Get-Command needs at least one cmdlet name");
		}
		String list = names.stream().map(LyncCmdlets::cmdletName).map(PowerShell::literal).collect(Collectors.joining(","));
		return read("Get-Command", "-Name " + list + " -ErrorAction SilentlyContinue", "Name");
	}

	/** {@code Get-CsPool -Identity <pool>}: the pool and its computers, each projected to a string. */
	public static LyncCommand getPool(String poolFqdn) {
		return read("Get-CsPool", "-Identity " + fqdnLiteral(poolFqdn, "pool"), "Identity", "Computers[]");
	}

	private static String cmdletName(String name) {
		if (name == null || !CMDLET_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + Fqdn.printable(name) + "' is not a cmdlet name");
		}
		return name;
	}

	/**
	 * Mirrors the Persistent Chat database of the new principal; the mirror itself is the one Topology Builder
	 * defines for that store, the cmdlet has no parameter naming it.
	 */
	public static LyncCommand installMirrorDatabase(String principalFqdn, String instance, String fileShare) {
		return write("Install-CsMirrorDatabase", installArguments(principalFqdn, instance, fileShare));
	}

	/**
	 * {@link #installMirrorDatabase} with {@code -WhatIf}: the cmdlet says what it would do and does nothing.
	 * PowerShell writes the What if line to the host, which powershell.exe prints on stdout.
	 */
	public static LyncCommand installMirrorDatabaseWhatIf(String principalFqdn, String instance, String fileShare) {
		return write("Install-CsMirrorDatabase", installArguments(principalFqdn, instance, fileShare) + " -WhatIf");
	}

	/** {@code -NewPrincipal} of Invoke-CsDatabaseFailover: "Valid values are: Mirror Primary" (its reference). */
	public enum NewPrincipal {
		MIRROR("Mirror"), PRIMARY("Primary");

		private final String value;

		NewPrincipal(String value) {
			this.value = value;
		}

		public String value() {
			return value;
		}
	}

	/**
	 * Fails the pool's Persistent Chat database over to its mirror, or back to the primary: {@code
	 * Invoke-CsDatabaseFailover -DatabaseType <DatabaseNameType> -NewPrincipal <MirrorRole> -PoolFqdn <Fqdn>}, the
	 * cmdlet reference's only syntax; {@code -Force} is left out (it is "used if the current database is not
	 * accessible", which is not the case while moving a healthy principal).
	 */
	public static LyncCommand invokeDatabaseFailover(String poolFqdn, NewPrincipal newPrincipal) {
		return write("Invoke-CsDatabaseFailover", "-PoolFqdn " + fqdnLiteral(poolFqdn, "Persistent Chat pool")
				+ " -DatabaseType " + PowerShell.literal(DATABASE_TYPE) + " -NewPrincipal "
				+ PowerShell.literal(newPrincipal.value()));
	}

	private static String installArguments(String principalFqdn, String instance, String fileShare) {
		StringBuilder args = new StringBuilder("-DatabaseType ").append(PowerShell.literal(DATABASE_TYPE))
			.append(" -SqlServerFqdn ")
			.append(fqdnLiteral(principalFqdn, "principal SQL Server"));
		if (instance != null && !instance.isBlank()) {
			if (!INSTANCE.matcher(instance).matches()) {
				throw new IllegalArgumentException("'" + instance + "' is not a SQL Server instance name");
			}
			args.append(" -SqlInstanceName ").append(PowerShell.literal(instance));
		}
		args.append(" -FileShare ").append(PowerShell.literal(requireUnc(fileShare)));
		// the backup mgc's old mirror copy (if any) is stale after the failover: replace it
		args.append(" -DropExistingDatabasesOnMirror");
		return args.toString();
	}

	/**
	 * Makes {@code add} active and then {@code remove} inactive, in one script: the two list-modifier forms the
	 * cmdlet reference documents ({@code @{Add=..}}, {@code @{Remove=..}}; not Replace). The collection is single
	 * and global, so naming only this pool's servers leaves other pools' active servers alone; adding first means
	 * the pool never has none in between, and running it again changes nothing.
	 * @param identity {@code global} or {@code PersistentChatServer:<pool fqdn>}
	 * @param add the servers to make active, at least one
	 * @param remove the servers to make inactive; none leaves out the second cmdlet
	 */
	public static LyncCommand setActiveServers(String identity, List<String> add, List<String> remove) {
		if (add.isEmpty()) {
			throw new IllegalArgumentException("Set-CsPersistentChatActiveServer needs at least one server to add");
		}
		String set = "Set-CsPersistentChatActiveServer -Identity " + PowerShell.literal(activeServersIdentity(identity))
				+ " -ActiveServers ";
		List<String> lines = new ArrayList<>(List.of(set + modifier("Add", add) + CONFIRM_FALSE));
		if (!remove.isEmpty()) {
			lines.add(set + modifier("Remove", remove) + CONFIRM_FALSE);
		}
		String command = String.join("\n", lines);
		return new LyncCommand("Set-CsPersistentChatActiveServer", command, PREAMBLE + command + "\n");
	}

	/**
	 * {@code Set-CsPersistentChatActiveServer -ActiveServers @{Remove=..}}: the failback's "clear all servers" for
	 * one pool. Not {@code $Null}: the collection is global, so $Null would stop every pool's servers.
	 */
	public static LyncCommand removeActiveServers(String identity, List<String> remove) {
		if (remove.isEmpty()) {
			throw new IllegalArgumentException("Set-CsPersistentChatActiveServer needs at least one server to remove");
		}
		String command = "Set-CsPersistentChatActiveServer -Identity " + PowerShell.literal(activeServersIdentity(identity))
				+ " -ActiveServers " + modifier("Remove", remove) + CONFIRM_FALSE;
		return new LyncCommand("Set-CsPersistentChatActiveServer", command, PREAMBLE + command + "\n");
	}

	private static String modifier(String key, List<String> servers) {
		return servers.stream()
			.map(s -> fqdnLiteral(s, "active server"))
			.collect(Collectors.joining(",", "@{" + key + "=", "}"));
	}

	// the forms the references use: "global" (Lync Server 2013), the service identity (Skype for Business 2015)
	static String activeServersIdentity(String identity) {
		if (Pool.GLOBAL_COLLECTION.equalsIgnoreCase(identity)) {
			return Pool.GLOBAL_COLLECTION;
		}
		String scope = Pool.SERVICE_SCOPE;
		if (identity != null && identity.regionMatches(true, 0, scope, 0, scope.length())) {
			return scope + Fqdn.require(identity.substring(scope.length()), "Persistent Chat pool");
		}
		throw new IllegalArgumentException("active servers identity must be global or PersistentChatServer:<pool fqdn>,"
				+ " not '" + Fqdn.printable(identity) + "'");
	}

	private static LyncCommand read(String cmdlet, String arguments, String... properties) {
		String command = cmdlet + " " + arguments;
		String projection = Arrays.stream(properties)
			.map(LyncCmdlets::calculatedProperty)
			.collect(Collectors.joining(", "));
		return new LyncCommand(cmdlet, command,
				PREAMBLE + command + " | Select-Object -Property " + projection + " | ConvertTo-Json -Depth 4\n");
	}

	// Name[] projects a collection to strings, Name a single value
	private static String calculatedProperty(String property) {
		boolean list = property.endsWith("[]");
		String name = list ? property.substring(0, property.length() - 2) : property;
		return "@{Name='" + name + "';Expression={[" + (list ? "string[]" : "string") + "]$_." + name + "}}";
	}

	// non-interactive shell: a confirmation prompt would fail the cmdlet, so it is declined explicitly
	private static LyncCommand write(String cmdlet, String arguments) {
		String command = cmdlet + " " + arguments + CONFIRM_FALSE;
		return new LyncCommand(cmdlet, command, PREAMBLE + command + "\n");
	}

	// the runbook's form (step 5: -Identity "service:atl-cs-001.litwareinc.com"); the cmdlet reference writes
	// PersistentChatServer:<pool>, and the references are silent on whether the two are interchangeable
	private static String serviceIdentity(String poolFqdn) {
		return PowerShell.literal("service:" + Fqdn.require(poolFqdn, "Persistent Chat pool"));
	}

	private static String fqdnLiteral(String fqdn, String what) {
		return PowerShell.literal(Fqdn.require(fqdn, what));
	}

	static String requireUnc(String share) {
		if (share == null || !UNC.matcher(share).matches()) {
			throw new IllegalArgumentException("mirror file share must be a UNC path like \\\\server\\share: '"
					+ (share == null ? "null" : share.replaceAll("\\p{Cntrl}", "?")) + "'");
		}
		return share;
	}

}
