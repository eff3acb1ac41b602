package dev.trader.app.testing;

import java.nio.file.Path;
import java.util.Map;

/** The default embedded H2 journal, in a file under the test's own folder. */
public final class H2Backend implements JournalBackend {
    @Override
    public String name() {
        return "h2";
    }

    @Override
    public Map<String, Object> freshJournal(String journal, Path workDir) {
        return Map.of("trader.persistence.dialect", "h2",
                "pekko-persistence-jdbc.shared-databases.slick.db.url",
                "jdbc:h2:file:" + workDir.resolve(journal).toAbsolutePath() + ";WRITE_DELAY=0");
    }

    @Override
    public String toString() {
        return name();
    }
}
