package dev.trader.engine.alert;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's alerts: which fire now and the latest that cleared. Each evaluation hands in every
 * condition true now; an alert fires when its condition first appears and clears when it is gone,
 * and the notifiers hear of both once.
 */
public final class AlertBook {
    private static final Logger LOG = LoggerFactory.getLogger(AlertBook.class);
    private static final int RESOLVED_KEPT = 100;

    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final Deque<Alert> resolved = new ArrayDeque<>();
    private final List<AlertNotifier> notifiers = new CopyOnWriteArrayList<>();
    private long firedTotal;

    public AlertBook notifying(AlertNotifier notifier) {
        notifiers.add(notifier);
        return this;
    }

    /** Applies one evaluation: {@code now} holding exactly {@code conditions}. */
    public void update(List<AlertCondition> conditions, Instant now) {
        List<Alert> fired = new ArrayList<>();
        List<Alert> cleared = new ArrayList<>();
        synchronized (this) {
            Map<String, AlertCondition> current = new LinkedHashMap<>();
            conditions.forEach(c -> current.putIfAbsent(c.key(), c));
            for (var it = active.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Alert> e = it.next();
                AlertCondition still = current.remove(e.getKey());
                if (still == null) {
                    Alert done = e.getValue().resolved(now);
                    it.remove();
                    resolved.addFirst(done);
                    cleared.add(done);
                } else {
                    e.setValue(e.getValue().withMessage(still.message()));
                }
            }
            for (AlertCondition c : current.values()) {
                Alert a = new Alert(c.kind(), c.subject(), c.message(), now, null);
                active.put(c.key(), a);
                fired.add(a);
                firedTotal++;
            }
            while (resolved.size() > RESOLVED_KEPT) {
                resolved.removeLast();
            }
        }
        fired.forEach(a -> notifiers.forEach(n -> tell(() -> n.fired(a), n)));
        cleared.forEach(a -> notifiers.forEach(n -> tell(() -> n.resolved(a), n)));
    }

    /** A notifier that fails must not keep the others (or the next evaluation) from hearing. */
    private static void tell(Runnable r, AlertNotifier n) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("alert notifier {} failed: {}", n.getClass().getSimpleName(), e.toString());
        }
    }

    public synchronized List<Alert> active() {
        return List.copyOf(active.values());
    }

    /** The latest cleared alerts, newest first. */
    public synchronized List<Alert> resolved() {
        return List.copyOf(resolved);
    }

    public synchronized long firedTotal() {
        return firedTotal;
    }
}
