package dev.trader.risk;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The foundation's pre-trade check, pure: kill switch, one entry per instrument at a fixed
 * notional rounded down to the lot, venue minimums, a per-instrument notional cap, and cash
 * to cover notional plus fees (spot: no leverage). Exits close exactly what is held.
 */
public final class FlatRiskCheck {
    private final RiskLimits limits;

    public FlatRiskCheck(RiskLimits limits) {
        this.limits = limits;
    }

    public RiskDecision decide(RiskState state, Exposure exposure, OrderIntent intent, InstrumentRules rules) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("cash", state.cash().toString());
        inputs.put("held", exposure.filled().toString());
        inputs.put("pending_entry", exposure.pendingEntry().toString());
        inputs.put("reference_price", intent.referencePrice().toString());
        if (state.killSwitch()) {
            return new RiskDecision.Rejected("kill_switch", "the kill switch is on", inputs);
        }
        return intent.reduceOnly() ? decideExit(exposure, intent, rules, inputs) : decideEntry(state, exposure, intent, rules, inputs);
    }

    private RiskDecision decideExit(Exposure exposure, OrderIntent intent, InstrumentRules rules, Map<String, String> inputs) {
        if (intent.side() != OrderSide.SELL) {
            return new RiskDecision.Rejected("long_only", "only long positions are held, an exit must sell", inputs);
        }
        Quantity free = exposure.filled().compareTo(exposure.pendingExit()) > 0 ? exposure.filled().minus(exposure.pendingExit()) : Quantity.ZERO;
        if (free.isZero()) {
            return new RiskDecision.Rejected("nothing_to_reduce", "no filled quantity left to sell", inputs);
        }
        Quantity sellable = rules.roundQuantityDown(free);
        if (sellable.isZero()) {
            // An order of quantity zero cannot exist (OrderRequest refuses it): less than one lot is not sellable.
            return new RiskDecision.Rejected("nothing_to_reduce", "free quantity " + free + " is below one lot " + rules.lotSize(), inputs);
        }
        return new RiskDecision.Approved(sellable, inputs);
    }

    private RiskDecision decideEntry(RiskState state, Exposure exposure, OrderIntent intent, InstrumentRules rules, Map<String, String> inputs) {
        if (intent.side() != OrderSide.BUY) {
            return new RiskDecision.Rejected("long_only", "short entries are not enabled", inputs);
        }
        if (!exposure.isFlat()) {
            return new RiskDecision.Rejected("one_entry_per_instrument", "a position or entry order is already open", inputs);
        }
        // floor(notional / price) to the lot, computed as whole lots before it becomes a Quantity: the raw
        // quotient at 12 decimals does not fit a Quantity once it exceeds ~9.2 million units (cheap coins).
        BigDecimal lot = rules.lotSize().toBigDecimal();
        BigDecimal lots = limits.entryNotional().toBigDecimal()
                .divide(intent.referencePrice().toBigDecimal().multiply(lot), 0, RoundingMode.DOWN);
        Quantity quantity = Quantity.of(lots.multiply(lot));
        inputs.put("quantity", quantity.toString());
        var violation = rules.violation(rules.roundPriceDown(intent.referencePrice()), quantity);
        if (violation.isPresent()) {
            return new RiskDecision.Rejected("venue_filters", violation.get(), inputs);
        }
        Money notional = intent.referencePrice().notional(quantity, state.cash().currency());
        if (notional.compareTo(limits.maxNotionalPerInstrument()) > 0) {
            return new RiskDecision.Rejected("max_notional_per_instrument", "notional " + notional + " above " + limits.maxNotionalPerInstrument(), inputs);
        }
        // The exact cost, rounded up to the ledger's precision: rounding notional and fee half-even could
        // understate it and approve an order that costs a fraction of a unit more than the cash held.
        Money required = Money.of(intent.referencePrice().toBigDecimal().multiply(quantity.toBigDecimal())
                .multiply(BigDecimal.ONE.add(limits.feeRate())).setScale(Money.SCALE, RoundingMode.CEILING), state.cash().currency());
        if (required.compareTo(state.cash()) > 0) {
            return new RiskDecision.Rejected("insufficient_cash", "needs " + required + " but cash is " + state.cash(), inputs);
        }
        return new RiskDecision.Approved(quantity, inputs);
    }
}
