package dev.trader.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.engine.reconcile.ReconciliationEntity;
import dev.trader.engine.testing.PekkoTestKit;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payload encoding, with the mapper the node uses (pekko.serialization.jackson of conf/serialization.conf). */
class CanonicalJsonTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();
    private static CanonicalJson json;

    @BeforeAll
    static void mapper() {
        ObjectMapper base = JacksonObjectMapperProvider.get(PEKKO.system()).getOrCreate("jackson-json", Optional.empty());
        json = new CanonicalJson(base);
    }

    record Nested(String zeta, int alpha, Map<String, BigDecimal> amounts, Set<String> keys, List<String> order, Instant at) {
    }

    @Test
    void keysAreSortedSetsAreSortedListsKeepTheirOrderAndDecimalsAreExact() {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        amounts.put("b", new BigDecimal("1.50"));
        amounts.put("a", new BigDecimal("100"));
        Set<String> keys = new LinkedHashSet<>(List.of("y", "x", "z"));
        String text = json.encode(new Nested("last", 1, amounts, keys, List.of("2", "1"), Instant.parse("2024-01-02T03:04:05.006Z")));

        assertEquals("{\"alpha\":1,\"amounts\":{\"a\":100,\"b\":1.50},\"at\":\"2024-01-02T03:04:05.006Z\",\"keys\":[\"x\",\"y\",\"z\"],"
                + "\"order\":[\"2\",\"1\"],\"zeta\":\"last\"}", text);
    }

    @Test
    void aJournaledEventEncodesTheSameWhateverTheOrderItsMapsAndSetsWereBuiltIn() {
        Instant at = Instant.parse("2024-01-02T03:04:05Z");
        var one = new ReconciliationEntity.Acknowledged("binance:BTCUSDT", "explained", at, Map.of("BTC", new BigDecimal("0.5"), "ETH", BigDecimal.ONE),
                Set.of("k1", "k2", "k3", "k4"), 4);
        Map<String, BigDecimal> baselines = new LinkedHashMap<>();
        baselines.put("ETH", BigDecimal.ONE);
        baselines.put("BTC", new BigDecimal("0.5"));
        var two = new ReconciliationEntity.Acknowledged("binance:BTCUSDT", "explained", at, baselines, new LinkedHashSet<>(List.of("k4", "k2", "k3", "k1")), 4);

        assertEquals(json.encode(one), json.encode(two));
        assertEquals("{\"at\":\"2024-01-02T03:04:05Z\",\"baselines\":{\"BTC\":0.5,\"ETH\":1},\"findings\":4,\"instrument\":\"binance:BTCUSDT\","
                + "\"keys\":[\"k1\",\"k2\",\"k3\",\"k4\"],\"reason\":\"explained\"}", json.encode(one));
    }
}
