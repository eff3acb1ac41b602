package dev.trader.app;

import dev.trader.domain.market.Bar;
import dev.trader.domain.port.MarketDataFeed;
import dev.trader.engine.pipeline.BarOutcome;
import dev.trader.engine.pipeline.BarPipeline;
import java.util.concurrent.CompletionStage;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.pattern.AskTimeoutException;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.JavaFlowSupport;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the bars of a live feed (an exchange's stream) into the engine, in the order the feed
 * gives them, as fast as the pipeline persists them: the feed is back-pressured, never dropped.
 * A live venue's fills arrive on their own (the user-data stream), so the pipeline runs with no
 * simulated venue.
 */
public final class LiveFeedRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeedRunner.class);
    /** Bars in flight at once: the pipeline itself keeps the account's work in feed order. */
    private static final int IN_FLIGHT = 8;

    private final BarTally tally = new BarTally();
    private final String source;
    private final UniqueKillSwitch killSwitch;
    private final CompletionStage<Done> done;
    private final ActorSystem<?> system;

    private LiveFeedRunner(MarketDataFeed feed, BarPipeline pipeline, ActorSystem<?> system) {
        this.source = feed.describe();
        this.system = system;
        Pair<UniqueKillSwitch, CompletionStage<Done>> running = JavaFlowSupport.Source.fromPublisher(feed.bars())
                .viaMat(KillSwitches.single(), Keep.right())
                .mapAsync(IN_FLIGHT, bar -> pipeline.process(bar).thenApply(this::count).exceptionally(e -> failed(bar, e)))
                .toMat(Sink.ignore(), Keep.both())
                .run(system);
        this.killSwitch = running.first();
        this.done = running.second();
        // A SIGTERM starts Pekko's shutdown, which takes sharding down: the feed stops taking bars
        // first and the bars in flight finish, instead of failing against terminated regions.
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeServiceUnbind(), "stop-market-data", () -> {
            killSwitch.shutdown();
            return done.exceptionally(e -> Done.getInstance());
        });
        done.whenComplete((d, e) -> {
            if (e != null) {
                LOG.error("live feed {} stopped: {}", feed.describe(), e.toString());
            } else {
                LOG.info("live feed {} ended after {} bars", feed.describe(), tally.bars());
            }
        });
    }

    public static LiveFeedRunner start(MarketDataFeed feed, BarPipeline pipeline, ActorSystem<?> system) {
        LOG.info("trading from live feed {}", feed.describe());
        return new LiveFeedRunner(feed, pipeline, system);
    }

    /**
     * A bar whose path failed even after the pipeline asked again for two minutes
     * (RetryingRef.BAR_PATH_WITHIN: a failover is over well within that) is logged and counted, and
     * the feed goes on: stopping would leave the node deaf to the market, with positions open.
     * What the bar did persist stays; the next bar's account part runs after it as always.
     */
    private Done failed(Bar bar, Throwable e) {
        if (leaving(e)) {
            // A node leaving (SIGTERM, or downed by the cluster) stops its shard regions under the bars in flight:
            // not a failure of the bar. The session continues from the instruments' last bars where it runs next.
            LOG.info("bar {} {} not taken in: this node is shutting down; the trading session resumes from the engine's last bars",
                    bar.instrument(), bar.openTime());
            return Done.getInstance();
        }
        tally.failed();
        LOG.error("bar {} {} failed in the pipeline; the feed goes on: {}", bar.instrument(), bar.openTime(), e.toString());
        return Done.getInstance();
    }

    /**
     * Whether this node is on its way out: its shutdown has begun, or the cluster no longer counts
     * it up (downed after a long pause: its shard regions may stop before the shutdown's reason is
     * set, which a CI chaos run caught), or the bar failed because this node's own shard region had
     * already terminated, which only a node that is going does.
     */
    private boolean leaving(Throwable e) {
        if (CoordinatedShutdown.get(system).getShutdownReason().isPresent()) {
            return true;
        }
        MemberStatus self = Cluster.get(system).selfMember().status();
        if (self == MemberStatus.down() || self == MemberStatus.leaving() || self == MemberStatus.exiting() || self == MemberStatus.removed()) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof AskTimeoutException && m.contains("Recipient shard region") && m.contains("had already been terminated")) {
                return true;
            }
        }
        return false;
    }

    private Done count(BarOutcome outcome) {
        tally.add(outcome);
        return Done.getInstance();
    }

    public String describe() {
        return source;
    }

    /** Bars handed through the pipeline, failed ones included. */
    public long barsProcessed() {
        return tally.bars();
    }

    /** Bars whose path failed (each logged). */
    public long barsFailed() {
        return tally.failedBars();
    }

    public ReplayReport report() {
        return tally.report(List.of());
    }

    /** Stops taking bars; the bar in flight completes. */
    public void stop() {
        killSwitch.shutdown();
    }
}
