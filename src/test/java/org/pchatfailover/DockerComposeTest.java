package org.pchatfailover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml is written for users and never run here: this keeps it in step with the app's own
 * configuration (datasource placeholders, ports, profiles, the jar the build produces).
 */
class DockerComposeTest {

	private final Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));

	private final Map<String, Object> services = map(compose, "services");

	@Test
	void runsTwoAppNodesOnOnePostgresDatabase() {
		assertThat(services).containsOnlyKeys("postgres", "pchat-a", "pchat-b");
		Map<String, Object> postgres = map(services, "postgres");
		assertThat((String) postgres.get("image")).startsWith("postgres:");
		Map<String, Object> db = map(postgres, "environment");
		for (String node : List.of("pchat-a", "pchat-b")) {
			Map<String, Object> env = environment(node);
			assertThat(env.get("SPRING_PROFILES_ACTIVE").toString().split(",")).as(node).contains("postgres", "lab");
			assertThat(env.get("PCHAT_DB_HOST")).as(node).isEqualTo("postgres");
			assertThat(env.get("PCHAT_DB_NAME")).as(node).isEqualTo(db.get("POSTGRES_DB"));
			assertThat(env.get("PCHAT_DB_USER")).as(node).isEqualTo(db.get("POSTGRES_USER"));
			assertThat(env.get("PCHAT_DB_PASSWORD")).as(node).isEqualTo(db.get("POSTGRES_PASSWORD"));
			assertThat(env.get("PCHAT_DB_PASSWORD").toString()).as("no password in the file").startsWith("${");
		}
	}

	@Test
	void usesTheDatasourcePlaceholdersOfThePostgresProfile() {
		Map<String, Object> datasource = map(map(yaml(Path.of("src/main/resources/application-postgres.yml")),
				"spring"), "datasource");
		String url = (String) datasource.get("url");
		assertThat(url).startsWith("jdbc:postgresql://")
			.contains("${PCHAT_DB_HOST", "${PCHAT_DB_PORT", "${PCHAT_DB_NAME");
		assertThat((String) datasource.get("username")).contains("${PCHAT_DB_USER");
		assertThat(datasource.get("password")).isEqualTo("${PCHAT_DB_PASSWORD}");
		assertThat(environment("pchat-a").get("PCHAT_DB_PORT")).isEqualTo("5432");
	}

	@Test
	void publishesTheAppAndLabPortsTheAppListensOn() {
		Map<String, Object> lab = map(map(yaml(Path.of("src/main/resources/application-lab.yml")), "pchat"), "lab");
		Map<String, Object> nodeA = environment("pchat-a");
		assertThat(nodeA.get("PCHAT_LAB_SQL_PORT")).isEqualTo(lab.get("sql-port").toString());
		assertThat(nodeA.get("PCHAT_LAB_SSH_PORT")).isEqualTo(lab.get("ssh-port").toString());
		assertThat(nodeA.get("PCHAT_LAB_MIRROR_SQL_PORT")).isEqualTo(lab.get("mirror-sql-port").toString());
		assertThat(ports("pchat-a")).contains("8080:" + nodeA.get("SERVER_PORT"),
				"127.0.0.1:14330:" + nodeA.get("PCHAT_LAB_SQL_PORT"), "127.0.0.1:2222:" + nodeA.get("PCHAT_LAB_SSH_PORT"));
		assertThat(ports("pchat-b")).containsExactly("8081:" + environment("pchat-b").get("SERVER_PORT"));
	}

	@Test
	void letsTheSecondNodeUseTheFirstNodesLab() {
		Map<String, Object> nodeA = environment("pchat-a");
		Map<String, Object> nodeB = environment("pchat-b");
		assertThat(nodeA.get("PCHAT_LAB_BIND_ADDRESS")).isEqualTo("0.0.0.0");
		assertThat(nodeA.get("PCHAT_LAB_ADVERTISED_HOSTS")).isEqualTo("pchat-a");
		assertThat(nodeB.get("PCHAT_LAB_SERVERS")).isEqualTo("false");
		assertThat(nodeB.get("PCHAT_LAB_HOST")).isEqualTo("pchat-a");
		assertThat(nodeB.get("PCHAT_LAB_DIR")).isEqualTo(nodeA.get("PCHAT_LAB_DIR"));
		String labYaml = read(Path.of("src/main/resources/application-lab.yml"));
		assertThat(labYaml).contains("jdbc:sqlserver://${pchat.lab.host}:${pchat.lab.sql-port}",
				"host: ${pchat.lab.host}");
	}

	@Test
	void runsTheJarTheBuildProducesOnJava17() {
		String pom = read(Path.of("pom.xml"));
		String jar = "./target/" + first(pom, "<artifactId>(pchat-failover)</artifactId>") + "-"
				+ first(pom, "<artifactId>pchat-failover</artifactId>\\s*<version>([^<]+)</version>") + ".jar";
		for (String node : List.of("pchat-a", "pchat-b")) {
			Map<String, Object> service = map(services, node);
			assertThat((String) service.get("image")).isEqualTo("eclipse-temurin:17-jre");
			assertThat(list(service, "volumes")).anySatisfy(v -> assertThat(v.toString()).startsWith(jar + ":"));
		}
	}

	private Map<String, Object> environment(String service) {
		return map(map(services, service), "environment");
	}

	private List<String> ports(String service) {
		return list(map(services, service), "ports").stream().map(Object::toString).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (List<Object>) parent.get(key);
	}

	private static Map<String, Object> yaml(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			// SnakeYAML resolves the anchors and merge keys (<<) as docker compose does
			return new Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String first(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

}
