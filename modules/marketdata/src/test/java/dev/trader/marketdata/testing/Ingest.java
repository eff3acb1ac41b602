package dev.trader.marketdata.testing;

import dev.trader.domain.market.Bar;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.Rejection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/** Everything one run of a source produced. */
public record Ingest(List<FeedItem> items, IngestReport report) {

    /** Runs {@code source} to completion; a failed stream throws the failure (wrapped). */
    public static Ingest run(Source<FeedItem, CompletionStage<IngestReport>> source, Materializer materializer) {
        Pair<CompletionStage<IngestReport>, CompletionStage<List<FeedItem>>> done =
                source.toMat(Sink.seq(), Keep.both()).run(materializer);
        try {
            List<FeedItem> items = done.second().toCompletableFuture().get(60, TimeUnit.SECONDS);
            return new Ingest(items, done.first().toCompletableFuture().get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Bar> bars() {
        return items.stream().filter(BarItem.class::isInstance).map(i -> ((BarItem) i).bar()).toList();
    }

    public List<BarItem> barItems() {
        return items.stream().filter(BarItem.class::isInstance).map(BarItem.class::cast).toList();
    }

    public List<Rejection> rejections() {
        return items.stream().filter(Rejection.class::isInstance).map(Rejection.class::cast).toList();
    }

    public List<Gap> gaps() {
        return items.stream().filter(Gap.class::isInstance).map(Gap.class::cast).toList();
    }
}
