package org.pchatfailover.lab.sql.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.pchatfailover.lab.sql.engine.LabSqlState.ClientSession;
import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.engine.LabSqlState.RestoreHistory;

/**
 * Builds the lab's SQL side for a drill: {@code mgc} RESTORING on the backup instance, eight 15-minute log
 * backups of a continuous chain on the primary's share (or as many as the {@link LabSizing} says), the first five
 * restored, and the log-shipping rows that describe it. Each scenario then changes one thing an operator may meet
 * during a real failover.
 */
public final class LabScenarios {

	/** The scenarios, by the names the lab API and {@code pchat.lab.scenario} use. */
	public enum Scenario {

		/** All eight logs copied, five restored: the failover applies three and recovers. */
		NORMAL("normal"),
		/** The seventh log backup is missing everywhere: applying stops with a gap (4305 if forced). */
		BROKEN_CHAIN("broken-chain"),
		/** The copy job stopped after the sixth file: two logs are only on the share. */
		UNCOPIED_FILES("uncopied-files"),
		/** The copy job died while copying the seventh file: a half-written .wrk is in the copy folder. */
		HALF_COPIED("half-copied"),
		/**
		 * Log shipping restores WITH STANDBY and has restored all eight logs: three Persistent Chat clients read the
		 * read-only mgc, and one reconnects once after KILL. A RESTORING database admits no session (927), so
		 * sessions that block RESTORE ... WITH RECOVERY (3101) can only be on a standby secondary.
		 */
		SESSIONS_CONNECTED("sessions-connected"),
		/** The backup instance does not accept connections. */
		SQL_DOWN("sql-down"),
		/** Log shipping restores WITH STANDBY: mgc is ONLINE, read-only and in standby, five logs restored. */
		STANDBY("standby"),
		/** The backup job stopped three hours ago: the newest log backup on the share is 3 h old, the chain intact. */
		STALE_LOGS("stale-logs"),
		/**
		 * As uncopied-files, but the two logs only on the share are multi-terabyte (sparse) files: together larger
		 * than the free space of the copy destination's file system, so copying them cannot succeed.
		 */
		FULL_COPY_DESTINATION("full-copy-destination"),
		/**
		 * The restore job was interrupted restoring the sixth log backup and left no restart-checkpoint file: any
		 * other RESTORE LOG fails with 4319 naming that file until it is restored again.
		 */
		INTERRUPTED_RESTORE("interrupted-restore"),
		/**
		 * The lab login is neither sysadmin nor allowed ALTER ANY CONNECTION (KILL fails with 6102); it keeps
		 * CREATE ANY DATABASE (RESTORE HEADERONLY) and may read msdb.
		 */
		MISSING_RIGHTS("missing-rights"),
		/** After a completed failover ({@link FailedOverScenario}): the state a failback starts from. */
		FAILED_OVER("failed-over");

		private final String label;

		Scenario(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static Scenario of(String label) {
			return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown lab SQL scenario '" + label + "', known: "
						+ Arrays.stream(values()).map(Scenario::label).toList()));
		}

	}

	public static final String DATABASE = "mgc";

	public static final String PRIMARY_SERVER = "ATL-SQL-001\\PCHAT";

	/** The backup instance's {@code @@SERVERNAME}: the log-shipping secondary and its own monitor server. */
	static final String SECONDARY_SERVER = "DAL-SQL-BK\\PCHAT";

	/** The log backups of a scenario without sizing ({@link LabSizing#DEFAULT}); file sizes repeat after them. */
	static final int FILES = 8;

	static final int RESTORED = 5;

	/** The copy job of uncopied-files, half-copied and full-copy-destination stopped after the sixth file. */
	static final int COPIED_WHEN_STOPPED = 6;

	/** How long each of the primary's log backups takes, from BackupStartDate to BackupFinishDate. */
	static final Duration BACKUP_TAKES = Duration.ofSeconds(2);

	/** How long ago stale-logs' newest log backup started. */
	static final Duration STALE_AGE = Duration.ofHours(3);

	/** The size of each of full-copy-destination's sparse log backups, at least ("a few terabytes" together). */
	static final long SPARSE_LOG_BYTES = 2L << 40;

	private static final BigInteger FIRST_LSN = new BigInteger("37000000016800001");

	private static final BigInteger LSN_STEP = new BigInteger("800000000");

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private final Path share;

	private final Path copy;

	private final String shareUnc;

	private final String copyUnc;

	private final Clock clock;

	/**
	 * @param share folder of the primary's backup share, {@code shareUnc} as SQL Server names it
	 * @param copy folder of the copy destination, {@code copyUnc} as SQL Server names it
	 */
	public LabScenarios(Path share, String shareUnc, Path copy, String copyUnc, Clock clock) {
		this.share = share;
		this.copy = copy;
		this.shareUnc = shareUnc;
		this.copyUnc = copyUnc;
		this.clock = clock;
	}

	/** Rewrites the share and copy folders and returns the instance state of the scenario. */
	public LabSqlState build(Scenario scenario) {
		return build(scenario, LabSizing.DEFAULT);
	}

	/** As {@link #build(Scenario)}, with {@code sizing.logs()} log backups and its delays kept in the state. */
	public LabSqlState build(Scenario scenario, LabSizing sizing) {
		try {
			clean(share);
			clean(copy);
			Instant firstBackup = firstBackup(scenario, sizing.logs());
			List<String> names = writeBackups(firstBackup, scenario, sizing.logs());
			LabSqlState state = state(scenario, names, firstBackup);
			state.sizing = sizing;
			return state;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare lab scenario " + scenario.label(), ex);
		}
	}

	/**
	 * Fifteen minutes apart (the lab's schedule of the primary's backup job): the newest one at the last quarter hour,
	 * so a freshly reset lab's recovery point is minutes old as on a healthy estate, or STALE_AGE ago in stale-logs.
	 */
	private Instant firstBackup(Scenario scenario, int logs) {
		Instant newest;
		if (scenario == Scenario.STALE_LOGS) {
			newest = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(STALE_AGE);
		}
		else {
			// a minute back: the newest backup has finished, its BackupFinishDate lies before now
			Instant minute = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.MINUTES);
			newest = minute.minus(Duration.ofMinutes(minute.atZone(ZoneOffset.UTC).getMinute() % 15));
		}
		return newest.minus(Duration.ofMinutes(15L * (logs - 1)));
	}

	static BigInteger firstLsn(int index) {
		return FIRST_LSN.add(LSN_STEP.multiply(BigInteger.valueOf(index)));
	}

	private List<String> writeBackups(Instant firstBackup, Scenario scenario, int logs) throws IOException {
		String[] names = new String[logs];
		for (int i = 0; i < logs; i++) {
			Instant start = ScenarioLogShipping.started(firstBackup, i);
			names[i] = DATABASE + "_" + FILE_TIME.format(start) + ".trn";
			if (scenario == Scenario.BROKEN_CHAIN && i == 6) {
				continue; // lost on the primary before it was copied
			}
			BackupFile file = new BackupFile(DATABASE, 2, firstLsn(i), firstLsn(i + 1), start,
					start.plus(BACKUP_TAKES), PRIMARY_SERVER);
			if (scenario == Scenario.FULL_COPY_DESTINATION && i >= COPIED_WHEN_STOPPED) {
				file.writeSparse(share.resolve(names[i]), sparseLogBytes(logs));
			}
			else {
				// the sizes of the first eight over again: ten thousand logs stay a few kilobytes each
				file.write(share.resolve(names[i]), 4096 + 512 * (i % FILES));
			}
			if (i < copied(scenario, logs)) {
				Files.copy(share.resolve(names[i]), copy.resolve(names[i]));
			}
		}
		if (scenario == Scenario.HALF_COPIED) {
			byte[] whole = Files.readAllBytes(share.resolve(names[6]));
			Files.write(copy.resolve(names[6] + ".wrk"), Arrays.copyOf(whole, whole.length / 2));
		}
		return Arrays.asList(names);
	}

	private LabSqlState state(Scenario scenario, List<String> names, Instant firstBackup) {
		LabSqlState state = LabSqlState.systemDatabasesOnly(scenario.label());
		state.instanceDown = scenario == Scenario.SQL_DOWN;
		int restored = restored(scenario, names.size());
		state.databases.add(standbyMode(scenario)
				? new Database(5, DATABASE, "ONLINE", firstLsn(restored).toString(), true)
				: new Database(5, DATABASE, "RESTORING", firstLsn(restored).toString()));
		for (int i = 0; i < restored; i++) {
			state.restoreHistory.add(new RestoreHistory(i + 1, ScenarioLogShipping.restoredAt(firstBackup, i), DATABASE, "L",
					copyUnc + "\\" + names.get(i), firstLsn(i).toString(), firstLsn(i + 1).toString(), false,
					ScenarioLogShipping.started(firstBackup, i).plus(BACKUP_TAKES)));
		}
		new ScenarioLogShipping(shareUnc, copyUnc, firstBackup).add(state, names, copied(scenario, names.size()), restored,
				standbyMode(scenario));
		if (scenario == Scenario.SESSIONS_CONNECTED) {
			connectFrontEnds(state);
		}
		if (scenario == Scenario.INTERRUPTED_RESTORE) {
			interruptRestore(state, names);
		}
		if (scenario == Scenario.FAILED_OVER) {
			FailedOverScenario.apply(state);
		}
		if (scenario == Scenario.MISSING_RIGHTS) {
			state.logins.add(new LabSqlState.LoginRights(LabSqlEngine.LOGIN, List.of(), List.of("CREATE ANY DATABASE"),
					List.of(), List.of("msdb")));
		}
		return state;
	}

	/**
	 * The restore of the sixth log backup stopped part way. What sys.master_files shows as the redo LSN then, the
	 * references do not say; the lab shows the interrupted backup's LastLSN (its log records are in, its processing
	 * is not complete), so a restore that goes by the redo LSN alone tries the seventh file next and meets 4319.
	 * msdb records no restore for it.
	 */
	private void interruptRestore(LabSqlState state, List<String> names) {
		Database mgc = state.database(DATABASE);
		state.replace(mgc.withState("RESTORING", firstLsn(RESTORED + 1).toString()));
		state.interruptedRestores.add(new LabSqlState.InterruptedRestore(DATABASE, copyUnc + "\\" + names.get(RESTORED),
				null));
	}

	/** Persistent Chat front ends and the compliance service reading the standby mgc; one reconnects after KILL. */
	private static void connectFrontEnds(LabSqlState state) {
		state.sessions.add(new ClientSession(57, DATABASE, "LITWAREINC\\pchatsvc", "DAL-PC-001", "PersistentChat"));
		state.sessions.add(new ClientSession(58, DATABASE, "LITWAREINC\\pchatsvc", "DAL-PC-002", "PersistentChat"));
		state.sessions.add(new ClientSession(63, DATABASE, "LITWAREINC\\pchatcompliance", "DAL-PC-001",
				"PersistentChatCompliance"));
		state.reconnects = 1;
	}

	/** Log shipping restores WITH STANDBY (restore_mode 1): mgc stays readable between restores. */
	private static boolean standbyMode(Scenario scenario) {
		return scenario == Scenario.STANDBY || scenario == Scenario.SESSIONS_CONNECTED;
	}

	/** How many of the {@code logs} log backups the restore job restored. */
	private static int restored(Scenario scenario, int logs) {
		return scenario == Scenario.SESSIONS_CONNECTED || scenario == Scenario.FAILED_OVER ? logs : RESTORED;
	}

	/** How many of the {@code logs} log backups the copy job copied before it stopped. */
	private static int copied(Scenario scenario, int logs) {
		return switch (scenario) {
			case UNCOPIED_FILES, HALF_COPIED, FULL_COPY_DESTINATION -> COPIED_WHEN_STOPPED;
			default -> logs;
		};
	}

	/**
	 * Each sparse log backup: a few terabytes, and the ones not copied together more than the copy destination has
	 * free.
	 */
	private long sparseLogBytes(int logs) throws IOException {
		long free = Files.getFileStore(copy).getUsableSpace();
		return Math.max(SPARSE_LOG_BYTES, free / (logs - COPIED_WHEN_STOPPED) + 1);
	}

	private static void clean(Path folder) throws IOException {
		Files.createDirectories(folder);
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
	}

}
