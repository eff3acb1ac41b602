package dev.trader.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository outside this module (conf/, src-shared/), found from the test's working directory upwards. */
public final class RepositoryFiles {
    private RepositoryFiles() {
    }

    public static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found in " + dir + " or any directory above it");
    }
}
