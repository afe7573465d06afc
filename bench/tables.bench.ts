// Tables: checking the bench disclosure already in memory (tables alone, and with its narrative); reading +
// checking its .xlsx against only reading it with exceljs; the command line's start-up; and 1,000 workbooks
// through `juesuan check DIR` with one thread, two, and the default — each beside issue 12's target.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { REPO_ROOT } from "../cli/builtin-data.ts";
import { readGrids } from "../cli/read-grid.ts";
import { checkDisclosure } from "../core/check-disclosure.ts";
import { checkTables } from "../core/rules/check-tables.ts";
import { writeXlsx } from "../tests/fixtures/write-xlsx.ts";
import { benchDisclosure } from "./bench-disclosure.ts";
import { line, ratio, target, time } from "./measure.ts";

const BIN = join(REPO_ROOT, "cli/bin.mjs");

export async function benchTables(workbooks = 1000): Promise<void> {
  console.log("\n== tables ==");
  const { codes, sheets, rows, text, textBytes } = benchDisclosure();
  const first = checkDisclosure({ sheets, text, codes }).report;
  console.log(`  disclosure: ${rows} rows in 9 tables + ${(textBytes / 1024).toFixed(1)} KB narrative; ${first.summary.error} errors, ${first.summary.info} 尾差 found`);
  const tables = await time("check the tables in memory", 200, () => checkTables(sheets, { codes }));
  const both = await time("check tables + narrative in memory", 100, () => checkDisclosure({ sheets, text, codes }));
  console.log(line(tables));
  console.log(line(both));
  console.log(target("tables alone, median", tables.nsPerOp / 1e6, 0.5, " ms"));
  console.log(target("tables + 45 KB narrative", both.nsPerOp / 1e6, 1.5, " ms", "11.4 ms (issue 12)"));

  const dir = mkdtempSync(join(tmpdir(), "juesuan-bench-"));
  try {
    const book = join(dir, "book.xlsx");
    await writeXlsx(book, sheets);
    const bytes = readFileSync(book);
    const exceljsOnly = await time("read the .xlsx with exceljs only (old reader)", 30, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    });
    const read = await time("read the .xlsx into grids (cli/read-grid.ts)", 30, () => readGrids(book));
    const readCheck = await time("read the .xlsx into grids and check it", 30, async () => checkTables(await readGrids(book), { codes }));
    for (const t of [exceljsOnly, read, readCheck]) console.log(line(t));
    console.log(`  ratio read+check / exceljs read only: ${ratio(readCheck, exceljsOnly)}`);
    console.log(target("read of the bench .xlsx", read.nsPerOp / 1e6, 2, " ms", `exceljs ${(exceljsOnly.nsPerOp / 1e6).toFixed(1)} ms in this run`));
    console.log(target("read + check per workbook", readCheck.nsPerOp / 1e6, 3.5, " ms"));

    const startup = (env: NodeJS.ProcessEnv, args: string[]) => {
      const runs: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        execFileSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: "ignore" });
        runs.push(performance.now() - t);
      }
      return runs.sort((a, b) => a - b)[3]! / 1000;
    };
    const bundled = startup({}, [BIN, "--version"]);
    const sources = startup({ JUESUAN_SOURCES: "1" }, [BIN, "--version"]);
    const bare = startup({}, ["-e", "0"]);
    console.log(`  juesuan --version (median of 7): bundle ${bundled.toFixed(2)} s; sources through tsx ${sources.toFixed(2)} s; bare node ${bare.toFixed(2)} s`);
    console.log(target("juesuan --version", bundled, 0.3, " s", `tsx ${sources.toFixed(2)} s in this run`));

    const many = join(dir, "many");
    mkdirSync(many);
    for (let i = 0; i < workbooks; i++) copyFileSync(book, join(many, `unit-${String(i).padStart(4, "0")}.xlsx`));
    const rate = (threads: string[]) => {
      const started = performance.now();
      execFileSync(process.execPath, [BIN, "check", many, ...threads], { stdio: ["ignore", "ignore", "ignore"] });
      return workbooks / ((performance.now() - started) / 1000);
    };
    const one = rate(["--threads", "1"]);
    const two = rate(["--threads", "2"]);
    const auto = rate([]);
    console.log(`  ${workbooks} workbooks, juesuan check DIR: --threads 1 ${one.toFixed(0)} files/s; --threads 2 ${two.toFixed(0)} files/s; default threads ${auto.toFixed(0)} files/s`);
    console.log(target("juesuan check DIR, default threads", auto, 300, " files/s", `37 files/s with 1 thread, 27 with 2 (issue 12); ${one.toFixed(0)} with 1 in this run`, true));
    console.log(`  target: 2 threads never slower than 1 — ${two >= one ? "met" : "NOT met"} (${two.toFixed(0)} vs ${one.toFixed(0)} files/s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
