// `juesuan codes import FILE --year YYYY [--out FILE] [--force]`: an official code list (.xlsx or .csv) into a
// new edition file under data/codes/editions, reporting every row it could not read.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type EditionJSON } from "../../core/index.ts";
import { importCodeList } from "../../core/codes/import-list.ts";
import { IMPORTED_DIR } from "../builtin-data.ts";
import { readGrids } from "../read-grid.ts";
import { UsageError } from "../usage.ts";

export interface CodesImportOptions {
  file: string;
  year: number;
  out?: string;
  force?: boolean;
}

export async function codesImport(opts: CodesImportOptions, log: (line: string) => void): Promise<number> {
  const out = opts.out ?? join(IMPORTED_DIR, `${opts.year}.json`);
  if (existsSync(out) && !opts.force) throw new UsageError(`${out} 已存在；确认要替换时加 --force`);
  const grids = await readGrids(opts.file);
  let lastError: Error | null = null;
  for (const { name: sheet, cells: grid } of grids) {
    let list;
    try {
      list = importCodeList(grid, basename(opts.file));
    } catch (err) {
      lastError = err as Error;
      continue;
    }
    if (!list.entries.length) throw new UsageError(`${opts.file}（${sheet}）没有可读的科目行`);
    const status: EditionJSON["status"] = { function: "partial", economic: "partial" };
    for (const k of list.kinds) status[k] = "complete";
    const edition: EditionJSON = { year: opts.year, status, source: basename(opts.file), entries: list.entries };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(edition, null, 1) + "\n");
    const kinds = list.kinds.map((k) => (k === "function" ? "支出功能分类" : "经济分类")).join("、");
    log(`已导入 ${list.entries.length} 个科目（${kinds}）→ ${out}`);
    for (const p of list.problems) log(`  ${p.row ? `第 ${p.row} 行` : "提示"}：${p.message}`);
    if (list.problems.length) log(`${list.problems.length} 行未能读取或需要核对（见上）`);
    return 0;
  }
  throw new UsageError(`${opts.file}：${lastError?.message ?? "没有工作表"}`);
}
