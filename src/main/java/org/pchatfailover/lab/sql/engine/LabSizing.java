package org.pchatfailover.lab.sql.engine;

/**
 * How big and how slow a scenario is, for benchmarks and crash tests ({@code ?logs=N&copyMs=&restoreMs=} of
 * {@code POST /api/lab/scenarios/{name}}). Kept with the instance state, so a restarted lab stays as slow as it was.
 *
 * @param logs how many log backups the primary took, oldest first; the scenarios keep their shape at the old end (five
 * restored, the copy job stopped after the sixth, the seventh the broken or half-copied one), the extra ones are newer
 * and pending, so {@code logs - 5} are left to apply; default 8
 * @param copyMs per log backup on the primary's share, how long the instance takes to read it from there (RESTORE
 * HEADERONLY or RESTORE LOG of a device on a share in the other data centre), in milliseconds; default 0
 * @param restoreMs per RESTORE LOG, how long the instance takes to apply it, in milliseconds; default 0
 */
public record LabSizing(int logs, int copyMs, int restoreMs) {

	/** Today's scenarios: eight log backups; also the fewest, since broken-chain needs an eighth after its gap. */
	public static final int MIN_LOGS = 8;

	/** Enough for a benchmark planning 10,000 pending logs; each log backup is a few kilobytes on the share and copied. */
	public static final int MAX_LOGS = 20_000;

	/** A minute per file: a crash test kills a step long before that, a drill does not wait longer. */
	public static final int MAX_MS = 60_000;

	public static final LabSizing DEFAULT = new LabSizing(MIN_LOGS, 0, 0);

	public LabSizing {
		check("logs", logs, MIN_LOGS, MAX_LOGS);
		check("copyMs", copyMs, 0, MAX_MS);
		check("restoreMs", restoreMs, 0, MAX_MS);
	}

	/** The sizing asked for, each parameter not given taking its default. */
	public static LabSizing of(Integer logs, Integer copyMs, Integer restoreMs) {
		return new LabSizing(logs == null ? DEFAULT.logs : logs, copyMs == null ? DEFAULT.copyMs : copyMs,
				restoreMs == null ? DEFAULT.restoreMs : restoreMs);
	}

	private static void check(String parameter, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidParameter(parameter,
					parameter + " must be between " + min + " and " + max + ", not " + value);
		}
	}

	/** A sizing parameter out of its range, named as the lab API takes it. */
	public static final class InvalidParameter extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final String parameter;

		InvalidParameter(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		public String parameter() {
			return parameter;
		}

	}

}
