// `npm run fuzz [-- --cases N --seed S --from I]`: hostile grids, files and texts through the readers and the
// core check; prints crashes (with the index to replay: --from I --cases 1), cases over 100 ms and peak RSS.
// Exits 1 when anything crashed. Ctrl-C (or SIGTERM) ends the run between cases and prints what it found.

import { SLOW_MS, fuzz } from "../tests/fuzz/harness.ts";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} 需要一个非负整数`);
    process.exit(2);
  }
  return value;
}

const seed = option("seed", 1);
const cases = option("cases", 100_000);
const from = option("from", 0);
console.log(`fuzz: seed ${seed}, cases ${from}…${from + cases - 1}`);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
const result = await fuzz({
  seed,
  cases,
  from,
  stop: () => stopping,
  onProgress: (done, r) => console.log(`  ${done.toLocaleString("en")} cases, ${r.crashes.length} crashes, ${r.slow.length} over ${SLOW_MS} ms, ${((performance.now() / 1000) | 0)} s`),
});
console.log(`\n${result.cases.toLocaleString("en")} cases in ${result.seconds.toFixed(0)} s; peak RSS ${result.peakRssMb.toFixed(0)} MB`);
for (const [k, n] of Object.entries(result.counts).sort()) console.log(`  ${k.padEnd(20)} ${n}`);
console.log(`crashes: ${result.crashes.length}`);
// one line per distinct error and place, with how often and the first case to replay
const groups = new Map<string, { n: number; first: (typeof result.crashes)[number] }>();
for (const c of result.crashes) {
  const key = c.error.split(" | ").slice(0, 2).join(" | ");
  const g = groups.get(key);
  if (g) g.n++;
  else groups.set(key, { n: 1, first: c });
}
for (const [key, g] of groups) console.log(`  ${g.n}× ${key}  (first: --from ${g.first.index} --cases 1, ${g.first.kind} ${g.first.label})`);
const slow = [...result.slow].sort((a, b) => b.ms - a.ms);
const byLabel = new Map<string, number>();
for (const s of slow) byLabel.set(`${s.kind} ${s.label.replace(/\d+/g, "N")}`, (byLabel.get(`${s.kind} ${s.label.replace(/\d+/g, "N")}`) ?? 0) + 1);
console.log(`over ${SLOW_MS} ms: ${slow.length}${slow.length ? ` (${[...byLabel].map(([k, n]) => `${k}: ${n}`).join("; ")})` : ""}`);
for (const s of slow.slice(0, 20)) console.log(`  #${s.index} ${s.kind} (${s.label}): ${s.ms} ms`);
process.exit(result.crashes.length ? 1 : 0);
