package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class BinanceSignerTest {
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @Test
    void signsBinancesDocumentedExample() {
        // Binance's SIGNED endpoint example (HMAC, all parameters in the query string or in the body).
        String params = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", new BinanceSigner(SECRET).sign(params));
        assertEquals(new BinanceSigner(SECRET).sign(params), new BinanceSigner(SECRET).sign("", params));
    }

    @Test
    void signsQueryStringFollowedDirectlyByTheBody() {
        // Binance's mixed example: totalParams is the query string and the body concatenated without '&'.
        assertEquals("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77", new BinanceSigner(SECRET)
                .sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(new BinanceSigner(SECRET).toString().contains(SECRET));
    }
}
