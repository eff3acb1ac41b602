package dev.trader.engine.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.port.VenueSnapshot;
import dev.trader.engine.reconcile.Finding.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
    private static final InstrumentId BTCUSDT = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId BTCEUR = InstrumentId.parse("binance:BTCEUR");
    private static final Map<String, String> BASES = Map.of(BTCUSDT.value(), "BTC", BTCEUR.value(), "BTC");
    private static final ReconciliationState BASELINED = new ReconciliationState(3, Map.of("BTC", new BigDecimal("10")), Set.of(), List.of(), Map.of());

    private static VenueSnapshot venue(List<VenueSnapshot.OpenOrder> open, String btc, Map<String, String> undelivered) {
        return new VenueSnapshot(Instant.EPOCH, open, Map.of("BTC", new BigDecimal(btc), "USDT", new BigDecimal("99000")), undelivered, 0);
    }

    private static OurBooks ours(Map<String, OrderStatus> statuses, String usdtPair, String eurPair) {
        return new OurBooks(statuses, Map.of(BTCUSDT.value(), new BigDecimal(usdtPair), BTCEUR.value(), new BigDecimal(eurPair)), BASES, List.of());
    }

    @Test
    void ourOwnLiveOrdersAndAMatchingBalanceExplainEverything() {
        var open = List.of(new VenueSnapshot.OpenOrder(BTCUSDT, "tabc", "17", "NEW"));
        var outcome = Reconciler.compare(venue(open, "10.75", Map.of()), ours(Map.of("tabc", OrderStatus.ACCEPTED), "0.5", "0.25"), BASELINED);
        assertEquals(List.of(), outcome.findings());
        assertEquals(Map.of(), outcome.baselinesTaken());
    }

    @Test
    void anOrderWeDoNotKnowOrHoldAsEndedIsReportedOnItsInstrument() {
        var open = List.of(new VenueSnapshot.OpenOrder(BTCUSDT, "web_123", "18", "NEW"), new VenueSnapshot.OpenOrder(BTCEUR, "tdone", "19",
                "PARTIALLY_FILLED"));
        var outcome = Reconciler.compare(venue(open, "10", Map.of()), ours(Map.of("tdone", OrderStatus.CANCELLED), "0", "0"), BASELINED);
        assertEquals(2, outcome.findings().size());
        Finding foreign = outcome.findings().get(0);
        assertEquals(Kind.FOREIGN_OPEN_ORDER, foreign.kind());
        assertEquals(BTCUSDT.value(), foreign.instrument());
        assertEquals("18", foreign.key());
        Finding ended = outcome.findings().get(1);
        assertEquals(Kind.OPEN_ORDER_ENDED_HERE, ended.kind());
        assertEquals(BTCEUR.value(), ended.instrument());
        assertEquals("CANCELLED", ended.facts().get("ourStatus"));
    }

    @Test
    void aBaseAssetBalanceOffByOneUnitInTheLastDecimalIsAMismatchOnEveryInstrumentOfThatAsset() {
        var outcome = Reconciler.compare(venue(List.of(), "10.75000001", Map.of()), ours(Map.of(), "0.5", "0.25"), BASELINED);
        assertEquals(2, outcome.findings().size());
        for (Finding f : outcome.findings()) {
            assertEquals(Kind.BALANCE_MISMATCH, f.kind());
            assertEquals("0.00000001", f.facts().get("difference"));
            assertEquals("10.75", f.facts().get("expected"));
        }
        assertEquals(Set.of(BTCUSDT.value(), BTCEUR.value()), Set.of(outcome.findings().get(0).instrument(), outcome.findings().get(1).instrument()));
    }

    @Test
    void theFirstReadingOfAnAssetTakesItsBaselineInsteadOfReportingIt() {
        var outcome = Reconciler.compare(venue(List.of(), "12.5", Map.of()), ours(Map.of(), "0.5", "0"), ReconciliationState.empty());
        assertEquals(List.of(), outcome.findings());
        assertEquals(0, new BigDecimal("12").compareTo(outcome.baselinesTaken().get("BTC")));
        assertTrue(outcome.notes().get(0).contains("baseline of BTC"), outcome.notes().toString());
    }

    @Test
    void undeliveredTradesAndUnknownOrderFillsAreFindingsUnlessAcknowledged() {
        Finding unknownFill = new Finding(BTCUSDT.value(), Kind.UNKNOWN_ORDER_FILL, "BTCUSDT-77", "fill for web_1", Map.of());
        OurBooks books = new OurBooks(Map.of(), Map.of(), BASES, List.of(unknownFill));
        var outcome = Reconciler.compare(venue(List.of(), "10", Map.of("BTCEUR-5", "fee in BNB")), books, BASELINED);
        assertEquals(List.of(Kind.UNDELIVERED_TRADE, Kind.UNKNOWN_ORDER_FILL), outcome.findings().stream().map(Finding::kind).toList());
        assertEquals(BTCEUR.value(), outcome.findings().get(0).instrument(), "the trade's symbol names its instrument");

        ReconciliationState acknowledged = new ReconciliationState(3, BASELINED.baselines(), Set.of("UNDELIVERED_TRADE:BTCEUR-5",
                "UNKNOWN_ORDER_FILL:BTCUSDT-77"), List.of(), Map.of());
        var after = Reconciler.compare(venue(List.of(), "10", Map.of("BTCEUR-5", "fee in BNB")), books, acknowledged);
        assertEquals(List.of(), after.findings());
        assertTrue(after.notes().get(0).contains("2 finding(s) acknowledged"), after.notes().toString());
    }

    @Test
    void holdsNameEachInstrumentOnceWithEveryReason() {
        var holds = Holds.of(List.of(
                new Finding(BTCUSDT.value(), Kind.FOREIGN_OPEN_ORDER, "18", "", Map.of()),
                new Finding(BTCUSDT.value(), Kind.BALANCE_MISMATCH, "BTC", "", Map.of())));
        assertEquals(Map.of(BTCUSDT.value(), "2 unexplained: FOREIGN_OPEN_ORDER 18, BALANCE_MISMATCH BTC"), holds);
    }
}
