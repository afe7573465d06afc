// Runs fuzz cases through what a hostile input meets in juesuan — the file readers (readWorkbook) and the
// core check (checkDisclosure) — and keeps what matters: crashes (any error but the three that are answers),
// cases over 100 ms, and peak resident memory. Shared by `npm run fuzz` and the npm test slice.

import { loadBuiltinEditions } from "../../cli/builtin-data.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { DomainError } from "../../core/errors.ts";
import { InputTooLarge } from "../../core/limits.ts";
import { UnreadableFile, readWorkbook } from "../../hosts/workbook.ts";
import { type FuzzCase, makeCase } from "./generators.ts";

export const SLOW_MS = 100;

export interface Crash {
  index: number;
  kind: FuzzCase["kind"];
  label: string;
  error: string;
}

export interface FuzzResult {
  seed: number;
  cases: number;
  crashes: Crash[];
  slow: { index: number; kind: FuzzCase["kind"]; label: string; ms: number }[];
  /** cases by kind, and how each ended */
  counts: Record<string, number>;
  peakRssMb: number;
  seconds: number;
}

let codes: CodesRegistry | null = null;

/** One case, start to finish: read (for files), then check. Answers (refusals) return their kind. */
export async function runCase(c: FuzzCase): Promise<"checked" | "refused" | "domain"> {
  codes ??= new CodesRegistry(loadBuiltinEditions());
  try {
    let sheets = c.kind === "grid" ? c.sheets : null;
    if (c.kind === "xlsx" || c.kind === "xls") sheets = await readWorkbook(c.bytes, c.kind === "xls" ? "单位.et" : "单位.xlsx");
    checkDisclosure({ sheets, text: c.kind === "text" ? c.text : null, codes, year: 2021 });
    return "checked";
  } catch (err) {
    if (err instanceof UnreadableFile || err instanceof InputTooLarge) return "refused";
    if (err instanceof DomainError) return "domain";
    throw err;
  }
}

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** the first case index (to replay one case, or to split a run) */
  from?: number;
  onProgress?: (done: number, result: FuzzResult) => void;
  /** asked between cases: true ends the run early (Ctrl-C), with what was found so far */
  stop?: () => boolean;
}

export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const result: FuzzResult = { seed: o.seed, cases: 0, crashes: [], slow: [], counts: {}, peakRssMb: 0, seconds: 0 };
  const from = o.from ?? 0;
  for (let index = from; index < from + o.cases && !o.stop?.(); index++) {
    const c = makeCase(o.seed, index);
    const t0 = performance.now();
    let outcome: string;
    try {
      outcome = await runCase(c);
    } catch (err) {
      outcome = "crash";
      result.crashes.push({ index, kind: c.kind, label: c.label, error: String((err as Error)?.stack ?? err).split("\n").slice(0, 4).join(" | ") });
    }
    const ms = performance.now() - t0;
    if (ms > SLOW_MS) result.slow.push({ index, kind: c.kind, label: c.label, ms: Math.round(ms) });
    const key = `${c.kind} ${outcome}`;
    result.counts[key] = (result.counts[key] ?? 0) + 1;
    result.cases++;
    if (result.cases % 200 === 0 || c.label.includes("bomb") || c.label.includes("MB")) result.peakRssMb = Math.max(result.peakRssMb, process.memoryUsage().rss / 1048576);
    if (o.onProgress && result.cases % 10_000 === 0) o.onProgress(result.cases, result);
  }
  result.peakRssMb = Math.max(result.peakRssMb, process.resourceUsage().maxRSS / 1024);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
