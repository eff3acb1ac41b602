package dev.trader.app;

import dev.trader.backtest.execmetrics.ExecutionMetrics;
import dev.trader.backtest.execmetrics.ExecutionMetricsCalculator;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import dev.trader.backtest.execmetrics.SourceFile;
import dev.trader.marketdata.file.MalformedDataFileException;
import dev.trader.marketdata.file.MarketDataFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trader exec-metrics}: measures spread and slippage per symbol and session from quotes,
 * trades, raw frames and 1m candles, and writes them as {@code execution_metrics_YYYY-MM-DD.json}
 * with {@code execution_metrics_latest.txt} pointing at it, for {@code backtest --exec-metrics} and
 * the paper venue ({@code trader.paper.execution-metrics}).
 */
@Command(name = "exec-metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the execution costs of backtest and paper fills from market data: per symbol and trading session (Asia, "
                + "London, New York, outside), the quoted spread (every top-of-book update of tardis quote files and @bookTicker frames) and "
                + "the taker slippage (each taker order's average fill against its first fill, from tardis trade files and @trade frames; "
                + "where a session has no trades, |open - previous close| of consecutive 1m candles), as mean, p50 and p90 in basis points "
                + "with their sample sizes.",
                "Writes DIR/execution_metrics_<date>.json (replacing one of the same date) and points DIR/execution_metrics_latest.txt "
                        + "at it. Without any file option it reads the real data set in ../shared/data when present, else the slices "
                        + "bundled in src-shared/test-data/ticks and sample-data. A malformed line refuses its file, naming the line."})
final class ExecMetricsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "data", paramLabel = "DIR", description = "the folder to write into (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "the file's date stamp and 'created' (default: today, UTC)")
    LocalDate date;

    @Option(names = "--quotes", split = ",", paramLabel = "FILE", description = "tardis.dev quotes CSV files (top of book)")
    List<Path> quotes = List.of();

    @Option(names = "--trades", split = ",", paramLabel = "FILE", description = "tardis.dev trades CSV files (with aggressor side)")
    List<Path> trades = List.of();

    @Option(names = "--frames", split = ",", paramLabel = "FILE", description = "recordings of Binance WebSocket frames, one per line: "
            + "'<local_receive_ns> <frame>' (@bookTicker and @trade are used)")
    List<Path> frames = List.of();

    @Option(names = "--bars", split = ",", paramLabel = "FILE", description = "1m candle files (Binance kline CSV, Freqtrade JSON; the "
            + "instrument from the file name)")
    List<Path> bars = List.of();

    @Option(names = "--shared-data", defaultValue = "../shared/data", paramLabel = "DIR", description = "where the real data set is looked "
            + "for when no file option is given (default: ${DEFAULT-VALUE})")
    Path shared;

    /** The project folder the bundled slices are under: bin/trader runs from it; tests run from a module's folder. */
    @Option(names = "--project-root", defaultValue = ".", hidden = true)
    Path root;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            ExecMetricsInputs inputs = new ExecMetricsInputs(quotes, trades, frames, bars);
            if (inputs.isEmpty()) {
                if (ExecMetricsInputs.isSharedData(shared)) {
                    inputs = ExecMetricsInputs.shared(shared);
                    stdout.printf("no files named: reading the real data set in %s%n", shared);
                } else {
                    inputs = ExecMetricsInputs.bundled(root);
                    stdout.printf("no files named and no data set in %s: reading the slices in src-shared/test-data/ticks and sample-data%n", shared);
                }
                if (inputs.isEmpty()) {
                    throw new IllegalArgumentException("no input files: name some with --quotes, --trades, --frames or --bars");
                }
            }
            ExecutionMetricsCalculator calculator = new ExecutionMetricsCalculator();
            read(inputs.quotes(), calculator::addQuotes, stdout);
            read(inputs.trades(), calculator::addTrades, stdout);
            read(inputs.frames(), calculator::addFrames, stdout);
            read(inputs.bars(), calculator::addBars, stdout);
            ExecutionMetrics metrics = calculator.result(date != null ? date : LocalDate.now(ZoneOffset.UTC));
            ExecMetricsReport.figures(metrics, stdout);
            Path file = ExecutionMetricsFiles.write(out, metrics);
            stdout.printf("wrote %s (version %d, created %s); %s now names it%n", file, metrics.version(), metrics.created(),
                    out.resolve(ExecutionMetricsFiles.LATEST));
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | MalformedDataFileException | MarketDataFileException e) {
            stdout.flush();
            stderr.println("trader exec-metrics: " + e.getMessage());
            stderr.flush();
            return 2;
        }
    }

    private static void read(List<Path> files, Function<Path, SourceFile> add, PrintWriter out) {
        for (Path f : files) {
            ExecMetricsReport.source(add.apply(f), out);
            out.flush();
        }
    }
}
