import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import type { Report } from "../../core/rules/finding.ts";
import type { SheetGrid } from "../../core/tables/grid.ts";
import { readXlsxGrids } from "../../hosts/xlsx.ts";
import { ERROR_FILL, RESULT_SHEET, markWorkbook } from "../../hosts/report/marked-workbook.ts";
import { narrativeDocx, reportDocx } from "../../hosts/report/report-docx.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump, setCell } from "../fixtures/mutate.ts";

const book = renderDisclosure(makeLedger(seeded(31), { exact: true }), "export");
const target = book.where["T05.合计.基本支出"]!;
const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", "@SUM(A1)"];

async function xlsxOf(sheets: SheetGrid[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.cells.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  // the clerk's own comment on the cell that will be marked
  wb.getWorksheet(target.sheet)!.getCell(target.cell).note = "财务科：已复核";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

let original: Uint8Array;
let report: Report;
let marked: ExcelJS.Workbook;

beforeAll(async () => {
  let sheets = bump(book.sheets, target, "0.02");
  // a clerk's note cell and a hostile sheet name, both to come back as text
  sheets = setCell(sheets, { sheet: "公开01表", cell: "A40" }, HOSTILE[0]!);
  sheets = setCell(sheets, { sheet: "公开01表", cell: "A41" }, HOSTILE[1]!);
  original = await xlsxOf(sheets);
  report = checkDisclosure({ sheets: await readXlsxGrids(original, "bad.xlsx"), source: { workbook: "bad.xlsx", text: null } }).report;
  // a finding whose text is formula-like, as a template label or a clerk's reason may be
  report = { ...report, notChecked: [...report.notChecked, { rule: "x.test", why: HOSTILE[2]! }] };
  marked = await load(await markWorkbook(original, report));
});

describe("markWorkbook", () => {
  it("leaves every value of the clerk's workbook as it was", async () => {
    const before = await load(original);
    before.eachSheet((ws) => {
      const after = marked.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) => row.eachCell((c, col) => expect(after.getCell(r, col).value, `${ws.name}!${c.address}`).toEqual(c.value)));
    });
  });

  it("fills and comments exactly the error cells", () => {
    const errorCells = new Set(report.findings.flatMap((f) => (f.severity === "error" && "cell" in f.where ? [`${f.where.sheet}!${f.where.cell}`] : [])));
    expect(errorCells.has(`${target.sheet}!${target.cell}`)).toBe(true);
    const marks = new Set<string>();
    marked.eachSheet((ws) => {
      if (ws.name === RESULT_SHEET) return;
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const filled = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === ERROR_FILL;
          expect(filled, c.address).toBe(!!c.note);
          if (filled) marks.add(`${ws.name}!${c.address}`);
        }),
      );
    });
    expect(marks).toEqual(errorCells);
    const note = JSON.stringify(marked.getWorksheet(target.sheet)!.getCell(target.cell).note);
    expect(note).toMatch(/^"?.*财务科：已复核.*决算公开助手.*应为 .*实为/);
  });

  it("lists the findings on 审核结果 with links that resolve to the cells", () => {
    const ws = marked.getWorksheet(RESULT_SHEET)!;
    expect(ws.getRow(1).values).toEqual([undefined, "严重程度", "规则", "说明", "位置", "应为", "实为"]);
    expect(ws.rowCount).toBe(1 + report.findings.length + report.notChecked.length);
    let links = 0;
    ws.eachRow((row, r) => {
      if (r === 1) return;
      const v = row.getCell(4).value as ExcelJS.CellFormulaValue | string;
      if (typeof v === "object" && v && "formula" in v) {
        const m = /^HYPERLINK\("#'((?:[^']|'')+)'!([A-Z]+\d+)","[^"]*"\)$/.exec(v.formula)!;
        expect(m, v.formula).not.toBeNull();
        expect(marked.getWorksheet(m[1]!.replace(/''/g, "'")), m[1]).toBeTruthy();
        links++;
      }
    });
    expect(links).toBe(report.findings.filter((f) => "cell" in f.where && f.where.sheet).length);
  });

  it("never writes a formula but its own links, and keeps formula-like text as text", () => {
    const formulas: string[] = [];
    const texts: string[] = [];
    marked.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula) formulas.push(c.formula);
          if (typeof c.value === "string") texts.push(c.value);
        }),
      ),
    );
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\("#'/);
    for (const h of HOSTILE) expect(texts).toContain(h);
    const why = marked.getWorksheet(RESULT_SHEET)!.getColumn(3).values.find((v) => v === HOSTILE[2]);
    expect(why).toBe(HOSTILE[2]);
  });
});

describe("reportDocx and narrativeDocx", () => {
  it("reads back as a titled report with the summary, every finding and the 未核对 list", async () => {
    const bytes = await reportDocx(report, { template: "中央部门 2021", date: "2026-11-27" });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain("示范市示范局2021年度部门决算公开核对报告");
    expect(value).toContain(`错误 ${report.summary.error} 条`);
    expect(value).toContain("2026年11月27日");
    expect(value).toContain(`${target.sheet}!${target.cell}`);
    for (const f of report.findings) expect(value).toContain(f.message);
    for (const n of report.notChecked) expect(value).toContain(n.why);
  });

  it("writes the narrative a paragraph a line", async () => {
    const bytes = await narrativeDocx(["情况说明", "一、部门职责", "示范局负责示范工作。"]);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value.split(/\n+/).filter(Boolean)).toEqual(["情况说明", "一、部门职责", "示范局负责示范工作。"]);
  });
});
