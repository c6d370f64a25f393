package org.pchatfailover.lab.sql.engine;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

import org.pchatfailover.lab.LabStateFile;


/**
 * Holds the instance state and writes it to {@code state.json} after every change (temporary file, then atomic
 * rename), so the lab survives a restart of the app mid-drill. All access goes through one lock: the lab
 * serialises statements the way one database's restore would.
 */
public final class LabStateStore {

	private final LabStateFile<LabSqlState> file;

	private LabSqlState state;

	public LabStateStore(Path file) {
		this.file = new LabStateFile<>(file, LabSqlState.class, "lab SQL state");
	}

	/** Loads the saved state; false when there is none yet (the caller then resets to a scenario). */
	public synchronized boolean load() {
		state = file.read().orElse(null);
		return state != null;
	}

	public synchronized <T> T read(Function<LabSqlState, T> reader) {
		return reader.apply(state());
	}

	/** Changes the state and saves it, also when the change ends in an SQL error after a partial update. */
	public synchronized <T> T change(Function<LabSqlState, T> change) {
		try {
			return change.apply(state());
		}
		finally {
			save();
		}
	}

	public synchronized void replace(LabSqlState newState) {
		state = newState;
		save();
	}

	public synchronized void update(Consumer<LabSqlState> change) {
		change(s -> {
			change.accept(s);
			return null;
		});
	}

	private LabSqlState state() {
		if (state == null) {
			throw new IllegalStateException("lab SQL state not initialised: reset to a scenario first");
		}
		return state;
	}

	private void save() {
		file.write(state);
	}

}
