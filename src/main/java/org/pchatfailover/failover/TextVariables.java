package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Text process variables that grow with the estate (the plan, the estate check, the active servers' evidence).
 * Camunda keeps a String variable in a {@code TEXT_ varchar(4000)} column (ACT_RU_VARIABLE, ACT_HI_VARINST,
 * ACT_HI_DETAIL on H2 and PostgreSQL) and does not check the length: a longer one fails the step's commit, again at
 * every retry. Each text stays a String (Tasklist, Cockpit and the engine REST API show it as it is, and a Camunda
 * Form writes a read-only field back as a String) and is kept short enough; the full data lives elsewhere.
 */
public final class TextVariables {

	/** Characters of Camunda's TEXT_ column; PostgreSQL counts characters, H2 UTF-16 units, never fewer. */
	public static final int MAX_LENGTH = 4000;

	private TextVariables() {
	}

	/** Sets the text, cut at {@link #MAX_LENGTH} with a line saying how much was left out and where it is. */
	public static void store(VariableScope scope, String name, String text, String fullTextAt) {
		scope.setVariable(name, fit(text, fullTextAt));
	}

	static String fit(String text, String fullTextAt) {
		if (text == null || text.length() <= MAX_LENGTH) {
			return text;
		}
		// the note's own length depends on the count in it: reserve room for the longest count a String can have
		String template = "\n[cut here: %d more characters; all of it: " + fullTextAt + "]";
		int end = MAX_LENGTH - String.format(template, Integer.MAX_VALUE).length();
		if (end <= 0) {
			throw new IllegalArgumentException("where the full text is must be said in fewer characters: " + fullTextAt);
		}
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + String.format(template, text.length() - end);
	}

}
