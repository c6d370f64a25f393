package org.pchatfailover.report;

import static org.pchatfailover.failover.FailoverVariables.ACTIVE_SERVERS;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.pchatfailover.report.FailoverReport.Decision;

/**
 * The operators' decisions: one per completed user task, with the decision variables of DESIGN.md as the
 * operator left them in that visit of the task (a task visited twice, e.g. ConfirmActiveServers after "clients
 * do not work", is two decisions).
 */
final class ReportDecisions {

	/** Per task: the variables that make up the decision, the comment last. */
	private static final Map<String, List<String>> DECISION_VARIABLES = Map.of("ConfirmFailover",
			List.of(FAILOVER_APPROVED, PRIMARY_DATABASE_DOWN, PRIMARY_MIRROR_DOWN, FRONT_END_DOWN,
					COMPLIANCE_OUTPUT_SECURED, CONFIRMATION_COMMENT),
			"CountersignFailover", List.of(FAILOVER_COUNTERSIGNED, COUNTERSIGN_COMMENT), "DecideBrokenLogChain",
			List.of(LOG_CHAIN_DECISION, LOG_CHAIN_COMMENT), "CountersignDataLoss",
			List.of(DATA_LOSS_COUNTERSIGNED, COUNTERSIGN_COMMENT), "ConfirmActiveServers",
			List.of(ACTIVE_SERVERS, LOW_LATENCY_CONFIRMED), "VerifyService",
			List.of(SERVICE_VERIFIED, VERIFICATION_COMMENT));

	private ReportDecisions() {
	}

	/**
	 * @param tasks finished user tasks in the order they ended
	 * @param updates every variable update of the failover, in order of occurrence
	 * @param completedBy the user who completed a task, by task id (null when unknown)
	 */
	static List<Decision> of(List<HistoricTaskInstance> tasks, List<HistoricVariableUpdate> updates,
			Function<String, String> completedBy) {
		List<Decision> decisions = new ArrayList<>();
		for (HistoricTaskInstance task : tasks) {
			Map<String, String> values = values(task, updates);
			String comment = values.entrySet()
				.stream()
				.filter(e -> e.getKey().endsWith("Comment"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			values.keySet().removeIf(name -> name.endsWith("Comment"));
			// who completed it, from the engine's own log; the assignee is only who claimed it, in anyone's name
			String completer = completedBy.apply(task.getId());
			String user = completer != null ? completer : task.getAssignee();
			decisions.add(new Decision(task.getTaskDefinitionKey(), task.getName(), user,
					ReportTimeline.instant(task.getEndTime()), values, comment));
		}
		return decisions;
	}

	private static Map<String, String> values(HistoricTaskInstance task, List<HistoricVariableUpdate> updates) {
		List<String> names = DECISION_VARIABLES.getOrDefault(task.getTaskDefinitionKey(), List.of());
		Map<String, String> last = new LinkedHashMap<>();
		for (HistoricVariableUpdate update : updates) {
			String value = HistoryValues.text(update.getTypedValue());
			// null: the answer removed when the task came back for another round (TaskRounds), not an answer
			if (task.getActivityInstanceId().equals(update.getActivityInstanceId())
					&& names.contains(update.getVariableName()) && value != null) {
				last.put(update.getVariableName(), value);
			}
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		names.stream().filter(last::containsKey).forEach(name -> ordered.put(name, last.get(name)));
		return ordered;
	}

}
