// Custom functions: 100,000 evaluations of PCT/RATE/GROWTH through their registered wrappers against the same
// arithmetic on bare JS numbers (cells as typed, and sums carrying binary noise), and 100,000 JS.NAME lookups
// with the edition in memory against a bare Map.get.

import "../tests/functions/custom-functions-host.ts";
import { codeName, growth, pct, rate } from "../functions/functions.ts";
import { CodesClient } from "../functions/codes-client.ts";
import { useCodesClient } from "../functions/default-client.ts";
import { line, ratio, target, timePair } from "./measure.ts";

const N = 100_000;

export async function benchFunctions(origin: string): Promise<void> {
  console.log("\n== custom functions ==");
  // what cells hold: amounts typed with 2 decimals
  const typed = Array.from({ length: 1000 }, (_, i) => [Math.round((i * 7.31) % 900 * 100) / 100, Math.round((1000 + ((i * 13.7) % 500)) * 100) / 100] as const);
  // and what formulas hand over: the same kind of figures with a sum's binary noise (21.930000000000003)
  const noisy = Array.from({ length: 1000 }, (_, i) => [(i * 7.31) % 900, 1000 + ((i * 13.7) % 500)] as const);
  let sink = 0;
  const runs = [];
  for (const [label, parts] of [["typed 2-decimal cells", typed], ["formula results with binary noise", noisy]] as const) {
    const [wrapped, bare] = await timePair(
      [
        `PCT+RATE+GROWTH via wrappers, ${label}`,
        (i) => {
          const [a, b] = parts[i % 1000]!;
          return pct(a, b) + rate(a, b) + growth(a, b);
        },
      ],
      [
        `same arithmetic on bare JS numbers, ${label}`,
        (i) => {
          const [a, b] = parts[i % 1000]!;
          sink += Math.round((a / b) * 10000) / 100 + Math.round((a / b) * 10000) / 100 + Math.round(((a - b) / b) * 10000) / 100;
        },
      ],
      N,
    );
    console.log(line(wrapped));
    console.log(line(bare));
    console.log(`  ratio wrappers / bare: ${ratio(wrapped, bare)}`);
    runs.push(wrapped.nsPerOp / bare.nsPerOp);
  }
  if (Number.isNaN(sink)) console.log("  (unreachable: keeps the bare loop from being optimised away)");
  console.log(target("JS.PCT/RATE/GROWTH wrappers / bare arithmetic, typed cells", runs[0]!, 2, "×", "34× (issue 12)"));
  console.log(`  (formula results with noise take the exact 15-digit path: ${runs[1]!.toFixed(1)}×)`);

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
  await codeName(codes[0], 2021); // the one request that brings the edition into memory
  const map = new Map(codes.map((c) => [c, c]));
  const [names, mapGet] = await timePair(
    ["JS.NAME via wrapper, edition in memory", (i) => codeName(codes[i % codes.length], 2021)],
    ["bare Map.get", (i) => map.get(codes[i % codes.length]!)],
    N,
  );
  console.log(line(names));
  console.log(line(mapGet));
  console.log(`  ratio JS.NAME / Map.get: ${ratio(names, mapGet)}  (requests to the Worker: ${requests})`);
  console.log(target("warm JS.NAME / Map.get", names.nsPerOp / mapGet.nsPerOp, 2, "×", "9× (issue 12)"));
}
