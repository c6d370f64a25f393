package org.pchatfailover.actionlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one step did to the outside world: every T-SQL statement, cmdlet and file operation with its outcome.
 * The step's delegate stores it as the JSON variable {@code actionLog}; history keeps each update with the
 * activity instance that wrote it, and the failover report is built from that. Never put a secret in here.
 * <p>
 * A package of its own that imports nothing of the product's: the adapters write to it and the report reads it,
 * so neither points at the other.
 */
public class ActionLog {

	private final List<Action> actions = new ArrayList<>();

	/**
	 * @param target where it ran, e.g. {@code atl-sql-bk\PCHAT} or {@code ssh lab@127.0.0.1:2222}
	 * @param kind {@code sql}, {@code cmdlet}, {@code file} or {@code check}
	 * @param command the statement or cmdlet as run, parameters shown by name and value
	 * @param outcome what came back: rows affected, state read, error number and message
	 * @param succeeded false when the action failed (the step then usually fails too)
	 */
	public record Action(Instant at, String target, String kind, String command, String outcome, boolean succeeded,
			long durationMillis) {
	}

	public void record(String target, String kind, String command, String outcome, boolean succeeded,
			Duration duration) {
		actions.add(new Action(Instant.now(), target, kind, command, outcome, succeeded, duration.toMillis()));
	}

	public List<Action> actions() {
		return List.copyOf(actions);
	}

	public boolean isEmpty() {
		return actions.isEmpty();
	}

}
