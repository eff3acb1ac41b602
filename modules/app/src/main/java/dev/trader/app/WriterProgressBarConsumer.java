package dev.trader.app;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws a progress bar on a command's stderr writer (the one picocli and the tests hold), each
 * refresh over the last with a carriage return, and ends its line when the bar closes.
 */
final class WriterProgressBarConsumer implements ProgressBarConsumer {
    private final PrintWriter err;

    WriterProgressBarConsumer(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int getMaxRenderedLength() {
        return 100;
    }

    @Override
    public void accept(String rendered) {
        err.print('\r');
        err.print(rendered);
        err.flush();
    }

    @Override
    public void close() {
        err.println();
        err.flush();
    }
}
