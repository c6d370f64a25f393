package org.pchatfailover.lab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.pchatfailover.lab.sql.engine.PersistentChatServers;
import org.pchatfailover.lab.sql.engine.ServerVersion;

/**
 * Starts a lab SQL Server for one test in a fresh folder and stops it afterwards:
 * {@code @RegisterExtension final LabSqlExtension lab = new LabSqlExtension();} then
 * {@code LabSqlFixture sql = lab.start("broken-chain");}.
 */
public final class LabSqlExtension implements AfterEachCallback {

	private LabSqlFixture fixture;

	private Path dir;

	public LabSqlFixture start(String scenario) {
		return start(scenario, LabSqlFixture.SERVER_ZONE);
	}

	public LabSqlFixture start(String scenario, ZoneId serverZone) {
		return start(scenario, serverZone, ServerVersion.DEFAULT);
	}

	/** A lab answering as another SQL Server build, e.g. {@code ServerVersion.parse("10.50.6000.34")}. */
	public LabSqlFixture start(String scenario, ServerVersion version) {
		return start(scenario, LabSqlFixture.SERVER_ZONE, version);
	}

	/** A lab whose mgc.dbo.tblServerIdentity rows come from {@code servers}. */
	public LabSqlFixture start(String scenario, PersistentChatServers servers) {
		fixture = new LabSqlFixture(newDir(), scenario, LabSqlFixture.SERVER_ZONE, ServerVersion.DEFAULT, servers);
		return fixture;
	}

	private LabSqlFixture start(String scenario, ZoneId serverZone, ServerVersion version) {
		fixture = new LabSqlFixture(newDir(), scenario, serverZone, version);
		return fixture;
	}

	private Path newDir() {
		try {
			dir = Files.createTempDirectory("pchat-lab-sql");
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		if (fixture != null) {
			fixture.close();
			fixture = null;
		}
		if (dir != null) {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
			dir = null;
		}
	}

}
