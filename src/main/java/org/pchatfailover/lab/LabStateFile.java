package org.pchatfailover.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A lab side's state as a JSON file, so a drill survives an app restart. Written to a temporary file and moved
 * over the old one, so a crash mid-write leaves the previous state rather than half a file.
 *
 * @param <T> the state record
 */
public final class LabStateFile<T> {

	private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(SerializationFeature.INDENT_OUTPUT);

	private final Path file;

	private final Class<T> type;

	private final String what;

	/** @param what the state in words, for error messages: "lab SQL state" */
	public LabStateFile(Path file, Class<T> type, String what) {
		this.file = file;
		this.type = type;
		this.what = what;
	}

	/** The saved state, empty when there is none yet. */
	public Optional<T> read() {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(file.toFile(), type));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + what + " " + file + "; delete it to start afresh", ex);
		}
	}

	public void write(T state) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			JSON.writeValue(temp.toFile(), state);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot save " + what + " " + file, ex);
		}
	}

}
