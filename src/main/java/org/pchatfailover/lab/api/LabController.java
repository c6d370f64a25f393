package org.pchatfailover.lab.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.cmdlets.LabLyncState;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;
import org.pchatfailover.lab.sql.LabSqlSnapshot;
import org.pchatfailover.lab.sql.MirrorSqlLab;
import org.pchatfailover.lab.sql.PrimarySqlLab;
import org.pchatfailover.lab.sql.SqlLab;
import org.pchatfailover.lab.sql.engine.LabSizing;
import org.pchatfailover.lab.ticketing.LabTicketingSystem;
import org.pchatfailover.security.CurrentUser;
import org.pchatfailover.security.FailoverGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Lab control for drills, lab profile and {@code pchat-admins} only: reset the simulated data centre to a
 * scenario, switch a fault on or off without rewinding anything, and read what a DBA and a Lync admin would check. A
 * package of its own above the lab's SQL Server and Lync shell, which in turn use the lab's settings and state file
 * below them: arrows one way.
 */
@RestController
@Profile("lab")
@ConditionalOnProperty(prefix = "pchat.lab", name = "servers", havingValue = "true", matchIfMissing = true)
@RequestMapping("/api/lab")
class LabController {

	private static final Logger log = LoggerFactory.getLogger(LabController.class);

	private final SqlLab sql;

	private final MirrorSqlLab mirrorSql;

	private final PrimarySqlLab primarySql;

	private final LabLyncShell lync;

	private final LabLyncSshServer ssh;

	private final LabProperties properties;

	private final CurrentUser currentUser;

	private final LabFaults faults;

	private final LabTicketingSystem ticketing;

	LabController(SqlLab sql, MirrorSqlLab mirrorSql, PrimarySqlLab primarySql, LabLyncShell lync,
			LabLyncSshServer ssh, LabProperties properties, CurrentUser currentUser, LabFaults faults,
			LabTicketingSystem ticketing) {
		this.primarySql = primarySql;
		this.faults = faults;
		this.ticketing = ticketing;
		this.mirrorSql = mirrorSql;
		this.sql = sql;
		this.lync = lync;
		this.ssh = ssh;
		this.properties = properties;
		this.currentUser = currentUser;
	}

	/**
	 * What {@link #state()} returns: the endpoints to point own tools at, the scenarios and faults there are, the faults
	 * that are on, then each side's snapshot and what the drill's ticketing system received.
	 */
	record LabState(Map<String, String> endpoints, List<String> scenarios, List<String> knownFaults,
			List<LabFaults.ActiveFault> faults, LabSqlSnapshot sql, LabLyncState lync,
			LabTicketingSystem.Snapshot ticketing, List<LabSqlSnapshot.DatabaseState> primarySql) {
	}

	@GetMapping("/state")
	LabState state() {
		currentUser.requireAnyGroup(FailoverGroups.ADMINS);
		Map<String, String> endpoints = Map.of("sql", sql.endpoint(), "ssh", properties.bindAddress() + ":" + ssh.port(),
				"mirrorSql", mirrorSql.endpoint(), "primarySql", primarySql.endpoint(), "ticketing",
				ticketing.endpoint());
		return new LabState(endpoints, scenarios(), LabFaults.names(), faults.active(), sql.state(), lync.state(),
				ticketing.snapshot(), primarySql.databases());
	}

	/**
	 * Resets both sides: a scenario of one side leaves the other normal, and every fault is switched off. The sizing
	 * ({@code logs}, {@code copyMs}, {@code restoreMs}) shapes the SQL side, whichever scenario it is; each parameter
	 * left out takes its default.
	 */
	@PostMapping("/scenarios/{name}")
	LabState reset(@PathVariable String name, @RequestParam(required = false) Integer logs,
			@RequestParam(required = false) Integer copyMs, @RequestParam(required = false) Integer restoreMs) {
		String user = currentUser.requireAnyGroup(FailoverGroups.ADMINS);
		if (!scenarios().contains(name)) {
			throw new IllegalArgumentException("unknown lab scenario '" + name + "'; known: " + scenarios());
		}
		LabSizing sizing = LabSizing.of(logs, copyMs, restoreMs);
		faults.clear();
		sql.reset(SqlLab.scenarioNames().contains(name) ? name : LabLyncShell.NORMAL, sizing);
		// every scenario drills a failover after the primary data centre was lost; it comes back rebuilt
		primarySql.rebuild();
		lync.reset(lync.supports(name) ? name : LabLyncShell.NORMAL);
		log.info("lab reset to scenario {} ({}) by {}", name, sizing, user);
		return state();
	}

	/** Switches a fault on, leaving databases, files and pools as they are; on again, nothing more happens. */
	@PostMapping("/faults/{name}")
	LabState switchOn(@PathVariable String name) {
		String user = currentUser.requireAnyGroup(FailoverGroups.ADMINS);
		LabFaults.ActiveFault fault = faults.switchOn(name);
		log.info("lab fault {} switched on by {}: {}", name, user, fault.detail());
		return state();
	}

	/** Switches a fault off, leaving databases, files and pools as they are; off already, nothing happens. */
	@DeleteMapping("/faults/{name}")
	LabState switchOff(@PathVariable String name) {
		String user = currentUser.requireAnyGroup(FailoverGroups.ADMINS);
		faults.switchOff(name);
		log.info("lab fault {} switched off by {}", name, user);
		return state();
	}

	private static List<String> scenarios() {
		Set<String> names = new LinkedHashSet<>(SqlLab.scenarioNames());
		names.addAll(LabLyncShell.SCENARIOS);
		return List.copyOf(names);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badScenario(IllegalArgumentException ex) {
		return badRequest("Unknown lab scenario", ex.getMessage(), "name");
	}

	@ExceptionHandler(LabFaults.UnknownFault.class)
	ProblemDetail badFault(LabFaults.UnknownFault ex) {
		return badRequest("Unknown lab fault", ex.getMessage(), "name");
	}

	@ExceptionHandler(LabSizing.InvalidParameter.class)
	ProblemDetail badSizing(LabSizing.InvalidParameter ex) {
		return badRequest("Bad lab sizing", ex.getMessage(), ex.parameter());
	}

	/** {@code ?logs=many}: a parameter that is no integer, named as it was sent. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail notANumber(MethodArgumentTypeMismatchException ex) {
		return badRequest("Bad lab sizing", ex.getName() + " must be an integer, not '" + ex.getValue() + "'",
				ex.getName());
	}

	private static ProblemDetail badRequest(String title, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		problem.setProperty("field", field);
		return problem;
	}

}
