package dev.trader.ml.signal;

import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.label.Direction;
import dev.trader.strategy.state.StateObject;

/**
 * Confidence tiers with a conservative bias: a retreat (a lower tier of the same direction, or no
 * call) takes effect at once; a claim (a higher tier, or the other direction) only after
 * {@code confirmScans} consecutive bars make the same one. So one lucky bar never upgrades a
 * tier or turns a call round, and doubt is never held back.
 */
public final class TierHysteresis extends StateObject {
    private int confirmScans;
    private String confirmedDirection = Direction.FLAT.name();
    private String confirmedTier = ConfidenceTier.NONE.name();
    private String pendingDirection;
    private String pendingTier;
    private int pendingCount;

    private TierHysteresis() {
    }

    public TierHysteresis(int confirmScans) {
        if (confirmScans < 1) {
            throw new IllegalArgumentException("confirm-scans must be at least 1 but was " + confirmScans);
        }
        this.confirmScans = confirmScans;
    }

    /** Takes this bar's raw call; answers the confirmed call after it. */
    public Call next(Call raw) {
        Call confirmed = confirmed();
        if (raw.weakerOrEqual(confirmed)) {
            set(raw);
            pendingDirection = null;
            pendingTier = null;
            pendingCount = 0;
            return raw;
        }
        if (raw.direction().name().equals(pendingDirection) && raw.tier().name().equals(pendingTier)) {
            pendingCount++;
        } else {
            pendingDirection = raw.direction().name();
            pendingTier = raw.tier().name();
            pendingCount = 1;
        }
        if (pendingCount >= confirmScans) {
            set(raw);
            pendingDirection = null;
            pendingTier = null;
            pendingCount = 0;
        }
        return confirmed();
    }

    public Call confirmed() {
        return new Call(Direction.valueOf(confirmedDirection), ConfidenceTier.valueOf(confirmedTier));
    }

    private void set(Call c) {
        confirmedDirection = c.direction().name();
        confirmedTier = c.tier().name();
    }
}
