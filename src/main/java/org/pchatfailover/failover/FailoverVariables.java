package org.pchatfailover.failover;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Names of the process variables of {@code persistentChatFailover}: the forms, the engine REST API and the
 * tests rely on them (DESIGN.md, process contract).
 */
public final class FailoverVariables {

	public static final String PROCESS_ID = "persistentChatFailover";

	/** A ticket id, the failover's business key: letters, digits, {@code . _ : -}, at most 64. */
	public static final String TICKET_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

	// set when the failover is started (business key = ticket id)
	public static final String POOL_FQDN = "poolFqdn";
	public static final String TICKET_ID = "ticketId";
	public static final String REASON = "reason";
	public static final String REQUESTED_BY = "requestedBy";

	/** The API user (the ticketing system's account) that started the failover. */
	public static final String STARTED_BY = "startedBy";

	/** Where milestones of this failover are POSTed; empty = the configured default (not a secret). */
	public static final String CALLBACK_URL = "callbackUrl";

	// CheckPreconditions
	public static final String FAILOVER_PLAN = "failoverPlan";
	public static final String PLAN_SUMMARY = "planSummary";

	/** The pool's last estate check (readiness), as the approver reads it beside the plan. */
	public static final String READINESS_SUMMARY = "readinessSummary";

	// ConfirmFailover
	public static final String FAILOVER_APPROVED = "failoverApproved";
	public static final String CONFIRMATION_COMMENT = "confirmationComment";
	public static final String PRIMARY_DATABASE_DOWN = "primaryDatabaseDown";
	public static final String PRIMARY_MIRROR_DOWN = "primaryMirrorDown";
	public static final String FRONT_END_DOWN = "frontEndDown";
	public static final String COMPLIANCE_OUTPUT_SECURED = "complianceOutputSecured";

	// ApplyLogBackups / DecideBrokenLogChain
	public static final String LOG_CHAIN_GAP = "logChainGap";

	/** What recovering now loses, the same text in the form, the report and the callback (DataLossStatement). */
	public static final String DATA_LOSS_STATEMENT = "dataLossStatement";
	public static final String LOG_CHAIN_DECISION = "logChainDecision";
	public static final String LOG_CHAIN_COMMENT = "logChainComment";

	// CountersignFailover / CountersignDataLoss (four eyes, pchat.approval.second-operator)
	public static final String FAILOVER_COUNTERSIGNED = "failoverCountersigned";
	public static final String DATA_LOSS_COUNTERSIGNED = "dataLossCountersigned";
	public static final String COUNTERSIGN_COMMENT = "countersignComment";

	// ConfirmActiveServers / SetActiveServers
	public static final String ACTIVE_SERVER_PROPOSAL = "activeServerProposal";
	public static final String ACTIVE_SERVERS = "activeServers";
	public static final String LOW_LATENCY_CONFIRMED = "lowLatencyConfirmed";

	/** SetActiveServers: which servers pinged the new principal's mgc since they were set (tblServerIdentity). */
	public static final String ACTIVE_SERVER_EVIDENCE = "activeServerEvidence";

	// VerifyService
	public static final String SERVICE_VERIFIED = "serviceVerified";
	public static final String VERIFICATION_COMMENT = "verificationComment";

	/** JSON list of what the last service step did; history keeps every version for the report. */
	public static final String ACTION_LOG = "actionLog";

	/** Values of {@link #LOG_CHAIN_DECISION}. */
	public enum LogChainDecision {

		RECOVER_WITH_DATA_LOSS, RETRY, ABORT

	}

	private FailoverVariables() {
	}

	public static boolean isTrue(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return Boolean.TRUE.equals(value) || (value instanceof String text && Boolean.parseBoolean(text.strip()));
	}

	/**
	 * The active servers the operator chose. Camunda Forms submit a list as JSON, the engine REST API may send
	 * a Java list or a comma separated string: all of them are accepted.
	 */
	public static List<String> activeServers(VariableScope scope) {
		return stringList(scope.getVariable(ACTIVE_SERVERS));
	}

	public static List<String> stringList(Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof SpinJsonNode json && json.isArray()) {
			json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
		}
		else if (value instanceof Collection<?> items) {
			items.forEach(i -> result.add(String.valueOf(i)));
		}
		else if (value instanceof String text) {
			for (String part : text.split("[,;\\s]+")) {
				result.add(part);
			}
		}
		return result.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

}
