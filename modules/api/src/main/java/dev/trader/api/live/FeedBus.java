package dev.trader.api.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The node's fan-out: each update gets its sequence number, is rendered once, and the same frame is
 * offered to the mailbox of every subscribed client allowed to see it. Subscribing returns the seq
 * of the last frame published, under the same lock as publishing: the subscriber's mailbox gets
 * exactly the frames after it, and the journal has everything up to it, which is what makes a
 * replay join the live stream with no gap and no duplicate. (Pekko's BroadcastHub registers a
 * consumer asynchronously, so it cannot say where a new consumer starts; and it is backpressured
 * by its slowest consumer, which the mailboxes make moot.)
 *
 * <p>A journal message's seq is its event's journal ordering; an alert, which the journal does not
 * hold, takes the seq of the last journal message before it. The latest frame of each bar and of
 * the risk view is kept for clients that start from now.
 */
final class FeedBus {
    private static final Set<String> KEPT = Set.of("bar", "risk");

    /** A subscribed client: its mailbox and what it may see. */
    record Subscriber(ConflatingMailbox mailbox, FeedScope scope) {
    }

    private final FeedRenderer renderer;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Map<String, FeedFrame> latest = new TreeMap<>();
    private long head;

    FeedBus(FeedRenderer renderer, long head) {
        this.renderer = renderer;
        this.head = head;
    }

    /** Publishes updates in order; {@code upTo} is the journal ordering the batch they came from reached. */
    synchronized void publish(List<FeedUpdate> updates, long upTo) {
        for (FeedUpdate u : updates) {
            long seq = u.journalOrdering() > 0 ? u.journalOrdering() : head;
            head = Math.max(head, seq);
            if (subscribers.isEmpty() && !KEPT.contains(u.type())) {
                continue; // nobody to send it to, and nobody who subscribes later gets it from here
            }
            FeedFrame frame = renderer.frame(u, seq);
            if (KEPT.contains(u.type())) {
                latest.put(u.key(), frame);
            }
            for (Subscriber s : subscribers) {
                if (s.scope().allows(frame.strategy())) {
                    s.mailbox().hold(frame);
                }
            }
        }
        head = Math.max(head, upTo);
        // One wake per client per batch: each wake is a message to the client's stream.
        for (Subscriber s : subscribers) {
            s.mailbox().wake();
        }
    }

    /** Adds a subscriber; the answer is the seq after which its mailbox gets every frame. */
    synchronized long subscribe(Subscriber s) {
        subscribers.add(s);
        return head;
    }

    synchronized void unsubscribe(Subscriber s) {
        subscribers.remove(s);
    }

    synchronized long head() {
        return head;
    }

    /** The latest bar of each instrument and the latest risk view, in seq order. */
    synchronized List<FeedFrame> latest(FeedScope scope) {
        return latest.values().stream().filter(f -> scope.allows(f.strategy())).sorted(Comparator.comparingLong(FeedFrame::seq)).toList();
    }

    synchronized int subscribers() {
        return subscribers.size();
    }

    /** The most messages waiting for any one subscriber now. */
    synchronized int largestBacklog() {
        return subscribers.stream().mapToInt(s -> s.mailbox().size()).max().orElse(0);
    }
}
