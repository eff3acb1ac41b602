package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.testing.Fixtures;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real FILUSDT rows damaged one way each: every bad row is reported with its line and reason,
 * and every good row around it is still emitted.
 */
class MalformedRowsTest extends StreamTestSystem {
    private static final InstrumentId FIL = InstrumentId.parse("binance:FILUSDT");
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;

    private static String header;
    private static List<String> rows;

    @TempDir
    Path dir;

    @BeforeAll
    static void realRows() {
        List<String> lines = Fixtures.text(Fixtures.FIL_FUTURES_CSV).lines().toList();
        header = lines.get(0);
        rows = lines.subList(1, 8); // 2023-08-01 00:00 .. 00:06
    }

    @Test
    void everyBadCsvRowIsRejectedWithLineAndReasonAndEveryGoodRowIsEmitted() throws IOException {
        // line -> content; reasons expected per line below.
        List<String> file = List.of(
                header,                                          // 1
                row(0),                                          // 2 ok 00:00
                row(1),                                          // 3 ok 00:01
                row(1),                                          // 4 identical duplicate
                with(1, VOLUME, "9999.9"),                       // 5 conflicting duplicate
                row(2).substring(0, 25),                         // 6 truncated line
                with(2, HIGH, "4.2s6"),                          // 7 text in a price
                with(2, CLOSE, "NaN"),                           // 8 non-finite
                with(2, VOLUME, "-" + field(2, VOLUME)),         // 9 negative volume
                replace(with(2, HIGH, field(2, LOW)), LOW, field(2, HIGH)), // 10 high and low swapped
                row(2),                                          // 11 ok 00:02
                row(0),                                          // 12 out of order
                with(3, 0, String.valueOf(Long.parseLong(field(3, 0)) + 30_000)), // 13 misaligned
                with(3, 1, "0"),                                 // 14 non-positive price
                with(4, LOW, field(4, HIGH)),                    // 15 low above open and close
                row(3),                                          // 16 ok 00:03
                "",                                              // 17 empty line
                "x".repeat(10_000),                              // 18 overlong line
                row(4));                                         // 19 ok 00:04
        Path path = Files.writeString(dir.resolve("FILUSDT-1m-damaged.csv"), String.join("\n", file) + "\n");

        Ingest run = Ingest.run(BarFileSource.of(path, FIL, Timeframe.M1), materializer);

        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(4L, "duplicate");
        expected.put(5L, "duplicate");
        expected.put(6L, "malformed_row");
        expected.put(7L, "not_a_number");
        expected.put(8L, "non_finite");
        expected.put(9L, "negative_volume");
        expected.put(10L, "high_below_body");
        expected.put(12L, "out_of_order");
        expected.put(13L, "misaligned_time");
        expected.put(14L, "non_positive_price");
        expected.put(15L, "low_above_body");
        expected.put(17L, "malformed_row");
        expected.put(18L, "malformed_row");
        Map<Long, String> actual = new LinkedHashMap<>();
        run.rejections().forEach(r -> actual.put(r.line(), r.reason()));
        assertEquals(expected, actual);

        assertEquals(List.of(2L, 3L, 11L, 16L, 19L), run.barItems().stream().map(BarItem::line).toList());
        assertEquals(List.of(Instant.parse("2023-08-01T00:00:00Z"), Instant.parse("2023-08-01T00:01:00Z"),
                        Instant.parse("2023-08-01T00:02:00Z"), Instant.parse("2023-08-01T00:03:00Z"),
                        Instant.parse("2023-08-01T00:04:00Z")),
                run.bars().stream().map(b -> b.openTime()).toList());
        assertTrue(run.gaps().isEmpty());

        IngestReport report = run.report();
        assertEquals(18, report.rowsRead());
        assertEquals(5, report.barsAccepted());
        assertEquals(new TreeMap<>(Map.of("duplicate", 2L, "high_below_body", 1L, "low_above_body", 1L, "malformed_row", 3L,
                "misaligned_time", 1L, "negative_volume", 1L, "non_finite", 1L, "non_positive_price", 1L,
                "not_a_number", 1L, "out_of_order", 1L)), report.rejectionsByReason());
        assertEquals(report.rowsRead(), report.barsAccepted() + report.rejected());
    }

    @Test
    void rejectionsSayWhatIsWrongAndKeepTheRawRow() throws IOException {
        Path path = Files.writeString(dir.resolve("FILUSDT-1m-details.csv"), String.join("\n",
                header, row(0), row(0), with(0, VOLUME, "1.5"), with(1, HIGH, "4.2s6"), row(1).substring(0, 25),
                "y".repeat(5000)) + "\n");

        List<Rejection> rejections = Ingest.run(BarFileSource.of(path, FIL, Timeframe.M1), materializer).rejections();

        Rejection identical = rejections.get(0);
        assertEquals("FILUSDT-1m-details.csv", identical.source());
        assertTrue(identical.detail().startsWith("identical duplicate"), identical.detail());
        assertTrue(identical.detail().contains("line 2"), identical.detail());
        assertEquals(row(0), identical.raw());

        Rejection conflicting = rejections.get(1);
        assertTrue(conflicting.detail().startsWith("conflicting duplicate"), conflicting.detail());
        assertTrue(conflicting.detail().contains("volume 25259.1 vs 1.5"), conflicting.detail());

        assertTrue(rejections.get(2).detail().contains("high") && rejections.get(2).detail().contains("4.2s6"),
                rejections.get(2).detail());
        assertTrue(rejections.get(3).detail().contains("expected 12 columns but found 3"), rejections.get(3).detail());

        Rejection overlong = rejections.get(4);
        assertTrue(overlong.detail().contains("longer than"), overlong.detail());
        assertEquals(Rejection.MAX_RAW_CHARS + 1, overlong.raw().length(), "raw is cut to 200 characters plus an ellipsis");
    }

    @Test
    void everyBadJsonCandleIsRejectedAndTheArrayReadOn() throws IOException {
        String json = """
                [[1690848000000,4.255,4.256,4.252,4.252,25259.1],
                 [1690848060000,4.251,4.253,4.251,4.253],
                 [1690848060000,4.251,4.253,4.251,4.253,2476.0,7],
                 [1690848060000,"4.251",[4.253],4.251,4.253,2476.0],
                 {"t":1690848060000},
                 42,
                 [1690848060000,null,4.253,4.251,4.253,2476.0],
                 [1690848060000,4.251,4.253,4.251,NaN,2476.0],
                 [1690848060000,4.251,4.253,4.251,"Infinity",2476.0],
                 [1690848060000,4.251,4.253,4.251,4.253,2476.0]]
                """; // the first and last candles are the real 00:00 and 00:01 rows
        Path path = Files.writeString(dir.resolve("FIL_USDT-1m-damaged.json"), json);

        Ingest run = Ingest.run(BarFileSource.of(path, FIL, Timeframe.M1), materializer);

        assertEquals(List.of(1L, 10L), run.barItems().stream().map(BarItem::line).toList());
        Map<Long, String> actual = new LinkedHashMap<>();
        run.rejections().forEach(r -> actual.put(r.line(), r.reason()));
        assertEquals(Map.of(2L, "malformed_row", 3L, "malformed_row", 4L, "malformed_row", 5L, "malformed_row",
                6L, "malformed_row", 7L, "not_a_number", 8L, "non_finite", 9L, "non_finite"), actual);
        assertTrue(run.rejections().get(0).detail().contains("expected 6 values but found 5"));
        assertEquals("[1690848060000,\"4.251\",[…],4.251,4.253,2476.0]", run.rejections().get(2).raw());
    }

    private static String row(int i) {
        return rows.get(i);
    }

    private static String field(int i, int column) {
        return row(i).split(",")[column];
    }

    /** Real row {@code i} with one field replaced. */
    private static String with(int i, int column, String value) {
        return replace(row(i), column, value);
    }

    private static String replace(String row, int column, String value) {
        String[] fields = row.split(",", -1);
        fields[column] = value;
        return String.join(",", fields);
    }
}
