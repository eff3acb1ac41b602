package dev.trader.api.live;

import dev.trader.engine.live.LiveTag;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByTagQuery;
import org.apache.pekko.stream.javadsl.Source;

/**
 * What a client missed, read back from the journal: the messages of the events after {@code after}
 * up to {@code upTo}, made exactly as the live feed makes them. Backpressured by the client's socket
 * (it is that client's alone), so a long replay costs a database cursor, not memory.
 */
final class FeedReplay {
    private static final int BATCH = 256;
    private final CurrentEventsByTagQuery journal;
    private final JournalUpdates updates;
    private final FeedRenderer renderer;

    FeedReplay(CurrentEventsByTagQuery journal, JournalUpdates updates, FeedRenderer renderer) {
        this.journal = journal;
        this.updates = updates;
        this.renderer = renderer;
    }

    Source<FeedFrame, NotUsed> between(long after, long upTo, FeedScope scope) {
        if (after >= upTo) {
            return Source.empty();
        }
        return journal.currentEventsByTag(LiveTag.TAG, Offset.sequence(after))
                .takeWhile(env -> ((Sequence) env.offset()).value() <= upTo)
                .grouped(BATCH)
                .mapAsync(1, updates::of)
                .mapConcat(JournalUpdates.Batch::updates)
                .filter(u -> scope.allows(u.strategy()))
                .map(u -> renderer.frame(u, u.journalOrdering()))
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }
}
