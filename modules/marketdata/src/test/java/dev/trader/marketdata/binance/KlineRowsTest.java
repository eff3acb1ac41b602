package dev.trader.marketdata.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST klines answer: good rows become bars, each hostile row is refused alone with its reason. */
class KlineRowsTest {
    private static final InstrumentId BTC = new InstrumentId("binance", "BTCUSDT");
    private static final long T0 = 1679004900000L;
    private static final Instant FROM = Instant.ofEpochMilli(T0);
    private static final Instant TO = Instant.ofEpochMilli(T0 + 9 * 60_000);

    private static String row(long open, String o, String h, String l, String c, String v) {
        return "[" + open + ",\"" + o + "\",\"" + h + "\",\"" + l + "\",\"" + c + "\",\"" + v + "\"," + (open + 59_999)
                + ",\"7310000.1\",1234,\"100.5\",\"2500000.0\",\"0\"]";
    }

    @Test
    void rowsBecomeBarsAndHostileRowsAreRefusedAlone() throws FrameRejected {
        String body = "[" + String.join(",", List.of(
                row(T0, "24899.18000000", "24943.98000000", "24896.29000000", "24934.20000000", "293.13711000"),
                row(T0 + 60_000, "NaN", "2", "1", "1", "1"),
                row(T0 + 120_000, "10", "9", "11", "10", "1"),
                "[" + (T0 + 180_000) + ",\"1\",\"1\",\"1\",\"1\"]",
                row(T0 + 240_000, "1", "1", "1", "1", "-3"),
                row(T0 + 300_000 + 1, "1", "1", "1", "1", "1"),
                row(T0 + 360_000, "1", "2", "1", "1.5", "0"),
                row(T0 + 360_000, "1", "2", "1", "1.5", "0"),
                row(T0 + 3_600_000, "1", "2", "1", "1.5", "0"),
                "[" + (T0 + 420_000) + ",24899.18,\"1\",\"1\",\"1\",\"1\"," + (T0 + 479_999) + ",\"1\",1,\"1\",\"1\",\"0\"]",
                "[" + (T0 + 480_000) + ",\"1\",\"1\",\"1\",\"1\",\"1\"," + (T0 + 480_000) + ",\"1\",1,\"1\",\"1\",\"0\"]")) + "]";

        KlineRows.Result result = KlineRows.parse(body, BTC, Timeframe.M1, FROM, TO);

        assertEquals(List.of(
                new Bar(BTC, Timeframe.M1, FROM, Price.of("24899.18"), Price.of("24943.98"), Price.of("24896.29"), Price.of("24934.2"),
                        Quantity.of("293.13711")),
                new Bar(BTC, Timeframe.M1, Instant.ofEpochMilli(T0 + 360_000), Price.of("1"), Price.of("2"), Price.of("1"), Price.of("1.5"),
                        Quantity.ZERO)), result.bars());
        assertEquals(List.of("non_finite", "high_below_body", "malformed_frame", "negative_volume", "misaligned_time", "duplicate",
                "malformed_frame", "malformed_frame", "malformed_frame"), result.rejected().stream().map(FrameRejected::code).toList());
        assertTrue(result.rejected().get(7).getMessage().contains("open must be a string but was NUMBER"), result.rejected().get(7).getMessage());
        assertTrue(result.rejected().get(6).getMessage().contains("outside the requested"), result.rejected().get(6).getMessage());
    }

    @Test
    void anAnswerThatIsNotAnArrayOfRowsIsRefusedWhole() {
        assertEquals("malformed_frame", assertThrows(FrameRejected.class,
                () -> KlineRows.parse("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", BTC, Timeframe.M1, FROM, TO)).code());
        assertEquals("malformed_frame", assertThrows(FrameRejected.class, () -> KlineRows.parse("[[1,", BTC, Timeframe.M1, FROM, TO)).code());
        assertEquals("oversize_frame", assertThrows(FrameRejected.class,
                () -> KlineRows.parse("[" + " ".repeat(BinanceFrameParser.MAX_FRAME_CHARS) + "]", BTC, Timeframe.M1, FROM, TO)).code());
    }
}
