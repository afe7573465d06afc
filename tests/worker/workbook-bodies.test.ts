import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import type { Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { call } from "./helpers.ts";
import { xlsxBytes } from "./xlsx-bytes.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const rendered = renderDisclosure(makeLedger(seeded(47), { exact: true }), "export");
const target = rendered.where["T05.合计.基本支出"]!;
const sheets = bump(rendered.sheets, target, "0.02");
const bytes = xlsxBytes(sheets);

/** The same sheets as a legacy .xls (BIFF8), written by SheetJS. */
function xlsBytes(): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.cells);
    ws["!merges"] = (s.merges ?? []).map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(book, ws, s.name);
  }
  return new Uint8Array(XLSX.write(book, { bookType: "biff8", type: "array" }) as ArrayBuffer);
}

const post = (body: Uint8Array | string, type: string, query = "?year=2021") => call(`/v1/check${query}`, { method: "POST", headers: { "Content-Type": type }, body });

describe("workbook bodies", () => {
  it("50 .xlsx bodies one after another in one isolate are all checked", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await call(`/v1/check?year=2021&name=book-${i}.xlsx`, { method: "POST", headers: { "Content-Type": XLSX_TYPE }, body: bytes, signal: AbortSignal.timeout(10_000) });
      statuses.push(res.status);
      const report = (await res.json()) as Report;
      expect(report.findings.find((f) => f.rule === "cross.T05-T06")).toMatchObject({ where: target });
    }
    expect(statuses).toEqual(Array(50).fill(200));
  }, 120_000);

  it("a workbook is read by its content: .xlsx as octet-stream, .xls as vnd.ms-excel or octet-stream", async () => {
    const xls = xlsBytes();
    for (const [body, type] of [[bytes, "application/octet-stream"], [xls, "application/vnd.ms-excel"], [xls, "application/octet-stream"]] as const) {
      const res = await post(body, type);
      expect(res.status, type).toBe(200);
      const report = (await res.json()) as Report;
      expect(report.findings.find((f) => f.rule === "cross.T05-T06")).toMatchObject({ where: target });
    }
  });

  it("bytes that are no workbook are refused in one Chinese line naming the file", async () => {
    const res = await post("just some text, not a workbook", "application/octet-stream", "?name=表.bin");
    const body = (await res.json()) as { error: string; message: string };
    expect(res.status).toBe(400);
    expect(body.message).toMatch(/^表\.bin 不是/);
    expect(body.message).not.toMatch(/\n|[a-z]{6,}/);
  });
});
