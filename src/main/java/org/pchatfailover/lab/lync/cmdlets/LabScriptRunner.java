package org.pchatfailover.lab.lync.cmdlets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pchatfailover.lab.lync.powershell.CmdletBinder;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.ConvertToJson;
import org.pchatfailover.lab.lync.powershell.ErrorRecord;
import org.pchatfailover.lab.lync.powershell.Ps;
import org.pchatfailover.lab.lync.powershell.Ps.Text;
import org.pchatfailover.lab.lync.powershell.PsError;
import org.pchatfailover.lab.lync.powershell.PsParser;
import org.pchatfailover.lab.lync.powershell.UtilityCmdlets;

/**
 * Runs a parsed script as powershell.exe -NonInteractive would: statement by statement, each pipeline passing
 * objects along, errors to stderr, and exit code 1 when the last statement failed (or at once with
 * {@code $ErrorActionPreference = 'Stop'}). Besides the Lync cmdlets it knows Import-Module (the Lync module
 * only), Get-Command, Select-Object -Property, Where-Object, Write-Output and ConvertTo-Json.
 * <p>
 * It lives here, not in the powershell package, because it dispatches to the Lync cmdlets: the language knows
 * nothing of Lync, the cmdlets use the language.
 */
final class LabScriptRunner {

	private static final Spec IMPORT_MODULE = new Spec("Import-Module", Map.of("Name", false, "Force", true),
			List.of("Name"));

	/**
	 * What the script wrote and how powershell.exe would exit.
	 * @param stdout as Windows PowerShell writes it, lines ending in CRLF
	 * @param stderr each error's first line, {@code Cmdlet : message}
	 * @param errors the error records, for the host to write
	 */
	record Result(int exitCode, String stdout, String stderr, List<ErrorRecord> errors) {
	}

	private static final String CRLF = "\r\n";

	private final LabLyncCmdlets lync;

	private final StringBuilder stdout = new StringBuilder();

	private final StringBuilder stderr = new StringBuilder();

	private final List<ErrorRecord> errors = new ArrayList<>();

	private String script = "";

	// the command running now: an error is reported for it
	private Ps.Command current;

	private String errorActionPreference = "Continue";

	// a non-terminating error in the current statement: it goes on, but $? is false
	private boolean wroteError;

	LabScriptRunner(LabLyncCmdlets lync) {
		this.lync = lync;
	}

	Result run(String script) {
		this.script = script;
		List<Ps.Statement> statements;
		try {
			statements = PsParser.parse(script);
		}
		catch (Ps.ParseException ex) {
			return new Result(1, "", ex.getMessage() + "\n", List.of(ex.record(script)));
		}
		boolean lastFailed = false;
		for (Ps.Statement statement : statements) {
			lastFailed = !succeeds(statement);
			if (lastFailed && "Stop".equals(errorActionPreference)) {
				break;
			}
		}
		return new Result(lastFailed ? 1 : 0, stdout.toString(), stderr.toString(), List.copyOf(errors));
	}

	// a failed statement writes its error and the script goes on, unless $ErrorActionPreference says stop
	private boolean succeeds(Ps.Statement statement) {
		wroteError = false;
		current = null;
		try {
			if (statement instanceof Ps.Assignment assignment) {
				errorActionPreference = assign(assignment);
			}
			else {
				write(pipeline((Ps.Pipeline) statement));
			}
			return !wroteError;
		}
		catch (PsError ex) {
			record(ex);
			return false;
		}
	}

	// returns the preference in its canonical case
	private static String assign(Ps.Assignment assignment) {
		String preference = (assignment.value() instanceof Text text) ? CmdletBinder.ACTION_PREFERENCES.stream()
			.filter(p -> p.equalsIgnoreCase(text.value()))
			.findFirst()
			.orElse(null) : null;
		if (!assignment.variable().equalsIgnoreCase("ErrorActionPreference") || preference == null) {
			throw new PsError("$" + assignment.variable(), "The lab shell supports only $ErrorActionPreference = '<"
					+ String.join("|", CmdletBinder.ACTION_PREFERENCES) + ">' assignments.");
		}
		return preference;
	}

	private void writeError(PsError error) {
		record(error);
		wroteError = true;
	}

	private void record(PsError error) {
		if (current != null) {
			error.in(current);
		}
		stderr.append(error.render()).append('\n');
		errors.add(error.record(script));
	}

	private List<Object> pipeline(Ps.Pipeline pipeline) {
		List<Object> objects = List.of();
		for (Ps.Command command : pipeline.commands()) {
			current = command;
			objects = invoke(command, objects);
		}
		return objects;
	}

	private List<Object> invoke(Ps.Command command, List<Object> input) {
		String name = command.name().toLowerCase(Locale.ROOT);
		if (lync.knows(name)) {
			return lync.invoke(command);
		}
		name = UtilityCmdlets.ALIASES.getOrDefault(name, name).toLowerCase(Locale.ROOT);
		return switch (name) {
			case "get-command" -> GetCommand.get(CmdletBinder.bind(GetCommand.SPEC, command.elements()), available(),
					errorActionPreference, this::writeError);
			case "import-module" -> importModule(CmdletBinder.bind(IMPORT_MODULE, command.elements()));
			case "select-object" -> UtilityCmdlets.select(bind(UtilityCmdlets.SELECT_OBJECT, command), input);
			case "where-object" -> UtilityCmdlets.where(bind(UtilityCmdlets.WHERE_OBJECT, command), input);
			case "write-output" -> UtilityCmdlets.writeOutput(bind(UtilityCmdlets.WRITE_OUTPUT, command), input);
			case "convertto-json" -> ConvertToJson.convert(bind(ConvertToJson.SPEC, command), input);
			default -> throw PsError.notRecognized(command.name());
		};
	}

	private static Bound bind(Spec spec, Ps.Command command) {
		return CmdletBinder.bind(spec, command.elements());
	}

	// what Get-Command finds: the Lync module's cmdlets and the few of PowerShell's own the lab runs
	private List<GetCommand.Available> available() {
		List<GetCommand.Available> available = new ArrayList<>();
		lync.names().forEach(name -> available.add(new GetCommand.Available(name, "Lync")));
		available.add(new GetCommand.Available(GetCommand.SPEC.name(), "Microsoft.PowerShell.Core"));
		available.add(new GetCommand.Available(IMPORT_MODULE.name(), "Microsoft.PowerShell.Core"));
		available.add(new GetCommand.Available(UtilityCmdlets.WHERE_OBJECT.name(), "Microsoft.PowerShell.Core"));
		available.add(new GetCommand.Available(UtilityCmdlets.SELECT_OBJECT.name(), "Microsoft.PowerShell.Utility"));
		available.add(new GetCommand.Available(UtilityCmdlets.WRITE_OUTPUT.name(), "Microsoft.PowerShell.Utility"));
		available.add(new GetCommand.Available(ConvertToJson.SPEC.name(), "Microsoft.PowerShell.Utility"));
		return available;
	}

	private static List<Object> importModule(Bound args) {
		String module = args.required("Name");
		if (!module.equalsIgnoreCase("Lync") && !module.toLowerCase(Locale.ROOT).endsWith("\\lync.psd1")) {
			throw new PsError(args.cmdlet(), "The specified module '" + module + "' was not loaded because no valid"
					+ " module file was found in any module directory.");
		}
		return List.of();
	}

	// what reaches the end of a pipeline: strings as they are, objects as Format-List would show them; CRLF as a
	// Windows host ends its lines
	private void write(List<Object> objects) {
		for (Object object : objects) {
			if (object instanceof Map<?, ?> map) {
				int width = map.keySet().stream().mapToInt(k -> String.valueOf(k).length()).max().orElse(0);
				stdout.append(CRLF);
				map.forEach((k, v) -> stdout.append(String.format("%-" + width + "s : %s", k, format(v))).append(CRLF));
			}
			else if (object instanceof Boolean b) {
				stdout.append(b ? "True" : "False").append(CRLF);
			}
			else if (object != null) {
				stdout.append(object).append(CRLF);
			}
		}
	}

	private static String format(Object value) {
		if (value instanceof List<?> list) {
			return "{" + String.join(", ", list.stream().map(String::valueOf).toList()) + "}";
		}
		return (value == null) ? "" : String.valueOf(value);
	}

}
