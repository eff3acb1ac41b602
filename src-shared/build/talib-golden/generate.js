// Computes TA-Lib reference values for the indicators whose TA-Lib outputs the shared golden
// files lack (CCI, MFI, OBV, SAR, WMA), with TA-Lib's own C code compiled to
// WebAssembly (npm talib-web). Input: a golden CSV(.gz) whose first six columns are
// time,open,high,low,close,volume. Output: CSV with time and one column per indicator, empty
// during TA-Lib's warm-up (its lookback).
//   npm ci && node generate.js INPUT.csv.gz | gzip -9 > OUTPUT.csv.gz
const talib = require("talib-web");
const fs = require("fs");
const zlib = require("zlib");

async function main() {
  // Node's fetch cannot read a local path; without it the WASM runtime reads the file itself.
  delete globalThis.fetch;
  await talib.init(require.resolve("talib-web/lib/talib.wasm"));
  const raw = fs.readFileSync(process.argv[2]);
  const text = (process.argv[2].endsWith(".gz") ? zlib.gunzipSync(raw) : raw).toString().trim();
  const rows = text.split("\n").slice(1).map(l => l.split(",").slice(0, 6).map(Number));
  const time = rows.map(r => r[0]), high = rows.map(r => r[2]), low = rows.map(r => r[3]);
  const close = rows.map(r => r[4]), volume = rows.map(r => r[5]);
  const n = rows.length;
  // talib-web returns TA-Lib's output arrays as TA-Lib fills them: output[j] belongs to input
  // j + lookback, and the last `lookback` entries are not results. The lookbacks below are
  // TA-Lib's (e.g. STOCH = (fastK-1) + (slowK-1) + (slowD-1)).
  const columns = [];
  const add = (name, output, lookback) => {
    const col = new Array(n).fill("");
    for (let j = 0; j + lookback < n; j++) col[j + lookback] = String(output[j]);
    columns.push([name, col]);
  };
  // Multi-output functions (STOCH, STOCHF) come back garbled from this wrapper (all zeros), so
  // the slow stochastic (5,3,3, SMA) is composed from single-output TA-Lib functions the way
  // STOCH defines it: fast %K = 100 + WILLR(5) (= 100·(C − LL)/(HH − LL)), slow %K = SMA(3) of it,
  // slow %D = SMA(3) of slow %K; both columns start where STOCH's do (lookback 8). The
  // composition rounds differently from STOCH in the last bits, and a flat 5-bar range would
  // give 100 where STOCH gives 0 (none in this data).
  const willr = talib.WILLR({ high, low, close, timePeriod: 5 }).output.slice(0, n - 4);
  const fastK = willr.map(w => 100 + w);
  const slowK = talib.SMA({ inReal: fastK, timePeriod: 3 }).output.slice(0, fastK.length - 2);
  const slowD = talib.SMA({ inReal: slowK, timePeriod: 3 }).output.slice(0, slowK.length - 2);
  add("stoch_slowk_5_3_3", slowK.slice(2), 8);
  add("stoch_slowd_5_3_3", slowD, 8);
  add("cci_20", talib.CCI({ high, low, close, timePeriod: 20 }).output, 19);
  add("mfi_14", talib.MFI({ high, low, close, volume, timePeriod: 14 }).output, 14);
  add("obv", talib.OBV({ inReal: close, volume }).output, 0);
  add("sar_0.02_0.2", talib.SAR({ high, low, acceleration: 0.02, maximum: 0.2 }).output, 1);
  add("wma_20", talib.WMA({ inReal: close, timePeriod: 20 }).output, 19);
  // Columns TA-Lib's own golden file also has: they check this build and the alignment above
  // against native TA-Lib 0.6.
  add("sma_20", talib.SMA({ inReal: close, timePeriod: 20 }).output, 19);
  add("rsi_14", talib.RSI({ inReal: close, timePeriod: 14 }).output, 14);
  add("atr_14", talib.ATR({ high, low, close, timePeriod: 14 }).output, 14);
  const out = ["time," + columns.map(c => c[0]).join(",")];
  for (let i = 0; i < n; i++) out.push(time[i] + "," + columns.map(c => c[1][i]).join(","));
  process.stdout.write(out.join("\n") + "\n");
}
main().catch(e => { console.error(e); process.exit(1); });
