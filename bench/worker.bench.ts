// The Worker under load on loopback (autocannon against `npm start`): a code lookup against /health (10 s × 50
// connections), then templates (200 and 304), code lookups and /v1/check with a full disclosure (30 s × 64),
// with errors, workerd's memory before and after, and /v1/check's latency against the same check in-process.

import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import { loadBuiltinEditions } from "../cli/builtin-data.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { checkTables } from "../core/rules/check-tables.ts";
import type { RunningJuesuan } from "../scripts/local-worker.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";

interface Load {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: string;
}

type Request = { path: string; method?: string; headers?: Record<string, string>; body?: string };

async function load(origin: string, label: string, req: Request, seconds: number, connections: number): Promise<Load> {
  const r = await autocannon({ url: origin + req.path, method: (req.method ?? "GET") as "GET", headers: req.headers, body: req.body, connections, duration: seconds });
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${(s as { count: number }).count}`)
    .join(" ");
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx, statuses };
}

function show(l: Load): void {
  console.log(
    `  ${l.label.padEnd(40)} ${l.rps.toFixed(0).padStart(6)} req/s  p50 ${String(l.p50).padStart(4)} ms  p99 ${String(l.p99).padStart(4)} ms  errors ${l.errors}  [${l.statuses}]`,
  );
}

/** RSS of the workerd processes `npm start` runs, in MB. */
function workerdRssMb(group: number): number {
  const out = execFileSync("ps", ["-o", "rss=,comm=", "-g", String(group)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((l) => /workerd/.test(l))
    .reduce((kb, l) => kb + Number(l.trim().split(/\s+/)[0]), 0) / 1024;
}

export async function benchWorker(running: RunningJuesuan): Promise<void> {
  const { origin } = running;
  const short = Number(process.env.BENCH_SECONDS ?? 10);
  const long = Number(process.env.BENCH_LOAD_SECONDS ?? 30);

  console.log(`\n== Worker (wrangler dev, loopback) — lookup against /health, ${short} s × 50 connections ==`);
  const code = await load(origin, "GET /v1/codes/2021/2040250", { path: "/v1/codes/2021/2040250" }, short, 50);
  const health = await load(origin, "GET /health", { path: "/health" }, short, 50);
  show(code);
  show(health);
  console.log(`  ratio code lookup / health: ${(code.rps / health.rps).toFixed(2)} of the requests/s, p50 ${code.p50}/${health.p50} ms`);

  const { sheets } = renderDisclosure(makeLedger(seeded(1)), "export");
  const body = JSON.stringify({ grids: Object.fromEntries(sheets.map((s) => [s.name, s.cells])), merges: Object.fromEntries(sheets.map((s) => [s.name, s.merges ?? []])) });
  const etag = (await fetch(`${origin}/v1/templates/shanghai-2024`)).headers.get("ETag")!;

  console.log(`\n== Worker under load: ${long} s × 64 connections each ==`);
  const check: Request = { path: "/v1/check", method: "POST", headers: { "Content-Type": "application/json" }, body };
  const plan: [string, Request][] = [
    ["GET /v1/templates/shanghai-2024 (200)", { path: "/v1/templates/shanghai-2024" }],
    ["GET /v1/templates/shanghai-2024 (304)", { path: "/v1/templates/shanghai-2024", headers: { "If-None-Match": etag } }],
    ["GET /v1/codes/2021/2040250", { path: "/v1/codes/2021/2040250" }],
    [`POST /v1/check (${(body.length / 1024).toFixed(0)} KB disclosure)`, check],
    // the check again, and a handler that does nothing, for the growth `wrangler dev` itself shows
    ["POST /v1/check again", check],
    ["GET /health (baseline)", { path: "/health" }],
  ];
  const rss = [workerdRssMb(running.processGroup)];
  const loads: Load[] = [];
  for (const [label, req] of plan) {
    const l = await load(origin, label, req, long, 64);
    loads.push(l);
    rss.push(workerdRssMb(running.processGroup));
    show(l);
    const grown = rss.at(-1)! - rss.at(-2)!;
    console.log(`  ${"".padEnd(40)} workerd memory ${rss.at(-2)!.toFixed(0)} → ${rss.at(-1)!.toFixed(0)} MB, ${((grown * 1024) / (l.rps * long)).toFixed(2)} KB per request`);
  }
  const errors = loads.reduce((n, l) => n + l.errors + (l.label.includes("304") ? 0 : l.non2xx), 0);
  console.log(`  errors (connection errors, timeouts, non-2xx) in all: ${errors}`);

  // one request at a time: /v1/check against the same check in this process
  const codes = new CodesRegistry(loadBuiltinEditions());
  const n = 40;
  let t = performance.now();
  for (let i = 0; i < n; i++) await (await fetch(`${origin}/v1/check`, { method: "POST", headers: { "Content-Type": "application/json" }, body })).json();
  const http = (performance.now() - t) / n;
  t = performance.now();
  for (let i = 0; i < n; i++) checkTables(sheets, { codes });
  const local = (performance.now() - t) / n;
  console.log(`  /v1/check one at a time: ${http.toFixed(1)} ms; the same check in-process: ${local.toFixed(1)} ms; ratio ${(http / local).toFixed(1)}×`);
}
