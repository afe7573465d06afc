// The lean .xlsx reader against exceljs's object model on every kind of workbook the tests build: rendered
// disclosures in both layouts, with defects, with a 补充资料 sheet, a code list, an empty book, the bench
// workbook, and one with dates, formulas, rich text, booleans, errors, hyperlinks and merges. Grids identical.

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "../../core/tables/grid.ts";
import { readXlsxGrids } from "../../hosts/xlsx.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { xlsxBytes } from "../fixtures/write-xlsx.ts";
import { readWithExceljs } from "./exceljs-reference.ts";

async function featureBook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("功能");
  ws.getCell("A1").value = "标题 <&> \"引号\" 'x'";
  ws.mergeCells("A1:D1");
  ws.getCell("A2").value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell("B2").value = new Date(Date.UTC(2022, 0, 1));
  ws.getCell("B2").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
  ws.getCell("C2").value = 44561;
  ws.getCell("C2").numFmt = "0.00";
  ws.getCell("A3").value = { formula: "1+2", result: 3 };
  ws.getCell("B3").value = { formula: "\"a\"&\"b\"", result: "ab" };
  ws.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("D3").value = { formula: "TRUE()", result: true };
  ws.getCell("E3").value = { formula: "A9" };
  ws.getCell("A4").value = { richText: [{ text: "富", font: { bold: true } }, { text: "文本" }] };
  ws.getCell("B4").value = true;
  ws.getCell("C4").value = false;
  ws.getCell("D4").value = { error: "#REF!" };
  ws.getCell("E4").value = { text: "链接", hyperlink: "https://example.org/" };
  ws.getCell("A5").value = "  前后空格  ";
  ws.getCell("B5").value = "多行\n文字";
  ws.getCell("C5").value = -1234.5;
  ws.getCell("D5").value = 0.1 + 0.2;
  ws.getCell("GR6").value = "第 200 列";
  ws.getCell("B7").value = "被合并的值";
  ws.mergeCells("A7:C8");
  ws.getCell("A10").value = "";
  const hidden = book.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("B2").value = 1;
  book.addWorksheet("空表");
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function codeList(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("2026年支出功能分类科目");
  sheet.addRow(["2026年政府收支分类科目（支出功能分类）"]);
  sheet.mergeCells("A1:C1");
  sheet.addRow(["科目编码", "科目名称", "说明"]);
  sheet.addRow([204, "公共安全支出", "反映政府维护社会公共安全方面的支出"]);
  sheet.addRow([2040250, "事业运行", ""]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function benchSheets(): SheetGrid[] {
  return renderDisclosure(makeLedger(seeded(1)), "export").sheets;
}

const exported = renderDisclosure(makeLedger(seeded(21), { exact: true }), "export");
const cases: [string, () => Promise<Uint8Array>][] = [
  ["export layout", () => xlsxBytes(exported.sheets)],
  ["hand layout", () => xlsxBytes(renderDisclosure(makeLedger(seeded(22)), "hand").sheets)],
  ["a planted defect", () => xlsxBytes(bump(exported.sheets, Object.values(exported.where)[0]!, "0.02"))],
  ["with a 补充资料 sheet", () => xlsxBytes([...renderDisclosure(makeLedger(seeded(51)), "export").sheets, { name: "补充资料", cells: [["项目", "数值"], ["上年收入支出总计", 1500.25]] }])],
  ["a code list", codeList],
  ["an empty workbook", () => xlsxBytes([{ name: "Sheet1", cells: [] }])],
  ["the bench workbook", () => xlsxBytes(benchSheets())],
  ["dates, formulas, rich text, errors, merges", featureBook],
];

describe("lean .xlsx reader", () => {
  for (const [name, build] of cases) {
    it(`reads ${name} exactly as exceljs does`, async () => {
      const bytes = await build();
      expect(await readXlsxGrids(bytes, "book.xlsx")).toEqual(await readWithExceljs(bytes));
    });
  }

  it("reads dates as YYYY-MM-DD, cached errors as their text, and the value of a merged area's first cell only", async () => {
    const [sheet] = await readXlsxGrids(await featureBook(), "book.xlsx");
    expect(sheet!.cells[1]!.slice(0, 3)).toEqual(["2021-12-31", "2022-01-01", 44561]);
    expect(sheet!.cells[2]!.slice(0, 5)).toEqual([3, "ab", "#DIV/0!", true, null]);
    expect(sheet!.cells[3]!.slice(0, 5)).toEqual(["富文本", true, false, "#REF!", "链接"]);
    expect(sheet!.cells[5]![199]).toBe("第 200 列");
    expect(sheet!.cells[6]![1]).toBeNull();
    expect(sheet!.merges).toEqual(["A1:D1", "A7:C8"]);
  });
});
