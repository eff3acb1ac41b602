package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole real archives, when the shared data folder is present (set TRADER_MARKET_DATA to its
 * path; it is skipped in a plain clone). The expected counts are those its README documents.
 */
class RealArchiveSmokeTest extends StreamTestSystem {
    private static final Path DATA = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"));

    @Test
    void wholeSpotJsonFileHasTheDocumentedRowsAndOutage() {
        Path file = archive("binance-spot-1m/BTC_USDT-1m_20230316-20230501.json.gz");

        Ingest run = Ingest.run(BarFileSource.of(file), materializer);

        assertEquals(66_087, run.report().barsAccepted());
        assertEquals(0, run.report().rejected());
        assertEquals(List.of(new Gap(InstrumentId.parse("binance:BTCUSDT"), Instant.parse("2023-03-24T12:40:00Z"),
                Instant.parse("2023-03-24T14:00:00Z"), 80)), run.gaps());
    }

    @Test
    void wholeFuturesMonthHasEveryMinute() {
        Path file = archive("binance-futures-1m/FILUSDT-1m-2023-08.csv.gz");

        Ingest run = Ingest.run(BarFileSource.of(file), materializer);

        assertEquals(44_640, run.report().barsAccepted());
        assertEquals(0, run.report().rejected());
        assertEquals(0, run.report().gaps());
    }

    @Test
    void wholeHourlyKlinesHaveOneMissingHour() {
        Path file = archive("binance-spot-klines/BTCUSDT-1h-2022-2024.csv.gz");

        Ingest run = Ingest.run(BarFileSource.of(file, InstrumentId.parse("binance:BTCUSDT"), Timeframe.H1), materializer);

        assertEquals(26_303, run.report().barsAccepted());
        assertEquals(0, run.report().rejected());
        assertEquals(1, run.report().missingBars());
    }

    private static Path archive(String relative) {
        Path file = DATA.resolve(relative);
        assumeTrue(Files.isReadable(file), () -> "shared market data not available at " + file);
        return file;
    }
}
