// A workbook whose figure cells hold formulas with cached errors (#DIV/0!, #REF!, #N/A …), written by exceljs
// as Excel would save it: the reader keeps the error text and `juesuan check` reports each at its cell,
// naming the error, instead of reading a 0 and passing the table.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readFigure } from "../../core/figure-input.ts";
import type { Report } from "../../core/rules/finding.ts";
import { parseA1 } from "../../core/tables/grid.ts";
import { readXlsxGrids } from "../../hosts/xlsx.ts";
import { runCli } from "../cli/run-cli.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { xlsxBytes } from "../fixtures/write-xlsx.ts";

const ERRORS = ["#DIV/0!", "#REF!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"] as const;

describe("formula errors in figure cells", () => {
  it("are named by readFigure, never read as a number or a blank", () => {
    for (const e of ERRORS) expect(() => readFigure(e)).toThrow(`错误值 ${e}`);
  });

  it("are found by `juesuan check` at their cells, each naming its error", async () => {
    const { sheets, where } = renderDisclosure(makeLedger(seeded(21), { exact: true }), "export");
    const targets = Object.values(where).slice(0, ERRORS.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxBytes(sheets)).buffer as ArrayBuffer);
    targets.forEach((ref, i) => {
      book.getWorksheet(ref.sheet)!.getCell(ref.cell).value = { formula: `1/0+${i}`, result: { error: ERRORS[i]! } } as ExcelJS.CellValue;
    });
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const grids = await readXlsxGrids(bytes, "errors.xlsx");
    targets.forEach((ref, i) => {
      const { row, col } = parseA1(ref.cell);
      expect(grids.find((g) => g.name === ref.sheet)!.cells[row]![col]).toBe(ERRORS[i]);
    });

    const path = join(mkdtempSync(join(tmpdir(), "juesuan-errors-")), "errors.xlsx");
    writeFileSync(path, bytes);
    const r = await runCli("check", path, "--format", "json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Report;
    targets.forEach((ref, i) => {
      const finding = report.findings.find((f) => "cell" in f.where && f.where.sheet === ref.sheet && f.where.cell === ref.cell && f.message.includes(ERRORS[i]!));
      expect(finding, `${ref.sheet}!${ref.cell} ${ERRORS[i]}`).toBeDefined();
      expect(finding!.severity).toBe("error");
    });
  });
});
