import { beforeAll, describe, expect, it } from "vitest";
import { loadBuiltinEditions, loadBuiltinTemplates } from "../../cli/builtin-data.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import type { Finding, Report } from "../../core/rules/finding.ts";
import type { CellRef, SheetGrid } from "../../core/tables/grid.ts";
import { matchTitle } from "../../core/tables/table-ids.ts";
import { type PdfDisclosure, type PdfReport, checkPdf, readPdf } from "../../hosts/pdf/index.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { type Layout, renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { type RenderedPdf, renderPdf } from "../fixtures/render-pdf.ts";

const codes = new CodesRegistry(loadBuiltinEditions());
const HEADER = "示范市示范局2021年度部门决算公开";

// both layouts printed with rulings (header repeated on continued pages) and without either
const CASES: { layout: Layout; ruled: boolean; template: string | null; defect: string }[] = [
  { layout: "export", ruled: true, template: null, defect: "T05.合计.基本支出" },
  { layout: "export", ruled: false, template: null, defect: "T02.合计.财政拨款收入" },
  { layout: "hand", ruled: false, template: "shanghai-2024", defect: "T02.合计.财政拨款收入" },
  { layout: "hand", ruled: true, template: "shanghai-2024", defect: "T05.合计.基本支出" },
];

interface Printed {
  sheets: SheetGrid[];
  narrative: string;
  pdf: RenderedPdf;
  where: Record<string, CellRef>;
}

async function print(layout: Layout, ruled: boolean, change?: string): Promise<Printed> {
  const book = renderDisclosure(makeLedger(seeded(21), { exact: true }), layout);
  const sheets = change ? bump(book.sheets, book.where[change]!, "0.02") : book.sheets;
  const narrative = narrativeOf(book.sheets);
  const figures = new Set(Object.values(book.where).map((w) => `${w.sheet}!${w.cell}`));
  const pdf = await renderPdf(sheets, { ruled, repeatHeader: ruled, header: HEADER, narrative, figures });
  return { sheets, narrative, pdf, where: book.where };
}

const ruleCounts = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.rule}`).sort();

/** Every finding of the workbook has its twin in the PDF's report, at the page and text printed for its cell. */
function expectSameFindings(book: Report, pdf: PdfReport, printed: RenderedPdf): void {
  expect(ruleCounts(pdf.findings)).toEqual(ruleCounts(book.findings));
  for (const f of book.findings) {
    if (!("cell" in f.where) || !f.where.sheet) continue;
    const at = printed.printed.get(`${f.where.sheet}!${f.where.cell}`);
    expect(at, `${f.rule} ${f.where.sheet}!${f.where.cell}`).toBeDefined();
    const twin = pdf.findings.find((g) => g.rule === f.rule && "table" in g.where && g.where.page === at!.page && g.where.text === at!.text);
    expect(twin, `${f.rule} at ${JSON.stringify(at)}`).toBeDefined();
  }
  for (const f of book.findings) {
    if (!("line" in f.where)) continue;
    const excerpt = f.where.excerpt;
    expect(pdf.findings.some((g) => g.rule === f.rule && "page" in g.where && "excerpt" in g.where && g.where.excerpt === excerpt)).toBe(true);
  }
}

describe.each(CASES)("a disclosure printed to PDF ($layout layout, ruled: $ruled)", ({ layout, ruled, template: templateId, defect }) => {
  const template = templateId ? loadBuiltinTemplates().find((t) => t.id === templateId)! : null;
  let clean: Printed;
  let broken: Printed;
  let read: PdfDisclosure;
  beforeAll(async () => {
    [clean, broken] = await Promise.all([print(layout, ruled), print(layout, ruled, defect)]);
    read = await readPdf(clean.pdf.bytes);
  });

  it("finds the nine tables by their titles, one grid each even where a table runs onto the next page", () => {
    expect(read.unread).toEqual([]);
    const ids = read.tables.map((t) => matchTitle(t.title));
    expect([...ids].sort()).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]);
    expect(read.tables.some((t) => t.pages.length > 1)).toBe(true);
    for (const t of read.tables) expect(t.pages.every((p) => p >= 1 && p <= clean.pdf.pages)).toBe(true);
  });

  it("joins a name wrapped in its cell, keeps empty cells empty, and drops the running header and page footers", () => {
    const cells = read.sheets.flatMap((s) => s.cells.flat());
    expect(cells).toContain("用于社会福利的彩票公益金支出");
    expect(cells).toContain("机关事业单位基本养老保险缴费支出");
    expect(cells).toContain(null);
    expect(read.text).toBe(clean.narrative);
    expect(read.text).not.toContain(HEADER);
    expect(read.text).not.toMatch(/第 \d+ 页/);
  });

  it("a consistent disclosure gets the findings its workbook gets, each at the page and text of its cell", async () => {
    const book = checkDisclosure({ sheets: clean.sheets, text: clean.narrative, codes, template }).report;
    const { report } = await checkPdf(clean.pdf.bytes, { codes, template, name: "公开.pdf" });
    expect(report.summary.error).toBe(0);
    expectSameFindings(book, report, clean.pdf);
    expect(report.coverage).toEqual(book.coverage);
    expect(report.source).toEqual({ workbook: "公开.pdf", text: "公开.pdf" });
    expect(report.pdf.tables).toHaveLength(9);
  });

  it("a figure changed by 0.02 gives the workbook's errors, pointing at the printed cell", async () => {
    const book = checkDisclosure({ sheets: broken.sheets, text: broken.narrative, codes, template }).report;
    const { report } = await checkPdf(broken.pdf.bytes, { codes, template });
    expect(book.summary.error).toBeGreaterThan(0);
    expectSameFindings(book, report, broken.pdf);
    const changed = broken.pdf.printed.get(`${broken.where[defect]!.sheet}!${broken.where[defect]!.cell}`)!;
    const errorsThere = report.findings.filter((f) => f.severity === "error" && "table" in f.where && f.where.text === changed.text);
    expect(errorsThere.length).toBeGreaterThan(0);
    // a message naming a compared cell names it by page and table, never by an internal grid address
    for (const f of report.findings) expect(f.message).not.toMatch(/第\d+页表\d+!/);
  });
});
