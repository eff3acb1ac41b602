package dev.trader.strategy.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.TradeId;
import dev.trader.domain.market.AggressorSide;
import dev.trader.domain.market.Trade;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.strategy.indicator.StateTwins;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TradeVwapTest {
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 86_400_000L;

    @Test
    void handWorkedExampleIsExact() {
        // prices with 2 decimals, quantities with 1:
        // 100.50 x 2 = 201, 101.00 x 1 = 101, 99.75 x 1.5 = 149.625 -> notional 451.625, volume 4.5
        // VWAP = 451.625 / 4.5 = 100.36111... ; at 4 decimals 100.3611
        TradeVwap vwap = new TradeVwap(2, 1);
        assertFalse(vwap.isReady());
        assertNull(vwap.vwap(4, RoundingMode.HALF_EVEN));
        vwap.update(0, new BigDecimal("100.50"), new BigDecimal("2"));
        vwap.update(1, new BigDecimal("101"), new BigDecimal("1.0"));
        vwap.update(2, 9975, 15);
        assertEquals(0, new BigDecimal("451.625").compareTo(vwap.notional()));
        assertEquals(0, new BigDecimal("4.5").compareTo(vwap.volume()));
        assertEquals(new BigDecimal("100.3611"), vwap.vwap(4, RoundingMode.HALF_EVEN));
        assertEquals(100.36111111111111, vwap.value(), 0.0);
        assertEquals(3, vwap.sessionTrades());
    }

    @Test
    void zeroQuantityLeavesTheVwapUndefined() {
        TradeVwap vwap = new TradeVwap(2, 3);
        vwap.update(0, 10_000, 0);
        assertFalse(vwap.isReady());
        assertTrue(Double.isNaN(vwap.value()));
        vwap.update(1, 20_000, 5);
        assertEquals(200.0, vwap.value(), 0.0);
    }

    @Test
    void productsBeyondSixtyFourBitsCarryExactly() {
        // raw 9e18 x 9e18 = 8.1e37, far beyond a long; three of them force carries into the high word.
        TradeVwap vwap = new TradeVwap(0, 0, SessionBoundary.never());
        long big = 9_000_000_000_000_000_000L;
        BigDecimal n = BigDecimal.ZERO;
        BigDecimal q = BigDecimal.ZERO;
        long[][] trades = {{big, big}, {big - 7, big - 3}, {1, Long.MAX_VALUE}, {Long.MAX_VALUE, 2}};
        for (long[] tr : trades) {
            vwap.update(0, tr[0], tr[1]);
            n = n.add(BigDecimal.valueOf(tr[0]).multiply(BigDecimal.valueOf(tr[1])));
            q = q.add(BigDecimal.valueOf(tr[1]));
        }
        assertEquals(n, vwap.notional());
        assertEquals(q, vwap.volume());
        assertEquals(n.divide(q, 20, RoundingMode.HALF_EVEN), vwap.vwap(20, RoundingMode.HALF_EVEN));
    }

    @Test
    void acceptsDomainTradesAndRejectsUnrepresentableDecimals() {
        TradeVwap vwap = new TradeVwap(2, 3);
        InstrumentId btc = InstrumentId.parse("binance:BTCUSDT");
        vwap.update(new Trade(btc, new TradeId("1"), Instant.parse("2020-02-22T00:00:01Z"), Price.of("9682.1"), Quantity.of("0.132"), AggressorSide.BUYER));
        vwap.update(new Trade(btc, new TradeId("2"), Instant.parse("2020-02-22T00:00:02Z"), Price.of("9683"), Quantity.of("0.01"), AggressorSide.SELLER));
        assertEquals(0, new BigDecimal("9682.1").multiply(new BigDecimal("0.132")).add(new BigDecimal("96.83")).compareTo(vwap.notional()));
        assertThrows(IllegalArgumentException.class, () -> vwap.update(3, Price.of("9683.001"), Quantity.of("1")));
        assertThrows(IllegalArgumentException.class, () -> vwap.update(3, new BigDecimal("9683"), new BigDecimal("0.0001")));
        assertThrows(IllegalArgumentException.class, () -> vwap.update(3, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> vwap.update(3, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> vwap.update(Instant.parse("2020-02-21T23:59:59Z").toEpochMilli(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TradeVwap(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new TradeVwap(2, 19));
    }

    /**
     * The real tardis trades (prices with up to 2 decimals, amounts with 3). Independently, the
     * test sums {@code new BigDecimal(price) × new BigDecimal(amount)} and the amounts per session;
     * after every trade our notional and volume must equal those sums exactly, the VWAP at 12
     * decimals must equal theirs divided at 12 decimals, and {@link TradeVwap#value()} must be
     * within half an ulp of the exact quotient (the nearest double). Sessions: hourly (three
     * sessions, 00:00, 01:00, 02:00), UTC days and one never-ending session (overall).
     */
    @Test
    void equalsAnIndependentBigDecimalVwapOnRealTradesPerSessionAndOverall() {
        List<VolumeFixtures.TradeRow> trades = VolumeFixtures.tardisTrades();
        assertEquals(9999, trades.size());
        int hourly = checkAgainstBigDecimal(trades, 2, 3, SessionBoundary.fixed(Duration.ofHours(1), Duration.ZERO), HOUR_MS);
        assertEquals(3, hourly, "sessions 00:00, 01:00 and 02:00");
        assertEquals(1, checkAgainstBigDecimal(trades, 2, 3, SessionBoundary.utcMidnight(), DAY_MS));
        assertEquals(1, checkAgainstBigDecimal(trades, 2, 3, SessionBoundary.never(), Long.MAX_VALUE));
    }

    /** The same over 100,000 real Bitstamp trades (12 decimals each: products far beyond 64 bits), daily sessions; skipped without the shared data set. */
    @Test
    void equalsAnIndependentBigDecimalVwapOnBitstampTradesIfTheSharedDataIsPresent() {
        Path file = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"), "ticks", "bitstamp_btcusd_trades_20131125.csv.gz");
        Assumptions.assumeTrue(Files.exists(file), "shared data set not present");
        List<VolumeFixtures.TradeRow> trades = VolumeFixtures.bitstampTrades(file);
        int days = checkAgainstBigDecimal(trades, 12, 12, SessionBoundary.utcMidnight(), DAY_MS);
        assertTrue(days >= 6, "2013-11-25 to 12-01: " + days);
    }

    private static int checkAgainstBigDecimal(List<VolumeFixtures.TradeRow> trades, int priceScale, int quantityScale,
            SessionBoundary sessions, long sessionMs) {
        TradeVwap vwap = new TradeVwap(priceScale, quantityScale, sessions);
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        long session = Long.MIN_VALUE;
        int sessionCount = 0;
        for (VolumeFixtures.TradeRow t : trades) {
            long s = sessionMs == Long.MAX_VALUE ? 0 : Math.floorDiv(t.timeMs(), sessionMs);
            if (s != session) {
                session = s;
                sessionCount++;
                notional = BigDecimal.ZERO;
                volume = BigDecimal.ZERO;
            }
            BigDecimal price = new BigDecimal(t.price());
            BigDecimal amount = new BigDecimal(t.amount());
            notional = notional.add(price.multiply(amount));
            volume = volume.add(amount);
            vwap.update(t.timeMs(), price, amount);
            assertEquals(0, notional.compareTo(vwap.notional()), "notional at " + t);
            assertEquals(0, volume.compareTo(vwap.volume()), "volume at " + t);
            if (volume.signum() > 0) {
                assertEquals(notional.divide(volume, 12, RoundingMode.HALF_EVEN), vwap.vwap(12, RoundingMode.HALF_EVEN), "VWAP at " + t);
                BigDecimal exact = notional.divide(volume, MathContext.DECIMAL128);
                double ours = vwap.value();
                BigDecimal error = new BigDecimal(ours).subtract(exact).abs();
                assertTrue(error.compareTo(new BigDecimal(Math.ulp(ours) / 2).multiply(new BigDecimal("1.000001"))) <= 0,
                        "value() is the nearest double at " + t + ": " + ours + " vs " + exact);
            }
        }
        System.out.printf("TradeVwap over %d trades, %d session(s) of %s: final VWAP %s, exact match%n", trades.size(), sessionCount,
                sessionMs == Long.MAX_VALUE ? "forever" : sessionMs + " ms", vwap.vwap(8, RoundingMode.HALF_EVEN));
        return sessionCount;
    }

    @Test
    void twinsStayEqualAndSurviveARestore() {
        List<VolumeFixtures.TradeRow> trades = VolumeFixtures.tardisTrades().subList(0, 3000);
        long[] time = new long[trades.size()];
        long[] price = new long[trades.size()];
        long[] qty = new long[trades.size()];
        for (int i = 0; i < trades.size(); i++) {
            time[i] = trades.get(i).timeMs();
            price[i] = new BigDecimal(trades.get(i).price()).movePointRight(2).longValueExact();
            qty[i] = new BigDecimal(trades.get(i).amount()).movePointRight(3).longValueExact();
        }
        StateTwins.assertTwinsStayEqual(() -> new TradeVwap(2, 3, SessionBoundary.fixed(Duration.ofMinutes(15), Duration.ZERO)), trades.size(),
                (v, i) -> v.update(time[i], price[i], qty[i]),
                v -> new double[] {v.value(), v.sessionTrades(), v.sessionStartMs()});
    }
}
