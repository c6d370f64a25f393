package org.pchatfailover.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.pchatfailover.i18n.DisplaySentences;

/**
 * Where a failover or failback is, as an operator at a task reads it: the steps done, this one, the ones to come and
 * the next step that cannot be undone. The step order is DESIGN.md's process contract; the optional tasks (four
 * eyes, a broken chain, a failed log-shipping setup, a mirrored primary) are listed once they were reached, never
 * announced.
 *
 * @param done the steps finished before this one, in the runbook's order
 * @param current this task's step
 * @param next the steps still to come after this one
 * @param pointOfNoReturn the next step that cannot be undone and why, or null when none is ahead
 */
public record FailoverProgress(List<String> done, String current, List<String> next, String pointOfNoReturn) {

	/**
	 * A step of the runbook: its activity id, whether it only runs on some paths, and what cannot be undone (the
	 * template {@code display.noReturn.<irreversible>} of i18n/messages.properties).
	 */
	record Step(String id, boolean optional, String irreversible) {

		static Step always(String id) {
			return new Step(id, false, null);
		}

		static Step sometimes(String id) {
			return new Step(id, true, null);
		}

		static Step noReturn(String id, String why) {
			return new Step(id, false, why);
		}

	}

	// the failback's key is a literal: failback/ depends on failover/, not the other way round
	private static final Map<String, List<Step>> STEPS = Map.of(FailoverVariables.PROCESS_ID, List.of(
			Step.always("CheckPreconditions"), Step.always("ConfirmFailover"), Step.sometimes("CountersignFailover"),
			Step.noReturn("RemoveLogShipping", "removeLogShipping"),
			Step.always("CopyBackupFiles"), Step.always("ApplyLogBackups"), Step.sometimes("DecideBrokenLogChain"),
			Step.sometimes("CountersignDataLoss"), Step.always("EndConnections"),
			Step.noReturn("RecoverDatabase", "recoverDatabase"),
			Step.always("SetPoolFailedOver"), Step.always("InstallMirror"), Step.always("ConfirmActiveServers"),
			Step.always("SetActiveServers"), Step.always("VerifyService")),
			"persistentChatFailback", List.of(Step.always("CheckFailbackPreconditions"), Step.always("ConfirmFailback"),
					Step.always("ClearActiveServers"), Step.always("RemoveMirroring"), Step.always("BackupDatabase"),
					Step.always("ConfirmOverwritePrimary"),
					Step.noReturn("RestorePrimaryDatabase", "restorePrimary"),
					Step.sometimes("MirrorPrimaryDatabase"), Step.always("ReestablishLogShipping"),
					Step.sometimes("RunLogShippingScript"), Step.sometimes("ShipLogsFromPrimaryMirror"),
					Step.always("ConfirmActiveServers"),
					Step.always("SetActiveServers"), Step.always("SetPoolNormal"), Step.always("VerifyService")));

	/**
	 * @param processKey persistentChatFailover or persistentChatFailback
	 * @param finished the activity ids that ended at least once (engine history)
	 * @param current this task's activity id
	 * @param names the model's name of an activity id
	 */
	public static FailoverProgress of(String processKey, Set<String> finished, String current,
			UnaryOperator<String> names) {
		List<Step> steps = STEPS.getOrDefault(processKey, List.of());
		int here = indexOf(steps, current);
		List<String> done = new ArrayList<>();
		List<String> next = new ArrayList<>();
		String pointOfNoReturn = null;
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			if (i < here && finished.contains(step.id())) {
				done.add(names.apply(step.id()));
			}
			else if (i > here && (!step.optional() || finished.contains(step.id()))) {
				next.add(names.apply(step.id()));
				if (pointOfNoReturn == null && step.irreversible() != null) {
					// why, in English as stored; the reader's language when the form is filled (i18n.DisplaySentences)
					pointOfNoReturn = DisplaySentences.english("noReturn." + step.irreversible(),
							Map.of("step", names.apply(step.id())));
				}
			}
		}
		return new FailoverProgress(List.copyOf(done), names.apply(current), List.copyOf(next), pointOfNoReturn);
	}

	private static int indexOf(List<Step> steps, String id) {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

}
