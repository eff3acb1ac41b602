package dev.trader.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.trader.api.security.ApiKey;
import dev.trader.engine.Engine;
import dev.trader.engine.operator.OperatorAction;
import dev.trader.engine.operator.OperatorLogEntity;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Every write through the admin API becomes an operator action in the account's
 * {@link OperatorLogEntity} (and so in the audit trail): who, what, and the state before and after
 * as the API shows it. The write's answer goes out only once its record is journaled.
 */
public final class OperatorAudit {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Engine engine;
    private final Duration timeout;
    private final Clock clock;

    public OperatorAudit(Engine engine, Duration timeout, Clock clock) {
        this.engine = engine;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Reads {@code before}, does {@code write}, journals the action with both, and answers with the write's result. */
    <B, T> CompletionStage<T> act(ApiKey caller, String action, String request, Supplier<CompletionStage<B>> before,
                                  Supplier<CompletionStage<T>> write) {
        return before.get().thenCompose(b -> write.get().thenCompose(after -> {
            OperatorAction a = new OperatorAction(0, caller.id(), caller.role().id(), action, request, json(b), json(after), clock.instant());
            return engine.operatorLog().<OperatorAction>ask(r -> new OperatorLogEntity.Record(a, r), timeout).thenApply(x -> after);
        }));
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            return String.valueOf(o);
        }
    }
}
