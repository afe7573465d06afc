// Tables: checking one complete disclosure already in memory (nine tables, ~300 rows); reading+checking an
// .xlsx against only reading it with exceljs; and 1,000 workbooks through the command line on every core.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { REPO_ROOT, loadBuiltinEditions } from "../cli/builtin-data.ts";
import { readGrids } from "../cli/read-grid.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import { checkTables } from "../core/rules/check-tables.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { writeXlsx } from "../tests/fixtures/write-xlsx.ts";
import { line, ratio, time } from "./measure.ts";

export async function benchTables(workbooks = 1000): Promise<void> {
  console.log("\n== tables ==");
  const editions = loadBuiltinEditions();
  const codes = new CodesRegistry(editions);
  // a large unit: every 项 of the shipped 2021 edition under six 类
  const y2021 = codes.edition(2021);
  const itemCodes = y2021
    .entries()
    .filter((e) => e.kind === "function" && e.level === "项" && /^(201|204|205|208|210|213)/.test(e.code))
    .map((e) => e.code)
    .slice(0, 80);
  const names = Object.fromEntries(y2021.entries().map((e) => [e.code, e.name]));
  const { sheets } = renderDisclosure(makeLedger(seeded(1), { items: { codes: itemCodes, names } }), "export");
  const rows = sheets.reduce((n, s) => n + s.cells.length, 0);
  const first = checkTables(sheets, { codes }).report;
  console.log(`  disclosure: ${rows} rows in 9 tables; ${first.summary.error} errors, ${first.summary.info} 尾差 found`);
  console.log(line(await time("check one disclosure in memory", 200, () => checkTables(sheets, { codes }))));

  const dir = mkdtempSync(join(tmpdir(), "juesuan-bench-"));
  try {
    const book = join(dir, "book.xlsx");
    await writeXlsx(book, sheets);
    const bytes = readFileSync(book);
    const readOnly = await time("read the .xlsx with exceljs only", 30, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    });
    const readCheck = await time("read the .xlsx into grids and check it", 30, async () => checkTables(await readGrids(book), { codes }));
    console.log(line(readOnly));
    console.log(line(readCheck));
    console.log(`  ratio read+check / read only: ${ratio(readCheck, readOnly)}`);

    const many = join(dir, "many");
    mkdirSync(many);
    for (let i = 0; i < workbooks; i++) copyFileSync(book, join(many, `unit-${String(i).padStart(4, "0")}.xlsx`));
    for (const threads of [1, cpus().length]) {
      const started = performance.now();
      execFileSync(process.execPath, [join(REPO_ROOT, "cli/bin.mjs"), "check", many, "--threads", String(threads)], { stdio: ["ignore", "ignore", "ignore"] });
      const s = (performance.now() - started) / 1000;
      console.log(`  ${workbooks} workbooks, juesuan check DIR --threads ${threads}: ${s.toFixed(1)} s, ${(workbooks / s).toFixed(0)} files/s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
