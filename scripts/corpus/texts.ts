// The texts part of `npm run corpus` (see scripts/corpus.ts): every real text through core's narrative check
// alone, scored against key.json — defects found at their line, findings on consistent statements, mutations.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkNarrative } from "../../core/narrative/check-narrative.ts";
import { Findings } from "../../core/rules/finding.ts";

interface Statement {
  line: number;
  what: string;
  arithmetic?: string;
}
interface Entry {
  year: number;
  defects: Statement[];
  consistent: Statement[];
}

const TARGETS = { recall: 0.95, mutations: 0.95, coverage: 0.9 };

interface Flag {
  line: number;
  text: string;
}

function flags(text: string, year: number): { flags: Flag[]; found: number; checked: number } {
  const out = new Findings();
  const { coverage } = checkNarrative(text, out, { year });
  const list = out.findings
    .filter((f) => f.severity !== "info" && "line" in f.where)
    .map((f) => ({ line: (f.where as { line: number }).line, text: `${f.severity} ${f.rule}: ${f.message}` }));
  return { flags: list, found: coverage.figures, checked: coverage.checked };
}

// a figure as printed: "1,055.4", "769.70", "0" — not a year ("2021年") nor list numbering ("2.", "3、")
const FIGURE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

function figuresOf(s: string): string[] {
  return [...s.matchAll(FIGURE)].map((m) => m[0].replace(/,/g, "")).filter((x) => !/^(19|20)\d{2}$/.test(x));
}

/**
 * One figure of the statement changed on its line (its leading digit moved on by four), so that the statement
 * no longer holds; null when none of the statement's figures stands on the line.
 */
function mutate(line: string, statement: Statement, index: number): string | null {
  const wanted = [...new Set(figuresOf(statement.what))];
  const onLine = [...line.matchAll(FIGURE)].filter((m) => {
    const after = line.slice(m.index + m[0].length, m.index + m[0].length + 1);
    return !/^(19|20)\d{2}$/.test(m[0]) || after !== "年";
  });
  const candidates = wanted.filter((w) => onLine.some((m) => m[0].replace(/,/g, "") === w));
  if (!candidates.length) return null;
  const pick = candidates[index % candidates.length]!;
  const m = onLine.find((x) => x[0].replace(/,/g, "") === pick)!;
  const digits = m[0];
  lastPick = digits;
  const lead = digits.search(/[1-9]/);
  // a change well past any rounding: the leading digit moved on by four (1→5, 6→1), a zero made 5
  const changed = lead < 0 ? digits.replace(/0(?=[^0]*$)/, "5") : digits.slice(0, lead) + String(((Number(digits[lead]) + 3) % 9) + 1) + digits.slice(lead + 1);
  return line.slice(0, m.index) + changed + line.slice(m.index + digits.length);
}

let lastPick = "";

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "—");

export async function runTextCorpus(dir: string): Promise<boolean> {
  const key = JSON.parse(readFileSync(join(dir, "key.json"), "utf8")) as { texts: Record<string, Entry> };
  const verbose = process.argv.includes("--verbose");
  const total = { defects: 0, found: 0, fp: 0, mutations: 0, caught: 0, numbers: 0, checked: 0 };
  const rows: string[] = [];
  for (const [file, entry] of Object.entries(key.texts)) {
    const text = readFileSync(join(dir, "texts", file), "utf8");
    const base = flags(text, entry.year);
    // each defect needs its own finding on its line
    const pool = [...base.flags];
    const missed: Statement[] = [];
    let found = 0;
    for (const d of entry.defects) {
      const i = pool.findIndex((f) => f.line === d.line);
      if (i >= 0) {
        pool.splice(i, 1);
        found++;
      } else missed.push(d);
    }
    const defectLines = new Set(entry.defects.map((d) => d.line));
    const consistentLines = new Set(entry.consistent.map((c) => c.line));
    const fps = base.flags.filter((f) => consistentLines.has(f.line) && !defectLines.has(f.line));
    const others = base.flags.filter((f) => !consistentLines.has(f.line) && !defectLines.has(f.line));

    const lines = text.split("\n");
    let mutations = 0;
    let caught = 0;
    const escaped: string[] = [];
    entry.consistent.forEach((c, i) => {
      const changed = mutate(lines[c.line - 1] ?? "", c, i);
      if (changed === null) return;
      mutations++;
      const before = new Set(base.flags.filter((f) => f.line === c.line).map((f) => f.text));
      const after = flags([...lines.slice(0, c.line - 1), changed, ...lines.slice(c.line)].join("\n"), entry.year);
      if (after.flags.some((f) => f.line === c.line && !before.has(f.text))) caught++;
      else escaped.push(`L${c.line}（改动 ${lastPick}）${c.what}`);
    });

    total.defects += entry.defects.length;
    total.found += found;
    total.fp += fps.length;
    total.mutations += mutations;
    total.caught += caught;
    total.numbers += base.found;
    total.checked += base.checked;
    rows.push(
      `${file.slice(0, 34).padEnd(34)} ${`${found}/${entry.defects.length}`.padStart(6)} ${String(fps.length).padStart(4)} ${`${caught}/${mutations}`.padStart(7)} ${`${base.checked}/${base.found}`.padStart(8)}`,
    );
    if (verbose) {
      for (const d of missed) rows.push(`    漏报 L${d.line} ${d.what}`);
      for (const f of fps) rows.push(`    误报 L${f.line} ${f.text}`);
      for (const f of others) rows.push(`    其他 L${f.line} ${f.text}`);
      for (const e of escaped) rows.push(`    未捕获变异 ${e}`);
    }
  }
  console.log(`\n== 情况说明语料（${Object.keys(key.texts).length} 篇，只查文本） ==`);
  console.log(`${"文件".padEnd(32)} 缺陷检出 误报 变异捕获 数字核对`);
  for (const r of rows) console.log(r);
  const recall = total.found / total.defects;
  const caughtRate = total.caught / total.mutations;
  const coverage = total.checked / total.numbers;
  console.log(
    `合计：缺陷检出 ${total.found}/${total.defects}（${pct(total.found, total.defects)}）；一致陈述上的误报 ${total.fp}；` +
      `变异捕获 ${total.caught}/${total.mutations}（${pct(total.caught, total.mutations)}）；数字核对覆盖 ${total.checked}/${total.numbers}（${pct(total.checked, total.numbers)}）`,
  );
  const met = recall >= TARGETS.recall && total.fp === 0 && caughtRate >= TARGETS.mutations && coverage >= TARGETS.coverage;
  console.log(met ? "目标全部达到。" : `目标（检出 ≥ 95%、误报 0、变异捕获 ≥ 95%、覆盖 ≥ 90%）尚未全部达到。`);
  // a measurement, not a gate: the run succeeds whenever it could measure
  return true;
}
