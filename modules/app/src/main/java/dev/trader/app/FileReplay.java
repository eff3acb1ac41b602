package dev.trader.app;

import dev.trader.domain.id.InstrumentId;
import dev.trader.engine.Engine;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.pipeline.BarOutcome;
import dev.trader.engine.pipeline.BarPipeline;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.MarketFileName;
import dev.trader.marketdata.source.BarFileSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays candle files through the engine as fast as it persists: the files are merged in
 * event-time order and fed bar by bar, each instrument's bars one after the other (the
 * {@link BarPipeline} keeps the account's work in feed order), so a replay always decides the
 * same. Rejected
 * rows are recorded on their instrument (with file and line, so a second replay counts them
 * once); gaps are logged.
 */
public final class FileReplay {
    private static final Logger LOG = LoggerFactory.getLogger(FileReplay.class);

    /** Bars in flight at once (of different instruments, in practice). */
    private static final int PARALLEL_INSTRUMENTS = 8;
    private final Engine engine;
    private final BarPipeline pipeline;

    public FileReplay(Engine engine, BarPipeline pipeline) {
        this.engine = engine;
        this.pipeline = pipeline;
    }

    /** An item with the event time it sorts by: rejected rows and gaps take the time of the last bar before them. */
    private record Timed(Instant time, FeedItem item, InstrumentId instrument) {
    }

    public CompletionStage<ReplayReport> replay(List<Path> files) {
        List<CompletableFuture<IngestReport>> reports = new ArrayList<>();
        Source<Timed, ?> merged = null;
        for (Path file : files) {
            InstrumentId instrument = MarketFileName.of(file).instrument();
            if (!engine.settings().instruments().containsKey(instrument.value())) {
                throw new IllegalArgumentException("file " + file + " holds " + instrument + ", which is not in trader.instruments");
            }
            Source<Timed, ?> timed = BarFileSource.of(file)
                    .mapMaterializedValue(r -> {
                        reports.add(r.toCompletableFuture());
                        return r;
                    })
                    .statefulMap(() -> Instant.EPOCH, (last, item) -> {
                        Instant t = item instanceof BarItem b ? b.bar().openTime() : last;
                        return Pair.create(t, new Timed(t, item, instrument));
                    }, last -> java.util.Optional.empty());
            merged = merged == null ? timed : merged.mergeSorted(timed, Comparator.comparing(Timed::time));
        }
        if (merged == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no market-data files to replay"));
        }
        BarTally tally = new BarTally();
        CompletionStage<Done> done = merged
                // mapAsync hands bars to the pipeline in feed order (mapAsyncPartitioned would not,
                // across instruments); the pipeline runs one bar at a time per instrument, instruments
                // side by side, and everything that touches the account in feed order.
                .mapAsync(PARALLEL_INSTRUMENTS, t -> handle(t).thenApply(outcome -> {
                    if (outcome != null) {
                        tally.add(outcome);
                    }
                    return Done.getInstance();
                }))
                .runWith(Sink.ignore(), engine.system());
        return done.thenCompose(d -> CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                .thenApply(v -> tally.report(reports.stream().map(CompletableFuture::join).toList())));
    }

    private CompletionStage<BarOutcome> handle(Timed t) {
        if (t.item() instanceof BarItem b) {
            return pipeline.process(b.bar());
        }
        if (t.item() instanceof Rejection r) {
            LOG.warn("rejected {} line {}: {} ({})", r.source(), r.line(), r.reason(), r.detail());
            return engine.instrument(t.instrument())
                    .<InstrumentEntity.RejectionRecorded>ask(reply -> new InstrumentEntity.RecordRejection(
                            r.source(), r.line(), r.reason(), r.detail(), reply), engine.settings().askTimeout())
                    .thenApply(x -> null);
        }
        Gap g = (Gap) t.item();
        LOG.info("gap in {}: {} bar(s) missing from {} to {}", g.instrument(), g.missingBars(), g.from(), g.to());
        return CompletableFuture.completedFuture(null);
    }
}
