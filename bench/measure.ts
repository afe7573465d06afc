// Small timing helpers for the benchmarks: run a body N times after a warm-up and report ns per operation.
// The N runs are timed in five batches and the fastest batch counts: 2 cores are shared, and a neighbour's
// burst should not be read as this code's cost.

export interface Timing {
  name: string;
  ops: number;
  ms: number;
  nsPerOp: number;
  opsPerSec: number;
}

const BATCHES = 5;

export async function time(name: string, ops: number, body: (i: number) => unknown | Promise<unknown>): Promise<Timing> {
  // warm up until the JIT has optimised the body (a fixed 2,000 calls left small bodies half-compiled),
  // capped by the run's own size and by time for heavy bodies
  const warm = performance.now();
  for (let i = 0; i < ops && (i < 2000 || performance.now() - warm < 300); i++) await body(i);
  const perBatch = Math.max(1, Math.floor(ops / BATCHES));
  let ms = 0;
  let best = Infinity;
  for (let done = 0; done < ops; ) {
    const n = Math.min(perBatch, ops - done);
    const started = performance.now();
    for (let i = done; i < done + n; i++) await body(i);
    const took = performance.now() - started;
    ms += took;
    best = Math.min(best, (took * 1e6) / n);
    done += n;
  }
  return { name, ops, ms, nsPerOp: best, opsPerSec: 1e9 / best };
}

/**
 * Two bodies timed in alternating batches (A, B, A, B …), each by its fastest batch, so a ratio between them
 * compares the two under the same load rather than whatever the neighbours did in between.
 */
export async function timePair(
  a: [name: string, body: (i: number) => unknown | Promise<unknown>],
  b: [name: string, body: (i: number) => unknown | Promise<unknown>],
  ops: number,
): Promise<[Timing, Timing]> {
  const rounds = 10;
  const per = Math.max(1, Math.floor(ops / rounds));
  const runs = [a, b].map(([name]) => ({ name, ops: 0, ms: 0, nsPerOp: Infinity, opsPerSec: 0 }));
  for (let r = 0; r < rounds; r++) {
    for (const [k, [, body]] of [a, b].entries()) {
      const t = await time(runs[k]!.name, per, (i) => body(r * per + i));
      const run = runs[k]!;
      run.ops += t.ops;
      run.ms += t.ms;
      run.nsPerOp = Math.min(run.nsPerOp, t.nsPerOp);
      run.opsPerSec = 1e9 / run.nsPerOp;
    }
  }
  return [runs[0]!, runs[1]!];
}

export function line(t: Timing): string {
  return `  ${t.name.padEnd(52)} ${t.ops.toLocaleString("en").padStart(9)} ops  ${t.ms.toFixed(1).padStart(8)} ms  ${t.nsPerOp.toFixed(0).padStart(7)} ns/op`;
}

export function ratio(a: Timing, b: Timing): string {
  return `${(a.nsPerOp / b.nsPerOp).toFixed(1)}×`;
}

/**
 * A target of issue 12 beside what this run measured and its baseline: `target: … ≤ 2× — measured 1.40×
 * (met); baseline …`. `atLeast`: the figure must reach the limit (a throughput) rather than stay under it.
 */
export function target(what: string, measured: number, limit: number, unit: string, baseline?: string, atLeast = false): string {
  const met = atLeast ? measured >= limit : measured <= limit;
  return `  target: ${what} ${atLeast ? "≥" : "≤"} ${limit}${unit} — measured ${measured.toFixed(2)}${unit} (${met ? "met" : "NOT met"})${baseline ? `; baseline ${baseline}` : ""}`;
}
