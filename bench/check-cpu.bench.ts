// POST /v1/check CPU per request as workerd spends it: its processes' user+system time (/proc) over sequential
// requests, for the bench disclosure with its narrative as JSON and as an .xlsx body, beside GET /health (the
// HTTP and runtime cost every request pays) and issue 12's target.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningJuesuan } from "../scripts/local-worker.ts";
import { writeXlsx } from "../tests/fixtures/write-xlsx.ts";
import { benchDisclosure } from "./bench-disclosure.ts";
import { target } from "./measure.ts";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU seconds the workerd processes of the group have used so far. */
function workerdCpuSeconds(group: number): number {
  const pids = execFileSync("ps", ["-o", "pid=,comm=", "-g", String(group)], { encoding: "utf8" })
    .split("\n")
    .filter((l) => /workerd/.test(l))
    .map((l) => l.trim().split(/\s+/)[0]!);
  let ticks = 0;
  for (const pid of pids) {
    // fields after the command's closing parenthesis: utime and stime are the 12th and 13th
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

/** ms of workerd CPU per request, or the reason the requests failed. */
async function cpuPerRequest(running: RunningJuesuan, n: number, request: () => Promise<Response>): Promise<number | string> {
  const one = async () => {
    const res = await request();
    if (!res.ok) throw new Error(`${res.status} ${(await res.text()).slice(0, 160)}`);
    await res.arrayBuffer();
  };
  try {
    for (let i = 0; i < 10; i++) await one();
    const before = workerdCpuSeconds(running.processGroup);
    for (let i = 0; i < n; i++) await one();
    return ((workerdCpuSeconds(running.processGroup) - before) * 1000) / n;
  } catch (err) {
    return `failed: ${(err as Error).message}`;
  }
}

const shown = (ms: number | string) => (typeof ms === "number" ? `${ms.toFixed(2)} ms` : ms);

export async function benchCheckCpu(running: RunningJuesuan): Promise<void> {
  const { origin } = running;
  const n = Number(process.env.BENCH_CPU_REQUESTS ?? 200);
  console.log(`\n== POST /v1/check CPU per request in workerd (${n} sequential requests each) ==`);
  const { sheets, text, rows, textBytes } = benchDisclosure();
  const json = JSON.stringify({ grids: Object.fromEntries(sheets.map((s) => [s.name, s.cells])), merges: Object.fromEntries(sheets.map((s) => [s.name, s.merges ?? []])), text });
  const dir = mkdtempSync(join(tmpdir(), "juesuan-cpu-"));
  await writeXlsx(join(dir, "book.xlsx"), sheets);
  const xlsx = readFileSync(join(dir, "book.xlsx"));
  rmSync(dir, { recursive: true, force: true });
  const health = await cpuPerRequest(running, n, () => fetch(`${origin}/health`));
  const asJson = await cpuPerRequest(running, n, () => fetch(`${origin}/v1/check`, { method: "POST", headers: { "Content-Type": "application/json" }, body: json }));
  const asXlsx = await cpuPerRequest(running, n, () =>
    fetch(`${origin}/v1/check?year=2021&name=book.xlsx`, { method: "POST", headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, body: xlsx }),
  );
  console.log(`  ${rows} rows + ${(textBytes / 1024).toFixed(1)} KB narrative as JSON (${(json.length / 1024).toFixed(0)} KB): ${shown(asJson)} CPU`);
  console.log(`  the same tables as an .xlsx body (${(xlsx.length / 1024).toFixed(0)} KB): ${shown(asXlsx)}; GET /health: ${shown(health)}`);
  for (const [what, ms] of [["POST /v1/check CPU, JSON with narrative", asJson], ["POST /v1/check CPU, .xlsx body", asXlsx]] as const) {
    console.log(typeof ms === "number" ? target(what, ms, 5, " ms", "11.8 ms (issue 12)") : `  target: ${what} ≤ 5 ms — not measured (${ms})`);
  }
}
