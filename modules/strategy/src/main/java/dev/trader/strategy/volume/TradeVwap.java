package dev.trader.strategy.volume;

import dev.trader.domain.market.Trade;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.strategy.indicator.Indicator;
import dev.trader.strategy.state.StateObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * True VWAP from trades: Σ(price · quantity) / Σ quantity over the trades of the current session,
 * computed exactly.
 *
 * <p>Exactness: a VWAP of real trades is an accounting figure (what the average fill was), so it
 * is accumulated without rounding. Prices and quantities are fixed-point integers at the scales
 * given to the constructor (the instrument's tick and lot decimals: a trade with more decimals is
 * rejected, never rounded). Each trade adds {@code priceRaw · quantityRaw} to a 128-bit integer
 * notional ({@link Math#multiplyHigh} for the high word, a carry for the low one) and
 * {@code quantityRaw} to a 128-bit integer volume: no allocation per trade, no overflow in any
 * realistic session, and {@link #notional()} and {@link #volume()} equal the BigDecimal sums
 * exactly. Only the final division rounds: {@link #vwap(int, RoundingMode)} at the scale and
 * rounding the caller chooses, {@link #value()} to the nearest double (from a 40-digit quotient).
 * Queries allocate BigDecimals; updates do not.
 *
 * <p>Sessions as in {@link SessionVwap}: a {@link SessionBoundary} (default daily from 00:00 UTC);
 * a trade belongs to the session of its time; a trade before the current session is rejected.
 * Trades out of order within a session are fine: the sums do not care.
 *
 * <p>Zero quantity: a session without quantity yet has no VWAP: {@link #value()} NaN,
 * {@link #vwap(int, RoundingMode)} null and {@link #isReady()} false. Warm-up: 1 trade with a
 * positive quantity. O(1) per trade.
 */
public final class TradeVwap extends StateObject implements Indicator {
    private static final MathContext DOUBLE_QUOTIENT = new MathContext(40, RoundingMode.HALF_EVEN);

    private SessionBoundary sessions;
    private int priceScale;
    private int quantityScale;
    private boolean started;
    private long sessionStartMs;
    private long sessionEndMs;
    private long sessionTrades;
    /** Σ priceRaw · quantityRaw as a 128-bit two's-complement integer (high word, low word). */
    private long notionalHigh;
    private long notionalLow;
    /** Σ quantityRaw as a 128-bit integer. */
    private long volumeHigh;
    private long volumeLow;

    private TradeVwap() {
    }

    /** Daily sessions from 00:00 UTC. */
    public TradeVwap(int priceScale, int quantityScale) {
        this(priceScale, quantityScale, SessionBoundary.utcMidnight());
    }

    /**
     * @param priceScale    decimals of the prices (2 for a 0.01 tick), 0..18
     * @param quantityScale decimals of the quantities (3 for a 0.001 lot), 0..18
     */
    public TradeVwap(int priceScale, int quantityScale, SessionBoundary sessions) {
        if (priceScale < 0 || priceScale > 18) {
            throw new IllegalArgumentException("priceScale must be within 0..18 but was " + priceScale);
        }
        if (quantityScale < 0 || quantityScale > 18) {
            throw new IllegalArgumentException("quantityScale must be within 0..18 but was " + quantityScale);
        }
        if (sessions == null) {
            throw new IllegalArgumentException("sessions must not be null");
        }
        this.priceScale = priceScale;
        this.quantityScale = quantityScale;
        this.sessions = sessions;
    }

    /**
     * Adds a trade given as fixed-point integers at this instance's scales: price
     * {@code priceRaw × 10^-priceScale}, quantity {@code quantityRaw × 10^-quantityScale}.
     *
     * @param priceRaw    positive
     * @param quantityRaw non-negative
     */
    public void update(long timeMs, long priceRaw, long quantityRaw) {
        if (priceRaw <= 0) {
            throw new IllegalArgumentException("price must be positive but its raw value was " + priceRaw);
        }
        if (quantityRaw < 0) {
            throw new IllegalArgumentException("quantity must not be negative but its raw value was " + quantityRaw);
        }
        if (started && timeMs < sessionStartMs) {
            throw new IllegalArgumentException("trade time " + timeMs + " is before the current session, which started at " + sessionStartMs);
        }
        if (!started || timeMs >= sessionEndMs) {
            started = true;
            sessionStartMs = sessions.sessionStart(timeMs);
            sessionEndMs = sessions.sessionEnd(sessionStartMs);
            sessionTrades = 0;
            notionalHigh = 0;
            notionalLow = 0;
            volumeHigh = 0;
            volumeLow = 0;
        }
        sessionTrades++;
        // Both factors are non-negative, so the signed high word is the unsigned one.
        long productLow = priceRaw * quantityRaw;
        long productHigh = Math.multiplyHigh(priceRaw, quantityRaw);
        long low = notionalLow + productLow;
        notionalHigh = Math.addExact(Math.addExact(notionalHigh, productHigh), Long.compareUnsigned(low, notionalLow) < 0 ? 1 : 0);
        notionalLow = low;
        low = volumeLow + quantityRaw;
        volumeHigh = Math.addExact(volumeHigh, Long.compareUnsigned(low, volumeLow) < 0 ? 1 : 0);
        volumeLow = low;
    }

    /** Adds a trade in decimal; rejects a price or quantity with more decimals than this instance's scales. */
    public void update(long timeMs, BigDecimal price, BigDecimal quantity) {
        update(timeMs, raw(price, priceScale, "price"), raw(quantity, quantityScale, "quantity"));
    }

    /** Adds a domain trade. */
    public void update(Trade trade) {
        update(trade.time().toEpochMilli(), trade.price(), trade.quantity());
    }

    /** Adds a trade from the domain's fixed-point values. */
    public void update(long timeMs, Price price, Quantity quantity) {
        update(timeMs, rescale(price.raw(), price.scale(), priceScale, "price"), rescale(quantity.raw(), quantity.scale(), quantityScale, "quantity"));
    }

    /** The exact VWAP rounded to the nearest double; NaN while the session has no quantity. */
    public double value() {
        if (!isReady()) {
            return Double.NaN;
        }
        return notional().divide(volume(), DOUBLE_QUOTIENT).doubleValue();
    }

    /** The exact VWAP rounded to {@code scale} decimals with {@code rounding}; null while the session has no quantity. */
    public BigDecimal vwap(int scale, RoundingMode rounding) {
        if (!isReady()) {
            return null;
        }
        return notional().divide(volume(), scale, rounding);
    }

    /** Σ price · quantity of the session, exact. */
    public BigDecimal notional() {
        return new BigDecimal(toBigInteger(notionalHigh, notionalLow), priceScale + quantityScale);
    }

    /** Σ quantity of the session, exact. */
    public BigDecimal volume() {
        return new BigDecimal(toBigInteger(volumeHigh, volumeLow), quantityScale);
    }

    /** Trades seen in the current session. */
    public long sessionTrades() {
        return sessionTrades;
    }

    /** Start of the current session, epoch ms; meaningless before the first trade. */
    public long sessionStartMs() {
        return sessionStartMs;
    }

    @Override
    public boolean isReady() {
        return volumeHigh != 0 || volumeLow != 0;
    }

    @Override
    public int warmUp() {
        return 1;
    }

    private static BigInteger toBigInteger(long high, long low) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return new BigInteger(bytes);
    }

    private static long raw(BigDecimal value, int scale, String what) {
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + value.toPlainString() + " does not fit " + scale + " decimals in a long", e);
        }
    }

    private static long rescale(long raw, int fromScale, int toScale, String what) {
        if (fromScale > toScale) {
            // The domain's values are canonical (no trailing zeros), so more decimals are real ones.
            throw new IllegalArgumentException(what + " " + BigDecimal.valueOf(raw, fromScale).toPlainString() + " has more than " + toScale + " decimals");
        }
        long factor = 1;
        for (int i = fromScale; i < toScale; i++) {
            factor *= 10;
        }
        try {
            return Math.multiplyExact(raw, factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + BigDecimal.valueOf(raw, fromScale).toPlainString() + " does not fit " + toScale + " decimals in a long", e);
        }
    }
}
