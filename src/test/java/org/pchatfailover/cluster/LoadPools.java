package org.pchatfailover.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.test.util.TestSocketUtils;

/**
 * Pools for the lab to serve side by side ({@code lab/sql/PoolSqlLabs}): the first on the lab's own SQL Server, each
 * further one on a lab SQL Server of its own port, with its own share and copy destination and its own Persistent
 * Chat servers, all behind the one lab Lync shell. Written as {@code application-lab.yml} in a folder of its own that
 * the app is given as {@code spring.config.additional-location}: it replaces the packaged lab pool.
 */
final class LoadPools {

	private final Path labDir;

	private final int[] labPorts;

	private final int[] sqlPorts;

	LoadPools(Path labDir, int[] labPorts, int count) {
		this.labDir = labDir;
		this.labPorts = labPorts.clone();
		this.sqlPorts = new int[count];
		Set<Integer> taken = new java.util.HashSet<>(List.of(labPorts[0], labPorts[1], labPorts[2]));
		sqlPorts[0] = labPorts[0];
		for (int i = 1; i < count; i++) {
			int port;
			do {
				port = TestSocketUtils.findAvailableTcpPort();
			}
			while (!taken.add(port));
			sqlPorts[i] = port;
		}
	}

	int count() {
		return sqlPorts.length;
	}

	static String fqdn(int pool) {
		return String.format("atl-cs-%03d.litwareinc.com", 100 + pool);
	}

	static String backupFqdn(int pool) {
		return String.format("dal-sql-b%02d.litwareinc.com", pool);
	}

	/** The folder of the pool's backup instance: its state under sql/, its share and copy destination. */
	Path instanceDir(int pool) {
		return pool == 0 ? labDir : labDir.resolve("pools").resolve(String.format("%02d", pool));
	}

	/** Writes the configuration and returns the folder to pass as spring.config.additional-location. */
	Path write(Path configDir) {
		StringBuilder yaml = new StringBuilder("pchat:\n  pools:\n");
		for (int i = 0; i < count(); i++) {
			String n = String.format("%02d", i);
			yaml.append("    - fqdn: ").append(fqdn(i)).append('\n')
				.append("      database: mgc\n")
				.append("      backup-sql:\n")
				.append("        jdbc-url: jdbc:sqlserver://127.0.0.1:").append(sqlPorts[i])
				.append(";encrypt=false;databaseName=master;loginTimeout=5;applicationName=pchat-failover\n")
				.append("        fqdn: ").append(backupFqdn(i)).append('\n')
				.append("        instance: PCHAT\n        user: lab\n")
				.append("        password-file: ").append(labDir.resolve("secrets/sql.password")).append('\n')
				.append("      backup-mirror-sql:\n")
				.append("        jdbc-url: jdbc:sqlserver://127.0.0.1:").append(labPorts[2]).append(";encrypt=false\n")
				.append("        fqdn: dal-sql-m").append(n).append(".litwareinc.com\n        instance: PCHAT\n")
				.append("        user: lab\n        password-file: ").append(labDir.resolve("secrets/sql.password")).append('\n')
				.append("      mirror-file-share: \\\\dal-fs-001.litwareinc.com\\pchat-mirror\n")
				.append("      backup-data-center: Dallas\n")
				.append("      active-server-candidates:\n")
				.append("        - { fqdn: atl-pc-").append(n).append("1.litwareinc.com, data-center: Atlanta }\n")
				.append("        - { fqdn: dal-pc-").append(n).append("1.litwareinc.com, data-center: Dallas }\n")
				.append("        - { fqdn: dal-pc-").append(n).append("2.litwareinc.com, data-center: Dallas }\n")
				.append("      shares:\n")
				.append("        - unc-prefix: \\\\atl-sql-001.litwareinc.com\\logship\n")
				.append("          local-path: ").append(instanceDir(i).resolve("share")).append('\n')
				.append("        - unc-prefix: \\\\dal-sql-bk.litwareinc.com\\logship-copy\n")
				.append("          local-path: ").append(instanceDir(i).resolve("copy")).append('\n')
				.append("      lync-shell:\n        transport: ssh\n        host: 127.0.0.1\n")
				.append("        port: ").append(labPorts[1]).append('\n')
				.append("        user: lab\n")
				.append("        password-file: ").append(labDir.resolve("secrets/ssh.password")).append('\n')
				.append("        known-hosts-file: ").append(labDir.resolve("ssh/known_hosts")).append('\n')
				.append("        timeout-seconds: 60\n");
		}
		try {
			Files.createDirectories(configDir);
			Files.writeString(configDir.resolve("application-lab.yml"), yaml);
			return configDir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
