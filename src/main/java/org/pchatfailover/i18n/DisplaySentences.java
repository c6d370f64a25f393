package org.pchatfailover.i18n;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentences a form shows that the process stores in English, because a process variable has no reader: why a
 * task came back (round N), the next step that cannot be undone, what the database says about the active servers
 * just set and the failover's plan. The process writes them with
 * {@link #english(String, Map)} from the English templates {@code display.*} of {@code messages.properties}; the
 * reader gets them back with {@link #translate(String, Messages)}: the same mechanism as {@link DataLossStatements}
 * (read the stored English back into its values, fill the reader's template). Values (step names, the operator's
 * comment) are kept exactly; a text that follows no template is returned as it is.
 */
public final class DisplaySentences {

	private static final String PREFIX = "display.";

	/** Every template, in the order they are tried: the longer literal first where one could swallow another. */
	private static final List<String> TEMPLATES = List.of("round.failoverNotCountersigned",
			"round.failoverApprovedAgain", "round.chainStillBroken", "round.dataLossNotCountersigned",
			"round.dataLossChosenAgain", "round.serviceNotVerified", "round.logShippingFailedAgain", "round.cameBack",
			"noReturn.removeLogShipping", "noReturn.recoverDatabase", "noReturn.restorePrimary",
			"evidence.unreadable", "evidence.confirmed", "evidence.notConfirmed", "evidence.noRow",
			"evidence.notPinged", "evidence.pinged", "plan.stateAtRedoLsn", "plan.state", "plan.backupShare",
			"plan.copyDestination", "plan.lastFiles", "plan.filesToCopyNone", "plan.filesToCopy",
			"plan.logsToApplyNone", "plan.logsToApply", "plan.more", "plan.logsAlreadyApplied", "plan.chainBrokenAt",
			"plan.chainBroken", "plan.dataLoss", "failbackPlan.overwrite", "failbackPlan.logShipping",
			"failbackPlan.readAt", "logChainGap", "overwrite.primary", "overwrite.primaryNeverRestored",
			"overwrite.primarySizeUnknown", "overwrite.primarySizeUnknownNeverRestored", "overwrite.backup",
			"overwrite.backupSizeNotReported", "overwrite.discards", "readiness.ready", "readiness.notReady",
			"readiness.check", "readiness.notChecked", "readiness.notCheckedRemedy");

	/** Holes that hold a sentence of ours in turn (an estate check's evidence and remedy), said in their turn. */
	private static final Set<String> NESTED = Set.of("evidence", "remedy");

	/** A hole that holds a data-loss statement, said by {@link DataLossStatements} in turn. */
	private static final String STATEMENT = "statement";

	/** What the operator left empty: a word of ours, not their comment. */
	private static final String NO_COMMENT = "noComment";

	private static final Messages ENGLISH = Messages.of(Languages.ENGLISH);

	private DisplaySentences() {
	}

	/** The sentence as the process stores it, in English. */
	public static String english(String template, Map<String, String> values) {
		return Templates.fill(ENGLISH.text(PREFIX + template), values);
	}

	/** "(no comment)", as {@link #english(String, Map)} stores an empty comment. */
	public static String noComment() {
		return ENGLISH.text(PREFIX + NO_COMMENT);
	}

	/**
	 * The sentence in the reader's language, or {@code text} unchanged when it is none of ours (or the reader is
	 * English). A text of several lines (the active servers' evidence) is said line by line; a line that follows
	 * no template stays as it is.
	 */
	public static String translate(String text, Messages messages) {
		if (text == null || messages.locale().equals(Languages.ENGLISH)) {
			return text;
		}
		if (text.indexOf('\n') < 0) {
			return sentence(text, messages);
		}
		StringBuilder said = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			said.append(sentence(line, messages)).append('\n');
		}
		return said.substring(0, said.length() - 1);
	}

	private static String sentence(String text, Messages messages) {
		for (String template : TEMPLATES) {
			Map<String, String> values = Templates.match(ENGLISH.text(PREFIX + template), text);
			if (values != null) {
				Map<String, String> said = new LinkedHashMap<>(values);
				said.replaceAll((name, value) -> value.equals(noComment()) ? messages.text(PREFIX + NO_COMMENT)
						: name.equals(STATEMENT) ? DataLossStatements.translate(value, messages)
						: NESTED.contains(name) ? sentence(value, messages) : value);
				return Templates.fill(messages.text(PREFIX + template), said);
			}
		}
		return text;
	}

}
