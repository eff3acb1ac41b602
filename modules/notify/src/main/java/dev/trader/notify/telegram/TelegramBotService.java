package dev.trader.notify.telegram;

import com.pengrad.telegrambot.model.Update;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot: one thread long-polls the Bot API for commands and button presses, another
 * reads new approved signals every {@code signal-poll} and sends them. Failures are logged and
 * retried after a pause; nothing here can stop trading.
 */
public final class TelegramBotService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBotService.class);
    private final TelegramSettings settings;
    private final BotClient bot;
    private final CommandRouter router;
    private final SignalFeed feed;
    private final SignalBroadcaster broadcaster;
    private final Thread poller;
    private final Thread signals;
    private volatile boolean running = true;

    public TelegramBotService(TelegramSettings settings, BotToken token, TraderControl trader, Clock clock) {
        this.settings = settings;
        this.bot = new BotClient(settings.apiUrl().toString(), token, settings.pollTimeout(), d -> Thread.sleep(d.toMillis()));
        this.router = new CommandRouter(settings, trader, bot, clock);
        this.feed = new SignalFeed(trader);
        this.broadcaster = new SignalBroadcaster(settings, trader, bot, clock);
        this.poller = new Thread(this::pollCommands, "telegram-commands");
        this.signals = new Thread(this::sendSignals, "telegram-signals");
        poller.setDaemon(true);
        signals.setDaemon(true);
    }

    public TelegramBotService start() {
        poller.start();
        signals.start();
        LOG.info("telegram: bot started ({} chat(s), {} premium and {} general channel(s), messages tagged {})", settings.chats().size(),
                settings.premiumChannels().size(), settings.generalChannels().size(), settings.tag());
        return this;
    }

    private void pollCommands() {
        int offset = 0;
        while (running) {
            try {
                List<Update> updates = bot.updates(offset, settings.pollTimeout());
                for (Update u : updates) {
                    offset = Math.max(offset, u.updateId() + 1);
                    try {
                        router.handle(u);
                    } catch (RuntimeException e) {
                        LOG.warn("telegram: update {} could not be answered: {}", u.updateId(), e.getMessage());
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("telegram: polling failed, trying again in 2 s: {}", e.getMessage());
                    pause(Duration.ofSeconds(2));
                }
            }
        }
    }

    private void sendSignals() {
        while (running) {
            try {
                broadcaster.broadcast(feed.next());
            } catch (RuntimeException e) {
                LOG.warn("telegram: signals could not be read or sent: {}", e.getMessage());
            }
            pause(settings.signalPoll());
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        signals.interrupt();
        try {
            poller.join(5_000);
            signals.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
