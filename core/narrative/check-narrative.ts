// Checks a narrative: its prose read into facts and claims in one pass, the arithmetic among its facts, the rules
// on its words, the sections its template requires, and — when the tables are given — every figure tied to its
// cell. Every figure is either used by a check or listed as not checked, with its line and why.

import type { CodesRegistry } from "../codes/codes-registry.ts";
import type { Findings } from "../rules/finding.ts";
import type { Disclosure } from "../tables/model.ts";
import type { Template } from "../templates/template.ts";
import { type Claim, factClaims, readWordClaims } from "./claims.ts";
import { factRules } from "./fact-rules.ts";
import { type Fact, readFacts } from "./facts.ts";
import { statedTable } from "./fact-values.ts";
import { type Prose, toProse } from "./prose.ts";
import { tieFigures, tieToTables } from "./table-ties.ts";
import { textRules } from "./text-rules.ts";

export const SECTIONS_RULE = "narrative.sections";
export const UNCHECKED_RULE = "narrative.unchecked";
const UNCHECKED_LISTED = 300;

export interface NarrativeOptions {
  year?: number | null;
  codes?: CodesRegistry | null;
  disclosure?: Disclosure | null;
  template?: Template | null;
}

export interface Coverage {
  /** figures that can be tied to a table cell, and how many were */
  found: number;
  tied: number;
  /** the figures of the text (amounts and rates; counts when a check used them), and how many some check used */
  figures: number;
  checked: number;
}

/** Checks a narrative; hands back its prose and claims too, so other readers (the score) need not read it again. */
export function checkNarrative(text: string, out: Findings, o: NarrativeOptions = {}): { year: number | null; coverage: Coverage; prose: Prose; claims: Claim[] } {
  const prose = toProse(text);
  const words = readWordClaims(prose.text);
  const year = o.year ?? o.disclosure?.year ?? reportYearOf(words);
  let edition = null;
  try {
    edition = year && o.codes ? o.codes.edition(year) : null;
  } catch {
    edition = null;
  }
  const reading = readFacts(prose, year);
  const claims = [...words, ...factClaims(reading)].sort((a, b) => a.start - b.start);
  const used = new Set<Fact>();
  factRules({ prose, reading, out, used });
  textRules({ prose, claims, year, edition, out, facts: reading.facts, values: statedTable(reading.facts), used, sentenceStarts: reading.sentenceStarts });

  if (o.template?.narrative) {
    const flat = prose.text.replace(/["“”]/g, "");
    for (const s of o.template.narrative.sections) {
      if (!flat.includes(s.title.replace(/["“”]/g, ""))) {
        out.add({ rule: SECTIONS_RULE, severity: "warning", message: `缺少“${s.title}”部分（模板“${o.template.name}”要求）`, where: { line: 1, excerpt: "" }, related: [] });
      }
    }
  } else out.skip(SECTIONS_RULE, "未指定模板，未核对情况说明各部分是否齐全");

  const figures = tieFigures(reading.facts);
  let tie = { found: figures.length, tied: 0 };
  if (o.disclosure) {
    const actuals = reading.facts.filter((f) => f.measure === "actual" && f.fig.kind === "money");
    const t = tieToTables({ prose, claims, figures, actuals, disclosure: o.disclosure, out });
    for (const f of t.tiedFacts) used.add(f);
    tie = { found: t.found, tied: t.tied };
  } else out.skip("narrative.table-figure", "没有提供公开表，文中数字未与表核对");

  const unchecked = reading.facts.filter((f) => !used.has(f));
  // each figure by itself up to a readable number, then one line for the rest
  for (const f of unchecked.slice(0, UNCHECKED_LISTED)) {
    const why = !f.subject ? "看不出是哪一项的数" : f.measure === "unknown" ? "看不出是本年数、预算数、上年数还是变动" : "文中没有可与之核对的数";
    out.notChecked.push({ rule: UNCHECKED_RULE, why: `第 ${prose.lineOf(f.fig.start)} 行“${prose.excerpt(Math.max(f.fig.start - 12, 0), f.fig.end)}”未核对：${why}` });
  }
  if (unchecked.length > UNCHECKED_LISTED) out.skip(UNCHECKED_RULE, `另有 ${unchecked.length - UNCHECKED_LISTED} 个数字未核对（未逐一列出）`);
  // coverage is over the money figures and rates; a count (团组, 辆, 机构 …) counts when some check used it
  const counted = reading.facts.filter((f) => f.fig.kind !== "count" || used.has(f));
  return { year, coverage: { ...tie, figures: counted.length, checked: counted.filter((f) => used.has(f)).length }, prose, claims };
}

/** The report year a text is about: the most frequent year it names that is not a comparison. */
function reportYearOf(claims: Claim[]): number | null {
  const counts = new Map<number, number>();
  for (const c of claims) if (c.kind === "year" && !c.comparing) counts.set(c.year, (counts.get(c.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}
