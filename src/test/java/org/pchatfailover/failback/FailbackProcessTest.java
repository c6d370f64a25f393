package org.pchatfailover.failback;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.pchatfailover.failover.FailoverRegistration;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverTarget;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.TaskContext;
import org.pchatfailover.failover.RetryPolicy;
import org.pchatfailover.failover.RetryProperties;
import org.pchatfailover.failover.VerifyServiceCompletion;
import org.pchatfailover.lync.PoolFailbackService;
import org.pchatfailover.sqlserver.BackupHeader;
import org.pchatfailover.sqlserver.DatabaseMirroringRow;
import org.pchatfailover.sqlserver.DatabaseMirroringService;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.sqlserver.FailbackPlan;
import org.pchatfailover.sqlserver.LogShippingScript;
import org.pchatfailover.sqlserver.PrimaryMirrorLogShipping;
import org.pchatfailover.sqlserver.LogShippingSetup;
import org.pchatfailover.sqlserver.LogShippingSetupException;
import org.pchatfailover.sqlserver.OverwritePreview;
import org.pchatfailover.topology.TestPools;
import org.pchatfailover.topology.Topology;

/**
 * The shipped failback model, walked as an operator would, with the SQL Server and Lync services mocked: the
 * delegates, listeners and gateways are real. Every path of the model has a test.
 */
@Deployment(resources = { "bpmn/persistent-chat-failback.bpmn", "bpmn/forms/confirm-failback.form",
		"bpmn/forms/confirm-failback-active-servers.form", "bpmn/forms/verify-service.form",
		"bpmn/forms/confirm-overwrite-primary.form", "bpmn/forms/mirror-primary-database.form",
		"bpmn/forms/run-log-shipping-script.form" })
class FailbackProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-test.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final String POOL = TestPools.POOL_FQDN;

	private static final String PRIMARY = "atl-sql-001.litwareinc.com\\PCHAT";

	private static final String SHARE = "\\\\atl-sql-001.litwareinc.com\\logship";

	private static final String COPY = "\\\\dal-sql-bk.litwareinc.com\\logship-copy";

	private final FailoverRegistry registry = mock(FailoverRegistry.class);

	private final FailbackDatabaseService databases = mock(FailbackDatabaseService.class);

	private final LogShippingSetup logShipping = mock(LogShippingSetup.class);

	private final PoolFailbackService poolService = mock(PoolFailbackService.class);

	private final DatabaseMirroringService mirroring = mock(DatabaseMirroringService.class);

	private final PrimaryMirrorLogShipping mirrorLogShipping = mock(PrimaryMirrorLogShipping.class);

	@BeforeEach
	void registerDelegates() {
		Topology topology = TestPools.failbackTopology();
		when(registry.require(any())).thenAnswer(call -> new FailoverRegistry.Registration(call.getArgument(0),
				"CHG-100", POOL, null, SHARE, COPY));
		when(poolService.poolState(any(), any())).thenReturn("FailedOver");
		when(databases.planFailback(any(), any(), anyString(), any())).thenReturn(plan());
		when(databases.backupDatabase(any(), anyString(), any())).thenReturn(new BackupHeader(
				"CHG-100_mgc_failback_full.bak", SHARE + "\\CHG-100_mgc_failback_full.bak", "mgc", 1,
				new BigInteger("52000000001600001"), new BigInteger("52000000002400001"),
				Instant.parse("2026-11-29T14:00:00Z")));
		when(databases.previewOverwrite(any(), anyString(), any(), any())).thenReturn(preview());
		when(mirroring.readPrimaryMirroring(any(), any())).thenReturn(Optional.of(new DatabaseMirroringRow("PRINCIPAL",
				"SYNCHRONIZED", "ATL-SQL-MR\\PCHAT", "TCP://atl-sql-mr.litwareinc.com:5022")));
		registerDelegates(topology);
	}

	private void registerDelegates(Topology topology) {
		FailbackTarget target = new FailbackTarget(new FailoverTarget(registry, topology));
		Mocks.register("retryPolicy", new RetryPolicy(new RetryProperties("R3/PT1M")));
		Mocks.register("registerFailback", new FailbackRegistration(registry, topology));
		Mocks.register("checkFailbackPreconditions",
				new CheckFailbackPreconditionsDelegate(databases, poolService, target));
		Mocks.register("clearActiveServers", new ClearActiveServersDelegate(poolService, target));
		Mocks.register("removeMirroring", new RemoveMirroringDelegate(databases, target));
		Mocks.register("backupDatabase", new BackupDatabaseDelegate(databases, target));
		Mocks.register("restorePrimaryDatabase", new RestorePrimaryDatabaseDelegate(databases, target));
		Mocks.register("reestablishLogShipping", new ReestablishLogShippingDelegate(logShipping, target));
		Mocks.register("setFailbackActiveServers", new SetFailbackActiveServersDelegate(poolService, target));
		Mocks.register("setPoolNormal", new SetPoolNormalDelegate(poolService, target));
		Mocks.register("confirmFailbackCompletion", new ConfirmFailbackCompletion());
		Mocks.register("proposeFailbackActiveServers", new FailbackActiveServerProposal(target));
		Mocks.register("failbackActiveServersCompletion", new FailbackActiveServersCompletion(target));
		Mocks.register("verifyServiceCompletion", new VerifyServiceCompletion());
		Mocks.register("proposeOverwritePrimary", new OverwritePrimaryProposal(databases, target));
		Mocks.register("confirmOverwritePrimaryCompletion", new ConfirmOverwritePrimaryCompletion(target));
		Mocks.register("proposePrimaryMirror", new PrimaryMirrorProposal(target));
		Mocks.register("logShippingScriptCompletion", new LogShippingScriptCompletion(logShipping, target));
		Mocks.register("mirrorPrimaryCompletion", new MirrorPrimaryCompletion(mirroring, target));
		Mocks.register("taskContext", new TaskContext());
		Mocks.register("decideShipLogsFromPrimaryMirror", new PrimaryMirrorLogShippingDecision(target));
		Mocks.register("proposeShipLogsFromPrimaryMirror", new PrimaryMirrorLogShippingProposal(mirrorLogShipping,
				target));
		Mocks.register("shipLogsFromPrimaryMirrorCompletion", new PrimaryMirrorLogShippingCompletion(mirrorLogShipping,
				target));
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void failsBackInTheArticlesOrderAndProposesThePrimaryDataCentresServers() {
		ProcessInstance failback = startFailback("CHG-100");
		execute(job());
		assertThat(failback).isWaitingAt("ConfirmFailback").task().hasCandidateGroup("pchat-operators");
		assertThat(failback).variables().containsKey(FailbackVariables.FAILBACK_PLAN)
			.containsEntry(FailoverVariables.PLAN_SUMMARY, plan().summary("mgc"));
		verify(databases).planFailback(any(), any(), eq("CHG-100_mgc_failback_full.bak"), any());
		approve();
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		assertThat(failback).isWaitingAt("ConfirmOverwritePrimary").task().hasCandidateGroup("pchat-operators");
		Assertions.assertThat(taskService().getVariablesLocal(task().getId()))
			.containsEntry(TaskContext.PROGRESS_STEP, "Confirm overwrite of the primary mgc")
			.containsEntry(TaskContext.REPORT_LINK, "/api/failbacks/" + failback.getId() + "/report")
			.containsEntry(TaskContext.PROGRESS_POINT_OF_NO_RETURN, "Restore mgc on the primary: RESTORE DATABASE mgc "
					+ "WITH REPLACE overwrites the primary mgc with the backup taken here: whatever the primary's mgc held is gone");
		Assertions.assertThat((String) taskService().getVariableLocal(task().getId(), TaskContext.PROGRESS_DONE))
			.endsWith("Clear active servers → Remove mirroring of mgc and mgccomp → Back up mgc to the log-shipping share");
		assertThat(failback).variables().containsEntry(FailbackVariables.OVERWRITE_SUMMARY, preview().summary())
			.containsEntry(FailbackVariables.OVERWRITE_TARGET, PRIMARY);
		verify(databases, never()).restorePrimaryDatabase(any(), anyString(), any());
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase", "MirrorPrimaryDatabase");
		assertThat(failback).isWaitingAt("MirrorPrimaryDatabase");
		Assertions.assertThat((String) runtimeService().getVariable(failback.getId(),
				FailbackVariables.PRIMARY_MIRROR_COMMAND)).isEqualTo("Install-CsMirrorDatabase -DatabaseType"
						+ " 'PersistentChat' -SqlServerFqdn 'atl-sql-001.litwareinc.com' -SqlInstanceName 'PCHAT'"
						+ " -FileShare '" + TestPools.failbackPool().mirrorFileShare() + "' -DropExistingDatabasesOnMirror -Confirm:$false");
		verifyNoInteractions(logShipping);
		complete(task("MirrorPrimaryDatabase"), withVariables(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "true"));
		assertThat(failback).variables().containsEntry(FailbackVariables.PRIMARY_MIRRORING,
				"PRINCIPAL/SYNCHRONIZED, partner ATL-SQL-MR\\PCHAT");
		runServiceSteps("ReestablishLogShipping");

		assertThat(failback).isWaitingAt("ConfirmActiveServers");
		Assertions.assertThat(FailoverVariables.stringList(
				runtimeService().getVariable(failback.getId(), FailoverVariables.ACTIVE_SERVERS)))
			.containsExactly("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com");
		complete(task("ConfirmActiveServers"));
		runServiceSteps("SetActiveServers", "SetPoolNormal");
		complete(task("VerifyService"), withVariables(FailoverVariables.SERVICE_VERIFIED, "true",
				FailoverVariables.VERIFICATION_COMMENT, "rooms open from Atlanta"));

		assertThat(failback).isEnded().hasPassedInOrder("CheckFailbackPreconditions", "ConfirmFailback",
				"ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary", "RestorePrimaryDatabase",
				"MirrorPrimaryDatabase", "ReestablishLogShipping", "ConfirmActiveServers", "SetActiveServers", "SetPoolNormal", "VerifyService",
				"FailbackCompleted");
		String file = SHARE + "\\CHG-100_mgc_failback_full.bak";
		InOrder runbook = inOrder(poolService, databases, logShipping);
		runbook.verify(poolService).clearActiveServers(any(), any());
		runbook.verify(databases).removeMirroring(any(), any());
		runbook.verify(databases).backupDatabase(any(), eq(file), any());
		runbook.verify(databases).previewOverwrite(any(), eq(file), any(), any());
		runbook.verify(databases).restorePrimaryDatabase(any(), eq(file), any());
		runbook.verify(logShipping).reestablish(any(), eq(SHARE), eq(COPY),
				eq(SHARE + "\\CHG-100_mgc_primary_full.bak"), any());
		runbook.verify(poolService).setActiveServers(any(),
				eq(List.of("atl-pc-001.litwareinc.com", "atl-pc-002.litwareinc.com")), eq(false), any());
		runbook.verify(poolService).setPoolNormal(any(), any());
		assertThat(failback).variables().containsKey(FailbackVariables.BACKUP_TAKEN);
	}

	@Test
	void abortsWithoutTouchingAnythingWhenTheOperatorAborts() {
		ProcessInstance failback = startFailback("CHG-101");
		execute(job());
		complete(task("ConfirmFailback"), withVariables(FailbackVariables.FAILBACK_APPROVED, "false",
				FailoverVariables.CONFIRMATION_COMMENT, "primary SAN not signed off"));

		assertThat(failback).isEnded().hasPassed("FailbackAborted").hasNotPassed("ClearActiveServers");
		verify(poolService, never()).clearActiveServers(any(), any());
		verify(databases, never()).removeMirroring(any(), any());
		verifyNoInteractions(logShipping);
	}

	@Test
	void refusesAnApprovalThatDoesNotConfirmEveryPreconditionOfTheArticle() {
		ProcessInstance failback = startFailback("CHG-102");
		execute(job());

		assertThatThrownBy(() -> taskService().complete(task("ConfirmFailback").getId(),
				Map.of(FailbackVariables.FAILBACK_APPROVED, "true", FailoverVariables.CONFIRMATION_COMMENT, "go",
						FailbackVariables.PRIMARY_DATA_CENTER_RECOVERED, true,
						FailbackVariables.PRIMARY_DATABASES_REBUILT, true,
						FailbackVariables.NO_NEW_MIRROR_OR_BACKUP_SERVERS, true)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(FailbackVariables.SQL_AGENT_CAN_REACH_SHARES);
		assertThat(failback).isWaitingAt("ConfirmFailback");
	}

	@Test
	void stopsAtTheFirstStepWhenThePoolIsNotFailedOver() {
		when(poolService.poolState(any(), any())).thenReturn("Normal");
		ProcessInstance failback = startFailback("CHG-103");
		Job check = job("CheckFailbackPreconditions");

		assertThatThrownBy(() -> managementService().executeJob(check.getId())).hasMessageContaining(
				"pool " + POOL + " is Normal, not FailedOver: a failback follows a failover");
		assertThat(failback).isWaitingAt("CheckFailbackPreconditions");
		verify(databases, never()).planFailback(any(), any(), anyString(), any());
	}

	@Test
	void refusesToStartForAPoolWithoutItsPrimaryInstance() {
		Mocks.register("registerFailback", new FailbackRegistration(registry, TestPools.topology()));

		assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(FailbackVariables.PROCESS_ID, "CHG-104",
				Map.of(FailoverVariables.POOL_FQDN, POOL)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("has no primary-sql");
		Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
		verify(registry, never()).register(any(), any(), any(), any(), any());
	}

	@Test
	void becomesAnIncidentWhenTheRestoreFailsAndContinuesWhenRetriedAfterTheFix() {
		String error = "RESTORE DATABASE mgc WITH REPLACE, RECOVERY on atl-sql-001.litwareinc.com\\PCHAT failed: 3101";
		doThrow(new IllegalStateException(error)).doThrow(new IllegalStateException(error))
			.doThrow(new IllegalStateException(error)).doNothing()
			.when(databases).restorePrimaryDatabase(any(), anyString(), any());
		ProcessInstance failback = approvedFailback("CHG-105");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		Job restore = job("RestorePrimaryDatabase");
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> managementService().executeJob(restore.getId())).hasMessageContaining("3101");
		}
		Incident incident = runtimeService().createIncidentQuery().processInstanceId(failback.getId()).singleResult();
		Assertions.assertThat(incident.getActivityId()).isEqualTo("RestorePrimaryDatabase");
		Assertions.assertThat(incident.getIncidentMessage()).contains("3101");

		managementService().setJobRetries(restore.getId(), 1);
		execute(job("RestorePrimaryDatabase"));

		assertThat(failback).isWaitingAt("MirrorPrimaryDatabase");
		verify(databases, times(4)).restorePrimaryDatabase(any(), anyString(), any());
		verify(databases, times(1)).backupDatabase(any(), anyString(), any());
	}

	@Test
	void returnsToTheChoiceOfActiveServersWhenClientsDoNotWork() {
		ProcessInstance failback = approvedFailback("CHG-106");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase", "MirrorPrimaryDatabase");
		complete(task("MirrorPrimaryDatabase"), withVariables(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "false",
				FailbackVariables.PRIMARY_MIRROR_COMMENT, "mirror host still being rebuilt"));
		runServiceSteps("ReestablishLogShipping");

		assertThatThrownBy(() -> taskService().complete(task("ConfirmActiveServers").getId(),
				Map.of(FailoverVariables.ACTIVE_SERVERS, List.of("dal-pc-001.litwareinc.com"))))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("dal-pc-001.litwareinc.com is in data centre Dallas, not in Atlanta");
		complete(task("ConfirmActiveServers"), withVariables(FailoverVariables.ACTIVE_SERVERS,
				List.of("atl-pc-001.litwareinc.com")));
		runServiceSteps("SetActiveServers", "SetPoolNormal");
		complete(task("VerifyService"), withVariables(FailoverVariables.SERVICE_VERIFIED, "false",
				FailoverVariables.VERIFICATION_COMMENT, "clients cannot join rooms"));

		assertThat(failback).isWaitingAt("ConfirmActiveServers");
		Assertions.assertThat(formService().getTaskFormVariables(task().getId()))
			.containsEntry(TaskContext.TASK_ROUND, 2)
			.containsEntry(TaskContext.ROUND_REASON, "the service was not verified: clients cannot join rooms")
			.doesNotContainKey(FailoverVariables.LOW_LATENCY_CONFIRMED);
		complete(task(), withVariables(FailoverVariables.ACTIVE_SERVERS,
				List.of("atl-pc-002.litwareinc.com", "dal-pc-001.litwareinc.com"), FailoverVariables.LOW_LATENCY_CONFIRMED,
				"true"));
		runServiceSteps("SetActiveServers", "SetPoolNormal");

		verify(poolService).setActiveServers(any(), eq(List.of("atl-pc-001.litwareinc.com")), eq(false), any());
		verify(poolService).setActiveServers(any(),
				eq(List.of("atl-pc-002.litwareinc.com", "dal-pc-001.litwareinc.com")), eq(true), any());
		verify(poolService, times(2)).setPoolNormal(any(), any());
		assertThat(failback).isWaitingAt("VerifyService");
		Assertions.assertThat(formService().getTaskFormVariables(task().getId()))
			.containsEntry(TaskContext.TASK_ROUND, 2)
			.doesNotContainKeys(FailoverVariables.SERVICE_VERIFIED, FailoverVariables.VERIFICATION_COMMENT);
	}

	@Test
	void abortsBeforeTheOverwriteLeavingThePrimaryUntouched() {
		ProcessInstance failback = approvedFailback("CHG-107");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		complete(task("ConfirmOverwritePrimary"), withVariables(FailbackVariables.OVERWRITE_APPROVED, "false"));

		assertThat(failback).isEnded().hasPassed("OverwriteApprovedGateway", "FailbackAborted")
			.hasNotPassed("RestorePrimaryDatabase");
		verify(databases, never()).restorePrimaryDatabase(any(), anyString(), any());
		verifyNoInteractions(logShipping);
	}

	@Test
	void refusesAnOverwriteWithoutThePrimaryInstancesNameTyped() {
		ProcessInstance failback = approvedFailback("CHG-108");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		String confirm = task("ConfirmOverwritePrimary").getId();

		assertThatThrownBy(() -> taskService().complete(confirm,
				Map.of(FailbackVariables.OVERWRITE_APPROVED, "true")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(FailbackVariables.OVERWRITE_CONFIRMATION);
		assertThatThrownBy(() -> taskService().complete(confirm, Map.of(FailbackVariables.OVERWRITE_APPROVED, "true",
				FailbackVariables.OVERWRITE_CONFIRMATION, "dal-sql-bk.litwareinc.com\\PCHAT")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("is not the primary instance " + PRIMARY);
		assertThat(failback).isWaitingAt("ConfirmOverwritePrimary");
		verify(databases, never()).restorePrimaryDatabase(any(), anyString(), any());

		complete(task("ConfirmOverwritePrimary"), withVariables(FailbackVariables.OVERWRITE_APPROVED, "true",
				FailbackVariables.OVERWRITE_CONFIRMATION, " " + PRIMARY.toUpperCase(java.util.Locale.ROOT) + " "));
		assertThat(failback).isWaitingAt("RestorePrimaryDatabase");
	}

	@Test
	void becomesAnIncidentOnTheConfirmationWhenThePrimaryCannotBeRead() {
		doThrow(new IllegalStateException("cannot connect to atl-sql-001.litwareinc.com\\PCHAT"))
			.when(databases).previewOverwrite(any(), anyString(), any(), any());
		ProcessInstance failback = approvedFailback("CHG-109");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase");
		Job confirm = job("ConfirmOverwritePrimary");
		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> managementService().executeJob(confirm.getId()))
				.hasMessageContaining("cannot connect");
		}

		Incident incident = runtimeService().createIncidentQuery().processInstanceId(failback.getId()).singleResult();
		Assertions.assertThat(incident.getActivityId()).isEqualTo("ConfirmOverwritePrimary");
		verify(databases, never()).restorePrimaryDatabase(any(), anyString(), any());
	}

	@Test
	void refusesMirroringAsInstalledUntilThePrimaryShowsItAndAcceptsADeferralWithAReason() {
		when(mirroring.readPrimaryMirroring(any(), any())).thenReturn(Optional.of(new DatabaseMirroringRow(null,
				null, null, null)));
		ProcessInstance failback = approvedFailback("CHG-110");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase", "MirrorPrimaryDatabase");
		String task = task("MirrorPrimaryDatabase").getId();

		assertThatThrownBy(() -> taskService().complete(task, Map.of(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "true")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("shows not mirrored; expected PRINCIPAL/SYNCHRONIZED or SYNCHRONIZING, partner"
					+ " atl-sql-mr.litwareinc.com\\PCHAT");
		assertThatThrownBy(() -> taskService().complete(task, Map.of(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "false")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(FailbackVariables.PRIMARY_MIRROR_COMMENT);
		assertThat(failback).isWaitingAt("MirrorPrimaryDatabase");
		verifyNoInteractions(logShipping);

		complete(task("MirrorPrimaryDatabase"), withVariables(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "false",
				FailbackVariables.PRIMARY_MIRROR_COMMENT, "mirror host not rebuilt yet, change CHG-111"));
		assertThat(failback).isWaitingAt("ReestablishLogShipping");
	}

	@Test
	void goesStraightToLogShippingForAPrimaryWithoutAMirror() {
		registerDelegates(TestPools.failbackTopologyWithoutPrimaryMirror());
		ProcessInstance failback = approvedFailback("CHG-112");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase");

		assertThat(failback).isWaitingAt("ReestablishLogShipping").hasPassed("PrimaryMirrorGateway", "PrimaryMirrorJoin")
			.hasNotPassed("MirrorPrimaryDatabase");
		verifyNoInteractions(mirroring);
	}

	@Test
	void handsTheDbaTheScriptWhenSqlServerRefusesASetupStatementAndChecksItWasRun() {
		String script = LogShippingScript.of("mgc", "ATL-SQL-001\\PCHAT", "DAL-SQL-BK\\PCHAT", SHARE, COPY,
				SHARE + "\\CHG-113_mgc_primary_full.bak");
		doThrow(new LogShippingSetupException("setting up log shipping of mgc failed: 14262 job not found", script,
				null)).when(logShipping).reestablish(any(), anyString(), anyString(), anyString(), any());
		ProcessInstance failback = restoredFailback("CHG-113");
		execute(job("ReestablishLogShipping"));

		assertThat(failback).isWaitingAt("RunLogShippingScript").hasPassed("LogShippingSetupFailedBoundary");
		Assertions.assertThat(managementService().createJobQuery().processInstanceId(failback.getId()).withException()
			.count()).as("a refusal is no incident").isZero();
		assertThat(failback).variables().containsEntry(FailbackVariables.LOG_SHIPPING_SCRIPT, script)
			.containsEntry(FailbackVariables.LOG_SHIPPING_ERROR, "setting up log shipping of mgc failed: 14262 job not found");
		doThrow(new IllegalStateException("log shipping of mgc is incomplete: msdb on ATL-SQL-001\\PCHAT lacks the"
				+ " primary rows")).doNothing().when(logShipping).verify(any(), any());
		String task = task("RunLogShippingScript").getId();
		assertThatThrownBy(() -> taskService().complete(task, Map.of(FailbackVariables.LOG_SHIPPING_SCRIPT_RUN, "true")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("lacks the primary rows");
		assertThat(failback).isWaitingAt("RunLogShippingScript");

		complete(task("RunLogShippingScript"), withVariables(FailbackVariables.LOG_SHIPPING_SCRIPT_RUN, "true"));
		assertThat(failback).isWaitingAt("ConfirmActiveServers").hasPassed("LogShippingScriptGateway");
		verify(logShipping, times(2)).verify(any(), any());
	}

	@Test
	void retriesTheLogShippingStepWhenTheOperatorFixedTheCause() {
		doThrow(new LogShippingSetupException("setting up log shipping of mgc failed: 229 permission denied", "--",
				null)).doNothing().when(logShipping).reestablish(any(), anyString(), anyString(), anyString(), any());
		ProcessInstance failback = restoredFailback("CHG-114");
		execute(job("ReestablishLogShipping"));
		complete(task("RunLogShippingScript"), withVariables(FailbackVariables.LOG_SHIPPING_SCRIPT_RUN, "false"));

		assertThat(failback).isWaitingAt("ReestablishLogShipping");
		execute(job("ReestablishLogShipping"));
		assertThat(failback).isWaitingAt("ConfirmActiveServers");
		verify(logShipping, times(2)).reestablish(any(), anyString(), anyString(), anyString(), any());
		verify(logShipping, never()).verify(any(), any());
	}

	/** JJ204887: the three commands shown for the pool; "done" refused until the mirror's msdb and the primary show it. */
	@Test
	void showsTheMirrorsCommandsAndRefusesDoneUntilMsdbOnTheMirrorAndThePrimaryShowIt() {
		registerDelegates(TestPools.failbackTopologyWithCheckablePrimaryMirror());
		when(mirrorLogShipping.readSecondaryServer(any(), any())).thenReturn("DAL-SQL-BK\\PCHAT");
		when(mirrorLogShipping.missing(any(), any()))
			.thenReturn(List.of("msdb on atl-sql-mr.litwareinc.com\\PCHAT has no log_shipping_primary_databases row"
					+ " for mgc"))
			.thenReturn(List.of());
		ProcessInstance failback = approvedFailback("CHG-115");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase", "MirrorPrimaryDatabase");
		complete(task("MirrorPrimaryDatabase"), withVariables(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "true"));
		runServiceSteps("ReestablishLogShipping", "ShipLogsFromPrimaryMirror");

		assertThat(failback).isWaitingAt("ShipLogsFromPrimaryMirror").task().hasCandidateGroup("pchat-operators");
		assertThat(failback).variables()
			.containsEntry(FailbackVariables.FAILOVER_TO_MIRROR_COMMAND, "Invoke-CsDatabaseFailover -PoolFqdn '" + POOL
					+ "' -DatabaseType 'PersistentChat' -NewPrincipal 'Mirror' -Confirm:$false")
			.containsEntry(FailbackVariables.FAILBACK_TO_PRIMARY_COMMAND, "Invoke-CsDatabaseFailover -PoolFqdn '"
					+ POOL + "' -DatabaseType 'PersistentChat' -NewPrincipal 'Primary' -Confirm:$false")
			.containsEntry(FailbackVariables.MIRROR_LOG_SHIPPING_SCRIPT, LogShippingScript.primaryHalfForMirror("mgc",
					"atl-sql-mr.litwareinc.com\\PCHAT", "DAL-SQL-BK\\PCHAT", SHARE))
			.containsEntry(FailbackVariables.SHIP_LOGS_FROM_PRIMARY_MIRROR, true);
		String task = task("ShipLogsFromPrimaryMirror").getId();
		assertThatThrownBy(() -> taskService().complete(task, Map.of(FailbackVariables.MIRROR_LOG_SHIPPING_DONE, "true")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("has no log_shipping_primary_databases row for mgc");
		assertThatThrownBy(() -> taskService().complete(task, Map.of(FailbackVariables.MIRROR_LOG_SHIPPING_DONE, "false")))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(FailbackVariables.MIRROR_LOG_SHIPPING_COMMENT);
		assertThat(failback).isWaitingAt("ShipLogsFromPrimaryMirror");

		complete(task("ShipLogsFromPrimaryMirror"), withVariables(FailbackVariables.MIRROR_LOG_SHIPPING_DONE, "true"));
		assertThat(failback).isWaitingAt("ConfirmActiveServers").hasPassed("PrimaryMirrorLogShippingGateway");
		verify(mirrorLogShipping, times(2)).missing(any(), any());
	}

	@Test
	void skipsTheMirrorsLogShippingWithTheReasonWhenItCannotBeCheckedOrTheMirrorWasDeferred() {
		ProcessInstance unreadable = approvedFailback("CHG-116");
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase", "MirrorPrimaryDatabase");
		complete(task("MirrorPrimaryDatabase"), withVariables(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "true"));
		runServiceSteps("ReestablishLogShipping");
		assertThat(unreadable).isWaitingAt("ConfirmActiveServers").hasNotPassed("ShipLogsFromPrimaryMirror");
		Assertions.assertThat((String) runtimeService().getVariable(unreadable.getId(),
				FailbackVariables.PRIMARY_MIRROR_LOG_SHIPPING_SKIPPED)).contains("has no jdbc-url");
		Assertions.assertThat(String.valueOf(runtimeService().getVariable(unreadable.getId(), FailoverVariables.ACTION_LOG)))
			.contains("ShipLogsFromPrimaryMirror skipped", "has no jdbc-url");

		registerDelegates(TestPools.failbackTopologyWithCheckablePrimaryMirror());
		ProcessInstance deferred = restoredFailback("CHG-117");
		runServiceSteps("ReestablishLogShipping");
		assertThat(deferred).isWaitingAt("ConfirmActiveServers").hasNotPassed("ShipLogsFromPrimaryMirror");
		Assertions.assertThat((String) runtimeService().getVariable(deferred.getId(),
				FailbackVariables.PRIMARY_MIRROR_LOG_SHIPPING_SKIPPED)).contains("was deferred at MirrorPrimaryDatabase");
		verifyNoInteractions(mirrorLogShipping);
	}

	/** Approved, overwritten, mirroring deferred: waiting at ReestablishLogShipping. */
	private ProcessInstance restoredFailback(String ticketId) {
		ProcessInstance failback = approvedFailback(ticketId);
		runServiceSteps("ClearActiveServers", "RemoveMirroring", "BackupDatabase", "ConfirmOverwritePrimary");
		confirmOverwrite();
		runServiceSteps("RestorePrimaryDatabase", "MirrorPrimaryDatabase");
		complete(task("MirrorPrimaryDatabase"), withVariables(FailbackVariables.PRIMARY_MIRROR_INSTALLED, "false",
				FailbackVariables.PRIMARY_MIRROR_COMMENT, "later"));
		assertThat(failback).isWaitingAt("ReestablishLogShipping");
		return failback;
	}

	private ProcessInstance startFailback(String ticketId) {
		ProcessInstance failback = runtimeService().startProcessInstanceByKey(FailbackVariables.PROCESS_ID, ticketId,
				Map.of(FailoverVariables.POOL_FQDN, POOL, FailoverVariables.TICKET_ID, ticketId,
						FailoverVariables.REASON, "Atlanta rebuilt", FailoverVariables.REQUESTED_BY, "j.doe"));
		assertThat(failback).isStarted().isWaitingAt("CheckFailbackPreconditions");
		verify(registry).register(eq(failback.getId()), eq(ticketId), eq(POOL), any(), any());
		return failback;
	}

	private ProcessInstance approvedFailback(String ticketId) {
		ProcessInstance failback = startFailback(ticketId);
		execute(job());
		approve();
		return failback;
	}

	private void approve() {
		complete(task("ConfirmFailback"), withVariables(FailbackVariables.FAILBACK_APPROVED, "true",
				FailoverVariables.CONFIRMATION_COMMENT, "Atlanta rebuilt, signed off by the DBA",
				FailbackVariables.PRIMARY_DATA_CENTER_RECOVERED, true, FailbackVariables.PRIMARY_DATABASES_REBUILT,
				true, FailbackVariables.NO_NEW_MIRROR_OR_BACKUP_SERVERS, true,
				FailbackVariables.SQL_AGENT_CAN_REACH_SHARES, true));
	}

	private void confirmOverwrite() {
		complete(task("ConfirmOverwritePrimary"), withVariables(FailbackVariables.OVERWRITE_APPROVED, "true",
				FailbackVariables.OVERWRITE_CONFIRMATION, PRIMARY));
	}

	/** Runs the asynchronous service steps one by one, checking the process waits at each in turn. */
	private void runServiceSteps(String... activityIds) {
		for (String activityId : activityIds) {
			execute(job(activityId));
		}
	}

	private static OverwritePreview preview() {
		return new OverwritePreview(Instant.parse("2026-11-29T14:01:00Z"), PRIMARY, "mgc", "ONLINE", 10240L, null,
				SHARE + "\\CHG-100_mgc_failback_full.bak", "mgc", "DAL-SQL-BK\\PCHAT", 4096L,
				Instant.parse("2026-11-29T14:00:00Z"));
	}

	private static FailbackPlan plan() {
		return new FailbackPlan(Instant.parse("2026-11-29T13:55:00Z"), "DAL-SQL-BK\\PCHAT",
				"ONLINE", "PRINCIPAL SYNCHRONIZED with DAL-SQL-MR\\PCHAT", "ATL-SQL-001\\PCHAT", "ONLINE",
				SHARE + "\\CHG-100_mgc_failback_full.bak", SHARE, COPY);
	}

}
