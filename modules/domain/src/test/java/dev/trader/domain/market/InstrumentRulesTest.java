package dev.trader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstrumentRulesTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    private static InstrumentRules rules(String tick, String lot, String minQty, String minNotional) {
        return new InstrumentRules(BTC, "BTC", "USDT", Price.of(tick), Quantity.of(lot), Quantity.of(minQty), Money.of(minNotional, "USDT"));
    }

    private static final InstrumentRules BTCUSDT = rules("0.01", "0.001", "0.001", "5");

    @Test
    void priceIsRoundedDownToTheTick() {
        assertEquals(Price.of("65000.12"), BTCUSDT.roundPriceDown(Price.of("65000.129")));
        assertEquals(Price.of("65000.12"), BTCUSDT.roundPriceDown(Price.of("65000.12")));
        assertEquals(Price.of("0"), BTCUSDT.roundPriceDown(Price.of("0.009")));
    }

    @Test
    void quantityIsRoundedDownToTheLotNeverUp() {
        assertEquals(Quantity.of("0.123"), BTCUSDT.roundQuantityDown(Quantity.of("0.123999999")));
        assertEquals(Quantity.of("0.123"), BTCUSDT.roundQuantityDown(Quantity.of("0.123")));
        assertEquals(Quantity.ZERO, BTCUSDT.roundQuantityDown(Quantity.of("0.000999")));
    }

    @Test
    void roundingWorksOnStepsThatAreNotPowersOfTen() {
        InstrumentRules odd = rules("0.05", "0.5", "0.5", "1");
        assertEquals(Price.of("1.2"), odd.roundPriceDown(Price.of("1.23")));
        assertEquals(Price.of("1.25"), odd.roundPriceDown(Price.of("1.2999")));
        assertEquals(Quantity.of("1.5"), odd.roundQuantityDown(Quantity.of("1.7")));
        assertEquals(Quantity.of("2"), odd.roundQuantityDown(Quantity.of("2.49")));
    }

    @Test
    void validOrderHasNoViolation() {
        assertEquals(Optional.empty(), BTCUSDT.violation(Price.of("65000.12"), Quantity.of("0.002")));
    }

    @Test
    void notionalExactlyAtTheMinimumIsAllowed() {
        assertEquals(Optional.empty(), BTCUSDT.violation(Price.of("5000"), Quantity.of("0.001")));
    }

    @Test
    void quantityBelowMinimumIsAViolation() {
        InstrumentRules r = rules("0.01", "0.0001", "0.001", "5");
        assertEquals(Optional.of("quantity 0.0005 is below the minimum 0.001"), r.violation(Price.of("65000"), Quantity.of("0.0005")));
    }

    @Test
    void zeroQuantityIsAViolationEvenWithoutAMinimum() {
        InstrumentRules r = rules("0.01", "0.001", "0", "0");
        assertEquals(Optional.of("quantity 0 is below the minimum 0"), r.violation(Price.of("65000"), Quantity.ZERO));
    }

    @Test
    void quantityOffTheLotGridIsAViolation() {
        assertEquals(Optional.of("quantity 0.0015 is not a multiple of the lot size 0.001"),
                BTCUSDT.violation(Price.of("65000"), Quantity.of("0.0015")));
    }

    @Test
    void priceOffTheTickGridIsAViolation() {
        assertEquals(Optional.of("price 65000.005 is not a multiple of the tick size 0.01"),
                BTCUSDT.violation(Price.of("65000.005"), Quantity.of("0.001")));
    }

    @Test
    void notionalBelowMinimumIsAViolation() {
        assertEquals(Optional.of("notional 4.999 USDT is below the minimum 5 USDT"),
                BTCUSDT.violation(Price.of("4999"), Quantity.of("0.001")));
    }

    @Test
    void constructorRejectsNonPositiveStepsAndForeignMinNotional() {
        assertThrows(IllegalArgumentException.class, () -> rules("0", "0.001", "0.001", "5"));
        assertThrows(IllegalArgumentException.class, () -> rules("0.01", "0", "0.001", "5"));
        assertThrows(IllegalArgumentException.class, () -> new InstrumentRules(BTC, "BTC", "USDT", Price.of("0.01"),
                Quantity.of("0.001"), Quantity.of("0.001"), Money.of("5", "USD")));
    }

    @org.junit.jupiter.api.Test
    void aNotionalJustBelowTheMinimumIsRefusedEvenWhenItRoundsUpToIt() {
        // 0.0007 x 6471.42857 = 4.529999999: half-even to 8 decimals would make it 4.53
        InstrumentRules cheap = new InstrumentRules(InstrumentId.parse("binance:SHIBUSDT"), "SHIB", "USDT",
                dev.trader.domain.money.Price.of("0.0001"), dev.trader.domain.money.Quantity.of("0.00001"),
                dev.trader.domain.money.Quantity.of("0.00001"), dev.trader.domain.money.Money.of("4.53", "USDT"));
        var violation = cheap.violation(dev.trader.domain.money.Price.of("0.0007"), dev.trader.domain.money.Quantity.of("6471.42857"));
        org.junit.jupiter.api.Assertions.assertTrue(violation.isPresent() && violation.get().contains("4.529999999"), String.valueOf(violation));
    }
}
