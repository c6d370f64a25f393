package org.pchatfailover.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * Reads passwords named by configuration, at the moment they are needed. The value is never stored in a
 * process variable, a log line or a report.
 */
@Component
public class Secrets {

	/** The password from the environment variable or the file, or null when neither is configured. */
	public char[] password(String env, String file, String what) {
		if (env != null && !env.isBlank()) {
			String value = System.getenv(env);
			if (value == null) {
				throw new IllegalStateException(what + ": environment variable " + env + " is not set");
			}
			return value.toCharArray();
		}
		if (file != null && !file.isBlank()) {
			try {
				return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().toCharArray();
			}
			catch (IOException ex) {
				throw new IllegalStateException(what + ": cannot read password file " + file + ": " + ex.getMessage(), ex);
			}
		}
		return null;
	}

}
