package org.pchatfailover.failover;

import static org.pchatfailover.failover.FailoverVariables.ACTIVE_SERVERS;
import static org.pchatfailover.failover.FailoverVariables.ACTIVE_SERVER_PROPOSAL;
import static org.pchatfailover.failover.FailoverVariables.COMPLIANCE_OUTPUT_SECURED;
import static org.pchatfailover.failover.FailoverVariables.CONFIRMATION_COMMENT;
import static org.pchatfailover.failover.FailoverVariables.COUNTERSIGN_COMMENT;
import static org.pchatfailover.failover.FailoverVariables.DATA_LOSS_COUNTERSIGNED;
import static org.pchatfailover.failover.FailoverVariables.FAILOVER_APPROVED;
import static org.pchatfailover.failover.FailoverVariables.FAILOVER_COUNTERSIGNED;
import static org.pchatfailover.failover.FailoverVariables.FRONT_END_DOWN;
import static org.pchatfailover.failover.FailoverVariables.LOG_CHAIN_COMMENT;
import static org.pchatfailover.failover.FailoverVariables.LOG_CHAIN_DECISION;
import static org.pchatfailover.failover.FailoverVariables.LOW_LATENCY_CONFIRMED;
import static org.pchatfailover.failover.FailoverVariables.PRIMARY_DATABASE_DOWN;
import static org.pchatfailover.failover.FailoverVariables.PRIMARY_MIRROR_DOWN;
import static org.pchatfailover.failover.FailoverVariables.SERVICE_VERIFIED;
import static org.pchatfailover.failover.FailoverVariables.VERIFICATION_COMMENT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.pchatfailover.i18n.DisplaySentences;

/**
 * A user task that comes back (a second round) starts empty and says why it came back. The answers of the round
 * before are removed from the process when the task is created, not kept task-local: the gateways, the completion
 * checks, the API and the report read the decisions as process variables (DESIGN.md), and the report still finds each
 * round's answers in the history of the task that gave them. The operator-visible reasons are templates of
 * {@code i18n/messages*.properties}, stored in English and shown in the reader's language.
 */
final class TaskRounds {

	/** Per task: its own answers, which the next round must not show again. */
	private static final Map<String, List<String>> ANSWERS = Map.of("ConfirmFailover",
			List.of(FAILOVER_APPROVED, PRIMARY_DATABASE_DOWN, PRIMARY_MIRROR_DOWN, FRONT_END_DOWN,
					COMPLIANCE_OUTPUT_SECURED, CONFIRMATION_COMMENT),
			"CountersignFailover", List.of(FAILOVER_COUNTERSIGNED, COUNTERSIGN_COMMENT), "DecideBrokenLogChain",
			List.of(LOG_CHAIN_DECISION, LOG_CHAIN_COMMENT), "CountersignDataLoss",
			List.of(DATA_LOSS_COUNTERSIGNED, COUNTERSIGN_COMMENT), "ConfirmActiveServers",
			List.of(LOW_LATENCY_CONFIRMED), "VerifyService", List.of(SERVICE_VERIFIED, VERIFICATION_COMMENT),
			// the failback's key, a literal as in FailoverProgress
			"RunLogShippingScript", List.of("logShippingScriptRun"));

	private static final String RETRY = FailoverVariables.LogChainDecision.RETRY.name();

	private TaskRounds() {
	}

	/**
	 * Why the task came back, read from the process before its answers are cleared: stored in English
	 * ({@code display.round.*}), said in the reader's language when the form is filled (i18n.DisplaySentences).
	 */
	static String reason(String taskKey, VariableScope process) {
		return switch (taskKey) {
			case "ConfirmFailover" -> reason("failoverNotCountersigned", process, COUNTERSIGN_COMMENT);
			case "CountersignFailover" -> reason("failoverApprovedAgain", process, CONFIRMATION_COMMENT);
			case "DecideBrokenLogChain" -> RETRY.equals(process.getVariable(LOG_CHAIN_DECISION))
					? reason("chainStillBroken", process, LOG_CHAIN_COMMENT)
					: reason("dataLossNotCountersigned", process, COUNTERSIGN_COMMENT);
			case "CountersignDataLoss" -> reason("dataLossChosenAgain", process, LOG_CHAIN_COMMENT);
			case "ConfirmActiveServers", "VerifyService" -> reason("serviceNotVerified", process, VERIFICATION_COMMENT);
			case "RunLogShippingScript" -> reason("logShippingFailedAgain", process, "logShippingError");
			default -> DisplaySentences.english("round.cameBack", Map.of());
		};
	}

	private static String reason(String template, VariableScope process, String comment) {
		return DisplaySentences.english("round." + template, Map.of("comment", text(process, comment)));
	}

	/**
	 * Removes the task's previous answers; ConfirmActiveServers starts again from the proposal, as in its first
	 * round, rather than from the servers the service was not verified with.
	 */
	static void clearAnswers(String taskKey, VariableScope process) {
		ANSWERS.getOrDefault(taskKey, List.of()).forEach(process::removeVariable);
		if ("ConfirmActiveServers".equals(taskKey) && process.hasVariable(ACTIVE_SERVER_PROPOSAL)) {
			process.setVariable(ACTIVE_SERVERS, process.getVariableTyped(ACTIVE_SERVER_PROPOSAL));
		}
	}

	private static String text(VariableScope process, String name) {
		Object value = process.getVariable(name);
		return value == null || String.valueOf(value).isBlank() ? DisplaySentences.noComment()
				: String.valueOf(value).strip();
	}

}
