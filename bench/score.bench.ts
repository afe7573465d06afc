// The publication score: what it adds to a whole check of the full fixture disclosure, and its cost alone on a
// normal narrative and on 2 MB texts made to tempt its patterns (the figures should grow with size, not faster).

import { checkDisclosure } from "../core/check-disclosure.ts";
import { scoreDisclosure } from "../core/score/score.ts";
import { fullDisclosure } from "../tests/score/full-disclosure.ts";
import { line, ratio, time } from "./measure.ts";

export async function benchScore(): Promise<void> {
  console.log("\n== publication score ==");
  const { sheets, text } = fullDisclosure();
  const plain = await time("check tables + text, no score (a few ranges)", 50, () => checkDisclosure({ sheets, text, expectComplete: false }));
  const scored = await time("check tables + text with the score", 50, () => checkDisclosure({ sheets, text }));
  const alone = await time("score alone (reads the text itself)", 200, () => scoreDisclosure({ disclosure: null, sheets, text, template: null, findings: [] }));
  for (const t of [plain, scored, alone]) console.log(line(t));
  console.log(`  ratio with score / without: ${ratio(scored, plain)}`);
  const tempting: Record<string, string> = {
    "headings": "一、绩效三公政府采购\n",
    "counts": "团组1个、人次2人次、接待3批次，",
    "changes": "“三公”经费增加1.00万元，增长1.00%，",
  };
  for (const [name, unit] of Object.entries(tempting)) {
    for (const chars of [250_000, 1_000_000]) {
      const big = unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
      console.log(line(await time(`score alone, ${name}, ${(chars / 1e6).toFixed(1)} M characters`, 1, () => scoreDisclosure({ disclosure: null, sheets: null, text: big, template: null, findings: [] }))));
    }
  }
}
