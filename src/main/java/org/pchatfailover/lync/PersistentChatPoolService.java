package org.pchatfailover.lync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.DatabaseMirroringRow;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.sqlserver.DatabaseStatus;
import org.pchatfailover.sqlserver.ServerIdentity;
import org.pchatfailover.sqlserver.ServerIdentityService;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runbook steps 5 to 7 in the Lync Server Management Shell. Each first checks the state the step before it left
 * (step 5: the database ONLINE on the backup instance; steps 6 and 7: the pool FailedOver) and acts on nothing else.
 * Steps 5 and 6 read their own state first and do nothing when it is already as asked (a retry, a crash, a second
 * engine node), and read it back after acting. Step 7 has no cmdlet to read its list with: it sets idempotently.
 */
@Service
public class PersistentChatPoolService {

	private static final Logger log = LoggerFactory.getLogger(PersistentChatPoolService.class);

	private final LyncShellAdapter lync;

	private final DatabaseMirroringService sqlServer;

	private final ActiveServerVerification activeServers;

	/** How long SetActiveServers waits for the servers set to ping the database; they start within seconds. */
	static final Duration PING_WAIT = Duration.ofSeconds(60);

	@Autowired
	public PersistentChatPoolService(LyncShellAdapter lync, DatabaseMirroringService sqlServer,
			ServerIdentityService serverIdentities) {
		this(lync, sqlServer, new ActiveServerVerification(serverIdentities, PING_WAIT, Duration.ofSeconds(2)));
	}

	PersistentChatPoolService(LyncShellAdapter lync, DatabaseMirroringService sqlServer,
			ActiveServerVerification activeServers) {
		this.lync = lync;
		this.sqlServer = sqlServer;
		this.activeServers = activeServers;
	}

	/**
	 * SetPoolFailedOver: {@code Set-CsPersistentChatState -PoolState FailedOver}, verified with Get-. Refuses unless the
	 * database is ONLINE on the backup instance, even when the pool already is FailedOver: that pool would serve from a
	 * database still restoring, which is what the retry must report, not pass over.
	 */
	public void setPoolFailedOver(Pool pool, ActionLog actions) {
		requireBackupDatabaseRecovered(pool, actions);
		if (LyncCmdlets.POOL_STATE_FAILED_OVER.equals(lync.getPersistentChatState(pool, actions))) {
			log.info("SetPoolFailedOver pool {}: already FailedOver, nothing to do", pool.fqdn());
			return;
		}
		lync.setPersistentChatState(pool, LyncCmdlets.POOL_STATE_FAILED_OVER, actions);
		String after = lync.getPersistentChatState(pool, actions);
		if (!LyncCmdlets.POOL_STATE_FAILED_OVER.equals(after)) {
			throw new LyncVerificationException("Set-CsPersistentChatState ran but pool " + pool.fqdn() + " is "
					+ after + ", not FailedOver (Get-CsPersistentChatState); check Central Management store"
					+ " replication, then retry");
		}
	}

	// runbook step 5 follows step 4: the pool fails over to a database that has been recovered
	private void requireBackupDatabaseRecovered(Pool pool, ActionLog actions) {
		Optional<DatabaseStatus> status = sqlServer.readBackupDatabase(pool, actions);
		if (status.filter(DatabaseStatus::isRecovered).isEmpty()) {
			throw new IllegalStateException("SetPoolFailedOver refused for pool " + pool.fqdn() + ": " + pool.database()
					+ " on " + pool.backupSql().displayName() + " is "
					+ status.map(DatabaseStatus::describe).orElse("missing") + ", not ONLINE; recover it"
					+ " (RecoverDatabase) before the pool fails over to it, then retry");
		}
	}

	/**
	 * InstallMirror: {@code Install-CsMirrorDatabase} with the backup instance as principal, verified with
	 * Get-CsDatabaseMirrorState and on the instance itself (sys.database_mirroring).
	 */
	public void installMirror(Pool pool, ActionLog actions) {
		// the mirror state read below is the active store's: only after step 5 is that the backup instance
		requirePoolFailedOver(pool, "mirroring is installed", actions);
		Optional<DatabaseMirrorState> before = persistentChat(pool, lync.getDatabaseMirrorState(pool, actions));
		if (before.filter(DatabaseMirrorState::isMirrored).isPresent()
				&& sqlMirroring(pool, actions).isPrincipalMirroredTo(pool.backupMirrorSql())) {
			log.info("InstallMirror pool {}: {} already mirrored, nothing to do", pool.fqdn(), before.get().summary());
			return;
		}
		lync.installMirrorDatabase(pool, actions);
		Optional<DatabaseMirrorState> after = persistentChat(pool, lync.getDatabaseMirrorState(pool, actions));
		if (after.filter(DatabaseMirrorState::isMirrored).isEmpty()) {
			throw new LyncVerificationException("Install-CsMirrorDatabase ran for " + pool.backupSql().displayName()
					+ " but Get-CsDatabaseMirrorState shows "
					+ after.map(DatabaseMirrorState::summary).orElse("no " + pool.database() + " database")
					+ "; expected Principal/Mirror synchronized (mirror " + pool.backupMirrorSql().displayName() + ")");
		}
		verifyOnInstance(pool, actions);
	}

	private void requirePoolFailedOver(Pool pool, String what, ActionLog actions) {
		String poolState = lync.getPersistentChatState(pool, actions);
		if (!LyncCmdlets.POOL_STATE_FAILED_OVER.equals(poolState)) {
			throw new IllegalStateException("pool " + pool.fqdn() + " is " + poolState + ", not FailedOver: " + what
					+ " for the new principal after SetPoolFailedOver");
		}
	}

	// Get-CsDatabaseMirrorState answers for the store Lync thinks is active; SQL Server answers for itself
	private void verifyOnInstance(Pool pool, ActionLog actions) {
		DatabaseMirroringRow mirroring = sqlMirroring(pool, actions);
		if (!mirroring.isPrincipalMirroredTo(pool.backupMirrorSql())) {
			throw new LyncVerificationException("Install-CsMirrorDatabase ran but sys.database_mirroring of "
					+ pool.database() + " on " + pool.backupSql().displayName() + " shows " + mirroring.summary()
					+ "; expected PRINCIPAL/SYNCHRONIZED or SYNCHRONIZING, partner "
					+ pool.backupMirrorSql().displayName());
		}
	}

	private DatabaseMirroringRow sqlMirroring(Pool pool, ActionLog actions) {
		return sqlServer.readBackupMirroring(pool, actions)
			.orElse(new DatabaseMirroringRow(null, null, null, null));
	}

	/**
	 * SetActiveServers: {@code Set-CsPersistentChatActiveServer}, adding the chosen servers and removing the pool's
	 * other candidates, once the pool is FailedOver. Both are idempotent, so a retry simply sets them again.
	 * @param lowLatencyConfirmed the operator confirmed servers outside the backup data centre have low
	 * latency and high bandwidth to it
	 */
	public ActiveServerEvidence setActiveServers(Pool pool, List<String> servers, boolean lowLatencyConfirmed,
			ActionLog actions) {
		// again here: a REST client can complete ConfirmActiveServers without the form
		ActiveServerRules.check(pool, pool.backupDataCenter(), servers, lowLatencyConfirmed);
		// servers in the backup data centre serve the pool only from the new principal: after step 5, not before
		requirePoolFailedOver(pool, "active servers are set", actions);
		List<String> wanted = normalized(servers);
		// no documented cmdlet returns the list: the evidence is the servers pinging the new principal's database
		Map<String, ServerIdentity> before = activeServers.before(pool, actions);
		lync.setActiveServers(pool, wanted, actions);
		ActiveServerEvidence evidence = activeServers.after(pool, wanted, before, actions);
		log.info("SetActiveServers pool {}: {}", pool.fqdn(), evidence.summary().lines().findFirst().orElse(""));
		return evidence;
	}

	private static Optional<DatabaseMirrorState> persistentChat(Pool pool, List<DatabaseMirrorState> states) {
		return states.stream().filter(s -> pool.database().equalsIgnoreCase(s.databaseName())).findFirst();
	}

	private static List<String> normalized(List<String> servers) {
		Set<String> unique = new LinkedHashSet<>();
		servers.forEach(s -> unique.add(s.toLowerCase(Locale.ROOT)));
		return new ArrayList<>(unique);
	}

}
