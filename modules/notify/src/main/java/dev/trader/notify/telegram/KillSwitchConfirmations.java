package dev.trader.notify.telegram;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kill-switch change asked for and not yet confirmed. The confirm button carries a random
 * nonce: only a press in the same admin chat within {@link #TTL} carries it out, once; an old
 * or forged button does nothing.
 */
final class KillSwitchConfirmations {
    static final Duration TTL = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Pending(long chatId, boolean on, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    KillSwitchConfirmations(Clock clock) {
        this.clock = clock;
    }

    String ask(long chatId, boolean on) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String nonce = HexFormat.of().formatHex(b);
        pending.values().removeIf(p -> p.expires().isBefore(clock.instant()));
        pending.put(nonce, new Pending(chatId, on, clock.instant().plus(TTL)));
        return nonce;
    }

    /** The change the nonce stands for, if it is pending for this chat and not expired; it is consumed either way. */
    java.util.Optional<Pending> take(String nonce, long chatId) {
        Pending p = pending.remove(nonce);
        if (p == null || p.chatId() != chatId || p.expires().isBefore(clock.instant())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(p);
    }
}
