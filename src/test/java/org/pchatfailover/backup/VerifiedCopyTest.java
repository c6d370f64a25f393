package org.pchatfailover.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of one log backup when two engine nodes run the same step at once (an expired job lock). */
class VerifiedCopyTest {

	@TempDir
	Path dir;

	@Test
	void leavesAWholeVerifiedFileWhenTwoCopiesOfItRunAtOnce() throws Exception {
		Path source = dir.resolve("share-mgc_20261125090000.trn");
		byte[] content = new byte[4 * 1024 * 1024];
		new Random(42).nextBytes(content);
		Files.write(source, content);
		Path target = dir.resolve("mgc_20261125090000.trn");

		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> copies = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				copies.add(nodes.submit(() -> VerifiedCopy.copy(source, target)));
			}
			for (Future<String> copy : copies) {
				assertThat(copy.get(60, TimeUnit.SECONDS)).isEqualTo(VerifiedCopy.sha256(source));
			}
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(Files.readAllBytes(target)).isEqualTo(content);
		try (var left = Files.list(dir)) {
			assertThat(left.map(p -> p.getFileName().toString())).as("no temporary copy left behind")
				.containsExactlyInAnyOrder("share-mgc_20261125090000.trn", "mgc_20261125090000.trn");
		}
	}

}
