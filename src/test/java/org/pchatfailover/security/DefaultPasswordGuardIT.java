package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.pchatfailover.PchatFailoverApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outside the lab the app refuses to run with a password anyone can read in the README: the same engine
 * database, first used by the lab, then started for production.
 */
class DefaultPasswordGuardIT {

	@Test
	void refusesToStartOutsideTheLabWhileALabUserKeepsItsNameAsPassword() throws IOException {
		Path labDir = Files.createTempDirectory("pchat-guard-");
		String database = "jdbc:h2:mem:guard-" + labDir.getFileName() + ";DB_CLOSE_DELAY=-1";
		try (ConfigurableApplicationContext lab = app(database, labDir, "lab")) {
			assertThat(lab.getBean(IdentityService.class).checkPassword("operator", "operator")).isTrue();
		}

		assertThatThrownBy(() -> app(database, labDir, "production").close())
			.hasStackTraceContaining("refusing to start")
			.hasStackTraceContaining("operator");
	}

	@Test
	void startsOutsideTheLabOnceEveryPasswordWasChanged() throws IOException {
		Path labDir = Files.createTempDirectory("pchat-guard-");
		String database = "jdbc:h2:mem:guard-" + labDir.getFileName() + ";DB_CLOSE_DELAY=-1";
		try (ConfigurableApplicationContext lab = app(database, labDir, "lab")) {
			IdentityService identity = lab.getBean(IdentityService.class);
			for (String user : new String[] { "operator", "operator2", "admin", "ticketing" }) {
				org.camunda.bpm.engine.identity.User changed = identity.createUserQuery().userId(user).singleResult();
				changed.setPassword("a-long-" + user + "-passphrase");
				identity.saveUser(changed);
			}
		}

		try (ConfigurableApplicationContext production = app(database, labDir, "production")) {
			// the guard compared hashes: no failed login was counted, nobody is delayed or locked
			assertThat(production.getBean(IdentityService.class).checkPassword("operator", "a-long-operator-passphrase"))
				.isTrue();
		}
	}

	@Test
	void refusesAFirstProductionStartWithoutACamundaAdministratorAndStartsWithOne() throws IOException {
		Path labDir = Files.createTempDirectory("pchat-guard-");
		String database = "jdbc:h2:mem:guard-" + labDir.getFileName() + ";DB_CLOSE_DELAY=-1";

		assertThatThrownBy(() -> app(database, labDir, "production").close())
			.hasStackTraceContaining("no user is in group camunda-admin");
		try (ConfigurableApplicationContext production = app(database, labDir, "production",
				"--camunda.bpm.admin-user.id=root", "--camunda.bpm.admin-user.password=a-long-root-passphrase")) {
			IdentityService identity = production.getBean(IdentityService.class);
			assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting("id")
				.containsExactly("root");
		}
	}

	private static ConfigurableApplicationContext app(String database, Path labDir, String profile,
			String... more) {
		// arguments, not default properties: those rank below application.yml and would use ./data
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
				"--pchat.lab.dir=" + labDir, "--pchat.lab.sql-port=0", "--pchat.lab.primary-sql-port=0", "--pchat.lab.ssh-port=0",
				"--pchat.lab.ticketing-port=0",
				// the production start reuses the lab's pool definition, without the lab
				"--spring.config.import=optional:classpath:application-lab.yml"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(PchatFailoverApplication.class).profiles(profile)
			.run(args.toArray(String[]::new));
	}

}
