package dev.trader.engine;

import dev.trader.engine.operator.OperatorLogEntity;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.NewsCalendar;
import dev.trader.engine.instrument.InstrumentEntity;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.reconcile.ReconciliationEntity;
import dev.trader.domain.id.InstrumentId;
import dev.trader.risk.intrade.InTradeConfig;
import dev.trader.risk.intrade.InTradePlan;
import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.engine.strategy.StrategyEntity;
import dev.trader.engine.strategy.StrategyEntityId;
import dev.trader.engine.strategy.JournalStrategyRebuilds;
import dev.trader.engine.strategy.StrategyRebuilds;
import dev.trader.engine.strategy.StrategyStateCopier;
import dev.trader.risk.FlatRiskCheck;
import dev.trader.risk.rules.PreTradeRisk;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.japi.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharded entity types (instrument, strategy, account, order, parent order, position,
 * reconciliation), started on this node, and typed references to them. Knows the domain's ports
 * only: the execution client is handed in by the wiring.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final ActorSystem<?> system;
    private final TraderSettings settings;
    private final ClusterSharding sharding;
    private final NewsCalendar news;

    private Engine(ActorSystem<?> system, TraderSettings settings, ClusterSharding sharding, NewsCalendar news) {
        this.news = news;
        this.system = system;
        this.settings = settings;
        this.sharding = sharding;
    }

    /**
     * Events a strategy entity reads back to warm a strategy rebuilt with new parameters: a week of
     * 1m bars, more than the longest look-back of the shipped strategies (the regime filter's 120
     * hourly bars).
     */
    private static final int WARM_UP_EVENTS = 10_080;

    public static Engine start(ActorSystem<?> system, TraderSettings settings, ExecutionClient executionClient) {
        ClusterSharding sharding = ClusterSharding.get(system);
        var tuning = settings.tuning();
        Map<String, StrategyBinding> strategies = new HashMap<>();
        Map<String, StrategyRebuilds> rebuilds = new HashMap<>();
        for (StrategyBinding b : settings.strategies()) {
            strategies.put(b.strategy().id().value(), b);
            rebuilds.put(b.strategy().id().value(), new JournalStrategyRebuilds(system, b, WARM_UP_EVENTS));
        }
        // Instruments and strategies come back on a surviving node as soon as their shard does, not
        // at the next bar (pekko.cluster.sharding.remember-entities-store: the journal). Both sets are
        // bounded by the configuration; open positions and orders are woken by the trading session
        // instead, which would otherwise remember every position and order ever traded.
        ClusterShardingSettings remembered = ClusterShardingSettings.create(system).withRememberEntities(true);
        sharding.init(Entity.of(InstrumentEntity.TYPE_KEY, ctx -> InstrumentEntity.create(ctx.getEntityId(), tuning)).withSettings(remembered));
        StrategyStateCopier copier = StrategyStateCopier.of(system);
        sharding.init(Entity.of(StrategyEntity.TYPE_KEY, ctx -> {
            StrategyEntityId id = StrategyEntityId.parse(ctx.getEntityId());
            StrategyBinding binding = strategies.get(id.strategy().value());
            if (binding == null) {
                throw new IllegalArgumentException("no strategy '" + id.strategy() + "' is configured");
            }
            return StrategyEntity.create(id, binding.strategy(), rebuilds.get(id.strategy().value()), copier, tuning);
        }).withSettings(remembered));
        // One calendar per node: every incarnation of the account entity here reads the same file.
        NewsCalendar news = settings.risk().propFirmModel() ? NewsCalendar.of(settings.risk().calendarFile()) : NewsCalendar.NONE;
        sharding.init(Entity.of(AccountEntity.TYPE_KEY, accountBehavior(settings, news)));
        sharding.init(Entity.of(OrderEntity.TYPE_KEY, ctx -> OrderEntity.create(ctx.getEntityId(), executionClient, tuning)));
        sharding.init(Entity.of(PositionEntity.TYPE_KEY, positionBehavior(settings)));
        sharding.init(Entity.of(ReconciliationEntity.TYPE_KEY, ctx -> ReconciliationEntity.create(ctx.getEntityId(), tuning)));
        sharding.init(Entity.of(ParentOrderEntity.TYPE_KEY, ctx -> ParentOrderEntity.create(ctx.getEntityId(), tuning)));
        sharding.init(Entity.of(OperatorLogEntity.TYPE_KEY, ctx -> OperatorLogEntity.create(ctx.getEntityId(), tuning)));
        return new Engine(system, settings, sharding, news);
    }

    /**
     * Positions, managed by the in-trade manager when {@code trader.risk.in-trade.enabled} under
     * the prop-firm model (the flat model approves no stops, so there is nothing to manage).
     */
    private static Function<EntityContext<PositionEntity.Command>, Behavior<PositionEntity.Command>> positionBehavior(TraderSettings settings) {
        var tuning = settings.tuning();
        if (!settings.inTradeManagement()) {
            return ctx -> PositionEntity.create(ctx.getEntityId(), settings.currency(), tuning);
        }
        InTradeConfig config = settings.risk().propFirm().inTrade();
        Map<InstrumentId, InTradePlan> plans = new HashMap<>();
        settings.instruments().values().forEach(r -> plans.put(r.instrument(), config.planFor(r)));
        LOG.info("in-trade management: {}", config);
        return ctx -> PositionEntity.create(ctx.getEntityId(), settings.currency(), plans::get, tuning);
    }

    /** The account under the configured risk model ({@code trader.risk.model}). */
    private static Function<EntityContext<AccountEntity.Command>, Behavior<AccountEntity.Command>> accountBehavior(TraderSettings settings,
                                                                                                                NewsCalendar news) {
        var tuning = settings.tuning();
        if (!settings.risk().propFirmModel()) {
            LOG.info("account {}: flat risk model: entries of {}", settings.accountId(), settings.riskLimits().entryNotional());
            FlatRiskCheck risk = new FlatRiskCheck(settings.riskLimits());
            return ctx -> AccountEntity.create(ctx.getEntityId(), settings.initialCapital(), risk, settings.instruments(), tuning);
        }
        PreTradeRisk risk = new PreTradeRisk(settings.risk().propFirm(), settings.instruments().values());
        var p = settings.risk().propFirm();
        LOG.info("account {}: prop-firm risk model: daily loss {} and max loss {} ({}) of {}, days from midnight {}, {} of equity at risk per trade, "
                        + "leverage cap {}, on a floor {}", settings.accountId(), p.propFirm().dailyLoss(), p.propFirm().maxLoss(),
                p.propFirm().overallMode(), settings.initialCapital(), p.propFirm().dayZone(), p.sizing().riskFraction(), p.limits().leverageCap(),
                p.propFirm().onFloor());
        return ctx -> AccountEntity.createPropFirm(ctx.getEntityId(), settings.initialCapital(), risk, news, settings.instruments(), tuning);
    }

    /** The news blackout's calendar on this node (empty under the flat risk model, which has no blackout). */
    public NewsCalendar newsCalendar() {
        return news;
    }

    public ActorSystem<?> system() {
        return system;
    }

    public TraderSettings settings() {
        return settings;
    }

    public EntityRef<InstrumentEntity.Command> instrument(InstrumentId id) {
        return sharding.entityRefFor(InstrumentEntity.TYPE_KEY, id.value());
    }

    public EntityRef<StrategyEntity.Command> strategy(StrategyEntityId id) {
        return sharding.entityRefFor(StrategyEntity.TYPE_KEY, id.value());
    }

    public EntityRef<AccountEntity.Command> account() {
        return sharding.entityRefFor(AccountEntity.TYPE_KEY, settings.accountId());
    }

    public EntityRef<OrderEntity.Command> order(ClientOrderId id) {
        return sharding.entityRefFor(OrderEntity.TYPE_KEY, id.value());
    }

    /** The journal of the account's reconciliations with its venue. */
    public EntityRef<ReconciliationEntity.Command> reconciliation() {
        return sharding.entityRefFor(ReconciliationEntity.TYPE_KEY, settings.accountId());
    }

    /** A parent order an execution algorithm cuts into children, by the client order id the account approved it under. */
    public EntityRef<ParentOrderEntity.Command> parentOrder(ClientOrderId id) {
        return sharding.entityRefFor(ParentOrderEntity.TYPE_KEY, id.value());
    }

    /** The journal of the account's operator actions through the admin API. */
    public EntityRef<OperatorLogEntity.Command> operatorLog() {
        return sharding.entityRefFor(OperatorLogEntity.TYPE_KEY, settings.accountId());
    }

    public EntityRef<PositionEntity.Command> position(String positionId) {
        return sharding.entityRefFor(PositionEntity.TYPE_KEY, positionId);
    }
}
