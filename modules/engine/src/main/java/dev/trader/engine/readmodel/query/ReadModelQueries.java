package dev.trader.engine.readmodel.query;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.engine.persistence.JdbcSettings;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The read model's queries, for the {@code /api} read endpoints: orders, trades and signals by
 * filter and page, an order's fills, the positions open now, the trades as CSV and their analytics.
 * They read the tables the read-model projection keeps (never the entities), so they filter in the
 * database and cost the same however much history there is.
 *
 * <p>Threads: every query runs blocking JDBC on the executor given (the actor system's blocking
 * dispatcher on a node) and answers with a {@link CompletionStage}. Bad arguments are refused at
 * once, before anything runs, with an {@link IllegalArgumentException} whose message starts with
 * the parameter's name (the caller answers 400 with it); a stage fails only when the database does
 * (a {@link CompletionException} around the {@link SQLException}).
 *
 * <p>What it reads is as fresh as the projection: a second or so behind the journal (its poll
 * interval).
 */
public final class ReadModelQueries {
    private final ReadModelReader reader;
    private final Executor blocking;
    private final ZoneId dayZone;
    private final BigDecimal initialCapital;

    /**
     * @param dayZone        whose calendar days the date filters and {@code pnl_by_day} count
     * @param initialCapital where the metrics' equity curve starts unless a query gives another
     */
    public ReadModelQueries(JdbcSettings jdbc, Executor blocking, ZoneId dayZone, BigDecimal initialCapital) {
        this.reader = new ReadModelReader(Objects.requireNonNull(jdbc, "jdbc"));
        this.blocking = Objects.requireNonNull(blocking, "blocking");
        this.dayZone = Objects.requireNonNull(dayZone, "dayZone");
        this.initialCapital = positive(initialCapital);
    }

    public ZoneId dayZone() {
        return dayZone;
    }

    /** The query of {@code /api/orders}, {@code /api/trades} or {@code /api/signals} from its URL parameters ({@link ReadQuery}). */
    public ReadQuery parse(ReadKind kind, Map<String, String> params) {
        return ReadQuery.parse(kind, params, dayZone);
    }

    /** The filter of the CSV export or of the metrics from URL parameters (no {@code limit}, no {@code cursor}). */
    public ReadFilter parseFilter(ReadKind kind, Map<String, String> params) {
        return ReadQuery.parseFilter(kind, params, dayZone);
    }

    /** Orders, newest decision first. */
    public CompletionStage<Page<OrderRow>> orders(ReadFilter filter, PageRequest page) {
        check(ReadKind.ORDERS, filter, page);
        return run(() -> reader.orders(filter, page));
    }

    /** Closed trades, latest exit first. */
    public CompletionStage<Page<TradeRow>> trades(ReadFilter filter, PageRequest page) {
        check(ReadKind.TRADES, filter, page);
        return run(() -> reader.trades(filter, page));
    }

    /** Signals with the account's decisions, newest first. */
    public CompletionStage<Page<SignalRow>> signals(ReadFilter filter, PageRequest page) {
        check(ReadKind.SIGNALS, filter, page);
        return run(() -> reader.signals(filter, page));
    }

    /** The fills of one order (or none, for an order without fills or not known), oldest first. */
    public CompletionStage<List<FillRow>> fills(String clientOrderId) {
        String id;
        try {
            id = new ClientOrderId(clientOrderId).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clientOrderId: " + e.getMessage(), e);
        }
        return run(() -> reader.fills(id));
    }

    /** The positions that hold something now, as their fills left them (not marked to market). */
    public CompletionStage<List<OpenPosition>> openPositions() {
        return run(reader::openPositions);
    }

    /** Every trade {@code filter} selects, oldest exit first, as CSV ({@link TradesCsv}). */
    public CompletionStage<String> tradesCsv(ReadFilter filter) {
        check(ReadKind.TRADES, filter, PageRequest.FIRST);
        return run(() -> TradesCsv.of(reader.allTrades(filter)));
    }

    /** The analytics of every trade {@code filter} selects ({@link TradeAnalytics}), the equity curve from the account's initial capital. */
    public CompletionStage<TradeMetrics> metrics(ReadFilter filter) {
        check(ReadKind.TRADES, filter, PageRequest.FIRST);
        BigDecimal capital = positive(initialCapital);
        return run(() -> TradeAnalytics.of(reader.allTrades(filter), capital, dayZone));
    }

    private static BigDecimal positive(BigDecimal capital) {
        if (capital == null || capital.signum() <= 0) {
            throw new IllegalArgumentException("initial_capital must be positive but was " + capital);
        }
        return capital;
    }

    private static void check(ReadKind kind, ReadFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        kind.checkStatuses(filter.statuses());
        if (page.cursor() != null && page.cursor().kind() != kind) {
            throw new IllegalArgumentException("cursor: it belongs to the " + page.cursor().kind().name().toLowerCase(Locale.ROOT)
                    + ", not the " + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    private <T> CompletionStage<T> run(Query<T> query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return query.run();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }
}
