package dev.trader.backtest.execmetrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hand-made metrics for the tests of files, cost rules and fills. */
public final class MetricsFixture {
    static final String SHA = "0".repeat(64);

    private MetricsFixture() {
    }

    static BpsStats stats(long n, String mean, String p50, String p90, String method) {
        return new BpsStats(n, new BigDecimal(mean), new BigDecimal(p50), new BigDecimal(p90), method);
    }

    static BpsStats spread(long n, String mean, String p50, String p90) {
        return stats(n, mean, p50, p90, BpsStats.QUOTES);
    }

    static BpsStats sweep(long n, String mean, String p50, String p90) {
        return stats(n, mean, p50, p90, BpsStats.TAKER_SWEEP);
    }

    static BpsStats gap(long n, String mean, String p50, String p90) {
        return stats(n, mean, p50, p90, BpsStats.BAR_GAP);
    }

    static CellMetrics cell(BpsStats spread, BpsStats slippage) {
        return new CellMetrics(spread, slippage);
    }

    static SymbolMetrics symbol(CellMetrics asia, CellMetrics london, CellMetrics newYork, CellMetrics outside, CellMetrics all) {
        Map<ExecutionSession, CellMetrics> m = new EnumMap<>(ExecutionSession.class);
        m.put(ExecutionSession.ASIA, asia);
        m.put(ExecutionSession.LONDON, london);
        m.put(ExecutionSession.NEW_YORK, newYork);
        m.put(ExecutionSession.OUTSIDE, outside);
        return new SymbolMetrics(m, all);
    }

    static ExecutionMetrics metrics(String date, Map<String, SymbolMetrics> symbols) {
        return new ExecutionMetrics(ExecutionMetrics.VERSION, LocalDate.parse(date), List.of(new SourceFile("bars", "BTC_USDT-1m_x.json.gz", SHA, 10, 9)),
                List.of("a note"), symbols);
    }

    /**
     * binance:BTCUSDT measured by bar gap (mean 2 bps in Asia, 3 in London, 5 in New York, 4 outside: whole costs), and
     * binance:ETHUSDT by taker sweep with quotes (London: spread 2, slippage 1.5 → 2.5 bps; New York: too few observations → all).
     */
    public static ExecutionMetrics twoSymbols(String date) {
        CellMetrics btcAll = cell(BpsStats.EMPTY, gap(4000, "3.5", "1", "8"));
        SymbolMetrics btc = symbol(cell(BpsStats.EMPTY, gap(1000, "2", "0.5", "5")), cell(BpsStats.EMPTY, gap(1000, "3", "1", "7")),
                cell(spread(500, "0.8", "0.5", "1"), gap(1000, "5", "2", "11")), cell(BpsStats.EMPTY, gap(1000, "4", "1", "9")), btcAll);
        SymbolMetrics eth = symbol(cell(spread(300, "1", "1", "1"), sweep(300, "-0.25", "0", "0.5")),
                cell(spread(300, "2", "1.5", "3"), sweep(300, "1.5", "0", "4")), cell(spread(99, "40", "40", "40"), sweep(99, "40", "40", "40")),
                CellMetrics.EMPTY, cell(spread(999, "1.6", "1", "3"), sweep(999, "1.2", "0", "3")));
        return metrics(date, Map.of("binance:BTCUSDT", btc, "binance:ETHUSDT", eth));
    }
}
