// The dashboard end to end in Debian's Chromium (playwright-core drives it; no browser download),
// against a node that DashboardBrowserTest (modules/app) started and feeds. Steps, each with a
// screenshot in OUT_DIR: sign in, status tiles, the chart drawing new bars, the 5m switch, a fill
// toast, the kill switch through its confirmation dialog, the risk and orders pages, the trades CSV
// export, and a viewer key that sees no write controls.
//
// Protocol with the Java test: environment BASE_URL, ADMIN_KEY, VIEWER_KEY, OUT_DIR, CHROMIUM,
// PROFILE_DIR, UNTIL_BAR (the bar open time to watch the market up to after the switch). The
// script prints "E2E ready-for-bars" once signed in (the test then starts the paced feed), "E2E
// step <name>" per step, and writes OUT_DIR/observations.json: every bar the chart drew and every
// toast, each with the wall-clock millisecond it reached the page, for the test's latency checks.
// Exit code 0 when every step passed; otherwise the failure is printed as "E2E FAILED: …".

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};
const BASE_URL = env('BASE_URL');
const OUT_DIR = env('OUT_DIR');
const ADMIN_KEY = env('ADMIN_KEY');
const VIEWER_KEY = env('VIEWER_KEY');
const UNTIL_BAR = env('UNTIL_BAR');
const started = Date.now();
const result = { steps: [], observations: [], csv: null, flip: null, viewer: null, failure: null };

const log = (line) => console.log(`E2E ${line}`);
const step = async (name, fn) => {
  const t = Date.now();
  try {
    const detail = await fn();
    result.steps.push({ name, ms: Date.now() - t, detail: detail ?? null });
    log(`step ${name} ok in ${Date.now() - t} ms${detail ? ': ' + JSON.stringify(detail) : ''}`);
  } catch (e) {
    result.steps.push({ name, ms: Date.now() - t, error: String(e && e.message || e) });
    throw new Error(`${name}: ${e && e.message || e}`);
  }
};

/** Runs in the page before the app: records when each bar, toast and connection state reached the DOM. */
function observer() {
  const seen = [];
  window.__e2e = seen;
  let lastTime = null;
  let lastConn = null;
  const toasts = new WeakSet();
  const scan = () => {
    const now = Date.now();
    const conn = document.querySelector('[data-testid="conn-state"]')?.textContent ?? null;
    if (conn !== lastConn) {
      lastConn = conn;
      seen.push({ kind: 'conn', value: conn, at: now });
    }
    const chart = document.querySelector('[data-testid="candle-chart"]');
    const t = chart?.getAttribute('data-last-time') || null;
    if (t && t !== lastTime) {
      lastTime = t;
      seen.push({ kind: 'bar', value: t, candles: Number(chart.getAttribute('data-candles')), conn, at: now });
    }
    for (const el of document.querySelectorAll('[data-testid="toast"]')) {
      if (toasts.has(el)) continue;
      toasts.add(el);
      seen.push({ kind: 'toast', type: el.dataset.type, source: el.dataset.source, eventTime: el.dataset.eventTime || null,
        text: el.textContent, conn, at: now });
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

const shot = (page, name) => page.screenshot({ path: path.join(OUT_DIR, `${name}.png`), fullPage: false });
/** Takes the page's observations so far (drained: a second call never repeats one). */
const collect = async (page) => {
  const obs = await page.evaluate(() => (window.__e2e ?? []).splice(0));
  result.observations.push(...obs);
};

async function signIn(page, key) {
  await page.goto(BASE_URL + '/', { waitUntil: 'domcontentloaded' });
  await page.getByTestId('api-key').fill(key);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('whoami').waitFor({ timeout: 15000 });
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(env('PROFILE_DIR'), {
    executablePath: env('CHROMIUM'),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20000);
  await context.addInitScript(observer);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log(`page error: ${e.message}`));

    await step('login-page', async () => {
      await page.goto(BASE_URL + '/', { waitUntil: 'domcontentloaded' });
      await page.getByTestId('login').waitFor();
      await page.getByTestId('api-key').fill('trk_nobody_0123456789abcdefghij');
      await page.getByTestId('sign-in').click();
      const error = await page.getByTestId('login-error').textContent();
      await shot(page, '01-login');
      return { wrongKey: error };
    });

    await step('sign-in-and-status-tiles', async () => {
      await signIn(page, ADMIN_KEY);
      await page.getByTestId('tile-mode').waitFor();
      const mode = await page.getByTestId('tile-mode').textContent();
      const equity = await page.getByTestId('tile-equity').textContent();
      const canTrade = await page.getByTestId('can-trade').textContent();
      const role = await page.getByTestId('whoami').getAttribute('data-role');
      if (role !== 'admin') throw new Error(`signed in as ${role}`);
      if (!/USDT/.test(equity)) throw new Error(`equity tile: ${equity}`);
      if (canTrade !== 'YES') throw new Error(`can-trade tile: ${canTrade}`);
      await page.getByTestId('kill-switch-toggle').waitFor();
      await shot(page, '02-system');
      return { mode, equity, canTrade, rToday: await page.getByTestId('tile-r-today').textContent() };
    });
    log('ready-for-bars');

    await step('chart-draws-new-bars', async () => {
      await page.getByTestId('nav-market').click();
      const chart = page.getByTestId('candle-chart');
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-candles')) > 10);
      const first = await chart.getAttribute('data-last-time');
      const candles = Number(await chart.getAttribute('data-candles'));
      await page.waitForFunction((t) => {
        const now = document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-last-time');
        return now && now > t;
      }, first, { timeout: 15000 });
      const later = await chart.getAttribute('data-last-time');
      await shot(page, '03-market-1m');
      return { candles, first, later };
    });

    await step('timeframe-5m', async () => {
      const chart = page.getByTestId('candle-chart');
      const ones = Number(await chart.getAttribute('data-candles'));
      await page.getByTestId('tf-5m').click();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-candles')) <= Math.ceil(n / 5) + 2, ones);
      const fives = Number(await chart.getAttribute('data-candles'));
      const last = await chart.getAttribute('data-last-time');
      if (new Date(last).getUTCMinutes() % 5 !== 0) throw new Error(`5m candle opens at ${last}`);
      await shot(page, '04-market-5m');
      await page.getByTestId('tf-1m').click();
      return { ones, fives };
    });

    await step('fill-toast', async () => {
      const toast = page.locator('[data-testid="toast"][data-type="fill"]').first();
      await toast.waitFor({ timeout: 45000 });
      const detail = { source: await toast.getAttribute('data-source'), text: await toast.textContent() };
      await shot(page, '05-fill-toast');
      const markers = Number(await page.getByTestId('candle-chart').getAttribute('data-markers'));
      return { ...detail, markers };
    });

    await step('kill-switch-with-confirmation', async () => {
      await page.getByTestId('nav-system').click();
      const state = page.getByTestId('kill-switch-state');
      if ((await state.getAttribute('data-on')) !== 'false') throw new Error('the kill switch was already on');
      await page.getByTestId('kill-switch-toggle').click();
      await page.getByTestId('confirm-dialog').waitFor();
      await shot(page, '06-kill-switch-confirm');
      await page.getByTestId('confirm-ok').click();
      await page.waitForSelector('[data-testid="kill-switch-state"][data-on="true"]');
      result.flip = { at: Date.now() };
      await page.getByTestId('kill-chip').waitFor();
      const canTrade = await page.getByTestId('tile-can-trade').textContent();
      if (!/^Can tradeNO.*kill switch on/.test(canTrade)) throw new Error(`the can-trade tile says "${canTrade}" with the switch on`);
      await shot(page, '07-kill-switch-on');
      return { canTrade };
    });

    await step('orders-stop', async () => {
      // watch the market run on past the next entry signals; the test checks the orders against the journal
      await page.getByTestId('nav-market').click();
      await page.waitForFunction((until) => {
        const t = document.querySelector('[data-testid="candle-chart"]')?.getAttribute('data-last-time');
        return t && t >= until;
      }, UNTIL_BAR, { timeout: 60000 });
      const after = (await page.evaluate(() => window.__e2e ?? [])).filter((o) => o.kind === 'toast' && o.at > result.flip.at);
      await page.getByTestId('nav-risk').click();
      await page.waitForSelector('[data-testid="tripwires"] tr[data-on="true"]');
      const tripwires = await page.locator('[data-testid="tripwires"] tr[data-on="true"] td:first-child').allTextContents();
      if (!tripwires.includes('Kill switch (global)')) throw new Error(`tripwires on: ${tripwires}`);
      await shot(page, '08-risk');
      await page.getByTestId('nav-orders').click();
      await page.getByTestId('orders').waitFor();
      await shot(page, '09-orders');
      return { tripwires, toastsAfterSwitch: after.map((o) => `${o.type}/${o.source}: ${o.text}`) };
    });

    await step('trades-csv-export', async () => {
      await page.getByTestId('nav-trades').click();
      await page.getByTestId('trades').waitFor();
      await page.waitForFunction(() => !/—/.test(document.querySelector('[data-testid="tile-pf"] .tile-value')?.textContent ?? '—'));
      const tiles = {
        pf: await page.locator('[data-testid="tile-pf"] .tile-value').textContent(),
        er: await page.locator('[data-testid="tile-er"] .tile-value').textContent(),
        winRate: await page.locator('[data-testid="tile-winrate"] .tile-value').textContent(),
        maxDd: await page.locator('[data-testid="tile-maxdd"] .tile-value').textContent(),
      };
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="pnl-chart"]')?.getAttribute('data-points')) > 0);
      const rows = await page.locator('[data-testid="trades"] tbody tr').count();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      const file = path.join(OUT_DIR, 'trades.csv');
      await download.saveAs(file);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/).filter((l) => l.length);
      result.csv = { file, name: download.suggestedFilename(), header: lines[0], rows: lines.length - 1, tableRows: rows };
      if (!lines[0].startsWith('trade_id,position_id,strategy,instrument')) throw new Error(`CSV header: ${lines[0]}`);
      if (lines.length - 1 < 1) throw new Error('the CSV has no rows');
      await page.screenshot({ path: path.join(OUT_DIR, '10-trades.png'), fullPage: true });
      return { tiles, ...result.csv };
    });

    await step('strategy-parameters', async () => {
      await page.getByTestId('nav-system').click();
      await page.getByTestId('strategy-edit-ema-cross').click();
      await page.getByTestId('strategy-edit-dialog').waitFor();
      const params = JSON.parse(await page.getByTestId('strategy-parameters').inputValue());
      await page.getByTestId('strategy-parameters').fill(JSON.stringify({ ...params, fast: 0 }, null, 2));
      await page.getByTestId('strategy-save').click();
      const refusal = await page.getByTestId('strategy-edit-error').textContent({ timeout: 15000 });
      if (!/parameters\.fast must be within/.test(refusal)) throw new Error(`the refusal says "${refusal}"`);
      await shot(page, '10a-parameters-refused');
      await page.getByTestId('strategy-parameters').fill(JSON.stringify({ ...params, fast: 9 }, null, 2));
      await page.getByTestId('strategy-save').click();
      await page.getByTestId('strategy-tuned-ema-cross').waitFor({ timeout: 30000 });
      await page.getByTestId('strategy-edit-dialog').waitFor({ state: 'detached' });
      await shot(page, '10b-parameters-changed');
      return { refusal, fastBefore: params.fast };
    });

    await collect(page);
    await step('viewer-sees-no-write-controls', async () => {
      await page.getByTestId('sign-out').click();
      await signIn(page, VIEWER_KEY);
      const role = await page.getByTestId('whoami').getAttribute('data-role');
      await page.getByTestId('tile-mode').waitFor();
      await page.getByTestId('strategies').waitFor();
      const controls = await page.locator('[data-testid="kill-switch-toggle"], [data-testid="flatten"], [data-testid^="strategy-stop-"], [data-testid^="strategy-start-"], [data-testid^="strategy-kill-"], [data-testid^="strategy-edit-"]').count();
      const killState = await page.getByTestId('kill-switch-state').getAttribute('data-on');
      await shot(page, '11-viewer');
      result.viewer = { role, controls, killState };
      if (role !== 'viewer') throw new Error(`signed in as ${role}`);
      if (controls !== 0) throw new Error(`${controls} write control(s) shown to a viewer`);
      return result.viewer;
    });
  } finally {
    const page = context.pages()[0];
    if (page) await collect(page).catch(() => {});
    await context.close();
  }
}

main()
  .catch((e) => {
    result.failure = String(e && e.message || e);
    console.log(`E2E FAILED: ${result.failure}`);
    process.exitCode = 1;
  })
  .finally(() => {
    result.ms = Date.now() - started;
    fs.writeFileSync(path.join(OUT_DIR, 'observations.json'), JSON.stringify(result, null, 1));
    log(`done in ${result.ms} ms`);
  });
