package dev.trader.engine.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the journal and snapshot tables, the audit trail's and the read model's, from {@code src-shared/sql/<dialect>/}
 * (packaged as {@code sql/<dialect>/}) before the first entity starts. The scripts are idempotent, so
 * this runs at every boot and on every node.
 */
public final class SchemaInitializer {
    private static final String[] SCRIPTS = {"V1__journal.sql", "V2__audit.sql", "V3__read_model.sql"};

    private SchemaInitializer() {
    }

    public static void apply(JdbcSettings jdbc) {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement()) {
            for (String script : SCRIPTS) {
                for (String sql : statements(load(jdbc.dialect(), script))) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the " + jdbc.dialect() + " schema at " + jdbc.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    private static String load(String dialect, String script) {
        String resource = "sql/" + dialect + "/" + script;
        try (InputStream in = SchemaInitializer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script " + resource, e);
        }
    }

    /** Splits on semicolons at line ends; our scripts hold no procedural code. */
    static String[] statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(cleaned.toString().split(";\\s*\n")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
