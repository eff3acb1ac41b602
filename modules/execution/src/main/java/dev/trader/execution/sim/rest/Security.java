package dev.trader.execution.sim.rest;

/** Binance's endpoint security types: what a request must carry. */
public enum Security {
    /** Public market data: nothing. */
    NONE,
    /** Listen-key management: a valid X-MBX-APIKEY, no signature. */
    USER_STREAM,
    /** TRADE and USER_DATA: API key, HMAC signature over totalParams, timestamp within recvWindow. */
    SIGNED
}
