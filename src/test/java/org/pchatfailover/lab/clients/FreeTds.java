package org.pchatfailover.lab.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * FreeTDS's command-line clients pointed at one lab SQL Server through a freetds.conf of their own: a section per
 * TDS version ({@code lab70} to {@code lab74}) and per encryption setting ({@code lab-off}, {@code lab-request},
 * {@code lab-require}), and {@code lab} with FreeTDS's defaults (TDS version auto, encryption request).
 */
final class FreeTds {

	static final List<String> TDS_VERSIONS = List.of("7.0", "7.1", "7.2", "7.3", "7.4");

	private final Path conf;

	private final int port;

	FreeTds(Path dir, int port) {
		this.port = port;
		StringBuilder text = new StringBuilder("[global]\n").append(section("lab", ""));
		TDS_VERSIONS.forEach(v -> text.append(section("lab" + v.replace(".", ""), "tds version = " + v)));
		List.of("off", "request", "require").forEach(e -> text.append(section("lab-" + e, "encryption = " + e)));
		try {
			conf = Files.writeString(dir.resolve("freetds.conf"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String section(String name, String setting) {
		return "[" + name + "]\n\thost = 127.0.0.1\n\tport = " + port + "\n\t" + setting + "\n";
	}

	/** {@code tsql -S <section> -U lab -P lab -o q} reading {@code script} (batches ended by {@code go}). */
	ExternalClient.Result tsql(String section, String script) {
		return tsql(section, "lab", script);
	}

	ExternalClient.Result tsql(String section, String password, String script) {
		return ExternalClient.run(ExternalClient.TIMEOUT, environment(), script + "\nexit\n",
				List.of("tsql", "-S", section, "-U", "lab", "-P", password, "-o", "q"));
	}

	/** {@code freebcp "<query>" queryout <file> -c}, character format, as a DBA exports a result. */
	ExternalClient.Result freebcpQueryout(String query, Path file) {
		return ExternalClient.run(ExternalClient.TIMEOUT, environment(), null,
				List.of("freebcp", query, "queryout", file.toString(), "-c", "-S", "lab", "-U", "lab", "-P", "lab"));
	}

	private Map<String, String> environment() {
		return Map.of("FREETDSCONF", conf.toString());
	}

}
