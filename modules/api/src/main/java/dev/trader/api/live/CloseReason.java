package dev.trader.api.live;

import java.nio.charset.StandardCharsets;

/**
 * Why the server closes a socket: the close frame's code and reason. 4401 and 4403 mirror HTTP's
 * 401 and 403 in the range RFC 6455 leaves to applications; the others are the RFC's own.
 */
record CloseReason(int code, String reason) {
    /** No valid key in the first message, or none within the auth timeout. */
    static final int UNAUTHORIZED = 4401;
    /** The key may not see the node's account. */
    static final int FORBIDDEN = 4403;
    /** Binary data where text was expected. */
    static final int UNACCEPTABLE = 1003;
    /** Too many messages, or a message the protocol does not allow. */
    static final int POLICY_VIOLATION = 1008;
    /** A message larger than the limit. */
    static final int TOO_BIG = 1009;
    /** The feed failed on our side. */
    static final int SERVER_ERROR = 1011;
    /** A close frame's payload is at most 125 bytes: 2 for the code, the rest for the reason. */
    private static final int MAX_REASON_BYTES = 123;

    CloseReason {
        reason = truncated(reason);
    }

    private static String truncated(String reason) {
        String r = reason == null ? "" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
