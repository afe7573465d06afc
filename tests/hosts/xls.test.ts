// .xls (BIFF8) and WPS .et files written by a real writer (SheetJS, bookType "xls"), read through the one
// entry readWorkbook that decides by content: the same grids and the same verdicts as the .xlsx, merges
// included; an encrypted .xlsx (an OLE container) and corrupt files get one Chinese sentence.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import type { Report } from "../../core/rules/finding.ts";
import type { Cell, SheetGrid } from "../../core/tables/grid.ts";
import { UnreadableFile, readWorkbook } from "../../hosts/workbook.ts";
import { runCli } from "../cli/run-cli.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { xlsxBytes } from "../fixtures/write-xlsx.ts";

/** The sheets as BIFF8 bytes, written by SheetJS as Excel 97–2003 would save them. */
export function xlsBytes(sheets: SheetGrid[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.cells);
    ws["!merges"] = (s.merges ?? []).map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(book, ws, s.name);
  }
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xls" }) as ArrayBuffer);
}

/** Cells without trailing blanks, so grids from different writers compare by what they hold. */
function trimmed(grids: SheetGrid[]): { name: string; cells: Cell[][]; merges: string[] }[] {
  return grids.map((g) => {
    const cells = g.cells.map((row) => {
      const r = [...row];
      while (r.length && (r[r.length - 1] === null || r[r.length - 1] === "")) r.pop();
      return r;
    });
    while (cells.length && !cells[cells.length - 1]!.length) cells.pop();
    return { name: g.name, cells, merges: [...(g.merges ?? [])].sort() };
  });
}

const rendered = renderDisclosure(makeLedger(seeded(21), { exact: true }), "export");

describe(".xls and .et", () => {
  it("reads BIFF8 into the same grids and merges as the .xlsx of the same sheets", async () => {
    const fromXls = await readWorkbook(xlsBytes(rendered.sheets), "单位.xls");
    const fromXlsx = await readWorkbook(await xlsxBytes(rendered.sheets), "单位.xlsx");
    expect(trimmed(fromXls)).toEqual(trimmed(fromXlsx));
    expect(fromXls.some((g) => g.merges?.length)).toBe(true);
  });

  it("reads dates as YYYY-MM-DD, booleans, cached errors as their text, and every sheet in order", async () => {
    const ws = XLSX.utils.aoa_to_sheet([["标题"], [new Date(Date.UTC(2021, 11, 31)), true, 12.5]], { cellDates: true });
    ws.C3 = { t: "e", v: 0x07 };
    ws["!ref"] = "A1:C3";
    ws["!merges"] = [XLSX.utils.decode_range("A1:C1")];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, "表一");
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["二"]]), "表二");
    const bytes = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xls" }) as ArrayBuffer);
    expect(await readWorkbook(bytes, "单位.xls")).toEqual([
      { name: "表一", cells: [["标题", null, null], ["2021-12-31", true, 12.5], [null, null, "#DIV/0!"]], merges: ["A1:C1"] },
      { name: "表二", cells: [["二"]], merges: [] },
    ]);
  });

  it("checks a consistent .et clean and finds a planted defect at its cell, by content not by name", async () => {
    const clean = checkDisclosure({ sheets: await readWorkbook(xlsBytes(rendered.sheets), "单位.et"), year: 2021 }).report;
    expect(clean.summary.error).toBe(0);
    const target = rendered.where["T05.合计.基本支出"]!;
    const bad = checkDisclosure({ sheets: await readWorkbook(xlsBytes(bump(rendered.sheets, target, "0.02")), "单位.et"), year: 2021 }).report;
    expect(bad.findings.some((f) => f.severity === "error" && "cell" in f.where && f.where.sheet === target.sheet && f.where.cell === target.cell)).toBe(true);
    // an .xlsx saved under an .xls name is still read as what it is
    expect(await readWorkbook(await xlsxBytes(rendered.sheets), "改了名.xls")).toHaveLength(rendered.sheets.length);
  });

  it("`juesuan check` reads .xls and .et files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-xls-"));
    for (const name of ["单位.xls", "单位.et"]) {
      writeFileSync(join(dir, name), xlsBytes(rendered.sheets));
      const r = await runCli("check", join(dir, name), "--format", "json");
      expect(r.err).toBe("");
      expect((JSON.parse(r.out) as Report).summary.error).toBe(0);
      expect(r.code).toBe(0);
    }
  });

  it("says an encrypted .xlsx is password-protected and a corrupt file is unreadable, in one Chinese line", async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", new Uint8Array(64));
    XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", new Uint8Array(64));
    const locked = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer);
    const good = xlsBytes(rendered.sheets);
    const cases: [Uint8Array, RegExp][] = [
      [locked, /设有打开密码/],
      [good.subarray(0, 600), /不是有效的 Excel\/WPS 表格文件/],
      [Uint8Array.from(good, (b, i) => (i > 1200 ? (b * 7 + i) & 255 : b)), /不是有效的 Excel\/WPS 表格文件/],
    ];
    for (const [bytes, message] of cases) {
      const err = await readWorkbook(bytes, "单位.xlsx").catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(UnreadableFile);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toMatch(/[A-Za-z]{2,} [A-Za-z]{2,}/); // no English library text
    }
  });
});
