// Checks a narrative: its prose read into claims, the rules on the text alone, the sections its template
// requires, and — when the tables are given — every figure tied to its cell.

import type { CodesRegistry } from "../codes/codes-registry.ts";
import type { Findings } from "../rules/finding.ts";
import type { Disclosure } from "../tables/model.ts";
import type { Template } from "../templates/template.ts";
import { type Claim, readClaims } from "./claims.ts";
import { type Prose, toProse } from "./prose.ts";
import { type Coverage, tieToTables } from "./table-ties.ts";
import { textRules } from "./text-rules.ts";

export const SECTIONS_RULE = "narrative.sections";

export interface NarrativeOptions {
  year?: number | null;
  codes?: CodesRegistry | null;
  disclosure?: Disclosure | null;
  template?: Template | null;
}

export function checkNarrative(text: string, out: Findings, o: NarrativeOptions = {}): { year: number | null; coverage: Coverage; prose: Prose; claims: Claim[] } {
  const prose = toProse(text);
  const claims = readClaims(prose);
  const year = o.year ?? o.disclosure?.year ?? reportYearOf(claims);
  let edition = null;
  try {
    edition = year && o.codes ? o.codes.edition(year) : null;
  } catch {
    edition = null;
  }
  textRules({ prose, claims, year, edition, out });

  if (o.template?.narrative) {
    const flat = prose.text.replace(/["“”]/g, "");
    for (const s of o.template.narrative.sections) {
      if (!flat.includes(s.title.replace(/["“”]/g, ""))) {
        out.add({ rule: SECTIONS_RULE, severity: "warning", message: `缺少“${s.title}”部分（模板“${o.template.name}”要求）`, where: { line: 1, excerpt: "" }, related: [] });
      }
    }
  } else out.skip(SECTIONS_RULE, "未指定模板，未核对情况说明各部分是否齐全");

  let coverage: Coverage = { found: claims.filter((c) => c.kind === "amount" || c.kind === "share").length, tied: 0 };
  if (o.disclosure) coverage = tieToTables({ prose, claims, disclosure: o.disclosure, out });
  else out.skip("narrative.table-figure", "没有提供公开表，文中数字未与表核对");
  return { year, coverage, prose, claims };
}

/** The report year a text is about: the most frequent year it names that is not a comparison. */
function reportYearOf(claims: ReturnType<typeof readClaims>): number | null {
  const counts = new Map<number, number>();
  for (const c of claims) if (c.kind === "year" && !c.comparing) counts.set(c.year, (counts.get(c.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}
