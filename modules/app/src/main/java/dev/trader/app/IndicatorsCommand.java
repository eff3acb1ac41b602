package dev.trader.app;

import dev.trader.domain.market.Bar;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.MarketFileName;
import dev.trader.marketdata.file.MarketFileReader;
import dev.trader.marketdata.file.RawRow;
import dev.trader.marketdata.file.RowReader;
import dev.trader.marketdata.validation.BarValidator;
import dev.trader.strategy.indicator.StandardColumns;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Compute the standard indicators for every bar of a candle file and write them as CSV, with the column "
                + "names of the TA-Lib golden files (time, sma_20, ema_20, rsi_14, atr_14, macd_12_26_9, macd_signal, macd_hist, "
                + "adx_14, plus_di_14, minus_di_14, bb_upper_20_2, bb_middle_20_2, bb_lower_20_2; empty during warm-up).")
final class IndicatorsCommand implements Callable<Integer> {
    @Option(names = "--data", required = true,
            description = "Binance kline CSV, Freqtrade JSON or a CSV with header time,open,high,low,close,volume (time in ms), gzipped or not")
    Path data;

    @Option(names = "--out", required = true, description = "the CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        MarketFileName name = MarketFileName.of(data);
        BarValidator validator = new BarValidator(String.valueOf(data.getFileName()), name.instrument(), name.timeframe());
        StandardColumns columns = new StandardColumns();
        double[] values = new double[StandardColumns.NAMES.size()];
        long written = 0;
        try (RowReader reader = MarketFileReader.open(data);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("time," + String.join(",", StandardColumns.NAMES));
            w.newLine();
            StringBuilder line = new StringBuilder(256);
            for (Optional<RawRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                for (FeedItem item : validator.check(row.get())) {
                    if (item instanceof Rejection r) {
                        System.err.printf("line %d rejected (%s): %s%n", r.line(), r.reason(), r.detail());
                    } else if (item instanceof BarItem b) {
                        Bar bar = b.bar();
                        columns.update(d(bar.open().toBigDecimal()), d(bar.high().toBigDecimal()), d(bar.low().toBigDecimal()),
                                d(bar.close().toBigDecimal()), d(bar.volume().toBigDecimal()));
                        columns.values(values);
                        line.setLength(0);
                        line.append(bar.openTime().toEpochMilli());
                        for (double v : values) {
                            line.append(',');
                            if (v == v) {
                                line.append(v);
                            }
                        }
                        w.write(line.toString());
                        w.newLine();
                        written++;
                    }
                }
            }
        }
        IngestReport report = validator.report();
        System.out.printf("%s: %d rows, %d bars written to %s, %d rejected %s%n", data.getFileName(), report.rowsRead(), written, out,
                report.rejected(), report.rejectionsByReason());
        return 0;
    }

    private static double d(java.math.BigDecimal v) {
        return v.doubleValue();
    }
}
