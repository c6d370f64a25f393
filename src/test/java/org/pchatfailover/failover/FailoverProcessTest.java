package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.lync.ActiveServerEvidence;
import org.pchatfailover.lync.PersistentChatPoolService;
import org.pchatfailover.readiness.EstateReadiness;
import org.pchatfailover.readiness.ReadinessCheck;
import org.pchatfailover.readiness.ReadinessReport;
import org.pchatfailover.sqlserver.DatabaseRecoveryService;
import org.pchatfailover.sqlserver.FailoverPlan;
import org.pchatfailover.sqlserver.LogChainBrokenException;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.LogShippingService;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.TestPools;
import org.pchatfailover.topology.Topology;

/**
 * The shipped failover model, walked as an operator would, with the SQL Server and Lync services mocked: the
 * delegates, listeners and gateways are real. Each BPMN error and each decision has a test.
 */
@Deployment(resources = { "bpmn/persistent-chat-failover.bpmn", "bpmn/forms/confirm-failover.form",
		"bpmn/forms/decide-broken-log-chain.form", "bpmn/forms/confirm-active-servers.form",
		"bpmn/forms/verify-service.form", "bpmn/forms/countersign-failover.form",
		"bpmn/forms/countersign-data-loss.form" })
class FailoverProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final String POOL = TestPools.POOL_FQDN;

	// what the start registered and the plan added: msdb forgets the folders at RemoveLogShipping
	private static final FailoverRegistry.Registration REGISTRATION = new FailoverRegistry.Registration("any",
			"INC-4711", POOL, null, "\\\\atl-sql-001.litwareinc.com\\logship",
			"\\\\dal-sql-bk.litwareinc.com\\logship-copy");

	private static final LogShippingFolders PLANNED_FOLDERS = REGISTRATION.plannedFolders();

	private final FailoverRegistry registry = mock(FailoverRegistry.class);

	private final LogShippingService logShipping = mock(LogShippingService.class);

	private final DatabaseRecoveryService recovery = mock(DatabaseRecoveryService.class);

	private final EstateReadiness readiness = mock(EstateReadiness.class);

	private final PersistentChatPoolService poolService = mock(PersistentChatPoolService.class);

	private final ApprovalPolicy approval = mock(ApprovalPolicy.class);

	@BeforeEach
	void registerDelegates() throws Exception {
		Topology topology = TestPools.topology();
		when(registry.require(any())).thenReturn(REGISTRATION);
		FailoverTarget target = new FailoverTarget(registry, topology);
		when(logShipping.planFailover(any(), any())).thenReturn(plan());
		when(poolService.setActiveServers(any(), any(), anyBoolean(), any())).thenReturn(new ActiveServerEvidence(
				"dal-sql-bk.litwareinc.com\\PCHAT", "mgc", List.of(new ActiveServerEvidence.ServerPing(
						"dal-pc-001.litwareinc.com", "net.tcp://dal-pc-001.litwareinc.com/ChannelServer",
						LocalDateTime.of(2026, 11, 29, 13, 5), true)), null));
		Mocks.register("retryPolicy", new RetryPolicy(new RetryProperties("R3/PT1M")));
		Mocks.register("approvalPolicy", approval);
		Mocks.register("countersignCompletion", new CountersignCompletion());
		Mocks.register("registerFailover", new FailoverRegistration(registry, topology));
		Mocks.register("checkPreconditions", new CheckPreconditionsDelegate(logShipping, readiness, target));
		Mocks.register("removeLogShipping", new RemoveLogShippingDelegate(logShipping, target));
		Mocks.register("copyBackupFiles", new CopyBackupFilesDelegate(logShipping, target));
		Mocks.register("applyLogBackups", new ApplyLogBackupsDelegate(logShipping, target,
				new LogsAppliedCounter(new SimpleMeterRegistry())));
		Mocks.register("endConnections", new EndConnectionsDelegate(recovery, target));
		Mocks.register("recoverDatabase", new RecoverDatabaseDelegate(recovery, target));
		Mocks.register("setPoolFailedOver", new SetPoolFailedOverDelegate(poolService, target));
		Mocks.register("installMirror", new InstallMirrorDelegate(poolService, target));
		Mocks.register("setActiveServers", new SetActiveServersDelegate(poolService, target));
		Mocks.register("confirmFailoverCompletion", new ConfirmFailoverCompletion());
		Mocks.register("logChainDecisionCompletion", new LogChainDecisionCompletion());
		Mocks.register("activeServersCompletion", new ActiveServersCompletion(target));
		Mocks.register("verifyServiceCompletion", new VerifyServiceCompletion());
		Mocks.register("proposeActiveServers", new ActiveServerProposal(target));
		Mocks.register("taskContext", new TaskContext());
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
		identityService().clearAuthentication();
	}

	@Test
	void needsASecondDifferentOperatorForTheApprovalAndTheDataLossWhenFourEyesAreOn() throws Exception {
		when(approval.isSecondOperator()).thenReturn(true);
		doThrow(new LogChainBrokenException(new FailoverPlan.LogChainGap("1", null, null), "DATA LOSS", "gap"))
			.when(logShipping)
			.applyPendingLogs(any(), any(), any());
		ProcessInstance failover = startFailover("INC-4720");
		execute(job());
		identityService().setAuthenticatedUserId("operator");
		approve();
		assertThat(failover).isWaitingAt("CountersignFailover");
		Map<String, Object> countersigned = Map.of(FailoverVariables.FAILOVER_COUNTERSIGNED, "true",
				FailoverVariables.COUNTERSIGN_COMMENT, "checked");
		assertThatThrownBy(() -> taskService().complete(task().getId(), countersigned))
			.hasMessageContaining("four eyes: operator completed ConfirmFailover and cannot countersign it");

		identityService().setAuthenticatedUserId("operator2");
		complete(task(), withVariables(FailoverVariables.FAILOVER_COUNTERSIGNED, "false",
				FailoverVariables.COUNTERSIGN_COMMENT, "the front end still answers"));
		assertThat(failover).isWaitingAt("ConfirmFailover");
		Assertions.assertThat(shown(task())).containsEntry(TaskContext.TASK_ROUND, 2)
			.containsEntry(TaskContext.ROUND_REASON,
					"the second operator did not countersign the failover: the front end still answers")
			.doesNotContainKeys(FailoverVariables.FAILOVER_APPROVED, FailoverVariables.CONFIRMATION_COMMENT,
					FailoverVariables.FRONT_END_DOWN);
		identityService().setAuthenticatedUserId("operator");
		approve();
		identityService().setAuthenticatedUserId("operator2");
		complete(task("CountersignFailover"), countersigned);
		runServiceSteps("RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups");

		identityService().setAuthenticatedUserId("operator");
		Map<String, Object> recover = Map.of(FailoverVariables.LOG_CHAIN_DECISION, "RECOVER_WITH_DATA_LOSS",
				FailoverVariables.LOG_CHAIN_COMMENT, "file lost with the primary");
		complete(task("DecideBrokenLogChain"), recover);
		identityService().setAuthenticatedUserId("operator2");
		complete(task("CountersignDataLoss"), withVariables(FailoverVariables.DATA_LOSS_COUNTERSIGNED, "false",
				FailoverVariables.COUNTERSIGN_COMMENT, "try the retry first"));
		assertThat(failover).isWaitingAt("DecideBrokenLogChain");
		Assertions.assertThat(shown(task())).containsEntry(TaskContext.TASK_ROUND, 2)
			.containsEntry(TaskContext.ROUND_REASON,
					"the second operator did not countersign the recovery with data loss: try the retry first")
			.doesNotContainKeys(FailoverVariables.LOG_CHAIN_DECISION, FailoverVariables.LOG_CHAIN_COMMENT);
		identityService().setAuthenticatedUserId("operator");
		complete(task("DecideBrokenLogChain"), recover);
		identityService().setAuthenticatedUserId("operator2");
		complete(task("CountersignDataLoss"), withVariables(FailoverVariables.DATA_LOSS_COUNTERSIGNED, "true",
				FailoverVariables.COUNTERSIGN_COMMENT, "accepted"));

		assertThat(failover).isWaitingAt("EndConnections");
		verify(logShipping).removeSecondary(any(), any());
	}

	@Test
	void failsOverThroughEveryStepWhenTheLogChainIsIntact() throws Exception {
		ProcessInstance failover = startFailover("INC-4711");
		execute(job());
		assertThat(failover).isWaitingAt("ConfirmFailover").task().hasCandidateGroup("pchat-operators");
		Assertions.assertThat(taskService().getVariablesLocal(task().getId()))
			.containsEntry(TaskContext.TASK_ROUND, 1)
			.containsEntry(TaskContext.PROGRESS_DONE, "Check preconditions and build plan")
			.containsEntry(TaskContext.PROGRESS_STEP, "Confirm failover")
			.containsEntry(TaskContext.PROGRESS_NEXT, "Remove log shipping → Copy backup files → Apply log backups → "
					+ "End connections to the database → Recover database → Set pool state FailedOver → "
					+ "Install mirror for the new principal → Confirm active servers → Set active servers → Verify service")
			.containsEntry(TaskContext.REPORT_LINK, "/api/failovers/" + failover.getId() + "/report")
			.doesNotContainKey(TaskContext.ROUND_REASON);
		Assertions.assertThat((String) taskService().getVariableLocal(task().getId(), TaskContext.PROGRESS_POINT_OF_NO_RETURN))
			.startsWith("Remove log shipping: sp_delete_log_shipping_secondary_database removes log shipping");
		assertThat(failover).variables()
			.containsKeys(FailoverVariables.FAILOVER_PLAN, FailoverVariables.PLAN_SUMMARY)
			.containsEntry(FailoverVariables.READINESS_SUMMARY, "No estate check of pool " + POOL
					+ " has run yet (GET /api/pools/" + POOL + "/readiness).");
		approve();
		runServiceSteps("RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups", "EndConnections",
				"RecoverDatabase", "SetPoolFailedOver", "InstallMirror");
		assertThat(failover).isWaitingAt("ConfirmActiveServers");
		Assertions.assertThat(FailoverVariables.stringList(runtimeService().getVariable(failover.getId(), FailoverVariables.ACTIVE_SERVERS)))
			.containsExactly("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		complete(task(), withVariables(FailoverVariables.LOW_LATENCY_CONFIRMED, false));
		runServiceSteps("SetActiveServers");
		// SetActiveServers ended in the transaction that created VerifyService: still counted as done
		Assertions.assertThat(taskService().getVariablesLocal(task().getId()))
			.containsEntry(TaskContext.PROGRESS_DONE, "Check preconditions and build plan → Confirm failover → "
					+ "Remove log shipping → Copy backup files → Apply log backups → End connections to the database → "
					+ "Recover database → Set pool state FailedOver → Install mirror for the new principal → "
					+ "Confirm active servers → Set active servers")
			.containsEntry(TaskContext.PROGRESS_NEXT, "")
			.containsEntry(TaskContext.ACTIVE_SERVERS_SET, "dal-pc-001.litwareinc.com, dal-pc-002.litwareinc.com")
			.doesNotContainKey(TaskContext.PROGRESS_POINT_OF_NO_RETURN);
		assertThat(failover).isWaitingAt("VerifyService").variables().containsEntry(
				FailoverVariables.ACTIVE_SERVER_EVIDENCE, "Active servers set and confirmed by the database: "
						+ "mgc.dbo.tblServerIdentity on dal-sql-bk.litwareinc.com\\PCHAT\n"
						+ "  - dal-pc-001.litwareinc.com: pinged 2026-11-29T13:05 (serverLastPingTime as stored, in a time zone the references do not name)\n");
		complete(task("VerifyService"), withVariables(FailoverVariables.SERVICE_VERIFIED, "true",
				FailoverVariables.VERIFICATION_COMMENT, "posted in room Ops"));

		assertThat(failover).isEnded()
			.hasPassedInOrder("CheckPreconditions", "ConfirmFailover", "RemoveLogShipping", "CopyBackupFiles",
					"ApplyLogBackups", "EndConnections", "RecoverDatabase", "SetPoolFailedOver", "InstallMirror",
					"ConfirmActiveServers", "SetActiveServers", "VerifyService", "FailoverCompleted")
			.hasNotPassed("DecideBrokenLogChain", "FailoverAborted");
		InOrder runbook = inOrder(logShipping, recovery, poolService);
		Pool pool = TestPools.atlantaPool();
		verify(registry).register(eq(failover.getId()), eq("INC-4711"), eq(POOL), eq(null), eq("engine"));
		runbook.verify(logShipping).planFailover(eq(pool), any(ActionLog.class));
		verify(registry).recordPlannedFolders(eq(failover.getId()), any(LogShippingFolders.class));
		runbook.verify(logShipping).removeSecondary(eq(pool), any(ActionLog.class));
		runbook.verify(logShipping).copyMissingFiles(eq(pool), eq(PLANNED_FOLDERS), any(ActionLog.class));
		runbook.verify(logShipping).applyPendingLogs(eq(pool), eq(PLANNED_FOLDERS), any(ActionLog.class));
		runbook.verify(recovery).endConnections(eq(pool), any(ActionLog.class));
		runbook.verify(recovery).recoverDatabase(eq(pool), any(ActionLog.class));
		runbook.verify(poolService).setPoolFailedOver(eq(pool), any(ActionLog.class));
		runbook.verify(poolService).installMirror(eq(pool), any(ActionLog.class));
		runbook.verify(poolService)
			.setActiveServers(eq(pool), eq(List.of("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com")),
					eq(false), any(ActionLog.class));
		assertThat(failover).variables()
			.containsEntry(FailoverVariables.FAILOVER_APPROVED, true)
			.containsEntry(FailoverVariables.SERVICE_VERIFIED, true);
	}

	@Test
	void abortsWithoutTouchingAnythingWhenTheOperatorAborts() {
		ProcessInstance failover = startFailover("INC-4712");
		execute(job());
		complete(task("ConfirmFailover"), withVariables(FailoverVariables.FAILOVER_APPROVED, "false",
				FailoverVariables.CONFIRMATION_COMMENT, "primary is back"));

		assertThat(failover).isEnded().hasPassed("FailoverAborted").hasNotPassed("RemoveLogShipping");
		verify(logShipping, never()).removeSecondary(any(), any());
		assertThat(failover).variables().containsEntry(FailoverVariables.FAILOVER_APPROVED, false);
	}

	@Test
	void refusesAnApprovalThatDoesNotConfirmEveryPrecondition() {
		ProcessInstance failover = startFailover("INC-4713");
		execute(job());

		assertThatThrownBy(() -> taskService().complete(task("ConfirmFailover").getId(),
				Map.of(FailoverVariables.FAILOVER_APPROVED, "true", FailoverVariables.CONFIRMATION_COMMENT, "go",
						FailoverVariables.PRIMARY_DATABASE_DOWN, true, FailoverVariables.PRIMARY_MIRROR_DOWN, true,
						FailoverVariables.FRONT_END_DOWN, true)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(FailoverVariables.COMPLIANCE_OUTPUT_SECURED);
		assertThat(failover).isWaitingAt("ConfirmFailover");
	}

	@Test
	void refusesADecisionHiddenInATaskLocalVariable() {
		ProcessInstance failover = startFailover("INC-4719");
		execute(job());
		String taskId = task("ConfirmFailover").getId();
		// the gateway reads the process variable (approve), the check would read the local one (abort)
		taskService().setVariableLocal(taskId, FailoverVariables.FAILOVER_APPROVED, false);

		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(FailoverVariables.FAILOVER_APPROVED, true,
				FailoverVariables.CONFIRMATION_COMMENT, "go")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("task-local");
		assertThat(failover).isWaitingAt("ConfirmFailover");
		verify(logShipping, never()).removeSecondary(any(), any());
	}

	@Test
	void recoversWithTheDataLossShownWhenTheLogChainIsBroken() throws Exception {
		doThrow(new LogChainBrokenException(new FailoverPlan.LogChainGap("42000000001600001", "mgc_20261125090000.trn",
				"42000000002400001"), "DATA LOSS: missing mgc_20261125084500.trn", "gap after LSN 42000000001600001"))
			.when(logShipping)
			.applyPendingLogs(any(), any(), any());
		ProcessInstance failover = approvedFailover("INC-4714");
		runServiceSteps("RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups");

		assertThat(failover).isWaitingAt("DecideBrokenLogChain");
		assertThat(failover).variables()
			.containsEntry(FailoverVariables.LOG_CHAIN_GAP, "gap after LSN 42000000001600001")
			.containsEntry(FailoverVariables.DATA_LOSS_STATEMENT, "DATA LOSS: missing mgc_20261125084500.trn");
		complete(task(), withVariables(FailoverVariables.LOG_CHAIN_DECISION, "RECOVER_WITH_DATA_LOSS",
				FailoverVariables.LOG_CHAIN_COMMENT, "file lost with the primary"));
		runServiceSteps("EndConnections", "RecoverDatabase");

		assertThat(failover).hasPassedInOrder("ApplyLogBackups", "DecideBrokenLogChain", "EndConnections",
				"RecoverDatabase");
		verify(recovery).recoverDatabase(any(), any());
	}

	@Test
	void showsTheApproverTheLastEstateCheckBesideThePlan() {
		when(readiness.last(POOL)).thenReturn(Optional.of(new ReadinessReport(POOL, false,
				Instant.parse("2026-11-29T06:00:00Z"), List.of(new ReadinessCheck("recovery-point", false,
						"the newest restorable log backup finished 190 min ago", "check the backup job")),
				Instant.parse("2026-11-29T02:50:00Z"))));
		ProcessInstance failover = startFailover("INC-4719");
		execute(job());

		assertThat(failover).isWaitingAt("ConfirmFailover").variables()
			.containsEntry(FailoverVariables.READINESS_SUMMARY, "Estate check of 2026-11-29T06:00:00Z: NOT READY, 1 of 1 "
					+ "checks failed\n  - recovery-point: the newest restorable log backup finished 190 min ago -> check "
					+ "the backup job\n");
	}

	@Test
	void copiesAndAppliesAgainWhenTheOperatorRetriesAfterFixingTheFiles() throws Exception {
		when(logShipping.applyPendingLogs(any(), any(), any()))
			.thenThrow(new LogChainBrokenException(new FailoverPlan.LogChainGap("1", null, null), "DATA LOSS", "gap"))
			.thenReturn(List.of("mgc_20261125090000.trn"));
		ProcessInstance failover = approvedFailover("INC-4715");
		runServiceSteps("RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups");
		complete(task("DecideBrokenLogChain"), withVariables(FailoverVariables.LOG_CHAIN_DECISION, "RETRY",
				FailoverVariables.LOG_CHAIN_COMMENT, "restored the missing file to the share"));
		runServiceSteps("CopyBackupFiles", "ApplyLogBackups", "EndConnections");

		verify(logShipping, times(2)).copyMissingFiles(any(), any(), any());
		verify(logShipping, times(2)).applyPendingLogs(any(), any(), any());
		assertThat(failover).hasPassed("EndConnections").variables().containsEntry(FailoverVariables.LOG_CHAIN_DECISION,
				"RETRY");
	}

	@Test
	void abortsWhenTheLogChainIsBrokenAndTheOperatorAborts() throws Exception {
		doThrow(new LogChainBrokenException(new FailoverPlan.LogChainGap("1", null, null), "DATA LOSS", "gap"))
			.when(logShipping)
			.applyPendingLogs(any(), any(), any());
		ProcessInstance failover = approvedFailover("INC-4716");
		runServiceSteps("RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups");

		assertThatThrownBy(() -> taskService().complete(task("DecideBrokenLogChain").getId(),
				Map.of(FailoverVariables.LOG_CHAIN_DECISION, "MAYBE", FailoverVariables.LOG_CHAIN_COMMENT, "?")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("RECOVER_WITH_DATA_LOSS");
		complete(task("DecideBrokenLogChain"), withVariables(FailoverVariables.LOG_CHAIN_DECISION, "ABORT",
				FailoverVariables.LOG_CHAIN_COMMENT, "call Microsoft support first"));

		assertThat(failover).isEnded().hasPassed("FailoverAborted").hasNotPassed("EndConnections");
		verify(recovery, never()).recoverDatabase(any(), any());
	}

	@Test
	void becomesAnIncidentAfterThreeFailedAttemptsAndContinuesWhenRetriedAfterTheFix() {
		doThrow(new IllegalStateException("dal-sql-bk.litwareinc.com\\PCHAT is unreachable"))
			.doThrow(new IllegalStateException("dal-sql-bk.litwareinc.com\\PCHAT is unreachable"))
			.doThrow(new IllegalStateException("dal-sql-bk.litwareinc.com\\PCHAT is unreachable"))
			.doNothing()
			.when(logShipping)
			.removeSecondary(any(), any());
		ProcessInstance failover = approvedFailover("INC-4717");
		Job removal = job("RemoveLogShipping");
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> managementService().executeJob(removal.getId()))
				.hasMessageContaining("unreachable");
		}

		Incident incident = runtimeService().createIncidentQuery().processInstanceId(failover.getId()).singleResult();
		Assertions.assertThat(incident).isNotNull();
		Assertions.assertThat(incident.getActivityId()).isEqualTo("RemoveLogShipping");
		Assertions.assertThat(incident.getIncidentMessage())
			.contains("dal-sql-bk.litwareinc.com\\PCHAT is unreachable");
		Assertions.assertThat(job("RemoveLogShipping").getRetries()).isZero();

		managementService().setJobRetries(removal.getId(), 1);
		execute(job("RemoveLogShipping"));

		assertThat(failover).isWaitingAt("CopyBackupFiles").hasPassed("RemoveLogShipping");
		Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(failover.getId()).count())
			.isZero();
		verify(logShipping, times(4)).removeSecondary(any(), any());
	}

	@Test
	void returnsToTheChoiceOfActiveServersWhenClientsDoNotWork() {
		ProcessInstance failover = approvedFailover("INC-4718");
		runServiceSteps("RemoveLogShipping", "CopyBackupFiles", "ApplyLogBackups", "EndConnections",
				"RecoverDatabase", "SetPoolFailedOver", "InstallMirror");

		assertThatThrownBy(() -> taskService().complete(task("ConfirmActiveServers").getId(),
				Map.of(FailoverVariables.ACTIVE_SERVERS, List.of("atl-pc-001.litwareinc.com"))))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("atl-pc-001.litwareinc.com is in data centre Atlanta, not in Dallas");
		complete(task("ConfirmActiveServers"), withVariables(FailoverVariables.ACTIVE_SERVERS,
				"dal-pc-001.litwareinc.com"));
		runServiceSteps("SetActiveServers");
		complete(task("VerifyService"), withVariables(FailoverVariables.SERVICE_VERIFIED, "false",
				FailoverVariables.VERIFICATION_COMMENT, "clients cannot join rooms"));

		assertThat(failover).isWaitingAt("ConfirmActiveServers");
		Assertions.assertThat(shown(task())).containsEntry(TaskContext.TASK_ROUND, 2)
			.containsEntry(TaskContext.ROUND_REASON, "the service was not verified: clients cannot join rooms")
			.doesNotContainKey(FailoverVariables.LOW_LATENCY_CONFIRMED);
		Assertions.assertThat(FailoverVariables.stringList(shown(task()).get(FailoverVariables.ACTIVE_SERVERS)))
			.as("the proposal again, not the servers the service failed with")
			.containsExactly("dal-pc-001.litwareinc.com", "dal-pc-002.litwareinc.com");
		complete(task(), withVariables(FailoverVariables.ACTIVE_SERVERS,
				List.of("dal-pc-002.litwareinc.com", "atl-pc-001.litwareinc.com"), FailoverVariables.LOW_LATENCY_CONFIRMED,
				"true"));
		runServiceSteps("SetActiveServers");

		verify(poolService).setActiveServers(any(), eq(List.of("dal-pc-001.litwareinc.com")), eq(false), any());
		verify(poolService).setActiveServers(any(),
				eq(List.of("dal-pc-002.litwareinc.com", "atl-pc-001.litwareinc.com")), eq(true), any());
		assertThat(failover).isWaitingAt("VerifyService");
		Assertions.assertThat(shown(task())).containsEntry(TaskContext.TASK_ROUND, 2)
			.containsEntry(TaskContext.ROUND_REASON, "the service was not verified: clients cannot join rooms")
			.containsEntry(TaskContext.ACTIVE_SERVERS_SET, "dal-pc-002.litwareinc.com, atl-pc-001.litwareinc.com")
			.doesNotContainKeys(FailoverVariables.SERVICE_VERIFIED, FailoverVariables.VERIFICATION_COMMENT);
	}

	/** What the task's form is given: the engine's form variables (task-local and the process's). */
	private static Map<String, Object> shown(org.camunda.bpm.engine.task.Task task) {
		return formService().getTaskFormVariables(task.getId());
	}

	private ProcessInstance startFailover(String ticketId) {
		ProcessInstance failover = runtimeService().startProcessInstanceByKey(FailoverVariables.PROCESS_ID, ticketId,
				Map.of(FailoverVariables.POOL_FQDN, POOL, FailoverVariables.TICKET_ID, ticketId,
						FailoverVariables.REASON, "Atlanta data centre lost", FailoverVariables.REQUESTED_BY, "j.doe"));
		// nothing runs inside the request: CheckPreconditions is asynchronous, so a ticket gets its answer at once
		assertThat(failover).isStarted().isWaitingAt("CheckPreconditions");
		return failover;
	}

	private ProcessInstance approvedFailover(String ticketId) {
		ProcessInstance failover = startFailover(ticketId);
		execute(job());
		approve();
		return failover;
	}

	private void approve() {
		complete(task("ConfirmFailover"),
				withVariables(FailoverVariables.FAILOVER_APPROVED, "true", FailoverVariables.CONFIRMATION_COMMENT,
						"outage confirmed with the Atlanta DBA", FailoverVariables.PRIMARY_DATABASE_DOWN, true,
						FailoverVariables.PRIMARY_MIRROR_DOWN, true, FailoverVariables.FRONT_END_DOWN, true,
						FailoverVariables.COMPLIANCE_OUTPUT_SECURED, true));
	}

	/** Runs the asynchronous service steps one by one, checking the process waits at each in turn. */
	private void runServiceSteps(String... activityIds) {
		for (String activityId : activityIds) {
			execute(job(activityId));
		}
	}

	private static FailoverPlan plan() {
		return new FailoverPlan(POOL, "mgc", "dal-sql-bk.litwareinc.com\\PCHAT", "RESTORING", "42000000001600001",
				"\\\\atl-sql-001.litwareinc.com\\logship", "\\\\dal-sql-bk.litwareinc.com\\logship-copy",
				"mgc_20261125084500.trn", "mgc_20261125084500.trn", List.of("mgc_20261125090000.trn"),
				List.of(new FailoverPlan.LogBackup("mgc_20261125090000.trn", "42000000001600001", "42000000002400001",
						Instant.parse("2026-11-25T09:00:05Z"))),
				List.of(), null, new FailoverPlan.DataLossWindow(Instant.parse("2026-11-25T09:00:05Z"), null,
						"none known: every log backup on the share can be applied"),
				Instant.parse("2026-11-25T09:10:00Z"));
	}

}
