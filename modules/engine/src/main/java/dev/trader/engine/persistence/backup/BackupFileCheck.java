package dev.trader.engine.persistence.backup;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a whole backup file without a database and checks it against its own manifest: the format and version, the
 * dialect, every table we back up present once and in order, and each table's rows, length and SHA-256 as the manifest
 * says. A restore runs this first, so a truncated or damaged file is refused before anything is written.
 */
public final class BackupFileCheck {
    private BackupFileCheck() {
    }

    /** The manifest of a sound file; a {@link CorruptBackup} naming the first problem otherwise. */
    public static BackupManifest verify(Path file) {
        try {
            return read(file);
        } catch (CorruptBackup e) {
            // Damage inside the compressed data may first show as garbage (a bad length, bad JSON) before the gzip trailer's
            // CRC is reached: say that the file is damaged, which is the cause, and what reading it ran into.
            String gzip = gzipProblem(file);
            if (gzip != null && !e.getMessage().contains(gzip)) {
                throw new CorruptBackup(file + " is damaged (" + gzip + "); reading it found: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static BackupManifest read(Path file) {
        try (BackupFileReader reader = BackupFileReader.open(file)) {
            String dialect = reader.header();
            List<Found> found = new ArrayList<>();
            String heading = reader.nextHeading();
            while (heading.startsWith("table ")) {
                String name = heading.substring("table ".length());
                SectionDigest d = reader.section("table " + name).drain().digest();
                found.add(new Found(name, d.rows(), d.bytes(), d.sha256()));
                heading = reader.nextHeading();
            }
            if (!"manifest".equals(heading)) {
                throw new CorruptBackup(file + ": expected a table or the manifest but found '" + heading + "'");
            }
            byte[] json = reader.section("the manifest").readAll();
            reader.end();
            BackupManifest manifest = BackupManifest.parse(json);
            check(file, dialect, found, manifest);
            return manifest;
        }
    }

    private record Found(String name, long rows, long bytes, String sha256) {
    }

    private static void check(Path file, String dialect, List<Found> found, BackupManifest m) {
        if (!BackupManifest.FORMAT.equals(m.format()) || m.version() != BackupManifest.VERSION) {
            throw new CorruptBackup(file + ": the manifest says format " + m.format() + " version " + m.version() + "; expected "
                    + BackupManifest.FORMAT + " version " + BackupManifest.VERSION);
        }
        if (!dialect.equals(m.dialect())) {
            throw new CorruptBackup(file + ": the header says dialect " + dialect + " but the manifest " + m.dialect());
        }
        List<String> expected = BackupTables.ALL.stream().map(BackupTables.Table::name).toList();
        List<String> inManifest = m.tables().stream().map(BackupManifest.TableEntry::name).toList();
        if (!expected.equals(inManifest)) {
            throw new CorruptBackup(file + ": the manifest lists tables " + inManifest + "; this version backs up and restores " + expected);
        }
        List<String> inFile = found.stream().map(Found::name).toList();
        if (!inFile.equals(inManifest)) {
            throw new CorruptBackup(file + ": the file holds tables " + inFile + " but its manifest lists " + inManifest);
        }
        for (Found f : found) {
            BackupManifest.TableEntry e = m.table(f.name());
            if (f.bytes() != e.bytes() || f.rows() != e.rows()) {
                throw new CorruptBackup(file + ": table " + f.name() + " holds " + f.rows() + " row(s) in " + f.bytes() + " bytes but the manifest says "
                        + e.rows() + " row(s) in " + e.bytes() + " bytes");
            }
            if (!f.sha256().equals(e.sha256())) {
                throw new CorruptBackup(file + ": the data of table " + f.name() + " does not match the manifest (SHA-256 " + f.sha256()
                        + ", manifest " + e.sha256() + "): the file was changed or damaged");
            }
        }
    }

    /** What the gzip layer says of the whole file (its CRC and length), or null when it is sound. */
    private static String gzipProblem(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        } catch (EOFException e) {
            return "it ends early: the file is truncated";
        } catch (ZipException e) {
            return "gzip: " + e.getMessage();
        } catch (IOException e) {
            return null;
        }
    }
}
