package org.pchatfailover.backup;

import java.nio.file.Path;
import java.util.Locale;

import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Pool.ShareMapping;

/**
 * Maps the UNC folders SQL Server names (msdb's backup source and destination) to the folders this host mounts
 * them at ({@code pchat.pools[].shares}), and builds the device paths SQL Server opens.
 */
public final class SharePaths {

	private SharePaths() {
	}

	/** The local folder of a UNC folder; {@code IllegalStateException} naming the folder when none maps it. */
	public static Path toLocal(Pool pool, String uncFolder) {
		ShareMapping mapping = mappingOf(pool, uncFolder);
		if (mapping == null) {
			throw new IllegalStateException("folder " + uncFolder + " of pool " + pool.fqdn()
					+ " is not mapped to a local path: add it to pchat.pools[].shares");
		}
		String rest = strip(uncFolder).substring(strip(mapping.uncPrefix()).length());
		Path local = Path.of(mapping.localPath());
		for (String part : rest.split("\\\\")) {
			if (part.isEmpty()) {
				continue;
			}
			if (part.equals("..") || part.equals(".")) {
				throw new IllegalStateException("folder " + uncFolder + " climbs out of its share");
			}
			local = local.resolve(part);
		}
		return local;
	}

	/** The configured mapping that contains the UNC folder, or null. */
	public static ShareMapping mappingOf(Pool pool, String uncFolder) {
		String folder = strip(uncFolder).toLowerCase(Locale.ROOT);
		for (ShareMapping mapping : pool.shares()) {
			String prefix = strip(mapping.uncPrefix()).toLowerCase(Locale.ROOT);
			if (folder.equals(prefix) || folder.startsWith(prefix + "\\")) {
				return mapping;
			}
		}
		return null;
	}

	/** {@code folder\file}, as SQL Server opens it. */
	public static String device(String uncFolder, String fileName) {
		return strip(uncFolder) + "\\" + fileName;
	}

	/** The folder part of a device path ({@code \\host\share\mgc_x.trn} -> {@code \\host\share}). */
	public static String folderOf(String device) {
		int slash = device.lastIndexOf('\\');
		return slash <= 0 ? device : device.substring(0, slash);
	}

	private static String strip(String folder) {
		String text = folder.strip();
		while (text.endsWith("\\") && text.length() > 2) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
