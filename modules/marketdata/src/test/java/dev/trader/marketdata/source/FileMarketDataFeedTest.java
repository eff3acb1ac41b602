package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.port.MarketDataFeed;
import dev.trader.marketdata.file.MarketDataFileException;
import dev.trader.marketdata.testing.Fixtures;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.stream.javadsl.JavaFlowSupport;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domain port over a file publishes valid bars only, once per subscriber. */
class FileMarketDataFeedTest extends StreamTestSystem {
    private static final InstrumentId FIL = InstrumentId.parse("binance:FILUSDT");

    @TempDir
    Path dir;

    @Test
    void publishesEveryBarOfTheFileInOrder() throws Exception {
        MarketDataFeed feed = FileMarketDataFeed.fromFileName(Fixtures.path(Fixtures.BTC_OUTAGE_JSON), materializer);

        List<Bar> bars = collect(feed);

        Ingest direct = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.BTC_OUTAGE_JSON)), materializer);
        assertEquals(direct.bars(), bars);
        assertEquals(280, bars.size());
        assertTrue(feed.describe().contains(Fixtures.BTC_OUTAGE_JSON) && feed.describe().contains("binance:BTCUSDT 1m"),
                feed.describe());
    }

    @Test
    void rejectedRowsAreNotPublished() throws Exception {
        // Real rows 00:00, 00:01 with text in high and close, 00:00 again, 00:02.
        List<String> lines = Fixtures.text(Fixtures.FIL_FUTURES_CSV).lines().toList();
        Path file = Files.writeString(dir.resolve("FILUSDT-1m-damaged.csv"),
                String.join("\n", lines.get(0), lines.get(1), lines.get(2).replace("4.253", "abc"), lines.get(1), lines.get(3)) + "\n");

        List<Bar> bars = collect(new FileMarketDataFeed(file, FIL, Timeframe.M1, materializer));

        assertEquals(List.of(Instant.parse("2023-08-01T00:00:00Z"), Instant.parse("2023-08-01T00:02:00Z")),
                bars.stream().map(Bar::openTime).toList());
    }

    @Test
    void everySubscriberReadsTheWholeFile() throws Exception {
        MarketDataFeed feed = new FileMarketDataFeed(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1, materializer);

        assertEquals(300, collect(feed).size());
        assertEquals(300, collect(feed).size());
    }

    @Test
    void unreadableFileIsSignalledAsError() {
        MarketDataFeed feed = new FileMarketDataFeed(dir.resolve("FILUSDT-1m-none.csv"), FIL, Timeframe.M1, materializer);

        ExecutionException e = assertThrows(ExecutionException.class, () -> collect(feed));

        assertInstanceOf(MarketDataFileException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("FILUSDT-1m-none.csv"));
    }

    private static List<Bar> collect(MarketDataFeed feed) throws Exception {
        return JavaFlowSupport.Source.fromPublisher(feed.bars()).runWith(Sink.seq(), materializer)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
