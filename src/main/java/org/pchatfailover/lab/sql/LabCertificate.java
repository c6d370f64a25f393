package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A lab SQL Server's self-signed certificate, as SQL Server makes one when none is provisioned ("SQL Server
 * generates a self-signed certificate", sql-docs connect/ado-net/encryption-and-certificate-validation.md): an RSA
 * key, the host name as CN and every name clients use as subject alternative names, for server authentication.
 * Kept in a folder of the lab, readable by its owner only: {@code key.pem} (PKCS#8), {@code cert.pem} (to point
 * FreeTDS, tedious or mssql-jdbc's serverCertificate at) and {@code truststore.jks} (the certificate alone, for
 * mssql-jdbc's trustStore, which loads it without a password). Made once, and again only when it no longer covers
 * the names or is about to expire.
 */
public final class LabCertificate {

	public static final String KEY_FILE = "key.pem";

	public static final String CERTIFICATE_FILE = "cert.pem";

	public static final String TRUST_STORE_FILE = "truststore.jks";

	private static final Duration VALIDITY = Duration.ofDays(825);

	private static final Duration RENEW_BEFORE = Duration.ofDays(30);

	private static final char[] STORE_PASSWORD = "changeit".toCharArray();

	private final Path dir;

	private final PrivateKey key;

	private final X509Certificate certificate;

	private LabCertificate(Path dir, PrivateKey key, X509Certificate certificate) {
		this.dir = dir;
		this.key = key;
		this.certificate = certificate;
	}

	/**
	 * The certificate in {@code dir}, made now when there is none usable.
	 *
	 * @param hostName the instance's host FQDN, the certificate's CN
	 * @param otherNames further names clients reach it by: host names, {@code localhost}, IP addresses
	 */
	public static LabCertificate loadOrCreate(Path dir, String hostName, Collection<String> otherNames, Clock clock) {
		Set<String> names = new LinkedHashSet<>();
		names.add(hostName.toLowerCase(Locale.ROOT));
		otherNames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
		try {
			LabCertificate existing = load(dir);
			if (existing != null && existing.covers(names, clock.instant())) {
				return existing;
			}
			return create(dir, hostName, names, clock.instant());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the lab SQL Server's certificate in " + dir, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("cannot make the lab SQL Server's certificate", ex);
		}
	}

	/** The server side of TLS with this certificate, for {@link LabSqlServer}. */
	public SSLContext serverContext() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("lab-sql", key, STORE_PASSWORD, new X509Certificate[] { certificate });
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(store, STORE_PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot use the lab SQL Server's certificate", ex);
		}
	}

	public X509Certificate certificate() {
		return certificate;
	}

	public Path certificateFile() {
		return dir.resolve(CERTIFICATE_FILE);
	}

	public Path trustStoreFile() {
		return dir.resolve(TRUST_STORE_FILE);
	}

	private boolean covers(Set<String> names, Instant now) throws CertificateException {
		if (certificate.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
			return false;
		}
		Set<String> present = new LinkedHashSet<>();
		Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
		if (alternatives != null) {
			alternatives.forEach(entry -> present.add(entry.get(1).toString().toLowerCase(Locale.ROOT)));
		}
		return present.containsAll(names) && Files.isRegularFile(trustStoreFile());
	}

	private static LabCertificate load(Path dir) throws IOException, GeneralSecurityException {
		Path keyFile = dir.resolve(KEY_FILE);
		Path certificateFile = dir.resolve(CERTIFICATE_FILE);
		if (!Files.isRegularFile(keyFile) || !Files.isRegularFile(certificateFile)) {
			return null;
		}
		PrivateKey key = KeyFactory.getInstance("RSA")
			.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(keyFile, StandardCharsets.US_ASCII))));
		X509Certificate certificate;
		try (var in = Files.newInputStream(certificateFile)) {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		return new LabCertificate(dir, key, certificate);
	}

	private static LabCertificate create(Path dir, String hostName, Set<String> names, Instant now)
			throws IOException, GeneralSecurityException, OperatorCreationException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		X500Name subject = new X500Name("CN=" + hostName);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
				new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
				Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
		builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
		// "The certificate must be meant for server authentication" (sql-docs certificate requirements)
		builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
		ownerOnlyDirectory(dir);
		write(dir.resolve(KEY_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
		write(dir.resolve(CERTIFICATE_FILE), pem("CERTIFICATE", certificate.getEncoded()));
		KeyStore trust = KeyStore.getInstance("JKS");
		trust.load(null, null);
		trust.setCertificateEntry("lab-sql", certificate);
		Path trustFile = dir.resolve(TRUST_STORE_FILE);
		Path temporary = ownerOnlyFile(dir.resolve(TRUST_STORE_FILE + ".new"));
		try (OutputStream out = Files.newOutputStream(temporary)) {
			trust.store(out, STORE_PASSWORD);
		}
		Files.move(temporary, trustFile, StandardCopyOption.REPLACE_EXISTING);
		return new LabCertificate(dir, pair.getPrivate(), certificate);
	}

	private static GeneralNames alternativeNames(Set<String> names) {
		List<GeneralName> entries = new ArrayList<>();
		for (String name : names) {
			boolean address = name.matches("[0-9.]+") || name.contains(":");
			entries.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name));
		}
		return new GeneralNames(entries.toArray(GeneralName[]::new));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] pem(String text) {
		return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
	}

	/** Written to a new file readable by the owner only, then moved into place. */
	private static void write(Path file, String text) throws IOException {
		Path temporary = ownerOnlyFile(file.resolveSibling(file.getFileName() + ".new"));
		Files.writeString(temporary, text, StandardCharsets.US_ASCII);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private static Path ownerOnlyFile(Path file) throws IOException {
		Files.deleteIfExists(file);
		if (posix()) {
			return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		return Files.createFile(file);
	}

	private static void ownerOnlyDirectory(Path dir) throws IOException {
		Files.createDirectories(dir);
		if (posix()) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
