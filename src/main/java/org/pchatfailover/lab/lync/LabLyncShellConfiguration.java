package org.pchatfailover.lab.lync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.LabProperties;
import org.pchatfailover.lab.LabSecretFiles;
import org.pchatfailover.lab.lync.cmdlets.LabDatabaseProbe;
import org.pchatfailover.lab.lync.cmdlets.LabLyncShell;
import org.pchatfailover.lab.lync.cmdlets.LabLyncTopology;
import org.pchatfailover.lab.lync.ssh.LabLyncSshServer;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;
import org.pchatfailover.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Starts the lab Lync shell in the {@code lab} profile: the simulated topology from {@code pchat.pools[]}, the
 * SSH server on {@code pchat.lab.bind-address:ssh-port}, and the files the product's SSH transport reads:
 * {@code secrets/ssh.password} and a known_hosts entry for the lab's host key. The host key ({@code ssh/host_key})
 * and the password file are owner-only (0600); known_hosts holds public keys only.
 */
@Configuration(proxyBeanMethods = false)
@Profile("lab")
@ConditionalOnProperty(prefix = "pchat.lab", name = "servers", havingValue = "true", matchIfMissing = true)
class LabLyncShellConfiguration {

	static final String USER = "lab";

	// a drill lab's documented login, not a secret (README, DESIGN.md)
	static final String PASSWORD = "lab";

	private static final Logger log = LoggerFactory.getLogger(LabLyncShellConfiguration.class);

	@Bean
	LabDatabaseProbe labDatabaseProbe(Topology topology, Secrets secrets) {
		return new JdbcLabDatabaseProbe(topology, secrets);
	}

	@Bean
	LabLyncShell labLyncShell(Topology topology, LabProperties lab, LabDatabaseProbe probe) {
		return new LabLyncShell(topology(topology), probe, lab.dir().resolve("lync").resolve("state.json"),
				Duration.ofMinutes(10), lab.scenario());
	}

	@Bean(destroyMethod = "close")
	LabLyncSshServer labLyncSshServer(LabLyncShell shell, LabProperties lab) {
		Path sshDir = lab.dir().resolve("ssh");
		LabLyncSshServer server = new LabLyncSshServer(shell, lab.bindAddress(), lab.sshPort(),
				sshDir.resolve("host_key"), USER, PASSWORD);
		server.start();
		Set<String> hosts = new LinkedHashSet<>(List.of("127.0.0.1", "localhost"));
		if (!lab.bindAddress().equals("0.0.0.0") && !lab.bindAddress().equals("::")) {
			hosts.add(lab.bindAddress());
		}
		// names other engine nodes reach this lab by (docker-compose: pchat-a)
		lab.advertisedHosts().stream().filter(h -> !h.isBlank()).forEach(hosts::add);
		LabSecretFiles.write(lab.dir().resolve("secrets").resolve("ssh.password"), PASSWORD + "\n");
		write(sshDir.resolve("known_hosts"), String.join("\n", server.knownHostsLines(new ArrayList<>(hosts))) + "\n");
		log.info("Lab Lync shell listening on ssh://{}@{}:{} (password in {}, host key in {})", USER,
				lab.bindAddress(), server.port(), lab.dir().resolve("secrets"), sshDir.resolve("known_hosts"));
		return server;
	}

	static LabLyncTopology topology(Topology topology) {
		return new LabLyncTopology(topology.pools().stream().map(LabLyncShellConfiguration::pool).toList());
	}

	private static LabLyncTopology.LabPool pool(Pool pool) {
		return new LabLyncTopology.LabPool(pool.fqdn(), pool.database(),
				new LabLyncTopology.Store(pool.backupSql().fqdn(), pool.backupSql().instance()),
				new LabLyncTopology.Store(pool.backupMirrorSql().fqdn(), pool.backupMirrorSql().instance()),
				pool.backupDataCenter(), pool.activeServerCandidates()
					.stream()
					.map(c -> new LabLyncTopology.Server(c.fqdn(), c.dataCenter()))
					.toList(),
				pool.lyncVersion());
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
