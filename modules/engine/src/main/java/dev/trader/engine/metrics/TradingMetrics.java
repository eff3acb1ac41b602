package dev.trader.engine.metrics;

import dev.trader.engine.account.GuardRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kamon.Kamon;
import kamon.tag.TagSet;

/**
 * The trading metrics, recorded where a journaled event first happens (in the entity's
 * after-persist callback), never while an entity replays its journal, so a restart counts
 * nothing twice. Values go to Kamon (exported to Prometheus by the app) and, for the alert rules
 * the node evaluates itself, to in-process tallies. Both are per JVM, like Kamon's registry.
 */
public final class TradingMetrics {
    /** How many of each instrument's latest slippage figures are kept for the alert rules. */
    private static final int SLIPPAGE_KEPT = 100;

    private static final Map<String, AtomicLong> TALLIES = new ConcurrentHashMap<>();
    private static final Map<String, Deque<Slipped>> SLIPPAGE = new ConcurrentHashMap<>();
    private static final AtomicLong SLIPPAGE_SEQ = new AtomicLong();

    /** One completed order's slippage, numbered in the order they were recorded in this JVM. */
    public record Slipped(long seq, BigDecimal bps) {
    }

    private TradingMetrics() {
    }

    /** A strategy raised a signal; {@code regime} as the strategy classified the market (or "none"). */
    public static void signal(String strategy, String regime) {
        Kamon.counter("signals").withTags(tags("strategy", strategy, "regime", regime == null ? "none" : regime)).increment();
    }

    /** An order left for the venue. */
    public static void orderSubmitted(String instrument, String type) {
        Kamon.counter("orders_submitted").withTags(tags("instrument", instrument, "type", type)).increment();
        tally("orders_submitted").incrementAndGet();
    }

    /**
     * The risk rules refused an intent or stopped an order before it was sent: a guard's refusal
     * counts under {@code guard_rejections{reason}}, a constraint's under {@code constraint_violations{rule}}.
     */
    public static void rejected(String rule) {
        if (GuardRules.isGuard(rule)) {
            Kamon.counter("guard_rejections").withTag("reason", rule).increment();
            tally("guard_rejections:" + rule).incrementAndGet();
        } else {
            Kamon.counter("constraint_violations").withTag("rule", rule).increment();
            tally("constraint_violations:" + rule).incrementAndGet();
        }
    }

    /** A fill arrived {@code sinceDecision} after its order was decided. */
    public static void fillArrived(Duration sinceDecision) {
        if (sinceDecision != null && !sinceDecision.isNegative()) {
            Kamon.histogram("fills_latency_ms").withoutTags().record(sinceDecision.toMillis());
        }
    }

    /**
     * An order completed with {@code bps} of slippage against its decision price (positive: worse
     * for us). Kamon's histograms hold no negative values, so the size goes under
     * {@code direction="adverse"} or {@code "favourable"}, rounded to whole basis points.
     */
    public static void slippage(String instrument, BigDecimal bps) {
        if (bps == null) {
            return;
        }
        String direction = bps.signum() > 0 ? "adverse" : "favourable";
        long size = bps.abs().setScale(0, RoundingMode.HALF_UP).longValueExact();
        Kamon.histogram("slippage_bps").withTags(tags("instrument", instrument, "direction", direction)).record(size);
        Deque<Slipped> kept = SLIPPAGE.computeIfAbsent(instrument, k -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(new Slipped(SLIPPAGE_SEQ.incrementAndGet(), bps));
            if (kept.size() > SLIPPAGE_KEPT) {
                kept.removeFirst();
            }
        }
    }

    /** A bar the instrument took in. */
    public static void barIngested(String instrument) {
        Kamon.counter("bars_ingested").withTag("instrument", instrument).increment();
    }

    /** A bar refused, by why ({@code reason}: the rejection's name). */
    public static void barRejected(String instrument, String reason) {
        Kamon.counter("bars_rejected").withTags(tags("instrument", instrument, "reason", reason)).increment();
    }

    /** A reconciliation with the venue found something it cannot explain ({@code kind}: the finding's kind). */
    public static void reconciliationMismatch(String kind) {
        Kamon.counter("reconciliation_mismatches").withTag("kind", kind).increment();
        tally("reconciliation_mismatches").incrementAndGet();
    }

    /** How often {@code name} was counted in this JVM (e.g. {@code guard_rejections:kill_switch}). */
    public static long count(String name) {
        AtomicLong t = TALLIES.get(name);
        return t == null ? 0 : t.get();
    }

    /** The number of the latest slippage figure recorded in this JVM (0: none yet). */
    public static long slippageRecorded() {
        return SLIPPAGE_SEQ.get();
    }

    /** The instrument's slippage figures numbered after {@code afterSeq}, oldest first (at most the last {@value #SLIPPAGE_KEPT}). */
    public static List<BigDecimal> slippageAfter(String instrument, long afterSeq) {
        Deque<Slipped> kept = SLIPPAGE.get(instrument);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return kept.stream().filter(x -> x.seq() > afterSeq).map(Slipped::bps).toList();
        }
    }

    /**
     * Starts the counters of every label value known in advance at zero, so that {@code /metrics}
     * shows each series (and Prometheus's {@code increase()} sees its first event) before it happens.
     */
    public static void registerKnown(Collection<String> instruments, Collection<String> rejectReasons, Collection<String> findingKinds) {
        GuardRules.KNOWN_GUARDS.forEach(r -> Kamon.counter("guard_rejections").withTag("reason", r).increment(0));
        GuardRules.KNOWN_CONSTRAINTS.forEach(r -> Kamon.counter("constraint_violations").withTag("rule", r).increment(0));
        findingKinds.forEach(k -> Kamon.counter("reconciliation_mismatches").withTag("kind", k).increment(0));
        for (String i : instruments) {
            Kamon.counter("bars_ingested").withTag("instrument", i).increment(0);
            rejectReasons.forEach(r -> Kamon.counter("bars_rejected").withTags(tags("instrument", i, "reason", r)).increment(0));
        }
    }

    /** Two tags at once: tagging twice in a row would also register the one-tag series in between. */
    private static TagSet tags(String k1, String v1, String k2, String v2) {
        return TagSet.builder().add(k1, v1).add(k2, v2).build();
    }

    private static AtomicLong tally(String name) {
        return TALLIES.computeIfAbsent(name, k -> new AtomicLong());
    }
}
