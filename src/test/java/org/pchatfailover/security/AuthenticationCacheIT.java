package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.pchatfailover.ApiClient;
import org.pchatfailover.LabTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API's cache of accepted passwords (AuthenticationCache) over real HTTP against the engine's users: a wrong
 * password after a right one is still a 401 that the login throttle counts; a password or membership changed through
 * the engine counts at the next request; a change behind the engine's back waits for the TTL (ten minutes here, so
 * that no test depends on how fast it runs). Each test has a user of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pchat.security.authentication-cache.ttl=PT10M",
				"pchat.security.login-throttle.max-failures=3" })
class AuthenticationCacheIT {

	private static final String READ = "/api/failovers?ticketId=INC-1";

	@DynamicPropertySource
	static void lab(DynamicPropertyRegistry registry) {
		LabTestSupport.labProperties(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWrongPasswordAfterARightOneIsRefusedAndCountedByTheThrottle() {
		ticketingUser("cacheWrong", "right-1");
		String source = "127.0.0.3";
		assertThat(status(source, "cacheWrong", "right-1")).isEqualTo(200);

		assertThat(status(source, "cacheWrong", "wrong")).isEqualTo(401);
		assertThat(status(source, "cacheWrong", "right-1x")).isEqualTo(401);
		assertThat(status(source, "cacheWrong", "right-")).isEqualTo(401);

		assertThat(status(source, "cacheWrong", "right-1")).as("the address is throttled, cached or not")
			.isEqualTo(429);
		assertThat(new ApiClient(port).send("cacheWrong:right-1", "GET", READ, null, "application/json").status())
			.as("another address").isEqualTo(200);
	}

	@Test
	void aPasswordChangedThroughTheEngineCountsAtTheNextRequest() {
		ticketingUser("cacheChanged", "old-password");
		ApiClient api = new ApiClient(port);
		assertThat(api.send("cacheChanged:old-password", "GET", READ, null, "application/json").status()).isEqualTo(200);

		User user = identity.createUserQuery().userId("cacheChanged").singleResult();
		user.setPassword("new-password");
		identity.saveUser(user);

		assertThat(api.send("cacheChanged:old-password", "GET", READ, null, "application/json").status()).isEqualTo(401);
		assertThat(api.send("cacheChanged:new-password", "GET", READ, null, "application/json").status()).isEqualTo(200);
	}

	@Test
	void aRemovedMembershipLosesAccessAtTheNextRequest() {
		ticketingUser("cacheMember", "member-password");
		ApiClient api = new ApiClient(port);
		assertThat(api.send("cacheMember:member-password", "GET", READ, null, "application/json").status())
			.isEqualTo(200);

		identity.deleteMembership("cacheMember", FailoverGroups.TICKETING);

		ApiClient.Response refused = api.send("cacheMember:member-password", "GET", READ, null, "application/json");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("detail").asText()).contains("cacheMember is not in");
	}

	@Test
	void aPasswordChangedBehindTheEnginesBackCountsOnlyAfterTheTtl() {
		ticketingUser("cacheDirect", "kept-password");
		ApiClient api = new ApiClient(port);
		assertThat(api.send("cacheDirect:kept-password", "GET", READ, null, "application/json").status())
			.isEqualTo(200);

		// another node, or a DBA: nothing on this node hears of it
		jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?", "{SHA-512}unusable", "salt",
				"cacheDirect");

		assertThat(api.send("cacheDirect:kept-password", "GET", READ, null, "application/json").status())
			.as("accepted from the cache within its TTL").isEqualTo(200);
		assertThat(identity.checkPassword("cacheDirect", "kept-password")).as("the engine itself refuses it").isFalse();
	}

	private void ticketingUser(String id, String password) {
		User user = identity.newUser(id);
		user.setPassword(password);
		identity.saveUser(user);
		identity.createMembership(id, FailoverGroups.TICKETING);
	}

	private int status(String source, String user, String password) {
		return SourceBoundHttp.send(source, port, "GET", READ,
				Map.of("Authorization", SourceBoundHttp.basic(user, password), "Accept", "application/json"), null)
			.status();
	}

}
