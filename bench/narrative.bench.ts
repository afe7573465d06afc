// Narratives: checking a ~40 KB 情况说明 alone and against its tables, per document and in MB/s, against only
// normalising the same text (one pass over it).

import { loadBuiltinEditions } from "../cli/builtin-data.ts";
import { checkDisclosure } from "../core/check-disclosure.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { toProse } from "../core/narrative/prose.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { asPdfText, narrativeOf } from "../tests/fixtures/narrative-text.ts";
import { line, ratio, time } from "./measure.ts";

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
  console.log(`  text: ${(bytes / 1024).toFixed(1)} KB, ${text.split("\n").length} lines; figures found ${first.coverage!.claims}, tied ${first.coverage!.tied}`);
  const normalise = await time("normalise only (one pass)", 200, () => toProse(text));
  const alone = await time("check the text alone", 50, () => checkDisclosure({ text, codes, year: 2021 }));
  const both = await time("check the text against its tables", 50, () => checkDisclosure({ sheets, text, codes }));
  for (const t of [normalise, alone, both]) console.log(`${line(t)}  ${((bytes / 1e6) / (t.nsPerOp / 1e9)).toFixed(2)} MB/s`);
  console.log(`  ratio check alone / normalise: ${ratio(alone, normalise)}; against tables / normalise: ${ratio(both, normalise)}`);
}
