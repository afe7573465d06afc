import { beforeAll, describe, expect, it } from "vitest";
import { CodesClient } from "../../functions/codes-client.ts";
import { useCodesClient } from "../../functions/default-client.ts";
import { columnLetters, type SheetGrid } from "../../core/tables/grid.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { cell } from "./call.ts";

/** What Excel hands a custom function for a range: values only, "" for empty cells, and the range's address. */
function asExcelRange(sheet: SheetGrid): { values: unknown[][]; address: string } {
  const width = Math.max(...sheet.cells.map((r) => r.length));
  const values = sheet.cells.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  return { values, address: `'${sheet.name}'!A1:${columnLetters(width - 1)}${values.length}` };
}

const rendered = renderDisclosure(makeLedger(seeded(5), { exact: true }), "export");

beforeAll(() => {
  // no service here: the code/name rule must say it was not checked, and everything else still runs
  useCodesClient(new CodesClient({ baseUrl: "http://127.0.0.1:9", fetch, timeoutMs: 500 }));
});

describe("=JS.CHECK", () => {
  it("spills a header and, for a clean disclosure, no error rows — only 尾差 info and what was not checked", async () => {
    const ranges = rendered.sheets.map(asExcelRange);
    const r = await cell("CHECK", ranges.map((x) => x.values), { parameterAddresses: ranges.map((x) => x.address) });
    const rows = r.value as string[][];
    expect(rows[0]).toEqual(["严重程度", "规则", "说明", "位置", "应为", "实为"]);
    expect(rows.filter((row) => row[0] === "错误")).toEqual([]);
    const skipped = rows.find((row) => row[0] === "未核对" && row[1] === "table.code-name")!;
    expect(skipped[2]).toContain("无法取得 2021 年科目表");
  });

  it("points a finding at the sheet and cell of the range it came from", async () => {
    const target = rendered.where["T05.合计.基本支出"]!;
    const sheets = bump(rendered.sheets, target, "0.02");
    const ranges = sheets.map(asExcelRange);
    const rows = (await cell("CHECK", ranges.map((x) => x.values), { parameterAddresses: ranges.map((x) => x.address) })).value as string[][];
    const errors = rows.filter((row) => row[0] === "错误");
    expect(errors.map((e) => e[3])).toContain(`${target.sheet}!${target.cell}`);
    expect(errors.find((e) => e[3] === `${target.sheet}!${target.cell}`)![2]).toContain("相差 0.02");
  });

  it("a range that starts below A1 keeps its real cell addresses", async () => {
    // the clerk selected C3:… of a sheet: the table's own A1 is the sheet's C3
    const t05 = bump(rendered.sheets, rendered.where["T05.合计.基本支出"]!, "0.02").find((s) => s.name === "公开05表")!;
    const total = rendered.where["T05.合计.小计"]!;
    const rows = (await cell("CHECK", [asExcelRange(t05).values], { parameterAddresses: ["'公开05表'!C3:K40"] })).value as string[][];
    expect(rows.some((row) => row[0] === "错误" && row[3] === `公开05表!${offset(total.cell, 2, 2)}`)).toBe(true);
  });

  it("without addresses it still checks, naming the ranges by position", async () => {
    const t05 = bump(rendered.sheets, rendered.where["T05.合计.基本支出"]!, "0.02").find((s) => s.name === "公开05表")!;
    const total = rendered.where["T05.合计.小计"]!;
    const rows = (await cell("CHECK", [asExcelRange(t05).values], null)).value as string[][];
    expect(rows.some((row) => row[0] === "错误" && row[3] === `区域1!${total.cell}`)).toBe(true);
  });

  it("=JS.CHECKCOUNT gives the number of errors", async () => {
    const clean = rendered.sheets.map(asExcelRange);
    expect(await cell("CHECKCOUNT", clean.map((x) => x.values), { parameterAddresses: clean.map((x) => x.address) })).toEqual({ value: 0 });
    const broken = bump(rendered.sheets, rendered.where["T07.决算.合计"]!, "1").map(asExcelRange);
    const n = (await cell("CHECKCOUNT", broken.map((x) => x.values), { parameterAddresses: broken.map((x) => x.address) })).value as number;
    expect(n).toBeGreaterThan(0);
  });

  it("ranges with no recognisable table say so instead of passing", async () => {
    const rows = (await cell("CHECK", [[["a", 1], ["b", 2]]], { parameterAddresses: ["Sheet1!A1:B2"] })).value as string[][];
    expect(rows.some((row) => row[0] === "未核对" && row[1] === "complete.tables")).toBe(true);
    expect(rows.some((row) => row[0] === "通过")).toBe(false);
  });
});

function offset(a1: string, rows: number, cols: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return `${columnLetters(col - 1 + cols)}${Number(m[2]) + rows}`;
}
