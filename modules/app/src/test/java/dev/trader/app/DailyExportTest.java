package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.AuditTable;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.FixtureCandles;
import dev.trader.app.testing.PostgresBackend;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.money.Money;
import dev.trader.engine.export.ExportSchedule;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.position.PositionState;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trader export} after a real session on PostgreSQL (the fixture bars, 2023-03-16 22:15 → 03-17 10:14 UTC, through the
 * paper venue): one folder per day with orders, fills, trades and equity, whose rows add up to the engine's own books; and
 * a running node writing the previous day's files by itself at the configured time.
 */
class DailyExportTest {
    private static final LocalDate DAY1 = LocalDate.parse("2023-03-16");
    private static final LocalDate DAY2 = LocalDate.parse("2023-03-17");
    private static PostgresBackend postgres;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new PostgresBackend();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.stop();
    }

    @Test
    void theExportOfASessionAddsUpToTheEnginesOwnBooks() throws Exception {
        Map<String, Object> journal = postgres.freshJournal("export_" + System.nanoTime(), workDir);
        Config config = TestNodes.config(journal);
        EngineSnapshot engine;
        JsonNode status;
        try (TraderNode node = TraderNode.start(config)) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            engine = EngineSnapshot.of(node.engine());
            status = new ObjectMapper().readTree(get(node, "/api/status"));
        }
        Path out = workDir.resolve("exports");
        long started = System.nanoTime();
        CliRun run = CliRun.of("export", "--config", AuditTable.overlay(journal, workDir).toString(), "--out", out.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("export: 2 day(s) from the journal at jdbc:postgresql://"), run.out());

        Map<String, List<Map<String, String>>> orders = new HashMap<>();
        List<Map<String, String>> fills = new ArrayList<>();
        List<Map<String, String>> trades = new ArrayList<>();
        for (LocalDate day : List.of(DAY1, DAY2)) {
            Path dir = out.resolve(day.toString());
            orders.put(day.toString(), Csv.read(dir.resolve("orders.csv"), "decision_time,client_order_id,strategy,instrument,side,type,"
                    + "reduce_only,quantity,limit_price,decision_price,position_id,status,filled_quantity,average_fill_price,fees,currency,fills,last_reason"));
            fills.addAll(Csv.read(dir.resolve("fills.csv"), "time,trade_id,client_order_id,instrument,side,price,quantity,notional,fee,currency,held_after"));
            trades.addAll(Csv.read(dir.resolve("trades.csv"), "position_id,instrument,side,opened_at,closed_at,quantity,entry_price,exit_price,"
                    + "realized_pnl,fees,net_pnl,currency,exit,fills"));
            for (Map<String, String> o : orders.get(day.toString())) {
                assertEquals(day, LocalDate.ofInstant(Instant.parse(o.get("decision_time")), ZoneOffset.UTC), "filed under its decision's day");
            }
        }

        // Orders: every Order entity of the journal once, each as the entity itself has it.
        Map<String, Map<String, String>> byId = orders.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(o -> o.get("client_order_id"), o -> o));
        assertEquals(orderEntities(config), byId.size(), "every order entity is a row");
        assertTrue(byId.keySet().containsAll(engine.orders().keySet()), "every approved order is exported");
        for (OrderState o : engine.orders().values()) {
            Map<String, String> row = byId.get(o.request().clientOrderId().value());
            assertEquals(o.status().name(), row.get("status"));
            assertEquals(o.filledQuantity().toString(), row.get("filled_quantity"));
            assertEquals(o.fills().size(), Integer.parseInt(row.get("fills")));
        }

        // Fills: exactly the trades the account booked, moving cash exactly as the account moved it.
        assertEquals(new TreeSet<>(engine.account().bookedTradeIds()), fills.stream().map(f -> f.get("trade_id")).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(engine.account().bookedTradeIds().size(), fills.size());
        BigDecimal cash = engine.account().initialCapital().toBigDecimal();
        for (Map<String, String> f : fills) {
            BigDecimal notional = new BigDecimal(f.get("notional"));
            cash = cash.add("BUY".equals(f.get("side")) ? notional.negate() : notional).subtract(new BigDecimal(f.get("fee")));
        }
        assertEquals(0, cash.compareTo(engine.account().cash().toBigDecimal()), "the fills add up to the account's cash");

        // Trades: one per closed position, with the position's own realized P&L and fees.
        List<PositionState> closed = engine.positions().values().stream().filter(p -> p.position().isFlat() && !p.appliedTradeIds().isEmpty()).toList();
        assertEquals(closed.size(), trades.size(), "one trade per closed position");
        assertEquals(sum(closed.stream().map(p -> p.position().realizedPnl()).toList()), sumOf(trades, "realized_pnl"));
        assertEquals(sum(closed.stream().map(p -> p.position().fees()).toList()), sumOf(trades, "fees"));
        for (Map<String, String> t : trades) {
            assertEquals(0, new BigDecimal(t.get("net_pnl")).compareTo(new BigDecimal(t.get("realized_pnl")).subtract(new BigDecimal(t.get("fees")))));
        }

        // Equity: a row per bar close of the day; the last one is what /api/status shows.
        List<Map<String, String>> equity1 = Csv.read(out.resolve(DAY1 + "/equity.csv"), "time,cash,market_value,equity,currency");
        List<Map<String, String>> equity2 = Csv.read(out.resolve(DAY2 + "/equity.csv"), "time,cash,market_value,equity,currency");
        assertEquals(barsOn(DAY1), equity1.size());
        assertEquals(barsOn(DAY2), equity2.size());
        assertEquals("2023-03-17T00:00:00Z", equity1.get(equity1.size() - 1).get("time"), "a day's last row is its midnight close");
        assertEquals(engine.account().initialCapital().toBigDecimal().toPlainString(), equity1.get(0).get("equity"));
        Map<String, String> last = equity2.get(equity2.size() - 1);
        assertEquals(status.at("/account/cash").asText(), last.get("cash"));
        assertEquals(status.at("/account/equity").asText(), last.get("equity"));

        // Exporting one day again writes the same bytes.
        String before = Files.readString(out.resolve(DAY2 + "/equity.csv")) + Files.readString(out.resolve(DAY2 + "/orders.csv"));
        CliRun again = CliRun.of("export", "--config", AuditTable.overlay(journal, workDir).toString(), "--from", DAY2.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.toString());
        assertEquals(before, Files.readString(out.resolve(DAY2 + "/equity.csv")) + Files.readString(out.resolve(DAY2 + "/orders.csv")));
        System.out.printf("[export/postgres] %d orders, %d fills, %d trades (realized %s), %d + %d equity rows over 2 days, last equity %s = /api/status; "
                + "export took %.1f s%n", byId.size(), fills.size(), trades.size(), sumOf(trades, "realized_pnl"), equity1.size(), equity2.size(),
                last.get("equity"), seconds);
    }

    @Test
    void aRunningNodeExportsThePreviousDayAtTheConfiguredTime() throws Exception {
        Path out = workDir.resolve("nightly");
        Instant now = Instant.now();
        LocalTime at = LocalTime.ofInstant(now.plusSeconds(3), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        LocalDate expected = ExportSchedule.dayExportedAt(ExportSchedule.next(now, at));
        Config config = TestNodes.config(postgres.freshJournal("nightly_" + System.nanoTime(), workDir))
                .withValue("trader.exports.enabled", ConfigValueFactory.fromAnyRef(true))
                .withValue("trader.exports.dir", ConfigValueFactory.fromAnyRef(out.toString()))
                .withValue("trader.exports.at", ConfigValueFactory.fromAnyRef(at.toString()));
        try (TraderNode node = TraderNode.start(config)) {
            Path equity = out.resolve(expected.toString()).resolve("equity.csv");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(equity) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(equity), "the node " + node.httpPort() + " wrote " + equity);
            for (String f : List.of("orders.csv", "fills.csv", "trades.csv", "equity.csv")) {
                assertTrue(Files.readAllLines(out.resolve(expected.toString()).resolve(f)).size() >= 1, f + " has its header");
            }
        }
    }

    private static int barsOn(LocalDate day) throws IOException {
        TreeSet<Instant> opens = new TreeSet<>();
        for (Path f : TestNodes.FIXTURES) {
            FixtureCandles.read(f).stream().map(FixtureCandles.Candle::openTime).filter(t -> LocalDate.ofInstant(t, ZoneOffset.UTC).equals(day))
                    .forEach(opens::add);
        }
        return opens.size();
    }

    private static long orderEntities(Config config) throws Exception {
        JdbcSettings jdbc = JdbcSettings.from(config);
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT persistence_id) FROM event_journal WHERE persistence_id LIKE 'Order|%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static BigDecimal sum(List<Money> amounts) {
        return amounts.stream().map(Money::toBigDecimal).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }

    private static BigDecimal sumOf(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> new BigDecimal(r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
    }

    private static String get(TraderNode node, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).header("Authorization", TestNodes.AUTH)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** Reads an export file whose values hold no commas or quotes (ids, decimals, times, enum names), checking its header. */
    private static final class Csv {
        static List<Map<String, String>> read(Path file, String header) throws IOException {
            List<String> lines = Files.readAllLines(file);
            assertEquals(header, lines.get(0), file.toString());
            String[] names = header.split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(!line.contains("\""), "no quoted values expected here: " + line);
                String[] values = line.split(",", -1);
                assertEquals(names.length, values.length, line);
                Map<String, String> row = new TreeMap<>();
                for (int i = 0; i < names.length; i++) {
                    row.put(names[i], values[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
