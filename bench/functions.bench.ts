// Custom functions: 100,000 evaluations of PCT/RATE/GROWTH through their registered wrappers against the same
// arithmetic on bare JS numbers, and 100,000 JS.NAME lookups with a warm cache against a bare Map.get.

import "../tests/functions/custom-functions-host.ts";
import { codeName, growth, pct, rate } from "../functions/functions.ts";
import { CodesClient } from "../functions/codes-client.ts";
import { useCodesClient } from "../functions/default-client.ts";
import { line, ratio, time } from "./measure.ts";

const N = 100_000;

export async function benchFunctions(origin: string): Promise<void> {
  console.log("\n== custom functions ==");
  const parts = Array.from({ length: 1000 }, (_, i) => [(i * 7.31) % 900, 1000 + ((i * 13.7) % 500)] as const);
  const wrapped = await time("PCT+RATE+GROWTH via wrappers (exact decimal)", N, (i) => {
    const [a, b] = parts[i % 1000]!;
    return pct(a, b) + rate(a, b) + growth(a, b);
  });
  let sink = 0;
  const bare = await time("same arithmetic on bare JS numbers", N, (i) => {
    const [a, b] = parts[i % 1000]!;
    sink += Math.round((a / b) * 10000) / 100 + Math.round((a / b) * 10000) / 100 + Math.round(((a - b) / b) * 10000) / 100;
  });
  console.log(line(wrapped));
  console.log(line(bare));
  console.log(`  ratio wrappers / bare: ${ratio(wrapped, bare)}`);
  if (Number.isNaN(sink)) console.log("  (unreachable: keeps the bare loop from being optimised away)");

  let requests = 0;
  useCodesClient(
    new CodesClient({
      baseUrl: origin,
      fetch: (...a) => {
        requests++;
        return fetch(...a);
      },
    }),
  );
  const codes = ["2040250", "2010101", "30201", "20805", "2210201", "204", "21011", "2101101"];
  await codeName(codes[0], 2021); // the one request that warms the cache
  const names = await time("JS.NAME via wrapper, warm cache", N, (i) => codeName(codes[i % codes.length], 2021));
  const map = new Map(codes.map((c) => [c, c]));
  const mapGet = await time("bare Map.get", N, (i) => map.get(codes[i % codes.length]!));
  console.log(line(names));
  console.log(line(mapGet));
  console.log(`  ratio JS.NAME / Map.get: ${ratio(names, mapGet)}  (requests to the Worker: ${requests})`);
}
