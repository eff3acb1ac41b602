package dev.trader.app;

import dev.trader.api.ReadinessProbe;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.persistence.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import dev.trader.engine.metrics.BarArrivals;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Readiness: this node is an Up cluster member, the journal database answers, a sharded entity
 * (the account) recovers and replies (which proves sharding and the journal together), the venue
 * is reachable (an exchange's streams connected), and every instrument's data is fresh (a bar
 * within {@code trader.alerts.stale-after}).
 */
final class NodeReadiness implements ReadinessProbe {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    private final Engine engine;
    private final JdbcSettings jdbc;
    private final Executor blocking;
    private final Venue venue;
    private final BarArrivals arrivals;
    private final Duration staleAfter;

    NodeReadiness(Engine engine, JdbcSettings jdbc, Executor blocking, Venue venue, BarArrivals arrivals, Duration staleAfter) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.blocking = blocking;
        this.venue = venue;
        this.arrivals = arrivals;
        this.staleAfter = staleAfter;
    }

    /** The journal database's answer: "ok", or why not. Blocks up to a few seconds. */
    String journal() {
        return pingDatabase();
    }

    private String data() {
        List<String> stale = arrivals.sinceLatest().entrySet().stream().filter(e -> e.getValue().compareTo(staleAfter) > 0)
                .map(e -> e.getKey() + " (no bar for " + e.getValue().toSeconds() + " s)").toList();
        return stale.isEmpty() ? "ok" : "stale: " + String.join(", ", stale);
    }

    @Override
    public CompletionStage<Map<String, String>> check() {
        MemberStatus status = Cluster.get(engine.system()).selfMember().status();
        CompletableFuture<String> journal = CompletableFuture.supplyAsync(this::pingDatabase, blocking)
                .completeOnTimeout("timeout after " + CHECK_TIMEOUT.toSeconds() + "s", CHECK_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        CompletableFuture<String> shards = engine.account().ask(AccountEntity.GetStatus::new, CHECK_TIMEOUT)
                .handle((s, e) -> e == null ? "ok" : "account entity did not answer: " + e.getClass().getSimpleName())
                .toCompletableFuture();
        return journal.thenCombine(shards, (j, s) -> {
            Map<String, String> out = new TreeMap<>();
            out.put("cluster", status == MemberStatus.up() ? "ok" : "member is " + status);
            out.put("journal", j);
            out.put("shards", s);
            out.put("exchange", venue.connectivity());
            out.put("data", data());
            return out;
        });
    }

    private String pingDatabase() {
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password())) {
            return c.isValid((int) CHECK_TIMEOUT.toSeconds()) ? "ok" : "connection not valid";
        } catch (SQLException e) {
            return "unreachable: " + e.getSQLState();
        }
    }
}
