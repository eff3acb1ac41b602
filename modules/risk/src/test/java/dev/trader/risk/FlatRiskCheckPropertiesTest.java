package dev.trader.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.statistics.Statistics;

class FlatRiskCheckPropertiesTest {
    private static final InstrumentId X = InstrumentId.parse("binance:XUSDT");
    private static final Set<String> ENTRY_RULES = Set.of("venue_filters", "insufficient_cash", "max_notional_per_instrument");

    @Property(tries = 3000)
    void approvedEntryRespectsLotMinimumsAndCash(
            @ForAll @BigRange(min = "0.0001", max = "200000") @Scale(4) BigDecimal price,
            @ForAll @BigRange(min = "1", max = "100000") @Scale(2) BigDecimal entryNotional,
            @ForAll @BigRange(min = "0.98", max = "1.3") @Scale(6) BigDecimal cashPerNotional,
            @ForAll @BigRange(min = "0", max = "0.05") @Scale(4) BigDecimal feeRate,
            @ForAll @BigRange(min = "0", max = "20") @Scale(2) BigDecimal minNotional,
            @ForAll @IntRange(min = 0, max = 8) int lotDecimals,
            @ForAll @IntRange(min = 1, max = 5) int lotMultiple,
            @ForAll @IntRange(min = 0, max = 3) int minLots,
            @ForAll @IntRange(min = 0, max = 6) int tickDecimals) {
        // cash near the entry notional, so both sides of the cash check are exercised
        BigDecimal cash = entryNotional.multiply(cashPerNotional).setScale(8, RoundingMode.DOWN);
        BigDecimal lot = BigDecimal.valueOf(lotMultiple).movePointLeft(lotDecimals);
        BigDecimal minQuantity = lot.multiply(BigDecimal.valueOf(minLots));
        InstrumentRules rules = new InstrumentRules(X, "X", "USDT", Price.of(BigDecimal.ONE.movePointLeft(tickDecimals)),
                Quantity.of(lot), Quantity.of(minQuantity), Money.of(minNotional, "USDT"));
        Money entry = Money.of(entryNotional, "USDT");
        FlatRiskCheck check = new FlatRiskCheck(new RiskLimits(entry, entry, feeRate));
        OrderIntent intent = new OrderIntent(new StrategyId("p"), X, OrderSide.BUY, Instant.EPOCH, 0, Price.of(price), false, "p");

        RiskDecision decision = check.decide(new RiskState(Money.of(cash, "USDT"), false), Exposure.NONE, intent, rules);

        Statistics.label("decision").collect(decision instanceof RiskDecision.Approved a ? "approved" : ((RiskDecision.Rejected) decision).rule());
        if (decision instanceof RiskDecision.Rejected r) {
            assertTrue(ENTRY_RULES.contains(r.rule()), r.rule());
            return;
        }
        BigDecimal q = ((RiskDecision.Approved) decision).quantity().toBigDecimal();
        BigDecimal notional = price.multiply(q);
        assertTrue(q.signum() > 0, "quantity must be positive");
        assertEquals(0, q.remainder(lot).signum(), () -> q + " is not a multiple of " + lot);
        assertTrue(q.compareTo(minQuantity) >= 0, () -> q + " below min quantity " + minQuantity);
        assertTrue(notional.compareTo(minNotional) >= 0, () -> "notional " + notional + " below " + minNotional);
        assertTrue(notional.compareTo(entryNotional) <= 0, () -> "notional " + notional + " above the entry notional " + entryNotional);
        assertTrue(price.multiply(q.add(lot)).compareTo(entryNotional) > 0, () -> "one more lot than " + q + " would still fit");
        BigDecimal required = notional.multiply(BigDecimal.ONE.add(feeRate));
        assertTrue(required.compareTo(cash) <= 0, () -> "needs " + required + " but cash is " + cash);
    }

    @Property(tries = 1000)
    void approvedExitIsTheFreeQuantityOnTheLotGrid(
            @ForAll @BigRange(min = "0", max = "1000") @Scale(8) BigDecimal filled,
            @ForAll @BigRange(min = "0", max = "1000") @Scale(8) BigDecimal pendingExit,
            @ForAll @IntRange(min = 0, max = 8) int lotDecimals) {
        BigDecimal lot = BigDecimal.ONE.movePointLeft(lotDecimals);
        InstrumentRules rules = new InstrumentRules(X, "X", "USDT", Price.of("0.01"), Quantity.of(lot), Quantity.of(lot), Money.of("5", "USDT"));
        Money entry = Money.of("100", "USDT");
        FlatRiskCheck check = new FlatRiskCheck(new RiskLimits(entry, entry, BigDecimal.ZERO));
        OrderIntent intent = new OrderIntent(new StrategyId("p"), X, OrderSide.SELL, Instant.EPOCH, 0, Price.of("10"), true, "p");
        Exposure exposure = new Exposure(Quantity.of(filled), Quantity.ZERO, Quantity.of(pendingExit));

        RiskDecision decision = check.decide(new RiskState(Money.zero("USDT"), false), exposure, intent, rules);

        BigDecimal free = filled.subtract(pendingExit).max(BigDecimal.ZERO);
        BigDecimal sellable = free.divideToIntegralValue(lot).multiply(lot);
        if (sellable.signum() == 0) {
            assertEquals("nothing_to_reduce", ((RiskDecision.Rejected) decision).rule());
        } else {
            BigDecimal q = ((RiskDecision.Approved) decision).quantity().toBigDecimal();
            assertEquals(0, sellable.compareTo(q), () -> "sold " + q + " of free " + free);
        }
    }
}
