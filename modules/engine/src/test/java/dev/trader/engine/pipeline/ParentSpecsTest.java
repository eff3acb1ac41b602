package dev.trader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.algo.RollingVolumeProfile;
import dev.trader.domain.algo.SliceSizing;
import dev.trader.domain.algo.VwapScheduler;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.order.ParentSpec;
import dev.trader.engine.settings.AlgoSettings;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.RepositoryFiles;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which approved orders become parents, and the plan they start with, on the real BTCUSDT minutes of 17 to 23 March 2023. */
class ParentSpecsTest {
    private static final Map<String, dev.trader.domain.market.InstrumentRules> RULES = Map.of(Fixtures.BTCUSDT.value(), Fixtures.BTCUSDT_RULES);
    /** The 13:29 bar of 23 March closes at New York's open. */
    private static final Instant DECIDED = Instant.parse("2023-03-23T13:30:00Z");
    private static List<Bar> week;

    @BeforeAll
    static void readSample() throws Exception {
        JsonNode rows;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(RepositoryFiles.find("sample-data/BTC_USDT-1m_20230317-20230324.json.gz")))) {
            rows = new ObjectMapper().readTree(in);
        }
        List<Bar> bars = new ArrayList<>();
        for (JsonNode r : rows) {
            bars.add(new Bar(Fixtures.BTCUSDT, Timeframe.M1, Instant.ofEpochMilli(r.get(0).asLong()), Price.of(r.get(1).asText()),
                    Price.of(r.get(2).asText()), Price.of(r.get(3).asText()), Price.of(r.get(4).asText()), Quantity.of(r.get(5).asText())));
        }
        week = List.copyOf(bars);
    }

    private static AlgoSettings algo(AlgoType type, String aboveNotional) {
        return new AlgoSettings(type, Money.of(aboveNotional, "USDT"), 6, 60, new BigDecimal("0.05"), BigDecimal.ONE, 7);
    }

    private static IntentDecision approved(String quantity, boolean reduceOnly) {
        ClientOrderId id = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, DECIDED, 0);
        OrderRequest r = new OrderRequest(id, Fixtures.EMA_CROSS, Fixtures.BTCUSDT, reduceOnly ? OrderSide.SELL : OrderSide.BUY, OrderType.MARKET,
                Quantity.of(quantity), null, DECIDED, reduceOnly);
        return new IntentDecision(IntentDecision.Outcome.APPROVED, id.value(), Fixtures.BTCUSDT.value(), DECIDED, r, "paper:binance:BTCUSDT:1",
                "approved", "test", Map.of());
    }

    private static Bar decisionBar() {
        return week.stream().filter(b -> b.closeTime().equals(DECIDED)).findFirst().orElseThrow();
    }

    @Test
    void onlyEntriesAboveTheNotionalThresholdAreSlicedAndNeverUnderTheMarketType() {
        ParentSpecs specs = new ParentSpecs(algo(AlgoType.TWAP, "50000"), RULES);
        Bar bar = decisionBar();

        assertTrue(specs.slices(approved("2.5", false), bar), "2.5 BTC is about 68,000 USDT");
        assertFalse(specs.slices(approved("1", false), bar), "about 27,000 USDT");
        assertFalse(specs.slices(approved("2.5", true), bar), "an exit goes whole");
        assertFalse(new ParentSpecs(AlgoSettings.market("USDT"), RULES).slices(approved("2.5", false), bar));
    }

    @Test
    void aVwapParentStartsWithThePlanOfTheProfileOfTheDaysFedBeforeIt() {
        ParentSpecs specs = new ParentSpecs(algo(AlgoType.VWAP, "0"), RULES);
        RollingVolumeProfile expected = new RollingVolumeProfile(7);
        for (Bar b : week) {
            if (b.closeTime().isAfter(DECIDED)) {
                break;
            }
            specs.onBar(b);
            expected.add(b);
        }
        Bar bar = decisionBar();

        ParentSpec spec = specs.specFor(approved("2.5", false), bar);

        assertEquals(AlgoType.VWAP, spec.algo());
        assertEquals(DECIDED, spec.start());
        assertEquals(60_000, spec.barMillis());
        assertEquals(bar.close(), spec.reference());
        assertEquals(VwapScheduler.plan(Quantity.of("2.5"), 6, 60, expected.profile().barVolumes(DECIDED, 60),
                new SliceSizing(Fixtures.BTCUSDT_RULES, bar.close()), expected.profile().describe()), spec.plan());
        assertTrue(spec.plan().note().contains("6 day(s) of 1m bars, 2023-03-17 to 2023-03-22 UTC"), spec.plan().note());
        assertNull(spec.participation());
    }

    @Test
    void aPovParentHasNoPlanButItsParticipation() {
        ParentSpec spec = new ParentSpecs(algo(AlgoType.POV, "0"), RULES).specFor(approved("2.5", false), decisionBar());

        assertNull(spec.plan());
        assertEquals(new BigDecimal("0.05"), spec.participation());
        assertEquals("POV: 0.05 of each bar's volume, the rest at market after 60 bar(s)", spec.describe());
    }
}
