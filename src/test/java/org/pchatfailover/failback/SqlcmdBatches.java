package org.pchatfailover.failback;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script split into batches as sqlcmd and SSMS do before sending them: "GO is not a Transact-SQL statement; it is a
 * command recognized by the sqlcmd and osql utilities and SQL Server Management Studio Code editor", "A Transact-SQL
 * statement cannot occupy the same line as a GO command. However, the line can contain comments", and {@code GO
 * [count]} runs the batch count times (sql-docs, "SQL Server Utilities Statements - GO"). A GO inside a multi-line
 * string or block comment is not looked for: the generated scripts have none.
 */
final class SqlcmdBatches {

	private static final Pattern GO = Pattern.compile("(?i)^\\s*GO(?:\\s+(\\d+))?\\s*(?:--.*)?$");

	private SqlcmdBatches() {
	}

	static List<String> split(String script) {
		List<String> batches = new ArrayList<>();
		StringBuilder batch = new StringBuilder();
		for (String line : script.split("\r?\n", -1)) {
			Matcher go = GO.matcher(line);
			if (!go.matches()) {
				batch.append(line).append('\n');
				continue;
			}
			int count = go.group(1) == null ? 1 : Integer.parseInt(go.group(1));
			for (int i = 0; i < count && !batch.toString().isBlank(); i++) {
				batches.add(batch.toString());
			}
			batch.setLength(0);
		}
		if (!batch.toString().isBlank()) {
			batches.add(batch.toString());
		}
		return batches;
	}

}
