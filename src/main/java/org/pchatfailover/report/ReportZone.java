package org.pchatfailover.report;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The time zone a reader asks the report in ({@code ?tz=America/Chicago}): a region of the IANA time zone database as
 * Java knows it ({@link ZoneId#getAvailableZoneIds()}), or none. Fixed offsets and abbreviations are refused: "CST"
 * is Chicago or Shanghai, and an offset does not follow daylight saving time.
 */
final class ReportZone {

	static final String PARAMETER = "tz";

	private static final Set<String> REGIONS = ZoneId.getAvailableZoneIds();

	private static final int LONGEST_ECHOED = 64;

	private ReportZone() {
	}

	static Optional<ZoneId> of(String tz) {
		if (tz == null) {
			return Optional.empty();
		}
		if (!REGIONS.contains(tz)) {
			String shown = tz.length() > LONGEST_ECHOED ? tz.substring(0, LONGEST_ECHOED) + "..." : tz;
			throw new UnknownZoneException("'" + shown + "' is not a time zone of the IANA database; give an "
					+ "Area/City such as America/Chicago or Europe/Berlin, or UTC");
		}
		return Optional.of(ZoneId.of(tz));
	}

	static class UnknownZoneException extends RuntimeException {

		UnknownZoneException(String message) {
			super(message);
		}

	}

}
