package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.file.FileFormat;
import dev.trader.marketdata.testing.Fixtures;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same real candles written in the other accepted layouts (plain instead of gzip, no
 * header, microsecond times, generic CSV, JSON strings) give exactly the same bars.
 */
class LayoutVariantsTest extends StreamTestSystem {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId FIL = InstrumentId.parse("binance:FILUSDT");

    @TempDir
    Path dir;

    @Test
    void plainAndGzippedFilesGiveTheSameBars() throws IOException {
        for (String fixture : List.of(Fixtures.FIL_FUTURES_CSV, Fixtures.BTC_OUTAGE_JSON)) {
            Path plain = write(fixture.replace(".gz", ""), Fixtures.text(fixture));

            List<Bar> fromGzip = bars(Fixtures.path(fixture), fixture.startsWith("FIL") ? FIL : BTC);
            List<Bar> fromPlain = bars(plain, fixture.startsWith("FIL") ? FIL : BTC);

            assertEquals(fixture.startsWith("FIL") ? 300 : 280, fromPlain.size());
            assertEquals(fromGzip, fromPlain, fixture);
        }
    }

    @Test
    void gzipIsRecognisedByContentNotByName() throws IOException {
        Path misnamed = dir.resolve("klines.csv");
        Files.copy(Fixtures.path(Fixtures.FIL_FUTURES_CSV), misnamed);

        assertEquals(bars(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL), bars(misnamed, FIL));
    }

    @Test
    void headerlessArchiveGivesTheSameBars() throws IOException {
        String text = Fixtures.text(Fixtures.FIL_FUTURES_CSV);
        Path headerless = write("FILUSDT-1m-headerless.csv", text.substring(text.indexOf('\n') + 1));

        Ingest run = Ingest.run(BarFileSource.of(headerless, FIL, Timeframe.M1), materializer);

        assertEquals(bars(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL), run.bars());
        assertEquals(1, run.barItems().get(0).line(), "without a header the first row is line 1");
    }

    @Test
    void microsecondOpenTimesGiveTheSameBars() throws IOException {
        // Binance spot archives from 2025 on: no header, open_time and close_time in µs.
        String micros = dataRows(Fixtures.text(Fixtures.BTC_1H_CSV)).stream()
                .map(row -> row.split(",", -1))
                .map(f -> {
                    f[0] = f[0] + "000";
                    f[6] = f[6] + "000";
                    return String.join(",", f);
                })
                .collect(Collectors.joining("\n", "", "\n"));
        Path file = write("BTCUSDT-1h-micros.csv", micros);

        assertEquals(bars(Fixtures.path(Fixtures.BTC_1H_CSV), BTC, Timeframe.H1), bars(file, BTC, Timeframe.H1));
    }

    @Test
    void genericCsvGivesTheSameBars() throws IOException {
        String generic = dataRows(Fixtures.text(Fixtures.FIL_FUTURES_CSV)).stream()
                .map(row -> String.join(",", Arrays.asList(row.split(",")).subList(0, 6)))
                .collect(Collectors.joining("\n", "time,open,high,low,close,volume\n", "\n"));
        Path file = write("FIL-generic.csv", generic);

        assertEquals(bars(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL), bars(file, FIL));
    }

    @Test
    void headerlessSixColumnCsvIsReadAsGeneric() throws IOException {
        String generic = dataRows(Fixtures.text(Fixtures.FIL_FUTURES_CSV)).stream()
                .map(row -> String.join(",", Arrays.asList(row.split(",")).subList(0, 6)))
                .collect(Collectors.joining("\r\n", "", "\r\n")); // and Windows line ends
        Path file = write("FIL-generic-noheader.csv", generic);

        assertEquals(bars(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL), bars(file, FIL));
    }

    @Test
    void jsonWithNumbersAsStringsGivesTheSameBars() throws IOException {
        // "28041.11" instead of 28041.11: some exporters quote every value.
        String quoted = Fixtures.text(Fixtures.BTC_OUTAGE_JSON).replaceAll("([0-9.]+)", "\"$1\"").replace(",", ", ");
        Path file = write("BTC-quoted.json", quoted);

        assertEquals(bars(Fixtures.path(Fixtures.BTC_OUTAGE_JSON), BTC), bars(file, BTC));
    }

    @Test
    void concatenatedArchivesWithRepeatedHeadersReadAsOneFile() throws IOException {
        String text = Fixtures.text(Fixtures.FIL_FUTURES_CSV);
        List<String> lines = text.lines().toList();
        String firstHalf = String.join("\n", lines.subList(0, 151)) + "\n";
        String secondHalf = lines.get(0) + "\n" + String.join("\n", lines.subList(151, lines.size())) + "\n";
        Path file = write("FIL-cat.csv", firstHalf + secondHalf);

        Ingest run = Ingest.run(BarFileSource.of(file, FIL, Timeframe.M1, FileFormat.BINANCE_KLINES), materializer);

        assertEquals(bars(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL), run.bars());
        assertEquals(300, run.report().rowsRead(), "repeated header lines are not data rows");
    }

    private List<Bar> bars(Path file, InstrumentId instrument) {
        return bars(file, instrument, Timeframe.M1);
    }

    private List<Bar> bars(Path file, InstrumentId instrument, Timeframe timeframe) {
        Ingest run = Ingest.run(BarFileSource.of(file, instrument, timeframe), materializer);
        assertEquals(0, run.report().rejected(), () -> file + ": " + run.rejections());
        return run.bars();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> dataRows(String csv) {
        return csv.lines().skip(1).toList();
    }
}
