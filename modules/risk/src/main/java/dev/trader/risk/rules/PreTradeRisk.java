package dev.trader.risk.rules;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderIntent;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.Halt;
import dev.trader.risk.account.OpenPosition;
import dev.trader.risk.account.PendingEntry;
import dev.trader.risk.account.RiskEvent;
import dev.trader.risk.governor.GovernorInputs;
import dev.trader.risk.governor.GovernorOutput;
import dev.trader.risk.governor.MentalGovernor;
import dev.trader.risk.limits.Correlations;
import dev.trader.risk.limits.InstrumentCurrencies;
import dev.trader.risk.limits.LimitsConfig;
import dev.trader.risk.news.EconomicCalendar;
import dev.trader.risk.news.EconomicEvent;
import dev.trader.risk.propfirm.ChallengeProgress;
import dev.trader.risk.propfirm.FloorAction;
import dev.trader.risk.propfirm.Floors;
import dev.trader.risk.propfirm.PropFirmConfig;
import dev.trader.risk.propfirm.TradingDays;
import dev.trader.risk.sizing.PositionSizer;
import dev.trader.risk.sizing.SizingConfig;
import dev.trader.risk.sizing.StopPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pre-trade risk: pure functions of an {@link AccountRisk}, a request and the market inputs
 * (correlations, the economic calendar) to a decision plus the events to persist. No clock,
 * no threads, no I/O: time is the intent's decision time (the bar's time).
 *
 * <h2>Entry rules, in order (the first rejection wins)</h2>
 * <ol>
 *   <li>the trading day is rolled to the decision time (Prague midnight; an event, not a rule);</li>
 *   <li>{@code kill_switch}: global, then the strategy's; the blocked attempt is counted;</li>
 *   <li>{@code unknown_instrument}, {@code unsupported_currency} (quote not at par with the account currency);</li>
 *   <li>{@code halted}: a floor was reached earlier (until the next day, or until cleared);</li>
 *   <li>{@code prop_overall_floor}, {@code prop_daily_floor}: equity is at or below a floor now (halts, and flattens if configured);</li>
 *   <li>{@code drawdown_lock}: the daily drawdown lock is active, or engages now;</li>
 *   <li>{@code governor.*}: the mental governor's multiplier is 0 (cool-down);</li>
 *   <li>{@code rate_limit_signals}, {@code rate_limit_orders}: the tier's hourly windows are full;</li>
 *   <li>{@code news_blackout}: a high-impact event for the instrument's currencies is within the window;</li>
 *   <li>{@code opposite_position}: the account holds or has reserved the other side of the instrument;</li>
 *   <li>{@code invalid_stop}: no valid stop (ATR or structure);</li>
 *   <li>sizing: equity × risk fraction (regime × session × governor × loss cluster, clamped to 5%) over the
 *       loss per unit at the stop (gap reserve and both fees included), down to the lot; then clamped by
 *       {@code max_open_exposures} (reject), {@code max_position_per_symbol}, {@code correlation_cap},
 *       {@code max_gross_exposure}, {@code max_net_exposure}, {@code currency_exposure}, {@code leverage_cap}
 *       and {@code margin}; if the result fails the venue's lot, tick, minimum quantity or notional the binding
 *       clamp is the rule ({@code venue_filters} when risk sizing itself binds);</li>
 *   <li>{@code prop_daily_floor_at_stop}, {@code prop_overall_floor_at_stop}: if every open position, reserved
 *       entry and this one stopped out (at stop × (1 ∓ gap reserve), with fees), equity would be below a floor
 *       as it is now or as it would be after a day roll;</li>
 *   <li>approved: quantity, stop, targets at the R multiples; the entry is reserved until it fills or closes.</li>
 * </ol>
 * Every entry decided counts as a signal for the rate limit; every approved one as an order.
 * Exits ({@link #evaluateExit}) pass every rule but the kill switch.
 *
 * <h2>The floor guarantee and its bound</h2>
 * Each approval keeps {@code W = balance − Σ max(0, loss at each stop, with fees)} at or above every
 * floor and the floors a day roll would set ({@code balance − daily allowance}, and the trailing
 * floor with today's balance as an end-of-day candidate). Between approvals W never falls: a
 * position closed at or better than its worst exit raises it or leaves it, and marks do not move
 * it; and equity stays at or above W while every open position is on the right side of its stop.
 * Because W ≥ balance − daily allowance, the floor set at the next Prague midnight is covered too. So equity stays at or above the floors as long as stops fill no worse
 * than {@code stop × (1 ∓ gapReserve)}. A gap of {@code g > gapReserve} through a stop can breach a
 * floor by at most {@code (g − gapReserve) × stop × quantity × (1 + feeRate)} for that position.
 * Widening a stop after entry (a {@code StopMoved} away from the price) is outside the guarantee.
 */
public final class PreTradeRisk {
    /** Ledger rounding allowance per component of the worst case: fee and P&L are rounded half-even to 8 decimals. */
    private static final BigDecimal LEDGER_ROUNDING = new BigDecimal("0.00000003");
    /** Average prices are kept at 10 decimals: an allowance per unit of quantity. */
    private static final BigDecimal AVERAGE_ROUNDING = new BigDecimal("0.0000000001");

    private final RiskConfig config;
    private final Map<InstrumentId, InstrumentRules> instruments;
    private final PositionSizer sizer;
    private final MentalGovernor governor;
    private final TradingDays days;
    private final InstrumentCurrencies currencies;

    public PreTradeRisk(RiskConfig config, Collection<InstrumentRules> instruments) {
        config.inTrade().validateFor(List.copyOf(instruments));
        this.config = Objects.requireNonNull(config, "config");
        Map<InstrumentId, InstrumentRules> m = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        for (InstrumentRules r : instruments) {
            m.put(r.instrument(), r);
        }
        this.instruments = m;
        this.sizer = new PositionSizer(config.sizing());
        this.governor = new MentalGovernor(config.governor());
        this.days = new TradingDays(config.propFirm().dayZone());
        this.currencies = new InstrumentCurrencies(config.parCurrencies(), config.news().currencyOverrides());
    }

    public RiskConfig config() {
        return config;
    }

    public TradingDays tradingDays() {
        return days;
    }

    public InstrumentCurrencies currencies() {
        return currencies;
    }

    /** A fresh account whose trading day is the one {@code time} falls on. */
    public AccountRisk start(Instant time) {
        return AccountRisk.start(config.initialCapital(), days.dayOf(time));
    }

    /** The strategy's rate-limit tier. */
    public String tierOf(StrategyId strategy) {
        return config.rateLimits().tierOf(strategy);
    }

    // ------------------------------------------------------------------ time and guards

    /** The day roll {@code time} implies: one {@code DayRolled} (at the new day's midnight) if it is on a later trading day. */
    public List<RiskEvent> roll(AccountRisk state, Instant time) {
        LocalDate day = days.dayOf(time);
        if (day.isAfter(state.tradingDay())) {
            return List.of(new RiskEvent.DayRolled(days.startOf(day), day));
        }
        return List.of();
    }

    /**
     * What the engine calls after marking positions (each bar close): rolls the day, halts (and
     * requests a flatten, if configured) when equity reaches a floor, and engages the daily
     * drawdown lock. Returns the events to persist and apply.
     */
    public List<RiskEvent> observe(AccountRisk state, Instant time) {
        List<RiskEvent> out = new ArrayList<>(roll(state, time));
        AccountRisk s = state.applyAll(out);
        Map<String, String> inputs = accountInputs(s);
        List<RiskEvent> halt = floorEvents(s, time, inputs);
        out.addAll(halt);
        s = s.applyAll(halt);
        lockToEngage(s, time, inputs).ifPresent(out::add);
        return out;
    }

    /** The floors now. */
    public Floors floors(AccountRisk s) {
        return Floors.of(config.propFirm(), s.initialCapital(), s.dayStartBalance(), s.highestEodBalance(), s.balance());
    }

    /** The governor's verdict for the account at {@code time}. */
    public GovernorOutput governor(AccountRisk s, Instant time) {
        return governor.assess(GovernorInputs.of(s, config.governor().windowTrades()), time);
    }

    /** Profit against the target and trading days against the minimum. */
    public ChallengeProgress progress(AccountRisk s) {
        PropFirmConfig p = config.propFirm();
        Money profit = s.balance().minus(s.initialCapital());
        Money target = s.initialCapital().times(p.profitTarget());
        boolean reached = profit.compareTo(target) >= 0;
        return new ChallengeProgress(profit, target, reached, s.tradingDays(), p.minTradingDays(),
                reached && s.tradingDays() >= p.minTradingDays() && s.halt().isEmpty());
    }

    /** Whether a lock or halt stops new entries at {@code time} (kill switches aside): for callers and tests. */
    public Optional<String> activeLock(AccountRisk s, Instant time) {
        if (s.halt().isPresent()) {
            return Optional.of("halted:" + s.halt().get().rule());
        }
        if (s.drawdownLocked(time)) {
            return Optional.of("drawdown_lock");
        }
        GovernorOutput g = governor(s, time);
        if (g.blocks()) {
            return Optional.of(g.rule());
        }
        return Optional.empty();
    }

    private List<RiskEvent> floorEvents(AccountRisk s, Instant time, Map<String, String> inputs) {
        PropFirmConfig p = config.propFirm();
        if (!p.enabled()) {
            return List.of();
        }
        Floors f = floors(s);
        Money equity = s.equity();
        String rule = null;
        boolean untilNextDay = false;
        if (equity.compareTo(f.overall()) <= 0) {
            rule = "prop_overall_floor";
        } else if (equity.compareTo(f.daily()) <= 0) {
            rule = "prop_daily_floor";
            untilNextDay = true;
        }
        if (rule == null) {
            return List.of();
        }
        Optional<Halt> halt = s.halt();
        if (halt.isPresent() && (!halt.get().untilNextDay() || untilNextDay)) {
            return List.of();
        }
        Map<String, String> in = new LinkedHashMap<>(inputs);
        in.putAll(f.describe());
        List<RiskEvent> out = new ArrayList<>();
        out.add(new RiskEvent.Halted(time, rule, untilNextDay, in));
        if (p.onFloor() == FloorAction.HALT_AND_FLATTEN) {
            out.add(new RiskEvent.FlattenRequested(time, rule));
        }
        return out;
    }

    private Optional<RiskEvent> lockToEngage(AccountRisk s, Instant time, Map<String, String> inputs) {
        LocksConfig l = config.locks();
        if (!l.drawdownLockEnabled() || s.drawdownLocked(time) || s.drawdownLockDay().filter(s.tradingDay()::equals).isPresent()) {
            return Optional.empty();
        }
        Money threshold = s.dayStartBalance().times(BigDecimal.ONE.subtract(l.maxDailyDrawdown()));
        if (s.equity().compareTo(threshold) > 0) {
            return Optional.empty();
        }
        Map<String, String> in = new LinkedHashMap<>(inputs);
        in.put("drawdown_lock_threshold", threshold.toString());
        return Optional.of(new RiskEvent.LockEngaged(time, "drawdown_lock", time.plus(l.cooldown()), in));
    }

    private Map<String, String> accountInputs(AccountRisk s) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("equity", s.equity().toString());
        in.put("balance", s.balance().toString());
        in.put("day_start_balance", s.dayStartBalance().toString());
        in.put("highest_eod_balance", s.highestEodBalance().toString());
        in.put("trading_day", s.tradingDay().toString());
        return in;
    }

    // ------------------------------------------------------------------ entries

    /** Decides an entry. See the class comment for the rule order. */
    public Evaluation evaluate(AccountRisk state, EntryRequest request, Correlations correlations, EconomicCalendar calendar) {
        OrderIntent intent = request.intent();
        Instant t = intent.decisionTime();
        String tier = tierOf(intent.strategy());
        Ctx c = new Ctx(state, t, roll(state, t));
        AccountRisk s = c.state;
        c.in.put("strategy", intent.strategy().value());
        c.in.put("tier", tier);
        c.in.put("instrument", intent.instrument().value());
        c.in.put("side", intent.side().name());
        c.in.put("reference_price", intent.referencePrice().toString());
        c.in.put("decision_time", t.toString());
        c.in.putAll(accountInputs(s));

        // 2. kill switch
        if (s.globalKillSwitch()) {
            c.events.add(new RiskEvent.AttemptBlocked(t, AccountRisk.GLOBAL));
            c.in.put("blocked_attempts", Long.toString(s.blockedAttemptsTotal() + 1));
            return c.rejectEntry(intent, tier, "kill_switch", "the global kill switch is on");
        }
        if (s.killSwitchOn(intent.strategy())) {
            c.events.add(new RiskEvent.AttemptBlocked(t, intent.strategy().value()));
            c.in.put("blocked_attempts", Long.toString(s.blockedAttemptsTotal() + 1));
            return c.rejectEntry(intent, tier, "kill_switch", "the kill switch of strategy " + intent.strategy() + " is on");
        }
        // 3. instrument
        InstrumentRules rules = instruments.get(intent.instrument());
        if (rules == null) {
            return c.rejectEntry(intent, tier, "unknown_instrument", "no instrument rules for " + intent.instrument());
        }
        if (!currencies.atPar(rules.quoteAsset(), s.currency())) {
            return c.rejectEntry(intent, tier, "unsupported_currency", intent.instrument() + " is quoted in " + rules.quoteAsset()
                    + ", which the account (" + s.currency() + ") cannot book at par");
        }
        if (!intent.referencePrice().isPositive()) {
            return c.rejectEntry(intent, tier, "invalid_intent", "the reference price " + intent.referencePrice() + " is not positive");
        }
        // 4.-7. halts and locks
        Optional<Evaluation> blocked = entryBlock(c, intent, tier);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        // 8. rate limits
        RateLimitConfig.TierLimit limit = config.rateLimits().limitOf(tier);
        int signals = s.signalsInWindow(tier, t);
        int orders = s.ordersInWindow(tier, t);
        c.in.put("signals_last_hour", Integer.toString(signals));
        c.in.put("orders_last_hour", Integer.toString(orders));
        if (signals >= limit.maxSignalsPerHour()) {
            return c.rejectEntry(intent, tier, "rate_limit_signals", "tier " + tier + " had " + signals + " signals in the last hour, the limit is "
                    + limit.maxSignalsPerHour());
        }
        if (orders >= limit.maxOrdersPerHour()) {
            return c.rejectEntry(intent, tier, "rate_limit_orders", "tier " + tier + " had " + orders + " orders in the last hour, the limit is "
                    + limit.maxOrdersPerHour());
        }
        // 9. news
        Optional<Evaluation> news = newsBlackout(c, rules, calendar, () -> c.rejectEntry(intent, tier, "news_blackout", c.reason));
        if (news.isPresent()) {
            return news.get();
        }
        // 10. opposite side
        if (holdsOpposite(s, intent.instrument(), intent.side(), null)) {
            return c.rejectEntry(intent, tier, "opposite_position", "the account holds or has reserved the other side of " + intent.instrument());
        }
        // 11. stop
        Price entry = intent.referencePrice();
        StopPlan stop = sizer.stop(intent.side(), entry, request.atr(), request.swingLow(), request.swingHigh(), rules);
        c.in.put("atr", String.valueOf(request.atr()));
        c.in.put("swing_low", String.valueOf(request.swingLow()));
        c.in.put("swing_high", String.valueOf(request.swingHigh()));
        c.in.put("stop_method", stop.method());
        if (!stop.valid()) {
            return c.rejectEntry(intent, tier, "invalid_stop", stop.problem());
        }
        c.in.put("stop", stop.stop().toString());
        List<Price> targets = sizer.targets(intent.side(), entry, stop.stop(), rules);
        if (targets.isEmpty()) {
            return c.rejectEntry(intent, tier, "invalid_stop", "the stop " + stop.stop() + " is too close to the entry for targets on the tick grid");
        }
        // 12. sizing and clamps
        GovernorOutput g = governor(s, t);
        BigDecimal base = sizer.riskFraction(request.regime(), request.session());
        BigDecimal cluster = lossClusterMultiplier(s);
        BigDecimal fraction = base.multiply(g.multiplier()).multiply(cluster);
        if (fraction.compareTo(SizingConfig.HARD_MAX_RISK_FRACTION) > 0) {
            fraction = SizingConfig.HARD_MAX_RISK_FRACTION;
        }
        Money equity = s.equity();
        Money riskBase = equity.compareTo(s.balance()) < 0 ? equity : s.balance();
        BigDecimal riskAmount = riskBase.toBigDecimal().multiply(fraction);
        BigDecimal perUnit = perUnitLoss(intent.side(), entry, stop.stop());
        Quantity riskQty = PositionSizer.lotsFor(riskAmount, perUnit, rules);
        c.in.put("regime", String.valueOf(request.regime()));
        c.in.put("session", String.valueOf(request.session()));
        c.in.put("risk_fraction_base", base.toPlainString());
        c.in.put("governor_multiplier", g.multiplier().toPlainString());
        c.in.put("governor_rule", g.rule());
        c.in.putAll(g.inputs());
        c.in.put("loss_cluster_multiplier", cluster.toPlainString());
        c.in.put("risk_fraction", fraction.toPlainString());
        c.in.put("risk_amount", riskAmount.setScale(Money.SCALE, RoundingMode.DOWN).toPlainString());
        c.in.put("loss_per_unit_at_stop", perUnit.setScale(Money.SCALE, RoundingMode.UP).toPlainString());
        c.in.put("risk_quantity", riskQty.toString());

        Book book = book(s, null);
        Map<String, Quantity> caps = new LinkedHashMap<>();
        caps.put("risk_size", riskQty);
        Optional<String> exposures = openExposures(book, intent.instrument(), correlations, c.in);
        if (exposures.isPresent()) {
            return c.rejectEntry(intent, tier, "max_open_exposures", exposures.get());
        }
        for (Map.Entry<String, BigDecimal> cap : capNotionals(s, book, intent.instrument(), intent.side(), correlations, c.in, false).entrySet()) {
            caps.put(cap.getKey(), PositionSizer.lotsFor(cap.getValue(), entry.toBigDecimal(), rules));
        }
        String binding = "risk_size";
        Quantity qty = riskQty;
        for (Map.Entry<String, Quantity> cap : caps.entrySet()) {
            c.in.put("cap_" + cap.getKey(), cap.getValue().toString());
            if (cap.getValue().compareTo(qty) < 0) {
                qty = cap.getValue();
                binding = cap.getKey();
            }
        }
        c.in.put("binding_cap", binding);
        c.in.put("quantity", qty.toString());
        Optional<String> venue = rules.violation(rules.roundPriceDown(entry), qty);
        if (venue.isPresent()) {
            String rule = binding.equals("risk_size") ? "venue_filters" : binding;
            return c.rejectEntry(intent, tier, rule, (binding.equals("risk_size") ? "" : binding + " leaves " + qty + ": ") + venue.get());
        }
        // 13. floors at the stop
        Optional<String[]> floor = floorAtStop(s, null, intent.instrument(), intent.side(), qty, entry, stop.stop(), c.in);
        if (floor.isPresent()) {
            return c.rejectEntry(intent, tier, floor.get()[0], floor.get()[1]);
        }
        // 14. approved
        c.in.put("targets", targets.toString());
        c.events.add(new RiskEvent.IntentDecided(t, intent.strategy(), tier, intent.clientOrderId(), intent.instrument(), intent.side(), true, qty,
                entry, stop.stop(), null));
        return new Evaluation(new PreTradeDecision.Approved(qty, stop.stop(), targets.get(targets.size() - 1), targets, c.in), c.events);
    }

    /** Steps 4-7 (halt, floors now, drawdown lock, governor), shared by evaluate and recheck. */
    private Optional<Evaluation> entryBlock(Ctx c, OrderIntent intent, String tier) {
        AccountRisk s = c.state;
        Instant t = c.time;
        if (s.halt().isPresent()) {
            Halt h = s.halt().get();
            c.in.put("halt_rule", h.rule());
            c.in.put("halt_since", h.since().toString());
            c.in.put("halt_until_next_day", Boolean.toString(h.untilNextDay()));
            return Optional.of(c.reject(intent, tier, "halted", "new entries are halted by " + h.rule() + " since " + h.since()
                    + (h.untilNextDay() ? " until the next trading day" : " until cleared")));
        }
        if (config.propFirm().enabled()) {
            c.in.putAll(floors(s).describe());
        }
        List<RiskEvent> halt = floorEvents(s, t, c.in);
        if (!halt.isEmpty()) {
            RiskEvent.Halted h = (RiskEvent.Halted) halt.get(0);
            c.events.addAll(halt);
            return Optional.of(c.reject(intent, tier, h.rule(), "equity " + s.equity() + " has reached the "
                    + (h.rule().equals("prop_daily_floor") ? "daily floor " + floors(s).daily() : "overall floor " + floors(s).overall())
                    + "; entries halt" + (config.propFirm().onFloor() == FloorAction.HALT_AND_FLATTEN ? " and positions are flattened" : "")));
        }
        if (s.drawdownLocked(t)) {
            c.in.put("drawdown_lock_until", s.drawdownLockUntil().orElseThrow().toString());
            return Optional.of(c.reject(intent, tier, "drawdown_lock", "the daily drawdown lock holds until " + s.drawdownLockUntil().orElseThrow()));
        }
        Optional<RiskEvent> lock = lockToEngage(s, t, c.in);
        if (lock.isPresent()) {
            RiskEvent.LockEngaged l = (RiskEvent.LockEngaged) lock.get();
            c.events.add(l);
            c.in.putAll(l.inputs());
            c.in.put("drawdown_lock_until", l.until().toString());
            return Optional.of(c.reject(intent, tier, "drawdown_lock", "equity " + s.equity() + " is " + config.locks().maxDailyDrawdown()
                    + " or more below the day-start balance " + s.dayStartBalance() + "; entries lock until " + l.until()));
        }
        GovernorOutput g = governor(s, t);
        if (g.blocks()) {
            c.in.putAll(g.inputs());
            return Optional.of(c.reject(intent, tier, g.rule(), "the mental governor stops entries"
                    + (g.cooldownUntil() == null ? "" : " until " + g.cooldownUntil())));
        }
        return Optional.empty();
    }

    /** The event that blacks out entries on the instrument at {@code time}, if any (none when the news rule is off or there is no calendar). */
    public Optional<EconomicEvent> blackout(InstrumentRules rules, EconomicCalendar calendar, Instant time) {
        if (!config.news().enabled() || calendar == null) {
            return Optional.empty();
        }
        return calendar.blackout(currencies.calendarCurrencies(rules), time, config.news().before(), config.news().after(), config.news().minImpact());
    }

    /**
     * The limits an entry is held to at {@code time}, as the rules apply them: the risk per trade
     * after the governor's multiplier, the leverage cap after the hard maximum, the exposure caps,
     * the floors now, the drawdown lock and the news window. Decimal strings; absent when unset.
     */
    public Map<String, String> effectiveConstraints(AccountRisk s, Instant time) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        GovernorOutput g = governor(s, time);
        out.put("risk_fraction_configured", config.sizing().riskFraction().toPlainString());
        out.put("governor_multiplier", g.multiplier().toPlainString());
        out.put("risk_fraction_effective", config.sizing().riskFraction().multiply(g.multiplier()).stripTrailingZeros().toPlainString());
        LimitsConfig l = config.limits();
        out.put("leverage_cap", l.leverageCap().min(LimitsConfig.HARD_MAX_LEVERAGE).toPlainString());
        put(out, "max_position_notional", l.maxPositionNotional());
        put(out, "max_gross_notional", l.maxGrossNotional());
        put(out, "max_net_notional", l.maxNetNotional());
        put(out, "max_currency_exposure", l.maxCurrencyExposure());
        put(out, "correlation_threshold", l.correlationThreshold());
        out.put("max_open_exposures", Integer.toString(l.maxOpenExposures()));
        Floors f = floors(s);
        out.put("daily_floor", f.daily().toBigDecimal().toPlainString());
        out.put("overall_floor", f.overall().toBigDecimal().toPlainString());
        out.put("floor_buffer", config.propFirm().floorBuffer().toPlainString());
        if (config.locks().drawdownLockEnabled()) {
            out.put("max_daily_drawdown", config.locks().maxDailyDrawdown().toPlainString());
        }
        if (config.news().enabled()) {
            out.put("news_window", "-" + config.news().before() + "/+" + config.news().after() + " " + config.news().minImpact() + "+");
        }
        return out;
    }

    private static void put(Map<String, String> out, String key, BigDecimal value) {
        if (value != null) {
            out.put(key, value.toPlainString());
        }
    }

    private Optional<Evaluation> newsBlackout(Ctx c, InstrumentRules rules, EconomicCalendar calendar, java.util.function.Supplier<Evaluation> reject) {
        if (!config.news().enabled() || calendar == null) {
            return Optional.empty();
        }
        Set<String> ccys = currencies.calendarCurrencies(rules);
        c.in.put("news_currencies", String.join(",", ccys));
        Optional<EconomicEvent> e = blackout(rules, calendar, c.time);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        EconomicEvent ev = e.get();
        c.in.put("news_event", ev.title());
        c.in.put("news_event_time", ev.time().toString());
        c.in.put("news_event_currency", ev.currency());
        c.in.put("news_event_impact", ev.impact().name());
        c.in.put("news_window", "-" + config.news().before() + "/+" + config.news().after());
        c.reason = ev.impact() + " " + ev.currency() + " event '" + ev.title() + "' at " + ev.time() + ": no entries from "
                + ev.time().minus(config.news().before()) + " to " + ev.time().plus(config.news().after());
        return Optional.of(reject.get());
    }

    private static boolean holdsOpposite(AccountRisk s, InstrumentId instrument, OrderSide side, ClientOrderId except) {
        Optional<OpenPosition> p = s.position(instrument);
        if (p.isPresent() && p.get().side() != side) {
            return true;
        }
        for (PendingEntry pe : s.pending().values()) {
            if (pe.instrument().equals(instrument) && pe.side() != side && !pe.orderId().equals(except)) {
                return true;
            }
        }
        return false;
    }

    private BigDecimal lossClusterMultiplier(AccountRisk s) {
        LocksConfig l = config.locks();
        if (!l.lossClusterEnabled()) {
            return BigDecimal.ONE;
        }
        List<Instant> losses = s.lossesToday();
        int n = l.clusterLosses();
        for (int j = n - 1; j < losses.size(); j++) {
            if (!losses.get(j).isAfter(losses.get(j - n + 1).plus(l.clusterWindow()))) {
                return BigDecimal.ONE.subtract(l.clusterReduction());
            }
        }
        return BigDecimal.ONE;
    }

    /** The loss per unit if the stop fills at its worst (gap reserve), both fees included. */
    private BigDecimal perUnitLoss(OrderSide side, Price entry, Price stop) {
        BigDecimal exit = worstExit(side, stop);
        BigDecimal fee = config.feeRate();
        return entry.toBigDecimal().subtract(exit).abs().add(fee.multiply(entry.toBigDecimal())).add(fee.multiply(exit));
    }

    private BigDecimal worstExit(OrderSide side, Price stop) {
        BigDecimal g = config.propFirm().gapReserve();
        BigDecimal s = stop.toBigDecimal();
        return side == OrderSide.BUY ? s.multiply(BigDecimal.ONE.subtract(g)) : s.multiply(BigDecimal.ONE.add(g));
    }

    // ------------------------------------------------------------------ exposure

    /** Signed notional per instrument (positions at the mark, reserved entries at their price), gross, net and per currency. */
    private record Book(Map<InstrumentId, BigDecimal> signed, BigDecimal gross, BigDecimal net, Map<String, BigDecimal> currency) {
    }

    private Book book(AccountRisk s, ClientOrderId except) {
        Map<InstrumentId, BigDecimal> signed = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        BigDecimal gross = BigDecimal.ZERO;
        for (OpenPosition p : s.positions().values()) {
            BigDecimal n = p.markNotional();
            signed.merge(p.instrument(), n.multiply(BigDecimal.valueOf(p.sign())), BigDecimal::add);
            gross = gross.add(n);
        }
        for (PendingEntry pe : s.pending().values()) {
            if (pe.orderId().equals(except)) {
                continue;
            }
            BigDecimal n = pe.price().toBigDecimal().multiply(pe.remaining().toBigDecimal());
            signed.merge(pe.instrument(), n.multiply(BigDecimal.valueOf(pe.sign())), BigDecimal::add);
            gross = gross.add(n);
        }
        BigDecimal net = BigDecimal.ZERO;
        Map<String, BigDecimal> ccy = new TreeMap<>();
        for (Map.Entry<InstrumentId, BigDecimal> e : signed.entrySet()) {
            net = net.add(e.getValue());
            InstrumentRules r = instruments.get(e.getKey());
            if (r != null) {
                List<String> legs = currencies.legs(r);
                ccy.merge(legs.get(0), e.getValue(), BigDecimal::add);
                ccy.merge(legs.get(1), e.getValue().negate(), BigDecimal::add);
            }
        }
        return new Book(signed, gross, net, ccy);
    }

    /** Rejects when a new, uncorrelated instrument would exceed the number of distinct exposures. */
    private Optional<String> openExposures(Book book, InstrumentId instrument, Correlations correlations, Map<String, String> in) {
        List<InstrumentId> held = new ArrayList<>();
        for (Map.Entry<InstrumentId, BigDecimal> e : book.signed().entrySet()) {
            if (e.getValue().signum() != 0) {
                held.add(e.getKey());
            }
        }
        int before = components(held, correlations);
        if (held.contains(instrument)) {
            in.put("open_exposures", Integer.toString(before));
            return Optional.empty();
        }
        held.add(instrument);
        int after = components(held, correlations);
        in.put("open_exposures", Integer.toString(before));
        int max = config.limits().maxOpenExposures();
        if (after > before && after > max) {
            return Optional.of("an uncorrelated new exposure would make " + after + " distinct exposures, the limit is " + max);
        }
        return Optional.empty();
    }

    private int components(List<InstrumentId> ids, Correlations correlations) {
        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        BigDecimal thr = config.limits().correlationThreshold();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (correlated(correlations, ids.get(i), ids.get(j), thr) != 0) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        int n = 0;
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) == i) {
                n++;
            }
        }
        return n;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** +1 or −1 when |correlation| ≥ threshold (its sign), 0 otherwise or unknown. */
    private static int correlated(Correlations correlations, InstrumentId a, InstrumentId b, BigDecimal threshold) {
        OptionalDouble r = correlations.correlation(a, b);
        if (r.isEmpty() || Double.isNaN(r.getAsDouble())) {
            return 0;
        }
        double v = r.getAsDouble();
        if (Math.abs(v) >= threshold.doubleValue()) {
            return v > 0 ? 1 : -1;
        }
        return 0;
    }

    /**
     * How much more notional each limit allows for {@code side} on {@code instrument}, in the
     * order the limits are applied. {@code hard} also applies the hard leverage maximum.
     */
    private Map<String, BigDecimal> capNotionals(AccountRisk s, Book book, InstrumentId instrument, OrderSide side, Correlations correlations,
                                                 Map<String, String> in, boolean hard) {
        LimitsConfig l = config.limits();
        BigDecimal sign = BigDecimal.valueOf(side == OrderSide.BUY ? 1 : -1);
        Map<String, BigDecimal> caps = new LinkedHashMap<>();
        BigDecimal current = book.signed().getOrDefault(instrument, BigDecimal.ZERO).abs();
        in.put("symbol_notional", current.toPlainString());
        caps.put("max_position_per_symbol", nonNegative(l.maxPositionNotional().subtract(current)));
        BigDecimal group = current;
        List<String> members = new ArrayList<>();
        for (Map.Entry<InstrumentId, BigDecimal> e : book.signed().entrySet()) {
            if (e.getKey().equals(instrument) || e.getValue().signum() == 0) {
                continue;
            }
            int corr = correlated(correlations, instrument, e.getKey(), l.correlationThreshold());
            if (corr != 0) {
                members.add(e.getKey().value());
                group = group.add(sign.multiply(e.getValue()).multiply(BigDecimal.valueOf(corr)));
            }
        }
        if (!members.isEmpty()) {
            in.put("correlated_with", String.join(",", members));
            in.put("correlated_group_notional", group.toPlainString());
            caps.put("correlation_cap", nonNegative(l.maxPositionNotional().subtract(group)));
        }
        in.put("gross_notional", book.gross().toPlainString());
        in.put("net_notional", book.net().toPlainString());
        caps.put("max_gross_exposure", nonNegative(l.maxGrossNotional().subtract(book.gross())));
        caps.put("max_net_exposure", nonNegative(l.maxNetNotional().subtract(sign.multiply(book.net()))));
        InstrumentRules rules = instruments.get(instrument);
        List<String> legs = currencies.legs(rules);
        if (!legs.get(0).equals(legs.get(1))) {
            BigDecimal room = null;
            for (int i = 0; i < 2; i++) {
                BigDecimal legSign = i == 0 ? sign : sign.negate();
                BigDecimal exposure = book.currency().getOrDefault(legs.get(i), BigDecimal.ZERO);
                in.put("currency_exposure_" + legs.get(i), exposure.toPlainString());
                BigDecimal r = nonNegative(l.maxCurrencyExposure().subtract(legSign.multiply(exposure)));
                room = room == null ? r : room.min(r);
            }
            caps.put("currency_exposure", room);
        }
        BigDecimal equity = s.equity().toBigDecimal();
        BigDecimal leverage = hard ? l.leverageCap().min(LimitsConfig.HARD_MAX_LEVERAGE) : l.leverageCap();
        caps.put("leverage_cap", nonNegative(leverage.multiply(equity).subtract(book.gross())));
        BigDecimal ml = l.marginLeverage();
        BigDecimal available = equity.subtract(PositionSizer.divideDown(book.gross(), ml).add(new BigDecimal("1E-20")));
        in.put("available_margin", available.setScale(Money.SCALE, RoundingMode.DOWN).toPlainString());
        BigDecimal perNotional = BigDecimal.ONE.divide(ml, 20, RoundingMode.UP).add(config.feeRate());
        caps.put("margin", nonNegative(PositionSizer.divideDown(nonNegative(available), perNotional)));
        return caps;
    }

    private static BigDecimal nonNegative(BigDecimal v) {
        return v.signum() < 0 ? BigDecimal.ZERO : v;
    }

    // ------------------------------------------------------------------ floors at the stop

    /**
     * The balance left if every position, every reserved entry (but {@code except}) and the new
     * one stopped out at their worst (stop ∓ gap reserve), with every fee still to pay, where a
     * position whose stop locks in a profit counts as zero loss, not as a gain; null if some
     * position has no stop and could lose without bound (a short). Positions and reservations of
     * one instrument and side share the most adverse of their stops.
     */
    public BigDecimal worstCaseBalance(AccountRisk s, ClientOrderId except, InstrumentId instrument, OrderSide side, Quantity quantity, Price price,
                                       Price stop) {
        record Part(OrderSide side, Quantity q, BigDecimal entry, Price stop, boolean unpaidEntryFee) {
        }
        Map<String, List<Part>> groups = new TreeMap<>();
        for (OpenPosition p : s.positions().values()) {
            groups.computeIfAbsent(p.instrument().value() + "|" + p.side(), k -> new ArrayList<>())
                    .add(new Part(p.side(), p.quantity(), p.averagePrice().toBigDecimal(), p.stop(), false));
        }
        for (PendingEntry pe : s.pending().values()) {
            if (!pe.orderId().equals(except)) {
                groups.computeIfAbsent(pe.instrument().value() + "|" + pe.side(), k -> new ArrayList<>())
                        .add(new Part(pe.side(), pe.remaining(), pe.price().toBigDecimal(), pe.stop(), true));
            }
        }
        if (instrument != null) {
            groups.computeIfAbsent(instrument.value() + "|" + side, k -> new ArrayList<>()).add(new Part(side, quantity, price.toBigDecimal(), stop, true));
        }
        BigDecimal fee = config.feeRate();
        BigDecimal loss = BigDecimal.ZERO;
        for (List<Part> parts : groups.values()) {
            OrderSide sd = parts.get(0).side();
            // The group shares one protective stop once filled: the most adverse of its parts.
            Price adverse = null;
            boolean unbounded = false;
            for (Part p : parts) {
                if (p.stop() == null) {
                    unbounded = true;
                } else if (adverse == null || (sd == OrderSide.BUY ? p.stop().compareTo(adverse) < 0 : p.stop().compareTo(adverse) > 0)) {
                    adverse = p.stop();
                }
            }
            BigDecimal exit;
            if (unbounded) {
                if (sd == OrderSide.SELL) {
                    return null;
                }
                exit = BigDecimal.ZERO;
            } else {
                exit = worstExit(sd, adverse);
            }
            BigDecimal sign = BigDecimal.valueOf(sd == OrderSide.BUY ? 1 : -1);
            BigDecimal total = BigDecimal.ZERO;
            for (Part p : parts) {
                BigDecimal q = p.q().toBigDecimal();
                BigDecimal part = p.entry().subtract(exit).multiply(q).multiply(sign).add(fee.multiply(exit).multiply(q));
                if (p.unpaidEntryFee()) {
                    part = part.add(fee.multiply(p.entry()).multiply(q));
                }
                total = total.add(part.setScale(Money.SCALE, RoundingMode.CEILING)).add(LEDGER_ROUNDING).add(AVERAGE_ROUNDING.multiply(q));
            }
            // A stop trailed into profit locks a gain in, but it is not headroom: once realized it lifts the
            // balance and with it the next day's floor, while the other positions' risk stays. So no group
            // counts less than zero.
            loss = loss.add(total.max(BigDecimal.ZERO));
        }
        return s.balance().toBigDecimal().subtract(loss);
    }

    /** [rule, reason] if the worst case would breach a floor (as it is, or after a day roll). */
    private Optional<String[]> floorAtStop(AccountRisk s, ClientOrderId except, InstrumentId instrument, OrderSide side, Quantity qty, Price entry,
                                           Price stop, Map<String, String> in) {
        if (!config.propFirm().enabled()) {
            return Optional.empty();
        }
        Floors f = floors(s);
        BigDecimal worst = worstCaseBalance(s, except, instrument, side, qty, entry, stop);
        if (worst == null) {
            in.put("worst_case_equity", "unbounded");
            return Optional.of(new String[] {"prop_overall_floor_at_stop", "a short position without a stop can lose without bound"});
        }
        in.put("worst_case_equity", worst.setScale(Money.SCALE, RoundingMode.FLOOR).toPlainString());
        in.put("gap_reserve", config.propFirm().gapReserve().toPlainString());
        Money strictest = f.strictest();
        if (worst.compareTo(strictest.toBigDecimal()) >= 0) {
            return Optional.empty();
        }
        boolean daily = strictest.equals(f.daily()) || strictest.equals(f.dailyAfterRoll());
        String which = daily ? (strictest.equals(f.daily()) ? "daily floor " : "daily floor after the next day roll ")
                : (strictest.equals(f.overall()) ? "overall floor " : "overall floor after the next day roll ");
        return Optional.of(new String[] {daily ? "prop_daily_floor_at_stop" : "prop_overall_floor_at_stop",
                "if every open position and this entry stopped out, equity would be " + worst.setScale(2, RoundingMode.FLOOR).toPlainString()
                        + ", below the " + which + strictest});
    }

    // ------------------------------------------------------------------ exits

    /**
     * Decides a reduce-only intent: only the kill switch stops it (halts, locks, news and rate
     * limits never keep a position open). It sells (buys back) the held quantity on the lot grid.
     */
    public Evaluation evaluateExit(AccountRisk state, OrderIntent intent) {
        Ctx c = new Ctx(state, intent.decisionTime(), roll(state, intent.decisionTime()));
        AccountRisk s = c.state;
        c.in.put("strategy", intent.strategy().value());
        c.in.put("instrument", intent.instrument().value());
        c.in.put("side", intent.side().name());
        if (s.killSwitchOn(intent.strategy())) {
            String scope = s.globalKillSwitch() ? AccountRisk.GLOBAL : intent.strategy().value();
            c.events.add(new RiskEvent.AttemptBlocked(c.time, scope));
            c.in.put("blocked_attempts", Long.toString(s.blockedAttemptsTotal() + 1));
            return new Evaluation(new PreTradeDecision.Rejected("kill_switch", "the " + (scope.equals(AccountRisk.GLOBAL) ? "global" : scope)
                    + " kill switch is on", c.in), c.events);
        }
        InstrumentRules rules = instruments.get(intent.instrument());
        Optional<OpenPosition> p = s.position(intent.instrument());
        c.in.put("held", p.map(x -> x.quantity().toString()).orElse("0"));
        if (rules == null) {
            return new Evaluation(new PreTradeDecision.Rejected("unknown_instrument", "no instrument rules for " + intent.instrument(), c.in), c.events);
        }
        if (p.isEmpty() || p.get().side() == intent.side()) {
            return new Evaluation(new PreTradeDecision.Rejected("nothing_to_reduce", "no " + (intent.side() == OrderSide.SELL ? "long" : "short")
                    + " position in " + intent.instrument() + " to reduce", c.in), c.events);
        }
        Quantity q = rules.roundQuantityDown(p.get().quantity());
        if (q.isZero()) {
            return new Evaluation(new PreTradeDecision.Rejected("nothing_to_reduce", "held " + p.get().quantity() + " is below one lot "
                    + rules.lotSize(), c.in), c.events);
        }
        c.in.put("quantity", q.toString());
        return new Evaluation(new PreTradeDecision.Approved(q, null, null, List.of(), c.in), c.events);
    }

    // ------------------------------------------------------------------ recheck

    /**
     * The second clamp, immediately before submission, on the final order: an entry must still
     * pass the kill switch, halts, floors, locks, governor and news, fit its reservation
     * (same instrument and side, no more quantity), the venue's filters, every exposure limit
     * without clamping (and the hard leverage maximum of 10×), and the floors at its stop. An
     * order that reduces a position is checked against the kill switch and the held quantity.
     * A rejected entry's reservation is released ({@code OrderClosed}).
     */
    public Evaluation recheck(AccountRisk state, OrderRequest order, Correlations correlations, EconomicCalendar calendar) {
        Instant t = order.decisionTime();
        Ctx c = new Ctx(state, t, roll(state, t));
        AccountRisk s = c.state;
        c.in.put("client_order_id", order.clientOrderId().value());
        c.in.put("strategy", order.strategy().value());
        c.in.put("instrument", order.instrument().value());
        c.in.put("side", order.side().name());
        c.in.put("quantity", order.quantity().toString());
        c.in.put("limit_price", String.valueOf(order.limitPrice()));
        c.in.putAll(accountInputs(s));
        PendingEntry reserved = s.pending().get(order.clientOrderId());
        if (s.killSwitchOn(order.strategy())) {
            String scope = s.globalKillSwitch() ? AccountRisk.GLOBAL : order.strategy().value();
            c.events.add(new RiskEvent.AttemptBlocked(t, scope));
            c.in.put("blocked_attempts", Long.toString(s.blockedAttemptsTotal() + 1));
            return c.recheckReject(reserved, "kill_switch", "the " + (scope.equals(AccountRisk.GLOBAL) ? "global" : scope) + " kill switch is on");
        }
        InstrumentRules rules = instruments.get(order.instrument());
        if (rules == null) {
            return c.recheckReject(reserved, "unknown_instrument", "no instrument rules for " + order.instrument());
        }
        if (reserved == null) {
            Optional<OpenPosition> p = s.position(order.instrument());
            if (p.isPresent() && p.get().side() != order.side()) {
                if (order.quantity().compareTo(p.get().quantity()) > 0) {
                    return c.recheckReject(null, "recheck_mismatch", "the exit of " + order.quantity() + " exceeds the position of " + p.get().quantity());
                }
                if (!rules.roundQuantityDown(order.quantity()).equals(order.quantity())) {
                    return c.recheckReject(null, "venue_filters", "quantity " + order.quantity() + " is not a multiple of the lot size " + rules.lotSize());
                }
                return new Evaluation(new PreTradeDecision.Approved(order.quantity(), null, null, List.of(), c.in), c.events);
            }
            return c.recheckReject(null, "no_reservation", "order " + order.clientOrderId() + " was not approved as an entry (or was released)");
        }
        if (!reserved.instrument().equals(order.instrument()) || reserved.side() != order.side()) {
            return c.recheckReject(reserved, "recheck_mismatch", "the order is " + order.side() + " " + order.instrument() + " but the approval was "
                    + reserved.side() + " " + reserved.instrument());
        }
        if (order.quantity().compareTo(reserved.remaining()) > 0) {
            return c.recheckReject(reserved, "recheck_mismatch", "the order's quantity " + order.quantity() + " exceeds the approved " + reserved.remaining());
        }
        OrderIntent asIntent = new OrderIntent(order.strategy(), order.instrument(), order.side(), t, 0,
                order.limitPrice() != null ? order.limitPrice() : reserved.price(), false, "recheck");
        Optional<Evaluation> blocked = entryBlock(c, asIntent, null);
        if (blocked.isPresent()) {
            return blocked.get();
        }
        Optional<Evaluation> news = newsBlackout(c, rules, calendar, () -> c.recheckReject(reserved, "news_blackout", c.reason));
        if (news.isPresent()) {
            return news.get();
        }
        Price price = asIntent.referencePrice();
        Price venuePrice = order.limitPrice() != null ? order.limitPrice() : rules.roundPriceDown(price);
        Optional<String> venue = rules.violation(venuePrice, order.quantity());
        if (venue.isPresent()) {
            return c.recheckReject(reserved, "venue_filters", venue.get());
        }
        AccountRisk without = s.apply(new RiskEvent.OrderClosed(t, order.clientOrderId()));
        if (holdsOpposite(without, order.instrument(), order.side(), order.clientOrderId())) {
            return c.recheckReject(reserved, "opposite_position", "the account holds or has reserved the other side of " + order.instrument());
        }
        Book book = book(without, null);
        BigDecimal notional = price.toBigDecimal().multiply(order.quantity().toBigDecimal());
        c.in.put("notional", notional.toPlainString());
        for (Map.Entry<String, BigDecimal> cap : capNotionals(without, book, order.instrument(), order.side(), correlations, c.in, true).entrySet()) {
            c.in.put("room_" + cap.getKey(), cap.getValue().toPlainString());
            if (notional.compareTo(cap.getValue()) > 0) {
                return c.recheckReject(reserved, cap.getKey(), "notional " + notional.toPlainString() + " exceeds the room " + cap.getValue().toPlainString()
                        + " left by " + cap.getKey());
            }
        }
        if (reserved.stop() == null) {
            return c.recheckReject(reserved, "invalid_stop", "the reservation has no stop");
        }
        Optional<String[]> floor = floorAtStop(without, null, order.instrument(), order.side(), order.quantity(), price, reserved.stop(), c.in);
        if (floor.isPresent()) {
            return c.recheckReject(reserved, floor.get()[0], floor.get()[1]);
        }
        return new Evaluation(new PreTradeDecision.Approved(order.quantity(), reserved.stop(), null, List.of(), c.in), c.events);
    }

    // ------------------------------------------------------------------ plumbing

    /** One evaluation's working set: the rolled state, its time, inputs in order, events so far. */
    private final class Ctx {
        final AccountRisk state;
        final Instant time;
        final Map<String, String> in = new LinkedHashMap<>();
        final List<RiskEvent> events;
        String reason;

        Ctx(AccountRisk original, Instant time, List<RiskEvent> roll) {
            this.events = new ArrayList<>(roll);
            this.state = original.applyAll(roll);
            this.time = time;
        }

        /** Rejects; an entry (tier non-null) also counts as a signal. */
        Evaluation reject(OrderIntent intent, String tier, String rule, String why) {
            if (tier == null) {
                PendingEntry reserved = state.pending().get(intentOrderId(intent));
                return recheckReject(reserved, rule, why);
            }
            return rejectEntry(intent, tier, rule, why);
        }

        Evaluation rejectEntry(OrderIntent intent, String tier, String rule, String why) {
            events.add(new RiskEvent.IntentDecided(time, intent.strategy(), tier, intent.clientOrderId(), intent.instrument(), intent.side(), false,
                    null, null, null, rule));
            return new Evaluation(new PreTradeDecision.Rejected(rule, why, in), events);
        }

        Evaluation recheckReject(PendingEntry reserved, String rule, String why) {
            if (reserved != null) {
                events.add(new RiskEvent.OrderClosed(time, reserved.orderId()));
            }
            return new Evaluation(new PreTradeDecision.Rejected(rule, why, in), events);
        }

        private ClientOrderId intentOrderId(OrderIntent intent) {
            String id = in.get("client_order_id");
            return id == null ? intent.clientOrderId() : new ClientOrderId(id);
        }
    }
}
