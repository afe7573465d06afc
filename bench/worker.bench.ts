// The Worker under load on loopback: autocannon, 10 s at 50 connections, on a code lookup and on /health of the
// same `npm start` server — requests/s, p50, p99 and their ratio.

import autocannon from "autocannon";

interface Load {
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(origin: string, path: string, seconds: number, connections: number): Promise<Load> {
  const r = await autocannon({ url: origin + path, connections, duration: seconds });
  return { path, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

export async function benchWorker(origin: string, seconds = 10, connections = 50): Promise<void> {
  console.log(`\n== Worker (wrangler dev, loopback, ${seconds} s × ${connections} connections) ==`);
  const results: Load[] = [];
  for (const path of ["/v1/codes/2021/2040250", "/health"]) {
    const r = await load(origin, path, seconds, connections);
    results.push(r);
    console.log(
      `  GET ${path.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  errors ${r.errors}  non-2xx ${r.non2xx}`,
    );
  }
  const [codes, health] = results as [Load, Load];
  console.log(`  ratio code lookup / health: ${(codes.rps / health.rps).toFixed(2)} of the requests/s, p50 ${codes.p50}/${health.p50} ms`);
}
