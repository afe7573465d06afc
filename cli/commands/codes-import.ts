// `juesuan codes import FILE --year YYYY [--replace] [--out FILE] [--force]`: an official code list (.xlsx or
// .csv) merged into the year's edition (data/codes/editions/YYYY.json) — or, with --replace, standing in for
// the year's list of its classifications, naming what that removes — reporting every row it could not read.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type EditionJSON, parseCodeRows } from "../../core/index.ts";
import { entriesForYear, overlayImport } from "../../core/codes/code-table.ts";
import type { CodeEntry } from "../../core/codes/edition.ts";
import { type ImportedList, importCodeList, planImport } from "../../core/codes/import-list.ts";
import { CODES_DIR, IMPORTED_DIR } from "../builtin-data.ts";
import { readGrids } from "../read-grid.ts";
import { UsageError } from "../usage.ts";

export interface CodesImportOptions {
  file: string;
  year: number;
  out?: string;
  /** overwrite an output file that is not an edition of that year */
  force?: boolean;
  /** the list replaces the year's list of its classifications instead of being merged into it */
  replace?: boolean;
}

const KIND_NAMES = { function: "支出功能分类", economic: "经济分类" } as const;

export async function codesImport(opts: CodesImportOptions, log: (line: string) => void): Promise<number> {
  const out = opts.out ?? join(IMPORTED_DIR, `${opts.year}.json`);
  const earlier = existsSync(out) ? readEarlier(out, opts) : null;
  const list = await readList(opts.file);
  const shipped = shippedEntries(opts.year);
  const current = earlier ? overlayImport(shipped, earlier) : shipped;
  const plan = planImport(opts.year, list, current, earlier, opts.replace ?? false, basename(opts.file));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(plan.edition, null, 1) + "\n");
  const kinds = list.kinds.map((k) => KIND_NAMES[k]).join("、");
  const status = list.kinds.map((k) => `${KIND_NAMES[k]}${plan.edition.status[k] === "complete" ? "完整" : "不完整（只补充已列出的科目）"}`).join("，");
  log(`已${opts.replace ? "用" : "并入"} ${list.entries.length} 个科目（${kinds}${opts.replace ? "）替换该年度科目表" : `，新增 ${plan.added} 个、改名 ${plan.renamed} 个）`} → ${out}；${opts.year} 年科目表：${status}`);
  if (plan.removed.length) {
    const shown = plan.removed.slice(0, 20).map((e) => `${e.code} ${e.name}`).join("、");
    log(`替换后不再包含原有的 ${plan.removed.length} 个科目：${shown}${plan.removed.length > 20 ? " 等" : ""}`);
  }
  for (const p of list.problems) log(`  ${p.row ? `第 ${p.row} 行` : "提示"}：${p.message}`);
  if (list.problems.length) log(`${list.problems.length} 行未能读取或需要核对（见上）`);
  return 0;
}

async function readList(file: string): Promise<ImportedList> {
  let lastError: Error | null = null;
  for (const { name: sheet, cells } of await readGrids(file)) {
    let list;
    try {
      list = importCodeList(cells, basename(file));
    } catch (err) {
      lastError = err as Error;
      continue;
    }
    if (!list.entries.length) throw new UsageError(`${file}（${sheet}）没有可读的科目行`);
    return list;
  }
  throw new UsageError(`${file}：${lastError?.message ?? "没有工作表"}`);
}

/** An earlier import of the same year to merge into; anything else at that path is replaced only with --force. */
function readEarlier(out: string, opts: CodesImportOptions): EditionJSON | null {
  let json: Partial<EditionJSON> | null = null;
  try {
    json = JSON.parse(readFileSync(out, "utf8")) as Partial<EditionJSON>;
  } catch {
    json = null;
  }
  const isEdition = json && json.year === opts.year && Array.isArray(json.entries) && json.status;
  if (isEdition) return opts.replace ? null : (json as EditionJSON);
  if (opts.force || opts.replace) return null;
  throw new UsageError(`${out} 已存在，且不是 ${opts.year} 年的科目表；确认要替换时加 --force`);
}

function shippedEntries(year: number): CodeEntry[] {
  const read = (name: string) => readFileSync(join(CODES_DIR, name), "utf8");
  return entriesForYear([...parseCodeRows(read("function.tsv"), "function.tsv"), ...parseCodeRows(read("economic.tsv"), "economic.tsv")], year);
}
