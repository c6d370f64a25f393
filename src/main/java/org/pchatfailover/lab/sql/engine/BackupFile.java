package org.pchatfailover.lab.sql.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
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
 * [Payload: sparse]
 * (empty line, then PayloadLength bytes of log records)
 * SHA256: hex digest of every byte before this line (of the header only when the payload is sparse)
 * </pre>
 *
 * RESTORE HEADERONLY reads the header and checks the file's length against it ({@link #readHeader}), so a file cut
 * short fails with 3241 without being read whole; RESTORE LOG also streams the digest ({@link #read}), so an altered
 * file fails too. A sparse file stands for a multi-terabyte log backup: its payload is a hole in the file that takes
 * no disk, and nothing hashes terabytes of zeros, so only its header is digested.
 */
public record BackupFile(String databaseName, int backupType, BigInteger firstLsn, BigInteger lastLsn,
		Instant backupStartDate, Instant backupFinishDate, String serverName) {

	static final String MAGIC = "PCHAT-LAB-TRN 1";

	private static final String DIGEST_PREFIX = "SHA256: ";

	/** The digest line after the payload: prefix, 64 hex digits, newline. */
	private static final int DIGEST_LINE = DIGEST_PREFIX.length() + 64 + 1;

	/** How much of a file the header may take; RESTORE HEADERONLY reads no more than this. */
	private static final int HEADER_LIMIT = 4096;

	private static final String SPARSE = "Payload: sparse\n";

	/** Writes the file with a deterministic payload of the given size. */
	public void write(Path file, int payloadLength) throws IOException {
		byte[] header = header(payloadLength, false);
		byte[] body = new byte[header.length + payloadLength];
		System.arraycopy(header, 0, body, 0, header.length);
		for (int i = 0; i < payloadLength; i++) {
			body[header.length + i] = (byte) (firstLsn.intValue() * 31 + i);
		}
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.setLength(0);
			out.write(body);
			out.write(digestLine(body));
		}
	}

	/**
	 * Writes a file whose payload is a hole of {@code payloadLength} zero bytes ({@link RandomAccessFile#setLength}):
	 * a multi-terabyte log backup that takes a few kilobytes of disk.
	 */
	public void writeSparse(Path file, long payloadLength) throws IOException {
		byte[] header = header(payloadLength, true);
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.setLength(0);
			out.write(header);
			out.setLength(header.length + payloadLength);
			out.seek(header.length + payloadLength);
			out.write(digestLine(header));
		}
	}

	private byte[] header(long payloadLength, boolean sparse) {
		String text = MAGIC + "\nDatabaseName: " + databaseName + "\nBackupType: " + backupType + "\nFirstLSN: "
				+ firstLsn + "\nLastLSN: " + lastLsn + "\nBackupStartDate: " + backupStartDate + "\nBackupFinishDate: "
				+ backupFinishDate + "\nServerName: " + serverName + "\nPayloadLength: " + payloadLength + "\n"
				+ (sparse ? SPARSE : "") + "\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] digestLine(byte[] digested) {
		return (DIGEST_PREFIX + HexFormat.of().formatHex(sha256().digest(digested)) + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * What RESTORE HEADERONLY needs: the header, read from the first kilobytes, and a length that matches it.
	 * @throws IllegalArgumentException when the file is not a complete lab backup file
	 */
	public static BackupFile readHeader(Path file) throws IOException {
		try (SeekableByteChannel in = Files.newByteChannel(file)) {
			return Layout.of(in).file();
		}
	}

	/**
	 * What RESTORE LOG needs: the header, and every byte the digest covers streamed through SHA-256.
	 * @throws IllegalArgumentException when the file is not a complete, unaltered lab backup file
	 */
	public static BackupFile read(Path file) throws IOException {
		try (SeekableByteChannel in = Files.newByteChannel(file)) {
			Layout layout = Layout.of(in);
			MessageDigest digest = sha256();
			long digested = layout.sparse() ? layout.headerLength() : layout.bodyEnd();
			ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
			in.position(0);
			for (long left = digested; left > 0;) {
				buffer.clear().limit((int) Math.min(buffer.capacity(), left));
				int read = in.read(buffer);
				if (read < 0) {
					throw new IllegalArgumentException("backup file is cut short");
				}
				digest.update(buffer.array(), 0, read);
				left -= read;
			}
			String recorded = readAt(in, layout.bodyEnd() + DIGEST_PREFIX.length(), 64);
			if (!HexFormat.of().formatHex(digest.digest()).equals(recorded)) {
				throw new IllegalArgumentException("backup file digest does not match");
			}
			return layout.file();
		}
	}

	/** Where the parts of a file are, from its header and its length. */
	private record Layout(BackupFile file, long headerLength, long bodyEnd, boolean sparse) {

		static Layout of(SeekableByteChannel in) throws IOException {
			long size = in.size();
			String text = readAt(in, 0, (int) Math.min(size, HEADER_LIMIT));
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
			long headerLength = headerEnd + 2;
			long bodyEnd;
			try {
				bodyEnd = Math.addExact(headerLength, Long.parseLong(field(fields, "PayloadLength")));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw new IllegalArgumentException("backup file header has a bad PayloadLength");
			}
			if (size != bodyEnd + DIGEST_LINE || !readAt(in, bodyEnd, DIGEST_PREFIX.length()).equals(DIGEST_PREFIX)) {
				throw new IllegalArgumentException("backup file is cut short or longer than its header says");
			}
			BackupFile file = new BackupFile(field(fields, "DatabaseName"), Integer.parseInt(field(fields, "BackupType")),
					new BigInteger(field(fields, "FirstLSN")), new BigInteger(field(fields, "LastLSN")),
					Instant.parse(field(fields, "BackupStartDate")), Instant.parse(field(fields, "BackupFinishDate")),
					field(fields, "ServerName"));
			return new Layout(file, headerLength, bodyEnd, "sparse".equals(fields.get("Payload")));
		}

	}

	private static String readAt(SeekableByteChannel in, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		in.position(position);
		int read = 0;
		while (buffer.hasRemaining() && read >= 0) {
			read = in.read(buffer);
		}
		return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
	}

	private static String field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalArgumentException("backup file header has no " + name);
		}
		return value;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
