// Small timing helpers for the benchmarks: run a body N times after a warm-up and report ns per operation.

export interface Timing {
  name: string;
  ops: number;
  ms: number;
  nsPerOp: number;
  opsPerSec: number;
}

export async function time(name: string, ops: number, body: (i: number) => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(ops, 2000); i++) await body(i);
  const started = performance.now();
  for (let i = 0; i < ops; i++) await body(i);
  const ms = performance.now() - started;
  return { name, ops, ms, nsPerOp: (ms * 1e6) / ops, opsPerSec: ops / (ms / 1000) };
}

export function line(t: Timing): string {
  return `  ${t.name.padEnd(52)} ${t.ops.toLocaleString("en").padStart(9)} ops  ${t.ms.toFixed(1).padStart(8)} ms  ${t.nsPerOp.toFixed(0).padStart(7)} ns/op`;
}

export function ratio(a: Timing, b: Timing): string {
  return `${(a.nsPerOp / b.nsPerOp).toFixed(1)}×`;
}
