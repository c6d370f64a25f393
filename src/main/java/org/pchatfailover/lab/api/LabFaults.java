package org.pchatfailover.lab.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.LabStateFile;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;
import org.pchatfailover.lab.sql.MirrorSqlLab;
import org.pchatfailover.lab.sql.PrimarySqlLab;
import org.pchatfailover.lab.sql.SqlLab;
import org.pchatfailover.lab.ticketing.LabTicketingSystem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The lab's faults, each switched on and off on its own without touching database or pool state, so that "fix the
 * cause, then retry the incident" works as on a real estate (a scenario reset would rewind mgc instead). Which faults
 * are on is kept in {@code <pchat.lab.dir>/faults/state.json}: an estate does not heal because the drill's app
 * restarted, so a restarted lab switches them on again. A scenario reset switches them all off: it starts over.
 */
@Component
@Profile("lab")
@ConditionalOnProperty(prefix = "pchat.lab", name = "servers", havingValue = "true", matchIfMissing = true)
class LabFaults {

	/** The faults, by the names of DESIGN.md and the lab API. */
	enum Fault {

		/** The backup SQL Server refuses connections. */
		SQL_DOWN("sql-down"),
		/** The backup mirror SQL Server refuses connections. */
		MIRROR_SQL_DOWN("mirror-sql-down"),
		/** The primary's backup share cannot be listed or read, by this host nor by the backup SQL Server. */
		SHARE_UNREACHABLE("share-unreachable"),
		/** The copy job's copy of the next log backup mgc needs is torn. */
		TORN_COPY("torn-copy"),
		/** The Lync shell's cmdlets that change something fail. */
		CMDLET_FAILURE("cmdlet-failure"),
		/** The Lync shell's cmdlets that change something take long. */
		SLOW_CMDLET("slow-cmdlet"),
		/** The Lync shell's SSH port accepts connections and answers nothing. */
		SSH_TIMEOUT("ssh-timeout"),
		/** The drill's ticketing system is unreachable. */
		CALLBACK_DEAD("callback-dead"),
		/** The lab login is no sysadmin on the primary SQL Server: the log-shipping setup procedures refuse it. */
		PRIMARY_NOT_SYSADMIN("primary-not-sysadmin");

		private final String label;

		Fault(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

		static Fault of(String label) {
			return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst()
				.orElseThrow(() -> new UnknownFault("unknown lab fault '" + label + "'; known: " + names()));
		}

	}

	/**
	 * A fault that is on.
	 * @param since when it was switched on
	 * @param detail what it did, in words
	 */
	record ActiveFault(String name, Instant since, String detail) {
	}

	/** The form {@link ActiveFault}s are kept in on disk. */
	record Saved(List<ActiveFault> faults) {
	}

	/** A name that is no fault of {@link #names()}. */
	static final class UnknownFault extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		UnknownFault(String message) {
			super(message);
		}

	}

	private final SqlLab sql;

	private final MirrorSqlLab mirrorSql;

	private final PrimarySqlLab primarySql;

	private final LabLyncShell lync;

	private final LabLyncSshServer ssh;

	private final LabTicketingSystem ticketing;

	private final LabStateFile<Saved> file;

	private final Clock clock = Clock.systemUTC();

	private final Map<Fault, ActiveFault> active = new LinkedHashMap<>();

	LabFaults(SqlLab sql, MirrorSqlLab mirrorSql, PrimarySqlLab primarySql, LabLyncShell lync, LabLyncSshServer ssh,
			LabTicketingSystem ticketing, LabProperties properties) {
		this.sql = sql;
		this.mirrorSql = mirrorSql;
		this.primarySql = primarySql;
		this.lync = lync;
		this.ssh = ssh;
		this.ticketing = ticketing;
		this.file = new LabStateFile<>(properties.dir().resolve("faults").resolve("state.json"), Saved.class,
				"lab faults");
		// a restarted lab: the estate is as faulty as it was (a name this version does not know is dropped)
		file.read().ifPresent(saved -> saved.faults().stream().filter(fault -> names().contains(fault.name()))
			.forEach(fault -> switchOn(fault.name(), fault.since())));
	}

	static List<String> names() {
		return Arrays.stream(Fault.values()).map(Fault::label).toList();
	}

	/** The faults that are on, in the order they were switched on. */
	synchronized List<ActiveFault> active() {
		return List.copyOf(active.values());
	}

	/**
	 * Switches a fault on; nothing more happens when it is on already.
	 * @throws UnknownFault for a name not in {@link #names()}
	 */
	synchronized ActiveFault switchOn(String name) {
		return switchOn(name, clock.instant());
	}

	/** Switches a fault off; nothing happens when it is off. */
	synchronized void switchOff(String name) {
		Fault fault = Fault.of(name);
		apply(fault, false);
		if (active.remove(fault) != null) {
			save();
		}
	}

	/** Switches every fault off, for a scenario reset. */
	synchronized void clear() {
		for (Fault fault : new ArrayList<>(active.keySet())) {
			switchOff(fault.label());
		}
	}

	private ActiveFault switchOn(String name, Instant since) {
		Fault fault = Fault.of(name);
		ActiveFault on = active.get(fault);
		if (on == null) {
			on = new ActiveFault(fault.label(), since, apply(fault, true));
			active.put(fault, on);
			save();
		}
		return on;
	}

	/** Switches the fault on or off where it acts; the words say what it did. */
	private String apply(Fault fault, boolean on) {
		return switch (fault) {
			case SQL_DOWN -> {
				sql.refuseConnections(on);
				yield "the backup SQL Server at " + sql.endpoint() + " refuses connections";
			}
			case MIRROR_SQL_DOWN -> {
				mirrorSql.refuseConnections(on);
				yield "the backup mirror SQL Server " + mirrorSql.serverName() + " at " + mirrorSql.endpoint()
						+ " refuses connections";
			}
			case SHARE_UNREACHABLE -> {
				sql.shareReachable(!on);
				yield "the primary's backup share cannot be listed or read";
			}
			case TORN_COPY -> {
				if (on) {
					yield sql.tearCopy();
				}
				sql.mendCopy();
				yield "";
			}
			case CMDLET_FAILURE -> {
				lync.failChanges(on);
				yield "the Lync shell's cmdlets that change something fail: Central Management store unreachable";
			}
			case SLOW_CMDLET -> {
				lync.slowChanges(on);
				yield "the Lync shell's cmdlets that change something take " + lync.slowDelay().toSeconds()
						+ " s first";
			}
			case SSH_TIMEOUT -> {
				ssh.stopAnswering(on);
				yield "the Lync shell's SSH port " + ssh.port() + " accepts connections and answers nothing";
			}
			case CALLBACK_DEAD -> {
				ticketing.dead(on);
				yield "the ticketing system at " + ticketing.callbackUrl() + " refuses connections";
			}
			case PRIMARY_NOT_SYSADMIN -> {
				primarySql.withdrawSysadmin(on);
				yield "the lab login is no sysadmin on the primary SQL Server " + primarySql.serverName()
						+ ": sp_add_log_shipping_* refuse it with 21089";
			}
		};
	}

	private void save() {
		file.write(new Saved(List.copyOf(active.values())));
	}

}
