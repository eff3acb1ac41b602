package dev.trader.engine.export;

import dev.trader.domain.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * Exports trading days from the journal into {@code DIR/YYYY-MM-DD/}: {@code orders.csv} (every order decided that day),
 * {@code fills.csv} (every fill the account booked), {@code trades.csv} (every round trip closed) and {@code equity.csv}
 * (the account at every bar close), each with a header row and a fixed column order, amounts as exact decimal strings,
 * times in ISO-8601 UTC. Days are UTC days. A day is written whole even when nothing happened on it (header rows only), and
 * exporting it again replaces its files.
 */
public final class DailyExport {
    public static final String ORDERS = "orders.csv";
    public static final String FILLS = "fills.csv";
    public static final String TRADES = "trades.csv";
    public static final String EQUITY = "equity.csv";

    /** What was written for one day. */
    public record Day(LocalDate day, Path dir, int orders, int fills, int trades, int equityRows) {
    }

    private final JournalReader reader;
    private final Money initialCapital;
    private final Executor blocking;

    public DailyExport(ActorSystem<?> system, Money initialCapital) {
        this.reader = new JournalReader(system, initialCapital.currency());
        this.initialCapital = initialCapital;
        this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    }

    /** Exports {@code from}..{@code to} (inclusive); both null: every day the journal has anything on. */
    public CompletionStage<List<Day>> export(LocalDate from, LocalDate to, Path dir) {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("give both days of the range, or neither");
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("the range " + from + ".." + to + " ends before it starts");
        }
        return reader.read(from, to).thenApplyAsync(facts -> {
            if (from != null) {
                return write(facts, from, to, dir);
            }
            return facts.span().map(span -> write(facts, span[0], span[1], dir)).orElse(List.of());
        }, blocking);
    }

    private List<Day> write(JournalFacts facts, LocalDate from, LocalDate to, Path dir) {
        List<EquityRow> equity = EquityCurve.of(initialCapital, facts.fills().stream().map(FillRow::fill).toList(), facts.marksBefore(), facts.closes());
        List<Day> days = new ArrayList<>();
        try {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate d = day;
                Path out = Files.createDirectories(dir.resolve(d.toString()));
                List<OrderRow> orders = on(facts.orders(), o -> EquityCurve.day(o.decisionTime()), d,
                        Comparator.comparing(OrderRow::decisionTime).thenComparing(o -> o.order().request().clientOrderId().value()));
                List<FillRow> fills = on(facts.fills(), f -> EquityCurve.day(f.fill().time()), d, Comparator.comparing(f -> f.fill().time()));
                List<TradeRow> trades = on(facts.trades(), t -> EquityCurve.day(t.closedAt()), d,
                        Comparator.comparing(TradeRow::closedAt).thenComparing(TradeRow::positionId));
                List<EquityRow> curve = on(equity, EquityRow::day, d, Comparator.comparing(EquityRow::time));
                CsvFile.write(out.resolve(ORDERS), OrderRow.HEADER, orders.stream().map(OrderRow::cells).toList());
                CsvFile.write(out.resolve(FILLS), FillRow.HEADER, fills.stream().map(FillRow::cells).toList());
                CsvFile.write(out.resolve(TRADES), TradeRow.HEADER, trades.stream().map(TradeRow::cells).toList());
                CsvFile.write(out.resolve(EQUITY), EquityRow.HEADER, curve.stream().map(EquityRow::cells).toList());
                days.add(new Day(d, out, orders.size(), fills.size(), trades.size(), curve.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export under " + dir + ": " + e.getMessage(), e);
        }
        return days;
    }

    /** The rows of {@code day}, sorted (a stable sort: rows with the same key keep their journal order). */
    private static <T> List<T> on(List<T> rows, Function<T, LocalDate> dayOf, LocalDate day, Comparator<T> order) {
        return rows.stream().filter(r -> dayOf.apply(r).equals(day)).sorted(order).toList();
    }
}
