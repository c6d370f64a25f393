package org.pchatfailover.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Turns a lab port of 0 into a concrete free port before anything binds, so the pool configuration
 * ({@code jdbc:sqlserver://127.0.0.1:${pchat.lab.sql-port}}) and the lab servers agree on one number.
 */
public class LabPortsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SQL_PORT = "pchat.lab.sql-port";

	static final String SSH_PORT = "pchat.lab.ssh-port";

	static final String MIRROR_SQL_PORT = "pchat.lab.mirror-sql-port";

	static final String PRIMARY_SQL_PORT = "pchat.lab.primary-sql-port";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("lab"))) {
			return;
		}
		Map<String, Object> chosen = new HashMap<>();
		for (String property : new String[] { SQL_PORT, SSH_PORT, MIRROR_SQL_PORT, PRIMARY_SQL_PORT }) {
			if ("0".equals(environment.getProperty(property, "").strip())) {
				chosen.put(property, freePort());
			}
		}
		if (!chosen.isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource("labPorts", chosen));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free loopback port for the lab", ex);
		}
	}

}
