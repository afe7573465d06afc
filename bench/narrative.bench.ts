// Narratives: a ~40 KB 情况说明 read and checked alone and against its tables, per document, in MB/s and in
// medians, beside only normalising the same text; and hostile 1 MB texts against 10 KB ones (the ratio shows
// the reading stays linear).

import { loadBuiltinEditions } from "../cli/builtin-data.ts";
import { checkDisclosure } from "../core/check-disclosure.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { checkNarrative } from "../core/narrative/check-narrative.ts";
import { toProse } from "../core/narrative/prose.ts";
import { Findings } from "../core/rules/finding.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { asPdfText, narrativeOf } from "../tests/fixtures/narrative-text.ts";
import { line, ratio, time } from "./measure.ts";
import { HOSTILE_TEXTS } from "../tests/fixtures/hostile-texts.ts";

/** The median time of `runs` calls, in ms. */
function median(runs: number, body: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    body();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function benchNarrative(): Promise<void> {
  console.log("\n== narrative ==");
  const codes = new CodesRegistry(loadBuiltinEditions());
  const { sheets } = renderDisclosure(makeLedger(seeded(1)), "export");
  // a long 情况说明: the written one, then its PDF-extraction form, repeated up to ~40 KB
  const one = narrativeOf(sheets);
  let text = one;
  // each copy broken at another width, so no line repeats like a running header
  for (let width = 23; new TextEncoder().encode(text).length < 40_000; width += 2) text += `\n${asPdfText(one, `第${width}页眉`, width)}`;
  const bytes = new TextEncoder().encode(text).length;
  const first = checkDisclosure({ sheets, text, codes }).report;
  const c = first.coverage!;
  console.log(`  text: ${(bytes / 1024).toFixed(1)} KB, ${text.split("\n").length} lines; figures ${c.found}, checked ${c.checked}; amounts ${c.claims}, tied ${c.tied}`);
  const normalise = await time("normalise only (one pass)", 200, () => toProse(text));
  const alone = await time("check the text alone", 100, () => checkDisclosure({ text, codes, year: 2021 }));
  const both = await time("check the text against its tables", 100, () => checkDisclosure({ sheets, text, codes }));
  for (const t of [normalise, alone, both]) console.log(`${line(t)}  ${((bytes / 1e6) / (t.nsPerOp / 1e9)).toFixed(2)} MB/s`);
  const medians = [
    ["normalise only", median(101, () => toProse(text))],
    ["read and check alone (target ≤ 1 ms)", median(101, () => checkNarrative(text, new Findings(), { year: 2021, codes }))],
    ["check against its tables, whole disclosure (target ≤ 1.5 ms)", median(51, () => checkDisclosure({ sheets, text, codes }))],
    ["the tables alone, for comparison", median(51, () => checkDisclosure({ sheets, codes }))],
  ] as const;
  for (const [name, ms] of medians) console.log(`  median ${name.padEnd(62)} ${ms.toFixed(3)} ms`);
  console.log(`  ratio check alone / normalise: ${ratio(alone, normalise)}; against tables / normalise: ${ratio(both, normalise)}`);

  console.log("  hostile texts (1 MB against 10 KB; linear reading gives about 100×):");
  for (const [name, make] of HOSTILE_TEXTS) {
    const [small, large] = [10_000, 1_000_000].map((n) => {
      const t = make(n);
      const start = performance.now();
      checkNarrative(t, new Findings(), { year: 2021 });
      return performance.now() - start;
    });
    console.log(`    ${name.padEnd(36)} 10 KB ${small!.toFixed(1).padStart(7)} ms   1 MB ${large!.toFixed(1).padStart(8)} ms   ${(large! / small!).toFixed(0)}×`);
  }
}
