package dev.trader.marketdata.source;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.port.MarketDataFeed;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.Rejection;
import dev.trader.marketdata.file.FileFormat;
import dev.trader.marketdata.file.MarketFileName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.AsPublisher;
import org.apache.pekko.stream.javadsl.JavaFlowSupport;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MarketDataFeed} over one candle file: publishes the valid bars only. Rejected rows
 * are logged at WARN with file, line, reason and detail; gaps at INFO; the
 * {@link IngestReport} at INFO when the file is done (or ERROR when it could not be read).
 *
 * <p>Each subscription to {@link #bars()} reads the file from the start. A file that cannot be
 * read is signalled to the subscriber as {@code onError}.
 */
public final class FileMarketDataFeed implements MarketDataFeed {
    private static final Logger LOG = LoggerFactory.getLogger(FileMarketDataFeed.class);

    private final Path file;
    private final InstrumentId instrument;
    private final Timeframe timeframe;
    private final FileFormat format;
    private final Materializer materializer;

    /**
     * A feed detecting the file format from its content.
     *
     * @param materializer runs the streams; {@code Materializer.matFromSystem(system)} for an
     *                     actor system
     */
    public FileMarketDataFeed(Path file, InstrumentId instrument, Timeframe timeframe, Materializer materializer) {
        this(file, instrument, timeframe, null, materializer);
    }

    /** A feed reading the file as {@code format}, or detecting it when {@code format} is null. */
    public FileMarketDataFeed(Path file, InstrumentId instrument, Timeframe timeframe, FileFormat format, Materializer materializer) {
        this.file = Objects.requireNonNull(file, "file");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.format = format;
        this.materializer = Objects.requireNonNull(materializer, "materializer");
    }

    /**
     * A feed whose instrument and timeframe come from the file name.
     *
     * @throws IllegalArgumentException when the name follows no known convention
     */
    public static FileMarketDataFeed fromFileName(Path file, Materializer materializer) {
        MarketFileName name = MarketFileName.of(file);
        return new FileMarketDataFeed(file, name.instrument(), name.timeframe(), materializer);
    }

    @Override
    public String describe() {
        return "file " + file + " (" + instrument + " " + timeframe.label() + ")";
    }

    /** A cold publisher: the file is opened when a subscriber subscribes, once per subscriber. */
    @Override
    public Flow.Publisher<Bar> bars() {
        return subscriber -> bars(subscriber);
    }

    private void bars(Flow.Subscriber<? super Bar> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
        // Materialized per subscriber, so one publisher without fan-out is exactly enough.
        Flow.Publisher<Bar> run = items().mapConcat(this::barOnly)
                .runWith(JavaFlowSupport.Sink.asPublisher(AsPublisher.WITHOUT_FANOUT), materializer);
        run.subscribe(subscriber);
    }

    private Source<FeedItem, NotUsed> items() {
        Source<FeedItem, CompletionStage<IngestReport>> items = format == null
                ? BarFileSource.of(file, instrument, timeframe)
                : BarFileSource.of(file, instrument, timeframe, format);
        return items.mapMaterializedValue(report -> {
            report.whenComplete(this::logOutcome);
            return NotUsed.getInstance();
        });
    }

    private List<Bar> barOnly(FeedItem item) {
        if (item instanceof BarItem bar) {
            return List.of(bar.bar());
        }
        if (item instanceof Rejection r) {
            LOG.warn("{} line {}: rejected, {}: {} [{}]", r.source(), r.line(), r.reason(), r.detail(), r.raw());
        } else if (item instanceof Gap gap) {
            LOG.info("{}: {} bars missing for {} from {} to {}", file.getFileName(), gap.missingBars(), gap.instrument(), gap.from(), gap.to());
        }
        return List.of();
    }

    private void logOutcome(IngestReport report, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.error("{}: feed failed: {}", describe(), cause.getMessage());
        } else {
            LOG.info("{}: {} rows, {} bars, {} rejected {}, {} gaps ({} bars missing)", describe(), report.rowsRead(),
                    report.barsAccepted(), report.rejected(), report.rejectionsByReason(), report.gaps(), report.missingBars());
        }
    }
}
