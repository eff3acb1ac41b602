package dev.trader.marketdata.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.RawRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Field-level rules, on the real first FILUSDT futures candle of 2023-08-01
 * (4.255 / 4.256 / 4.252 / 4.252, volume 25259.1) with one value replaced.
 */
class BarValidatorTest {
    private static final InstrumentId FIL = InstrumentId.parse("binance:FILUSDT");
    private static final List<String> REAL = List.of("1690848000000", "4.255", "4.256", "4.252", "4.252", "25259.1");

    private final BarValidator validator = new BarValidator("test.csv", FIL, Timeframe.M1);

    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "0 | 1690848000000000 | accepted",            // µs, as in 2025+ Binance spot archives
            "0 | 1690848000000.0  | accepted",
            "0 | 1690848000000001 | misaligned_time",     // µs that are not a whole ms
            "0 | 1690848000000.5  | misaligned_time",
            "0 | 1690848030000    | misaligned_time",
            "0 | -60000           | out_of_range",
            "0 | 99999999999999999999 | out_of_range",
            "0 | 2023-08-01       | not_a_number",
            "1 | ''               | not_a_number",
            "1 | 4,255            | not_a_number",
            "1 | nan              | non_finite",
            "2 | Infinity         | non_finite",
            "3 | -inf             | non_finite",
            "4 | 1e999999999      | out_of_range",        // must not expand a billion digits
            "4 | 0.0000000000001  | out_of_range",        // finer than the fixed-point scale
            "1 | 4.255000000000000000 | accepted",        // trailing zeros are not precision
            "1 | 4255E-3          | accepted",
            "3 | 0                | non_positive_price",
            "3 | -4.252           | non_positive_price",
            "2 | 4.254            | high_below_body",
            "3 | 4.256            | low_above_body",
            "5 | -0.1             | negative_volume",
            "5 | 0                | accepted",
    })
    void oneReplacedValueIsAcceptedOrRejectedForTheRightReason(int column, String value, String expected) {
        List<String> values = new ArrayList<>(REAL);
        values.set(column, value);

        List<FeedItem> items = validator.check(new RawRow.Values(7, values, String.join(",", values)));

        assertEquals(1, items.size());
        if (expected.equals("accepted")) {
            assertInstanceOf(BarItem.class, items.get(0));
        } else {
            Rejection rejection = assertInstanceOf(Rejection.class, items.get(0));
            assertEquals(expected, rejection.reason(), rejection.detail());
            assertEquals(7, rejection.line());
            assertEquals("test.csv", rejection.source());
        }
    }

    @Test
    void pricesKeepEveryDecimalOfTheText() {
        // Exact fixed-point values from the text, never via double.
        BarItem item = (BarItem) validator.check(new RawRow.Values(1, REAL, "")).get(0);

        assertEquals(new Price(4255, 3), item.bar().open());
        assertEquals("25259.1", item.bar().volume().toString());
        assertEquals(Instant.parse("2023-08-01T00:00:00Z"), item.bar().openTime());
    }

    @Test
    void malformedRowsAreCountedAsRejections() {
        validator.check(new RawRow.Malformed(3, "1690848000000,4.255", "expected 12 columns but found 2"));
        validator.check(new RawRow.Values(4, REAL, ""));

        assertEquals(2, validator.report().rowsRead());
        assertEquals(1, validator.report().barsAccepted());
        assertEquals(1L, validator.report().rejectionsByReason().get("malformed_row"));
    }

    @Test
    void misalignmentIsCheckedAgainstTheTimeframe() {
        BarValidator hourly = new BarValidator("h.csv", FIL, Timeframe.H1);

        List<String> oneMinutePast = new ArrayList<>(REAL);
        oneMinutePast.set(0, "1690848060000");

        Rejection r = (Rejection) hourly.check(new RawRow.Values(2, oneMinutePast, "")).get(0);

        assertEquals("misaligned_time", r.reason());
        assertTrue(r.detail().contains("1h"), r.detail());
    }
}
