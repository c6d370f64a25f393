package org.pchatfailover.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The name of this engine node: {@code pchat.node.id}, or the one kept in {@code pchat.node.id-file}, made there at the
 * node's first start. It stays the same across restarts, so the job locks a killed node held are known as its own.
 */
@Component
@EnableConfigurationProperties(NodeProperties.class)
public class NodeIdentity {

	private final String id;

	private final String life = java.util.UUID.randomUUID().toString();

	NodeIdentity(NodeProperties properties) {
		this.id = (properties.id() != null && !properties.id().isBlank()) ? properties.id() : readOrCreate(properties.idFile());
	}

	public String id() {
		return id;
	}

	/** This run of the node: a new one at every start. */
	public String life() {
		return life;
	}

	private static String readOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!kept.matches(NodeProperties.ID)) {
					throw new IllegalStateException("the node id in " + file.toAbsolutePath() + " is not valid ("
							+ NodeProperties.ID + "): correct or delete the file, or set pchat.node.id");
				}
				return kept;
			}
			String made = hostName() + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, made + "\n", StandardCharsets.UTF_8);
			return made;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the node id in " + file.toAbsolutePath()
					+ ": set pchat.node.id or pchat.node.id-file", ex);
		}
	}

	private static String hostName() {
		try {
			String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "");
			return name.isEmpty() ? "node" : name.substring(0, Math.min(name.length(), 50));
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

}
