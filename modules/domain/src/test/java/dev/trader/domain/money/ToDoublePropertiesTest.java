package dev.trader.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The allocation-free double conversion is exactly BigDecimal's correctly rounded one. */
class ToDoublePropertiesTest {
    @Property(tries = 5000)
    void priceToDoubleEqualsBigDecimalDoubleValue(@ForAll @LongRange(min = -9_000_000_000_000_000_000L, max = 9_000_000_000_000_000_000L) long raw,
                                                   @ForAll @IntRange(min = 0, max = 12) int scale) {
        Price p = new Price(raw, scale);
        assertEquals(Double.doubleToLongBits(p.toBigDecimal().doubleValue()), Double.doubleToLongBits(p.toDouble()), p.toString());
    }

    @Property(tries = 5000)
    void quantityToDoubleEqualsBigDecimalDoubleValue(@ForAll @LongRange(min = 0, max = 9_000_000_000_000_000_000L) long raw,
                                                      @ForAll @IntRange(min = 0, max = 12) int scale) {
        Quantity q = new Quantity(raw, scale);
        assertEquals(Double.doubleToLongBits(q.toBigDecimal().doubleValue()), Double.doubleToLongBits(q.toDouble()), q.toString());
    }

    @Test
    void realPricesConvertExactlyAsBigDecimalDoes() {
        for (String s : new String[] {"24899.18", "0.00001234", "1813.79", "46216.93", "0.1", "9007199254740993"}) {
            assertEquals(new BigDecimal(s).doubleValue(), Price.of(s).toDouble(), 0.0, s);
        }
    }
}
