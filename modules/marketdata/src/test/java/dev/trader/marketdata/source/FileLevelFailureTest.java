package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.RejectReason;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.FileFormat;
import dev.trader.marketdata.file.MarketDataFileException;
import dev.trader.marketdata.testing.Fixtures;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read fails the stream and the report, with the file named; bad rows never do. */
class FileLevelFailureTest extends StreamTestSystem {
    private static final InstrumentId FIL = InstrumentId.parse("binance:FILUSDT");

    @TempDir
    Path dir;

    @Test
    void missingFileFailsStreamAndReportNamingTheFile() {
        Path missing = dir.resolve("FILUSDT-1m-2099-01.csv.gz");

        Failure failure = runExpectingFailure(BarFileSource.of(missing, FIL, Timeframe.M1));

        for (Throwable t : List.of(failure.stream(), failure.report())) {
            MarketDataFileException e = assertInstanceOf(MarketDataFileException.class, t);
            assertTrue(e.getMessage().contains("FILUSDT-1m-2099-01.csv.gz"), e.getMessage());
            assertTrue(e.getMessage().contains("not found"), e.getMessage());
            assertEquals(missing, e.file());
        }
    }

    @Test
    void unrecognisedHeaderFailsNamingTheFileAndTheHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("quotes.csv"), "timestamp,bid,ask\n1690848000000,4.25,4.26\n");

        Failure failure = runExpectingFailure(BarFileSource.of(file, FIL, Timeframe.M1));

        assertTrue(failure.stream().getMessage().contains("quotes.csv"), failure.stream().getMessage());
        assertTrue(failure.stream().getMessage().contains("unrecognised header 'timestamp,bid,ask'"), failure.stream().getMessage());
    }

    @Test
    void doublyGzippedFileIsReportedAsBinaryNotAsGarbage() throws IOException {
        Path twice = dir.resolve("FILUSDT-1m-twice.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(twice))) {
            Files.copy(Fixtures.path(Fixtures.FIL_FUTURES_CSV), out);
        }

        Failure failure = runExpectingFailure(BarFileSource.of(twice, FIL, Timeframe.M1));

        assertEquals("market data file " + twice + ": the content is binary, not CSV or JSON text", failure.stream().getMessage());
    }

    @Test
    void csvReadAsJsonFailsAsAFileNotAsRows() {
        Failure failure = runExpectingFailure(BarFileSource.of(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1,
                FileFormat.FREQTRADE_JSON));

        assertTrue(failure.stream().getMessage().contains(Fixtures.FIL_FUTURES_CSV), failure.stream().getMessage());
    }

    @Test
    void binanceFileReadAsGenericCsvRejectsEveryRowWithoutFailing() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1,
                FileFormat.GENERIC_CSV), materializer);

        assertEquals(300, run.report().rejected(RejectReason.MALFORMED_ROW));
        assertTrue(run.rejections().stream().map(Rejection::detail).allMatch(d -> d.equals("expected 6 columns but found 12")));
    }

    @Test
    void truncatedGzipFailsAfterEmittingTheRowsBeforeTheDamage() throws Exception {
        byte[] gzip = Files.readAllBytes(Fixtures.path(Fixtures.FIL_FUTURES_CSV));
        Path cut = Files.write(dir.resolve("FILUSDT-1m-cut.csv.gz"), Arrays.copyOf(gzip, gzip.length / 2));

        List<FeedItem> seen = new ArrayList<>();
        CompletionStage<IngestReport> report = BarFileSource.of(cut, FIL, Timeframe.M1)
                .to(Sink.foreach(seen::add)).run(materializer);

        ExecutionException e = assertThrows(ExecutionException.class, () -> report.toCompletableFuture().get(30, TimeUnit.SECONDS));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("FILUSDT-1m-cut.csv.gz") && message.contains("unreadable after row"), message);
        assertTrue(seen.size() > 50, "rows before the damage are emitted: " + seen.size());
    }

    @Test
    void truncatedJsonFailsNamingTheFile() throws IOException {
        String json = Fixtures.text(Fixtures.BTC_OUTAGE_JSON);
        Path cut = Files.writeString(dir.resolve("BTC_USDT-1m-cut.json"), json.substring(0, json.length() / 2));

        Failure failure = runExpectingFailure(BarFileSource.of(cut, InstrumentId.parse("binance:BTCUSDT"), Timeframe.M1));

        assertTrue(failure.stream().getMessage().contains("BTC_USDT-1m-cut.json"), failure.stream().getMessage());
    }

    private record Failure(Throwable stream, Throwable report) {
    }

    private static Failure runExpectingFailure(Source<FeedItem, CompletionStage<IngestReport>> source) {
        Pair<CompletionStage<IngestReport>, CompletionStage<List<FeedItem>>> run = source.toMat(Sink.seq(), Keep.both()).run(materializer);
        ExecutionException stream = assertThrows(ExecutionException.class, () -> run.second().toCompletableFuture().get(30, TimeUnit.SECONDS));
        ExecutionException report = assertThrows(ExecutionException.class, () -> run.first().toCompletableFuture().get(30, TimeUnit.SECONDS));
        return new Failure(stream.getCause(), report.getCause());
    }
}
