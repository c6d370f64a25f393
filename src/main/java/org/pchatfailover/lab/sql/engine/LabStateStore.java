package org.pchatfailover.lab.sql.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Holds the instance state and writes it to {@code state.json} after every change (temporary file, then atomic
 * rename), so the lab survives a restart of the app mid-drill. All access goes through one lock: the lab
 * serialises statements the way one database's restore would.
 */
public final class LabStateStore {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(SerializationFeature.INDENT_OUTPUT);

	private final Path file;

	private LabSqlState state;

	public LabStateStore(Path file) {
		this.file = file;
	}

	/** Loads the saved state; false when there is none yet (the caller then resets to a scenario). */
	public synchronized boolean load() {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try {
			state = JSON.readValue(file.toFile(), LabSqlState.class);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read lab SQL state " + file, ex);
		}
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
		try {
			Files.createDirectories(file.getParent());
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			JSON.writeValue(temp.toFile(), state);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot save lab SQL state " + file, ex);
		}
	}

}
