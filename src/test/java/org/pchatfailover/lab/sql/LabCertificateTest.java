package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab SQL Server's self-signed certificate: made once under the lab folder, for its names, kept private. */
class LabCertificateTest {

	@TempDir
	Path dir;

	final Clock now = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void makesAServerCertificateForTheHostAndEveryNameClientsUse() throws Exception {
		LabCertificate certificate = LabCertificate.loadOrCreate(dir, "dal-sql-bk.litwareinc.com",
				List.of("localhost", "127.0.0.1"), now);
		assertThat(certificate.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=dal-sql-bk.litwareinc.com");
		assertThat(certificate.certificate().getSubjectAlternativeNames())
			.containsExactly(List.of(2, "dal-sql-bk.litwareinc.com"), List.of(2, "localhost"), List.of(7, "127.0.0.1"));
		assertThat(certificate.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		assertThat(certificate.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");
		KeyStore trust = KeyStore.getInstance("JKS");
		try (var in = Files.newInputStream(certificate.trustStoreFile())) {
			trust.load(in, null);
		}
		assertThat(trust.getCertificate("lab-sql")).isEqualTo(certificate.certificate());
	}

	@Test
	void keepsKeyCertificateAndTrustStoreReadableByTheOwnerOnly() throws Exception {
		LabCertificate.loadOrCreate(dir.resolve("tls"), "dal-sql-bk.litwareinc.com", List.of(), now);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls")))).isEqualTo("rwx------");
		for (String file : List.of(LabCertificate.KEY_FILE, LabCertificate.CERTIFICATE_FILE,
				LabCertificate.TRUST_STORE_FILE)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls").resolve(file))))
				.as(file).isEqualTo("rw-------");
		}
	}

	@Test
	void reusesTheCertificateItMadeAndRenewsItForANewNameOrBeforeItExpires() {
		LabCertificate first = LabCertificate.loadOrCreate(dir, "dal-sql-bk.litwareinc.com", List.of("localhost"), now);
		LabCertificate again = LabCertificate.loadOrCreate(dir, "dal-sql-bk.litwareinc.com", List.of("localhost"), now);
		assertThat(again.certificate()).isEqualTo(first.certificate());
		LabCertificate renamed = LabCertificate.loadOrCreate(dir, "dal-sql-bk.litwareinc.com", List.of("pchat-a"), now);
		assertThat(renamed.certificate().getSerialNumber()).isNotEqualTo(first.certificate().getSerialNumber());
		Clock later = Clock.offset(now, Duration.ofDays(820));
		LabCertificate renewed = LabCertificate.loadOrCreate(dir, "dal-sql-bk.litwareinc.com", List.of("pchat-a"), later);
		assertThat(renewed.certificate().getNotAfter()).isAfter(renamed.certificate().getNotAfter());
	}

}
