package org.pchatfailover.lync;

import java.util.Locale;
import java.util.Set;

/**
 * One database of {@code Get-CsDatabaseMirrorState}, with the properties of the reference's sample output.
 * {@code DatabaseInaccessibleOrMirroringNotEnabled} in both states means no mirror is assigned; the references are
 * silent on the other values of the states and statuses.
 */
public record DatabaseMirrorState(String databaseName, String stateOnPrimary, String stateOnMirror,
		String mirroringStatusOnPrimary, String mirroringStatusOnSecondary) {

	private static final Set<String> HEALTHY = Set.of("synchronized", "synchronizing");

	/** Principal and mirror are paired and the mirror is (getting) in step with the principal. */
	public boolean isMirrored() {
		return "principal".equals(lower(stateOnPrimary)) && "mirror".equals(lower(stateOnMirror))
				&& HEALTHY.contains(lower(mirroringStatusOnPrimary));
	}

	public String summary() {
		return databaseName + ": primary " + stateOnPrimary + " (" + mirroringStatusOnPrimary + "), mirror "
				+ stateOnMirror + " (" + mirroringStatusOnSecondary + ")";
	}

	private static String lower(String value) {
		return (value == null) ? "" : value.toLowerCase(Locale.ROOT);
	}

}
