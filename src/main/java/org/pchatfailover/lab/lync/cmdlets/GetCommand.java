package org.pchatfailover.lab.lync.cmdlets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.pchatfailover.lab.lync.powershell.CmdletBinder.Bound;
import org.pchatfailover.lab.lync.powershell.CmdletBinder.Spec;
import org.pchatfailover.lab.lync.powershell.Ps.ListValue;
import org.pchatfailover.lab.lync.powershell.Ps.Text;
import org.pchatfailover.lab.lync.powershell.Ps.Value;
import org.pchatfailover.lab.lync.powershell.PsError;
import org.pchatfailover.lab.lync.powershell.ShouldProcess;
import org.pchatfailover.lab.lync.powershell.Wildcard;

/**
 * Get-Command over the commands the lab shell simulates, each as a command object with CommandType, Name and
 * ModuleName (the columns Get-Command's reference shows). A name without wildcards that no command has is a
 * non-terminating error, which -ErrorAction (or $ErrorActionPreference) silences, stops on, or lets through.
 */
final class GetCommand {

	static final Spec SPEC = new Spec("Get-Command", Map.of("Name", false, "Module", false, "All", true), List.of("Name"));

	/** A command the shell has, and the module it comes from. */
	record Available(String name, String module) {
	}

	private GetCommand() {
	}

	/**
	 * @param available what the shell has now
	 * @param preference $ErrorActionPreference, for a call without -ErrorAction
	 * @param writeError where a non-terminating error goes
	 */
	static List<Object> get(Bound args, List<Available> available, String preference, Consumer<PsError> writeError) {
		String module = args.text("Module");
		List<Available> candidates = available.stream()
			.filter(c -> module == null || Wildcard.matches(module, c.module()))
			.toList();
		Set<Available> found = new LinkedHashSet<>();
		List<String> missing = new ArrayList<>();
		for (String name : names(args)) {
			List<Available> matches = candidates.stream().filter(c -> Wildcard.matches(name, c.name())).toList();
			found.addAll(matches);
			if (matches.isEmpty() && !Wildcard.hasWildcard(name)) {
				missing.add(name);
			}
		}
		String action = (args.text("ErrorAction") != null) ? args.text("ErrorAction") : preference;
		for (String name : missing) {
			notFound(args, name, action, writeError);
		}
		return found.stream().<Object>map(GetCommand::commandObject).toList();
	}

	private static List<String> names(Bound args) {
		Value value = args.values().get("Name");
		if (value == null) {
			return List.of("*");
		}
		List<Value> items = (value instanceof ListValue list) ? list.items() : List.of(value);
		List<String> names = new ArrayList<>();
		for (Value item : items) {
			if (!(item instanceof Text text)) {
				throw new PsError(args.cmdlet(), "Cannot convert the value of parameter 'Name' to a string.");
			}
			names.add(text.value());
		}
		return names;
	}

	// about_CommonParameters: what each -ErrorAction does with a non-terminating error
	private static void notFound(Bound args, String name, String action, Consumer<PsError> writeError) {
		PsError error = PsError.notRecognized(args.cmdlet(), name);
		switch (action) {
			case "SilentlyContinue", "Ignore" -> {
			}
			case "Stop" -> throw error;
			// "displays the error message and prompts you": a prompt, which -NonInteractive makes an error
			case "Inquire" -> {
				writeError.accept(error);
				throw ShouldProcess.promptInNonInteractiveMode(args.cmdlet());
			}
			case "Continue" -> writeError.accept(error);
			default -> throw new PsError(args.cmdlet(), "The lab shell does not support -ErrorAction " + action + ".");
		}
	}

	private static Map<String, Object> commandObject(Available command) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("CommandType", "Cmdlet");
		object.put("Name", command.name());
		object.put("ModuleName", command.module());
		return object;
	}

}
