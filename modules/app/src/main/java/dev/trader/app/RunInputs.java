package dev.trader.app;

import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.research.DataSlice;
import dev.trader.domain.id.InstrumentId;
import dev.trader.marketdata.IngestReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** The strategy file and the candle files a backtesting command runs on, and how they are read (with a line per file on stdout). */
final class RunInputs {
    @Option(names = "--strategy", required = true, paramLabel = "FILE",
            description = "a strategy file (HOCON: type, instruments, parameters), e.g. conf/strategies/r1.conf")
    Path strategyFile;

    @Option(names = "--data", required = true, split = ",", arity = "1..*", paramLabel = "FILE",
            description = "candle files (Binance kline CSV, Freqtrade JSON, generic OHLCV; gzipped or not), comma- or space-separated; "
                    + "the instrument and timeframe come from the file name")
    List<Path> data;

    @Option(names = "--from", paramLabel = "TIME", description = "only the bars opening at or after this UTC date or instant (default: from the start)")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "only the bars closed by this UTC date or instant (default: to the end)")
    String to;

    /** The bars within --from and --to (a window that closes no bar is an error, naming the window). */
    private LoadedData slice(LoadedData all) {
        if (from == null && to == null) {
            return all;
        }
        Instant start = from == null ? DataSlice.start(all.data()) : TimeBound.parse("--from", from);
        Instant end = to == null ? DataSlice.end(all.data()) : TimeBound.parse("--to", to);
        return new LoadedData(DataSlice.of(all.data(), start, end).orElseThrow(() -> new IllegalArgumentException("no bar of " + data
                + " lies within --from " + start + " and --to " + end + " (the data runs from " + DataSlice.start(all.data()) + " to "
                + DataSlice.end(all.data()) + ")")), all.reports());
    }

    StrategyFile strategy() {
        return StrategyFile.read(strategyFile);
    }

    /** Reads the data, printing each file's ingest report to {@code out} and a note to {@code err} for instruments the strategy file does not list. */
    LoadedData load(StrategyFile file, PrintWriter out, PrintWriter err) throws IOException {
        LoadedData loaded = slice(MarketDataLoader.load(data));
        for (IngestReport r : loaded.reports()) {
            out.printf("%s: %d rows, %d bars, %d rejected %s, %d gaps (%d bars missing)%n", r.source(), r.rowsRead(), r.barsAccepted(),
                    r.rejected(), r.rejectionsByReason(), r.gaps(), r.missingBars());
        }
        for (InstrumentId id : loaded.data().instruments()) {
            if (!file.instruments().isEmpty() && !file.instruments().contains(id.value())) {
                err.printf("note: %s is not among the instruments of %s %s; backtesting it anyway%n", id, strategyFile, file.instruments());
            }
        }
        out.flush();
        err.flush();
        return loaded;
    }
}
