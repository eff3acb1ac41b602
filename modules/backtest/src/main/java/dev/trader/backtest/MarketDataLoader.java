package dev.trader.backtest;

import dev.trader.domain.market.Bar;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.file.MarketFileName;
import dev.trader.marketdata.file.MarketFileReader;
import dev.trader.marketdata.file.RawRow;
import dev.trader.marketdata.file.RowReader;
import dev.trader.marketdata.validation.BarValidator;
import dev.trader.marketdata.IngestReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads candle files (any layout the market-data readers know, gzipped or not) into memory
 * through the same validation as the live feed: the instrument and timeframe come from the file
 * name ({@link MarketFileName}), rejected rows are counted in the file's report and left out,
 * gaps are allowed (the next bar simply follows).
 */
public final class MarketDataLoader {
    private MarketDataLoader() {
    }

    public static LoadedData load(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no data files given");
        }
        List<Bar> bars = new ArrayList<>();
        List<IngestReport> reports = new ArrayList<>(files.size());
        for (Path file : files) {
            reports.add(read(file, bars));
        }
        return new LoadedData(MarketData.of(bars), reports);
    }

    /** Appends the accepted bars of {@code file} to {@code into}; returns its ingest report. */
    public static IngestReport read(Path file, List<Bar> into) throws IOException {
        MarketFileName name = MarketFileName.of(file);
        BarValidator validator = new BarValidator(String.valueOf(file.getFileName()), name.instrument(), name.timeframe());
        try (RowReader reader = MarketFileReader.open(file)) {
            for (Optional<RawRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                for (FeedItem item : validator.check(row.get())) {
                    if (item instanceof BarItem b) {
                        into.add(b.bar());
                    }
                }
            }
        }
        return validator.report();
    }
}
