package dev.trader.execution.sim.ws;

import java.util.regex.Pattern;

/**
 * What the server accepts as a stream name: Binance's names ({@code btcusdt@kline_1m},
 * {@code btcusdt@depth@100ms}) and listen keys (64 letters and digits). Anything else is refused
 * as Binance refuses it ("invalid stream"); the check also keeps a name from breaking out of the
 * JSON string it is written into in the combined envelope.
 */
final class StreamName {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9@_.\\-]{1,128}");

    private StreamName() {
    }

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
