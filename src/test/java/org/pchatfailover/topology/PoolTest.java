package org.pchatfailover.topology;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pchat.pools[].lync-version} and {@code active-servers-identity}: a bad value stops start-up. */
class PoolTest {

	static ValidatorFactory factory;

	static Validator validator;

	@BeforeAll
	static void validator() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	private static Pool pool(String lyncVersion, String activeServersIdentity) {
		Pool pool = TestPools.atlantaPool();
		return new Pool(pool.fqdn(), pool.database(), pool.backupSql(), pool.backupMirrorSql(), pool.mirrorFileShare(),
				pool.backupDataCenter(), pool.activeServerCandidates(), pool.shares(), pool.lyncShell(), lyncVersion,
				activeServersIdentity);
	}

	private static Iterable<String> violations(Pool pool) {
		return validator.validate(pool).stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList();
	}

	@Test
	void isALyncServer2013PoolWithTheGlobalCollectionByDefault() {
		Pool pool = pool(null, " ");

		assertThat(violations(pool)).isEmpty();
		assertThat(pool.lyncVersion()).isEqualTo("2013");
		assertThat(pool.activeServersIdentity()).isNull();
		assertThat(pool.effectiveActiveServersIdentity()).isEqualTo("global");
	}

	@Test
	void usesThePoolsServiceIdentityForSkypeForBusinessServer2015() {
		assertThat(pool("2015", null).effectiveActiveServersIdentity())
			.isEqualTo("PersistentChatServer:atl-cs-001.litwareinc.com");
	}

	@Test
	void prefersTheConfiguredIdentity() {
		assertThat(pool("2013", "PersistentChatServer:atl-pc-pool.litwareinc.com").effectiveActiveServersIdentity())
			.isEqualTo("PersistentChatServer:atl-pc-pool.litwareinc.com");
		assertThat(pool("2015", "Global").effectiveActiveServersIdentity()).isEqualTo("Global");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2010", "2019", "Lync 2013", "13" })
	void refusesAnotherLyncVersion(String version) {
		assertThat(violations(pool(version, null))).containsExactly("lyncVersion must be 2013 or 2015");
	}

	@ParameterizedTest
	@ValueSource(strings = { "service:atl-cs-001.litwareinc.com", "PChatServerCollection", "PersistentChatServer:",
			"PersistentChatServer:atl-cs-001", "PersistentChatServer:a.b.com'; Remove-Item x", "global;x" })
	void refusesAnIdentityThatIsNeitherGlobalNorAServiceIdentity(String identity) {
		assertThat(validator.validate(pool("2013", identity))).extracting(ConstraintViolation::getMessage)
			.containsExactly("must be global or PersistentChatServer:<pool fqdn>");
	}

}
