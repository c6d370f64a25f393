package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.pchatfailover.lab.sql.engine.BackupFile;

/**
 * A torn copy in the copy destination (lab fault {@code torn-copy}): the copy job of log shipping, which writes the
 * copy destination on a real estate, left the next log backup the database needs cut in half under its real name, as
 * a copy whose last writes never reached the disk. RESTORE HEADERONLY and RESTORE LOG of it fail with 3241; the
 * product's verified copy finds it different from the share's and replaces it. The whole copy is kept aside, so
 * switching the fault off puts it back ("the DBA ran the copy job again") unless something replaced the torn one since.
 */
final class TornCopy {

	private final Path copy;

	private final Path kept;

	/** @param kept where the whole copy waits while the torn one is in the copy destination */
	TornCopy(Path copy, Path kept) {
		this.copy = copy;
		this.kept = kept;
	}

	/**
	 * Tears the oldest log backup in the copy destination that the database still needs (its LastLSN after the redo
	 * LSN), else the newest there; does nothing while a copy is torn already.
	 * @param redoLsn the database's redo LSN, null when it is not restoring
	 * @return what was torn, for the lab state
	 */
	String tear(String database, BigInteger redoLsn) {
		try {
			Optional<Path> torn = keptFile();
			if (torn.isPresent()) {
				return describe(torn.get().getFileName().toString());
			}
			Optional<Path> target = next(database, redoLsn);
			if (target.isEmpty()) {
				return "no log backup of " + database + " in the copy destination to tear";
			}
			String name = target.get().getFileName().toString();
			Files.createDirectories(kept);
			Files.copy(target.get(), kept.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			byte[] whole = Files.readAllBytes(target.get());
			Files.write(target.get(), Arrays.copyOf(whole, whole.length / 2));
			return describe(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot tear a copy in " + copy, ex);
		}
	}

	/** Puts the whole copy back where the torn one still is; drops it where something replaced the torn one. */
	void mend() {
		try {
			Optional<Path> whole = keptFile();
			if (whole.isPresent()) {
				Path target = copy.resolve(whole.get().getFileName().toString());
				if (Files.isRegularFile(target) && Files.size(target) == Files.size(whole.get()) / 2) {
					Files.move(whole.get(), target, StandardCopyOption.REPLACE_EXISTING,
							StandardCopyOption.ATOMIC_MOVE);
				}
				Files.deleteIfExists(whole.get());
			}
			Files.deleteIfExists(kept);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot put the whole copy back from " + kept, ex);
		}
	}

	private String describe(String name) throws IOException {
		Path whole = kept.resolve(name);
		return name + " in the copy destination cut to " + Files.size(whole) / 2 + " of its " + Files.size(whole)
				+ " bytes";
	}

	private Optional<Path> keptFile() throws IOException {
		if (!Files.isDirectory(kept)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(kept)) {
			return files.findFirst();
		}
	}

	private Optional<Path> next(String database, BigInteger redoLsn) throws IOException {
		List<Path> logs;
		try (Stream<Path> files = Files.list(copy)) {
			logs = files.filter(f -> f.getFileName().toString().endsWith(".trn")).sorted().toList();
		}
		for (Path log : logs) {
			BackupFile header = header(log);
			if (redoLsn != null && header != null && header.databaseName().equalsIgnoreCase(database)
					&& header.lastLsn().compareTo(redoLsn) > 0) {
				return Optional.of(log);
			}
		}
		return logs.isEmpty() ? Optional.empty() : Optional.of(logs.get(logs.size() - 1));
	}

	// a file that is no whole lab backup is not the copy job's to tear again
	private static BackupFile header(Path log) {
		try {
			return BackupFile.readHeader(log);
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

}
