package dev.trader.engine.persistence;

import com.typesafe.config.Config;
import dev.trader.engine.settings.SettingsException;
import java.util.Set;

/**
 * Where the journal lives, read from the slick settings Pekko Persistence JDBC uses, so both
 * always point at the same database. The password comes from the environment through config
 * substitution and is never printed: {@link #toString} and {@link #redactedUrl} leave it out.
 */
public record JdbcSettings(String dialect, String url, String user, String password) {
    private static final Set<String> DIALECTS = Set.of("h2", "postgres");
    private static final String SLICK = "pekko-persistence-jdbc.shared-databases.slick";

    public static JdbcSettings from(Config root) {
        String dialect = root.getString("trader.persistence.dialect");
        if (!DIALECTS.contains(dialect)) {
            throw new SettingsException("trader.persistence.dialect must be h2 or postgres but was '" + dialect + "'");
        }
        Config db = root.getConfig(SLICK + ".db");
        return new JdbcSettings(dialect, db.getString("url"), db.getString("user"), db.hasPath("password") ? db.getString("password") : "");
    }

    /** The URL without query parameters or credentials (neither {@code ?password=} nor {@code user:pw@}), for messages. */
    public String redactedUrl() {
        int q = url.indexOf('?');
        int semi = url.indexOf(';');
        int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
        String base = cut < 0 ? url : url.substring(0, cut);
        return base.replaceAll("//[^/@]*@", "//");
    }

    @Override
    public String toString() {
        return "JdbcSettings[dialect=" + dialect + ", url=" + redactedUrl() + ", user=" + user + ", password=***]";
    }

    /** The URL, made never to create an empty H2 database where none is (a wrong path must fail, not look empty). */
    public String existingOnlyUrl() {
        return "h2".equals(dialect) && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS=") ? url + ";IFEXISTS=TRUE" : url;
    }
}
