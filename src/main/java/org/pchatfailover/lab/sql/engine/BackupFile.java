package org.pchatfailover.lab.sql.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lab's transaction log backup file. Real .trn files are Microsoft Tape Format; the lab writes a documented
 * stand-in that carries what RESTORE HEADERONLY reports, so torn and foreign files can be drilled:
 *
 * <pre>
 * PCHAT-LAB-TRN 1
 * DatabaseName: mgc
 * BackupType: 2
 * FirstLSN: 37000000016800001
 * LastLSN: 37000000017600001
 * BackupStartDate: 2026-11-25T08:00:00Z
 * BackupFinishDate: 2026-11-25T08:00:02Z
 * ServerName: ATL-SQL-001
 * PayloadLength: 8192
 * (empty line, then PayloadLength bytes of log records)
 * SHA256: hex digest of every byte before this line
 * </pre>
 *
 * A file that is cut short or altered fails its digest, and the lab answers error 3241 as SQL Server does for a
 * damaged media family.
 */
public record BackupFile(String databaseName, int backupType, BigInteger firstLsn, BigInteger lastLsn,
		Instant backupStartDate, Instant backupFinishDate, String serverName) {

	static final String MAGIC = "PCHAT-LAB-TRN 1";

	private static final String DIGEST_PREFIX = "SHA256: ";

	/** Writes the file with a deterministic payload of the given size. */
	public void write(Path file, int payloadLength) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String header = MAGIC + "\nDatabaseName: " + databaseName + "\nBackupType: " + backupType + "\nFirstLSN: "
				+ firstLsn + "\nLastLSN: " + lastLsn + "\nBackupStartDate: " + backupStartDate
				+ "\nBackupFinishDate: " + backupFinishDate + "\nServerName: " + serverName + "\nPayloadLength: "
				+ payloadLength + "\n\n";
		out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
		byte[] payload = new byte[payloadLength];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) (firstLsn.intValue() * 31 + i);
		}
		out.writeBytes(payload);
		byte[] body = out.toByteArray();
		out.writeBytes((DIGEST_PREFIX + HexFormat.of().formatHex(sha256(body)) + "\n").getBytes(StandardCharsets.UTF_8));
		Files.write(file, out.toByteArray());
	}

	/** Reads and verifies a file; {@code IllegalArgumentException} when it is not a complete lab backup file. */
	public static BackupFile read(byte[] content) {
		String text = new String(content, StandardCharsets.ISO_8859_1);
		int headerEnd = text.indexOf("\n\n");
		if (!text.startsWith(MAGIC + "\n") || headerEnd < 0) {
			throw new IllegalArgumentException("not a lab backup file");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : text.substring(MAGIC.length() + 1, headerEnd).split("\n")) {
			int colon = line.indexOf(": ");
			if (colon > 0) {
				fields.put(line.substring(0, colon), line.substring(colon + 2));
			}
		}
		int bodyEnd = headerEnd + 2 + Integer.parseInt(field(fields, "PayloadLength"));
		if (bodyEnd > content.length || !text.startsWith(DIGEST_PREFIX, bodyEnd)) {
			throw new IllegalArgumentException("backup file is cut short");
		}
		String digest = text.substring(bodyEnd + DIGEST_PREFIX.length()).strip();
		byte[] body = java.util.Arrays.copyOf(content, bodyEnd);
		if (!HexFormat.of().formatHex(sha256(body)).equals(digest)) {
			throw new IllegalArgumentException("backup file digest does not match");
		}
		return new BackupFile(field(fields, "DatabaseName"), Integer.parseInt(field(fields, "BackupType")),
				new BigInteger(field(fields, "FirstLSN")), new BigInteger(field(fields, "LastLSN")),
				Instant.parse(field(fields, "BackupStartDate")), Instant.parse(field(fields, "BackupFinishDate")),
				field(fields, "ServerName"));
	}

	private static String field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalArgumentException("backup file header has no " + name);
		}
		return value;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
