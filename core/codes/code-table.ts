// The shipped code tables (data/codes/*.tsv): rows valid over a range of edition years, read into the
// editions they make up. Reading the files is the host's job; this module only parses their text.

import { type CodeEntry, type Completeness, Edition, type EditionJSON, type Provenance, entryFor } from "./edition.ts";
import { type CodeKind, normalizeCode } from "./code-format.ts";

export interface CodeRow {
  code: string;
  name: string;
  from: number;
  /** last edition year the name is valid in; Infinity while it still is */
  until: number;
  provenance: Provenance;
  source: string;
}

export interface EditionPlan {
  year: number;
  status: Record<CodeKind, Completeness>;
}

function tsvRecords(text: string, what: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = (lines.shift() ?? "").split("\t");
  return lines.map((line, i) => {
    const cells = line.split("\t");
    if (cells.length !== header.length) throw new Error(`${what} 第 ${i + 2} 行应有 ${header.length} 列，实有 ${cells.length} 列`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!.trim()]));
  });
}

export function parseCodeRows(text: string, what = "code table"): CodeRow[] {
  return tsvRecords(text, what).map((r, i) => {
    const code = normalizeCode(r.code);
    const provenance = r.provenance as Provenance;
    if (!code || !r.name || !/^\d{4}$/.test(r.from ?? "") || !["published", "derived"].includes(provenance)) {
      throw new Error(`${what} 第 ${i + 2} 行无法读取：${JSON.stringify(r)}`);
    }
    return {
      code,
      name: r.name,
      from: Number(r.from),
      until: r.until ? Number(r.until) : Infinity,
      provenance,
      source: r.source ?? "",
    };
  });
}

export function parseEditionPlan(text: string): EditionPlan[] {
  return tsvRecords(text, "editions.tsv").map((r) => ({
    year: Number(r.year),
    status: { function: r.function as Completeness, economic: r.economic as Completeness },
  }));
}

/** The editions a plan names, from the rows valid in each year; an imported edition replaces its year. */
export function buildEditions(rows: CodeRow[], plan: EditionPlan[], imported: EditionJSON[] = []): Edition[] {
  const importedByYear = new Map(imported.map((e) => [e.year, e]));
  const years = new Set([...plan.map((p) => p.year), ...importedByYear.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const own = importedByYear.get(year);
      if (own) return Edition.fromJSON(own);
      return new Edition(year, plan.find((p) => p.year === year)!.status, entriesForYear(rows, year));
    });
}

function entriesForYear(rows: CodeRow[], year: number): CodeEntry[] {
  const current = new Map<string, CodeEntry>();
  const former = new Map<string, CodeRow[]>();
  for (const r of rows) {
    if (r.from <= year && year <= r.until) current.set(r.code, entryFor(r.code, r.name, r.provenance, r.source));
    else if (r.until < year) (former.get(r.code) ?? former.set(r.code, []).get(r.code)!).push(r);
  }
  for (const [code, olds] of former) {
    const e = current.get(code);
    if (!e) continue;
    const names = olds.sort((a, b) => b.until - a.until).map((r) => r.name).filter((n) => n !== e.name);
    if (names.length) e.formerNames = [...new Set(names)];
  }
  return [...current.values()];
}

