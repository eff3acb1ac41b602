package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.rest.HmacSha256;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Binance's documented HMAC example, computed and then sent over HTTP exactly as the docs' curl sends it. */
class SimSignatureTest extends SimHttpTestBase {
    static final String DOC_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String DOC_PAYLOAD = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    /** As rest-api.md prints it (and `openssl dgst -sha256 -hmac` computes it). */
    static final String DOC_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

    @Test
    void hmacOfTheDocumentedPayloadIsTheDocumentedSignature() {
        assertEquals(DOC_SIGNATURE, HmacSha256.sign(DOC_SECRET, DOC_PAYLOAD));
    }

    private static SimConfig ltcbtc() {
        return SimConfig.builder().symbol(SymbolSpec.of("LTCBTC", "LTC", "BTC", "0.000001", "0.001", "0.001", "100000", "0.0001"))
                .balance("BTC", "1").apiKey(DOC_KEY, DOC_SECRET).build();
    }

    @Test
    void theDocumentedRequestPlacesTheOrderWithSignatureInTheQueryString() {
        try (SimServer s = new SimServer(system, ltcbtc(), new MutableClock(1499827319559L + 100))) {
            SimServer.Reply r = s.raw("POST", "/api/v3/order", DOC_PAYLOAD + "&signature=" + DOC_SIGNATURE, null, DOC_KEY);
            assertEquals(200, r.status(), r.body().toString());
            assertEquals("LTCBTC", r.body().get("symbol").asText());
            assertEquals("NEW", r.body().get("status").asText());
            assertEquals("0.10000000", r.body().get("price").asText());
            OrderView o = s.sim.snapshot().order(r.body().get("orderId").asLong()).orElseThrow();
            assertEquals(0, new BigDecimal("1").compareTo(o.origQty()));
            // 0.1 BTC locked, plus the commission reserve of the higher fee rate (0.1%)
            assertEquals(0, new BigDecimal("0.1001").compareTo(s.sim.snapshot().balance("BTC").locked()));
        }
    }

    @Test
    void signatureCoversQueryStringConcatenatedWithBody() {
        try (SimServer s = new SimServer(system, ltcbtc(), new MutableClock(1499827319559L + 100))) {
            String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
            String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
            String signature = HmacSha256.sign(DOC_SECRET, query + body);
            SimServer.Reply r = s.raw("POST", "/api/v3/order", query, body + "&signature=" + signature, DOC_KEY);
            assertEquals(200, r.status(), r.body().toString());
            // Signed as query + "&" + body it must fail: Binance concatenates without a separator.
            String wrong = HmacSha256.sign(DOC_SECRET, query + "&" + body);
            SimServer.Reply bad = s.raw("POST", "/api/v3/order", query, body + "&signature=" + wrong, DOC_KEY);
            assertEquals(400, bad.status());
            assertEquals(-1022, bad.code());
            assertEquals(1, s.sim.snapshot().orders().size(), "the refused request placed nothing");
        }
    }

    @Test
    void signatureIsCaseInsensitiveAsForHmacKeys() {
        try (SimServer s = new SimServer(system, ltcbtc(), new MutableClock(1499827319559L + 100))) {
            SimServer.Reply r = s.raw("POST", "/api/v3/order", DOC_PAYLOAD + "&signature=" + DOC_SIGNATURE.toUpperCase(), null, DOC_KEY);
            assertEquals(200, r.status(), r.body().toString());
        }
    }
}
