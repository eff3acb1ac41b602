package dev.trader.engine.logging;

import dev.trader.domain.id.TraceId;
import org.slf4j.MDC;

/**
 * The MDC fields of the log lines written while it is open: {@value #ENTITY_ID}, the persistence
 * id of the entity that logs, and {@value #TRACE_ID}, the decision chain the line belongs to
 * ({@link TraceId}). The JSON log writes MDC fields as fields of the line, so one grep of a trace id
 * shows a signal's whole chain.
 *
 * <p>MDC is per thread, and an actor's message or a future's callback may run on any thread: open a
 * scope around the log call itself ({@link #run}), never around code that hands work on. A null
 * value takes the field off inside the scope (a line never carries another chain's id), and closing
 * puts back what was there, so scopes nest.
 */
public final class LogScope implements AutoCloseable {
    public static final String ENTITY_ID = "entity_id";
    public static final String TRACE_ID = "trace_id";

    private final String entityBefore;
    private final String traceBefore;

    private LogScope(String entityId, String traceId) {
        this.entityBefore = MDC.get(ENTITY_ID);
        this.traceBefore = MDC.get(TRACE_ID);
        set(ENTITY_ID, entityId);
        set(TRACE_ID, traceId);
    }

    /** {@code entityId} and {@code trace} may each be null: not known for this line. */
    public static LogScope open(String entityId, TraceId trace) {
        return new LogScope(entityId, trace == null ? null : trace.value());
    }

    /** Runs {@code logging} (one or more log calls) with the fields set. */
    @SuppressWarnings("try")
    public static void run(String entityId, TraceId trace, Runnable logging) {
        try (LogScope scope = open(entityId, trace)) {
            logging.run();
        }
    }

    /** Runs {@code logging} with the trace set and no entity (a line of the pipeline, which is no entity). */
    public static void run(TraceId trace, Runnable logging) {
        run(null, trace, logging);
    }

    @Override
    public void close() {
        set(ENTITY_ID, entityBefore);
        set(TRACE_ID, traceBefore);
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
