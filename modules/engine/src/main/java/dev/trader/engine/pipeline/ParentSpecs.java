package dev.trader.engine.pipeline;

import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.algo.RollingVolumeProfile;
import dev.trader.domain.algo.SlicePlan;
import dev.trader.domain.algo.SliceSizing;
import dev.trader.domain.algo.TwapScheduler;
import dev.trader.domain.algo.VolumeProfile;
import dev.trader.domain.algo.VwapScheduler;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.ParentSpec;
import dev.trader.engine.settings.AlgoSettings;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Which approved orders become parent orders, and the plan each starts with. The VWAP's volume
 * profiles are kept here from every 1m bar the pipeline handles, in feed order. They are not
 * state: after a restart they fill again from the bars fed again (a file replay feeds them all; a
 * live feed starts without history, and a VWAP decided before {@code vwap-profile-days} whole days
 * were seen uses the days there are, or falls back to TWAP and says so in its plan). A parent's
 * plan, once journaled, never changes.
 */
final class ParentSpecs {
    private final AlgoSettings algo;
    private final Map<String, InstrumentRules> instruments;
    private final Map<InstrumentId, RollingVolumeProfile> profiles = new HashMap<>();

    ParentSpecs(AlgoSettings algo, Map<String, InstrumentRules> instruments) {
        this.algo = algo;
        this.instruments = instruments;
    }

    /** Called with every bar in feed order (the account part of the pipeline is sequential). */
    void onBar(Bar bar) {
        if (algo.type() == AlgoType.VWAP) {
            profiles.computeIfAbsent(bar.instrument(), i -> new RollingVolumeProfile(algo.vwapProfileDays())).add(bar);
        }
    }

    /**
     * An approved entry whose notional at {@code bar}'s close exceeds the threshold; never an exit
     * (signal exits, stops, the in-trade manager's and a flatten's all go whole, at market).
     */
    boolean slices(IntentDecision decision, Bar bar) {
        OrderRequest r = decision.request();
        if (!algo.slicing() || !decision.approved() || r == null || r.reduceOnly() || r.type() != OrderType.MARKET
                || !instruments.containsKey(decision.instrument())) {
            return false;
        }
        BigDecimal notional = r.quantity().toBigDecimal().multiply(bar.close().toBigDecimal());
        return notional.compareTo(algo.sliceAboveNotional().toBigDecimal()) > 0;
    }

    /** The spec of the parent of {@code decision}, decided at {@code bar}'s close. */
    ParentSpec specFor(IntentDecision decision, Bar bar) {
        OrderRequest r = decision.request();
        InstrumentRules rules = instruments.get(decision.instrument());
        SliceSizing sizing = new SliceSizing(rules, bar.close());
        long barMillis = bar.timeframe().millis();
        SlicePlan plan = switch (algo.type()) {
            case TWAP -> TwapScheduler.plan(r.quantity(), algo.slices(), algo.horizonBars(), sizing);
            case VWAP -> {
                VolumeProfile profile = profiles.getOrDefault(bar.instrument(), new RollingVolumeProfile(algo.vwapProfileDays())).profile();
                // The first child trades in the bar that opens at the decision's close.
                yield VwapScheduler.plan(r.quantity(), algo.slices(), algo.horizonBars(), profile.barVolumes(bar.closeTime(), algo.horizonBars()),
                        sizing, profile.describe());
            }
            case POV -> null;
            case MARKET -> throw new IllegalStateException("a market order has no parent");
        };
        return new ParentSpec(r, decision.positionId(), algo.type(), bar.closeTime(), barMillis, rules, bar.close(), plan,
                algo.type() == AlgoType.POV ? algo.participation() : null, algo.horizonBars(), algo.spreadThresholdBps());
    }
}
