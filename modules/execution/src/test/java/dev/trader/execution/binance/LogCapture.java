package dev.trader.execution.binance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures every log event of the adapter (all levels) while open. */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        this("dev.trader.execution.binance");
    }

    /** Every event of {@code loggerName} and below ({@code ROOT}: of everything). */
    LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        previous = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
    }

    List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Every message, formatted, with its stack trace if it has one. */
    String text() {
        return events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).collect(Collectors.joining("\n"));
    }

    boolean has(Level level, String fragment) {
        return events().stream().anyMatch(e -> e.getLevel() == level && e.getFormattedMessage().contains(fragment));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
