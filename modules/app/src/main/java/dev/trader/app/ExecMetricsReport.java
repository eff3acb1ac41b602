package dev.trader.app;

import dev.trader.backtest.execmetrics.BpsStats;
import dev.trader.backtest.execmetrics.CellMetrics;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetrics;
import dev.trader.backtest.execmetrics.ExecutionSession;
import dev.trader.backtest.execmetrics.SessionTakerCosts;
import dev.trader.backtest.execmetrics.SourceFile;
import dev.trader.domain.id.InstrumentId;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;

/** The figures of an execution-metrics file as lines of text: what {@code exec-metrics} prints, and the costs a run charges. */
final class ExecMetricsReport {
    private ExecMetricsReport() {
    }

    static void source(SourceFile s, PrintWriter out) {
        out.printf(Locale.ROOT, "read %-6s %s: %,d rows, %,d used, sha256 %s%n", s.kind(), s.file(), s.rows(), s.rowsUsed(), s.sha256());
    }

    /** One line per symbol and session (and the symbol's {@code all}), with the mean taker cost each cell charges. */
    static void figures(ExecutionMetrics m, PrintWriter out) {
        SessionTakerCosts mean = new SessionTakerCosts(m, CostStatistic.MEAN);
        out.printf("figures in bps (n observations, mean, p50, p90); taker cost: what a market or stop fill pays with the means "
                + "(slippage + spread/2 by taker sweep, slippage alone by bar gap; under %d observations the symbol's all)%n", SessionTakerCosts.MIN_OBSERVATIONS);
        m.symbols().forEach((id, symbol) -> {
            for (ExecutionSession s : ExecutionSession.values()) {
                Cell c = cell(symbol.session(s));
                out.printf(Locale.ROOT, "%-24s %-8s %s  %s  taker cost %s%n", id, s.key(), c.spread, c.slippage,
                        mean.cost(InstrumentId.parse(id), s).bps().toPlainString());
            }
            Cell all = cell(symbol.all());
            out.printf(Locale.ROOT, "%-24s %-8s %s  %s%n", id, "all", all.spread, all.slippage);
        });
        for (String note : m.notes()) {
            out.println("note: " + note);
        }
    }

    private record Cell(String spread, String slippage) {
    }

    private static Cell cell(CellMetrics c) {
        return new Cell("spread " + stats(c.spread()), "slippage " + stats(c.slippage()));
    }

    private static String stats(BpsStats s) {
        if (s.isEmpty()) {
            return String.format(Locale.ROOT, "%-62s", "-");
        }
        return String.format(Locale.ROOT, "%-13s n=%,9d mean %9s p50 %9s p90 %9s", s.method(), s.n(), s.mean().toPlainString(),
                s.p50().toPlainString(), s.p90().toPlainString());
    }

    /** The taker cost of each of {@code instruments} per session, as a run will charge it. */
    static void costs(SessionTakerCosts costs, Collection<InstrumentId> instruments, PrintWriter out) {
        for (InstrumentId i : instruments) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-20s", i.value()));
            for (ExecutionSession s : ExecutionSession.values()) {
                line.append(String.format(Locale.ROOT, " %s %s", s.key(), costs.cost(i, s).bps().toPlainString()));
            }
            out.println(line);
        }
    }
}
