package org.pchatfailover.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.pchatfailover.LabDrill;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.sqlserver.DatabaseRecoveryService;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * engineOverheadRatio: a whole lab failover driven by the engine (started with the engine's API as FailoverStarter
 * starts it, its job executor runs the steps, the benchmark completes each user task as soon as it appears) over the
 * same adapter calls made one after the other on this thread. Both start from the scenario {@code normal}, reset
 * before each run and not timed. The ticketing API's start is TicketingBench's subject, not this one's.
 */
class EngineOverheadBench extends LabBench {

	static final int WARMUPS = 1;

	static final int ROUNDS = 7;

	static final List<String> DALLAS_SERVERS = List.of("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ProcessProgress progress;

	@Autowired
	LogShippingService logShipping;

	@Autowired
	DatabaseRecoveryService recovery;

	@Autowired
	PersistentChatPoolService poolService;

	@Autowired
	Topology topology;

	int ticket;

	/** Per engine run: each activity's duration and the wait before it, from the engine's history. */
	final List<Map<String, Object>> engineSteps = new ArrayList<>();

	/** Per engine run: service tasks, user tasks and the time between activities (EngineRuns#breakdown). */
	final List<Map<String, Long>> engineBreakdowns = new ArrayList<>();

	/** Per direct run: each step's duration. */
	final List<Map<String, Object>> directSteps = new ArrayList<>();

	@Test
	void engineDrivenFailoverAgainstTheSameAdapterCallsInSequence() throws Exception {
		BenchFigures figures = BenchFigures.of(getClass());
		BenchStats.Interleaved runs = BenchStats.interleave(WARMUPS, ROUNDS, this::engineFailoverMs,
				this::directFailoverMs);
		figures.detail("engineMs", runs.aMs()).detail("directMs", runs.bMs()).detail("ratios", runs.ratios());
		figures.detail("engineSteps", engineSteps.subList(WARMUPS, engineSteps.size()))
			.detail("directSteps", directSteps.subList(WARMUPS, directSteps.size()))
			.detail("engineBreakdowns", engineBreakdowns.subList(WARMUPS, engineBreakdowns.size()));
		figures.figure("engineOverheadRatio", BenchStats.round(runs.medianRatio(), 3));
	}

	private double engineFailoverMs() {
		drill.scenario("normal");
		long started = System.nanoTime();
		String id = engine().failover("BENCH-ENGINE-" + (++ticket));
		double ms = (System.nanoTime() - started) / 1e6;
		engineSteps.add(engine().steps(id));
		engineBreakdowns.add(engine().breakdown(id));
		return ms;
	}

	private EngineRuns engine() {
		return new EngineRuns(runtime, tasks, history, progress);
	}

	private double directFailoverMs() throws Exception {
		drill.scenario("normal");
		Pool pool = topology.pool(LabDrill.POOL);
		ActionLog actions = new ActionLog();
		Map<String, Object> steps = new LinkedHashMap<>();
		long started = System.nanoTime();
		FailoverPlan plan = step(steps, "CheckPreconditions", () -> logShipping.planFailover(pool, actions));
		LogShippingFolders folders = LogShippingFolders.planned(plan);
		step(steps, "RemoveLogShipping", () -> {
			logShipping.removeSecondary(pool, actions);
			return null;
		});
		step(steps, "CopyBackupFiles", () -> logShipping.copyMissingFiles(pool, folders, actions));
		step(steps, "ApplyLogBackups", () -> logShipping.applyPendingLogs(pool, folders, actions));
		step(steps, "EndConnections", () -> {
			recovery.endConnections(pool, actions);
			return null;
		});
		step(steps, "RecoverDatabase", () -> {
			recovery.recoverDatabase(pool, actions);
			return null;
		});
		step(steps, "SetPoolFailedOver", () -> {
			poolService.setPoolFailedOver(pool, actions);
			return null;
		});
		step(steps, "InstallMirror", () -> {
			poolService.installMirror(pool, actions);
			return null;
		});
		boolean confirmed = step(steps, "SetActiveServers",
				() -> poolService.setActiveServers(pool, DALLAS_SERVERS, false, actions).confirmed());
		double ms = (System.nanoTime() - started) / 1e6;
		directSteps.add(steps);
		assertThat(confirmed).as("active servers confirmed by the database").isTrue();
		return ms;
	}

	/** Runs one step of the direct path and keeps its duration in milliseconds. */
	private static <T> T step(Map<String, Object> steps, String stepId, Callable<T> call) throws Exception {
		long started = System.nanoTime();
		T result = call.call();
		steps.put(stepId, Math.round((System.nanoTime() - started) / 1e6) + " ms");
		return result;
	}

}
