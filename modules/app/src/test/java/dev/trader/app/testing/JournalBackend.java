package dev.trader.app.testing;

import java.nio.file.Path;
import java.util.Map;

/** A journal database for a test node: the config that points a node at it. */
public interface JournalBackend {
    String name();

    /** Config overrides for a fresh, empty journal named {@code journal} (one per test). */
    Map<String, Object> freshJournal(String journal, Path workDir) throws Exception;
}
