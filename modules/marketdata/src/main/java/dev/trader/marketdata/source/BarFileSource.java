package dev.trader.marketdata.source;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.file.FileFormat;
import dev.trader.marketdata.file.MarketDataFileException;
import dev.trader.marketdata.file.MarketFileName;
import dev.trader.marketdata.file.MarketFileReader;
import dev.trader.marketdata.file.RawRow;
import dev.trader.marketdata.file.RowReader;
import dev.trader.marketdata.validation.BarValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.japi.function.Creator;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Streams the validated content of one candle file: every data row becomes a
 * {@link dev.trader.marketdata.BarItem} or a {@link dev.trader.marketdata.Rejection}, with a
 * {@link dev.trader.marketdata.Gap} before a bar that follows missing bars.
 *
 * <p>The file is opened when the source is run, not when it is built, and again on every run.
 * It is read through a fixed-size buffer on Pekko's blocking-I/O dispatcher, so file size
 * does not matter. The materialized {@link IngestReport} completes when the stream does; a
 * file that cannot be read (missing, unknown format, corrupt gzip or JSON) fails both the
 * stream and the report with a {@link MarketDataFileException} naming the file.
 */
public final class BarFileSource {

    private BarFileSource() {
    }

    /** Reads {@code file}, detecting its format from the content. */
    public static Source<FeedItem, CompletionStage<IngestReport>> of(Path file, InstrumentId instrument, Timeframe timeframe) {
        Objects.requireNonNull(file, "file");
        return create(file, instrument, timeframe, () -> MarketFileReader.open(file));
    }

    /** Reads {@code file} as {@code format}, skipping detection. */
    public static Source<FeedItem, CompletionStage<IngestReport>> of(Path file, InstrumentId instrument, Timeframe timeframe,
                                                                     FileFormat format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        return create(file, instrument, timeframe, () -> MarketFileReader.open(file, format));
    }

    /**
     * Reads {@code file}, taking instrument and timeframe from its name (see
     * {@link MarketFileName}) and the format from its content.
     *
     * @throws IllegalArgumentException at once when the name follows no known convention
     */
    public static Source<FeedItem, CompletionStage<IngestReport>> of(Path file) {
        MarketFileName name = MarketFileName.of(file);
        return of(file, name.instrument(), name.timeframe());
    }

    private static Source<FeedItem, CompletionStage<IngestReport>> create(Path file, InstrumentId instrument, Timeframe timeframe,
                                                                          Creator<RowReader> opener) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        String source = String.valueOf(file.getFileName());
        // fromMaterializer gives every run its own validator, so a source can be run twice.
        return Source.fromMaterializer((materializer, attributes) -> run(file, opener, new BarValidator(source, instrument, timeframe)))
                .mapMaterializedValue(report -> report.thenCompose(Function.identity()));
    }

    private static Source<FeedItem, CompletionStage<IngestReport>> run(Path file, Creator<RowReader> opener, BarValidator validator) {
        return Source.unfoldResource(() -> new DeferredReader(file, opener), DeferredReader::next, DeferredReader::close)
                // The failure reaches the stream and the report, which name the file: Pekko's own
                // stage-error log would only repeat it with an actor stack trace.
                .addAttributes(Attributes.createLogLevels(Attributes.logLevelOff(), Attributes.logLevelOff(), Attributes.logLevelOff()))
                // Reading blocks (disk, gunzip): keep it on the I/O dispatcher, behind its own boundary.
                .async(ActorAttributes.IODispatcher().dispatcher())
                .mapConcat(validator::check)
                // Read only after the stream ended, from the stage that last touched the validator.
                .watchTermination((notUsed, done) -> done.thenApply(finished -> validator.report()));
    }

    /**
     * Opens the file on the first pull rather than in unfoldResource's create step: a failure
     * there is logged by Pekko as an actor error with a stack trace whatever the stage's log
     * levels, while a failure on pull simply fails the stream like any other read error.
     */
    private static final class DeferredReader {
        private final Path file;
        private final Creator<RowReader> opener;
        private RowReader reader;

        DeferredReader(Path file, Creator<RowReader> opener) {
            this.file = file;
            this.opener = opener;
        }

        Optional<RawRow> next() throws Exception {
            if (reader == null) {
                reader = opener.create();
            }
            try {
                return reader.next();
            } catch (IOException e) {
                throw MarketDataFileException.after(file, reader.position(), e);
            }
        }

        void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
