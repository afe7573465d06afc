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

/**
 * The editions a plan names, from the rows valid in each year. An imported edition is merged over its year
 * (or, marked `replace`, replaces the classifications it contains) and keeps the shipped former names.
 */
export function buildEditions(rows: CodeRow[], plan: EditionPlan[], imported: EditionJSON[] = []): Edition[] {
  const importedByYear = new Map(imported.map((e) => [e.year, e]));
  const years = new Set([...plan.map((p) => p.year), ...importedByYear.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const shipped = entriesForYear(rows, year);
      // a year beyond the plan (a newly imported edition) takes the status of the newest planned year before it
      const planned = [...plan].sort((a, b) => a.year - b.year).filter((p) => p.year <= year).at(-1)?.status ?? {
        function: "partial",
        economic: "partial",
      };
      const own = importedByYear.get(year);
      if (!own) return new Edition(year, planned, shipped);
      const kinds = new Set(own.entries.map((e) => e.kind));
      const formerNames = formerNamesBefore(rows, year);
      const entries = overlayImport(shipped, { ...own, entries: own.entries.map((e) => withFormerNames(e, formerNames.get(e.code))) });
      const status = { ...planned };
      for (const k of kinds) status[k] = own.status[k];
      return new Edition(year, status, entries, own.source);
    });
}

/** A year's entries with an imported list over them: standing alone for its classifications, or merged code by code. */
export function overlayImport(shipped: CodeEntry[], own: EditionJSON): CodeEntry[] {
  const kinds = new Set(own.entries.map((e) => e.kind));
  const codes = new Set(own.entries.map((e) => e.code));
  const kept = own.replace ? shipped.filter((e) => !kinds.has(e.kind)) : shipped.filter((e) => !codes.has(e.code));
  return [...kept, ...own.entries];
}

/** The shipped entries valid in `year` (also for a year beyond the plan: the rows still valid then). */
export function entriesForYear(rows: CodeRow[], year: number): CodeEntry[] {
  const former = formerNamesBefore(rows, year);
  return rows
    .filter((r) => r.from <= year && year <= r.until)
    .map((r) => withFormerNames(entryFor(r.code, r.name, r.provenance, r.source), former.get(r.code)));
}

/** Names each code carried in editions before `year`, newest first. */
function formerNamesBefore(rows: CodeRow[], year: number): Map<string, string[]> {
  const out = new Map<string, CodeRow[]>();
  for (const r of rows) if (r.until < year) (out.get(r.code) ?? out.set(r.code, []).get(r.code)!).push(r);
  return new Map([...out].map(([code, olds]) => [code, [...new Set(olds.sort((a, b) => b.until - a.until).map((r) => r.name))]]));
}

function withFormerNames(e: CodeEntry, names: string[] | undefined): CodeEntry {
  const former = names?.filter((n) => n !== e.name);
  return former?.length ? { ...e, formerNames: former } : e;
}
