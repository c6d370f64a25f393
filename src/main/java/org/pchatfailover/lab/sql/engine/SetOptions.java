package org.pchatfailover.lab.sql.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.SetOption;

/**
 * SET options, none accepted in silence (DESIGN-NOTES, "T-SQL in the lab"): ROWCOUNT, FMTONLY, NOCOUNT,
 * IMPLICIT_TRANSACTIONS and XACT_ABORT take effect; the options drivers send on connect whose effects the lab has
 * nothing to show on (no locks, no cursors, no arithmetic, no (max) columns, no date strings) are accepted; values
 * that would change what the lab answers (ANSI_NULLS OFF, QUOTED_IDENTIFIER OFF, another LANGUAGE, SNAPSHOT isolation,
 * STATISTICS ... ON) and SQL Server's other SET statements are refused as not simulated; a name SQL Server does not
 * know is its error 195.
 */
final class SetOptions {

	/** SQL Server's options whose effect the lab cannot show: accepted with any valid value. */
	private static final Set<String> NO_EFFECT_IN_THE_LAB = Set.of("ANSI_NULL_DFLT_ON", "ANSI_NULL_DFLT_OFF",
			"ANSI_PADDING", "ANSI_WARNINGS", "ARITHABORT", "CONCAT_NULL_YIELDS_NULL", "CURSOR_CLOSE_ON_COMMIT",
			"NUMERIC_ROUNDABORT", "TEXTSIZE", "LOCK_TIMEOUT", "DEADLOCK_PRIORITY", "DATEFIRST", "DATEFORMAT");

	/** The other SET statements of sql-docs' "SET Statements": real, not simulated. */
	private static final Set<String> NOT_SIMULATED = Set.of("ARITHIGNORE", "CONTEXT_INFO", "FIPS_FLAGGER",
			"FORCEPLAN", "IDENTITY_INSERT", "NOEXEC", "OFFSETS", "PARSEONLY", "QUERY_GOVERNOR_COST_LIMIT",
			"REMOTE_PROC_TRANSACTIONS", "RESULT_SET_CACHING", "SHOWPLAN_ALL", "SHOWPLAN_TEXT", "SHOWPLAN_XML");

	private static final Set<String> BOOLEAN = Set.of("ANSI_NULL_DFLT_ON", "ANSI_NULL_DFLT_OFF", "ANSI_PADDING",
			"ANSI_WARNINGS", "ARITHABORT", "CONCAT_NULL_YIELDS_NULL", "CURSOR_CLOSE_ON_COMMIT", "NUMERIC_ROUNDABORT");

	private SetOptions() {
	}

	static void apply(SqlSession session, SetOption set, Map<String, Object> variables) {
		SessionOptions options = session.options();
		String option = set.option();
		String value = set.value();
		switch (option) {
			case "ROWCOUNT" -> options.rowcount = rowcount(value, variables);
			case "FMTONLY" -> options.fmtonly = on(value);
			case "NOCOUNT" -> options.nocount = on(value);
			case "IMPLICIT_TRANSACTIONS" -> options.implicitTransactions = on(value);
			case "XACT_ABORT" -> options.xactAbort = on(value);
			// ON sets ANSI_NULLS, QUOTED_IDENTIFIER and the others the lab already behaves as, and IMPLICIT_TRANSACTIONS
			case "ANSI_DEFAULTS" -> options.implicitTransactions = require(option, value, "ON");
			case "ANSI_NULLS", "QUOTED_IDENTIFIER" -> require(option, value, "ON");
			case "LANGUAGE" -> {
				// the lab's messages are us_english ones; English is that language's alias
				if (!Set.of("us_english", "english").contains(value.toLowerCase(Locale.ROOT))) {
					throw new SqlException(SqlErrors.notSimulated("SET LANGUAGE " + value));
				}
			}
			case "TRANSACTION ISOLATION LEVEL" -> {
				if (value.equals("SNAPSHOT")) {
					throw new SqlException(SqlErrors.notSimulated("SET TRANSACTION ISOLATION LEVEL SNAPSHOT"));
				}
			}
			default -> other(option, value);
		}
	}

	private static void other(String option, String value) {
		if (option.startsWith("STATISTICS ")) {
			require(option, value, "OFF");
		}
		else if (BOOLEAN.contains(option)) {
			on(value);
		}
		else if (NOT_SIMULATED.contains(option)) {
			throw new SqlException(SqlErrors.notSimulated("SET " + option));
		}
		else if (!NO_EFFECT_IN_THE_LAB.contains(option)) {
			throw new SqlException(SqlErrors.unknownSetOption(option));
		}
	}

	/** The one value the lab simulates; true when it is ON. */
	private static boolean require(String option, String value, String simulated) {
		if (!value.equals(simulated)) {
			if (!value.equals("ON") && !value.equals("OFF")) {
				throw new SqlException(SqlErrors.syntax(value));
			}
			throw new SqlException(SqlErrors.notSimulated("SET " + option + " " + value));
		}
		return value.equals("ON");
	}

	private static boolean on(String value) {
		if (!value.equals("ON") && !value.equals("OFF")) {
			throw new SqlException(SqlErrors.syntax(value));
		}
		return value.equals("ON");
	}

	/** {@code SET ROWCOUNT {number | @number_var}}; 0 returns all rows again. */
	private static long rowcount(String value, Map<String, Object> variables) {
		Object number = value;
		if (value.startsWith("@")) {
			String key = value.toLowerCase(Locale.ROOT);
			if (!variables.containsKey(key)) {
				throw new SqlException(SqlErrors.mustDeclare(value));
			}
			number = variables.get(key);
		}
		try {
			long rows = number == null ? 0 : Evaluator.decimal(number).longValueExact();
			if (rows < 0) {
				throw new SqlException(SqlErrors.notSimulated("SET ROWCOUNT " + rows));
			}
			return rows;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new SqlException(SqlErrors.syntax(value));
		}
	}

}
