// Hostile and broken .xlsx files against the lean reader: each is refused with one Chinese sentence or read
// within LIMITS with a note — zip bombs, a 50 MB shared string, cells in column XFD, far rows, huge or many
// merged areas, broken XML, truncated zips — and the merged-area walk in core is clipped before it starts.

import { describe, expect, it } from "vitest";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { InputTooLarge, LIMITS } from "../../core/limits.ts";
import { unmerged } from "../../core/tables/grid.ts";
import { readWorkbook } from "../../hosts/workbook.ts";
import { UnreadableFile, readXlsxGrids } from "../../hosts/xlsx.ts";
import { deflatedRepeat, rawXlsx, sharedStringsXml, sheetXml, zipOf } from "./raw-xlsx.ts";

const CHINESE = /^[^\n]*[\u4e00-\u9fff][^\n]*$/;

async function refusal(bytes: Uint8Array): Promise<Error> {
  const err = await readWorkbook(bytes, "单位.xlsx").then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(err, "the file should be refused").not.toBeNull();
  expect(err instanceof UnreadableFile || err instanceof InputTooLarge, String(err)).toBe(true);
  expect(err!.message).toMatch(CHINESE);
  return err!;
}

describe("lean reader limits", () => {
  it("refuses a zip bomb: by its declared size at once, and while inflating when the size lies", async () => {
    const bomb = deflatedRepeat("<row/>", LIMITS.unpackedEntryBytes + 1024 * 1024);
    for (const declared of [bomb.size, 1000]) {
      const bytes = rawXlsx({ sheets: [{ name: "炸弹", entry: { deflated: { body: bomb.body, size: declared } } }] });
      expect(bytes.length).toBeLessThan(LIMITS.fileBytes);
      const err = await refusal(bytes);
      expect((err as InputTooLarge).limit).toBe("unpackedEntryBytes");
    }
  });

  it("refuses many entries that together inflate past unpackedTotalBytes, sizes declared or lying", async () => {
    const part = deflatedRepeat("<row/>", 40 * 1024 * 1024);
    for (const declared of [part.size, 1000]) {
      const sheets = Array.from({ length: 5 }, (_, i) => ({ name: `表${i}`, entry: { deflated: { body: part.body, size: declared } } }));
      const err = await refusal(rawXlsx({ sheets }));
      expect((err as InputTooLarge).limit).toBe("unpackedTotalBytes");
    }
  });

  it("refuses a 50 MB shared string at inflate time", async () => {
    const sst = { deflated: deflatedRepeat("长", 50 * 1024 * 1024, "<sst><si><t>", "</t></si></sst>") };
    const bytes = rawXlsx({ sheets: [{ name: "表", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: sst });
    expect(bytes.length).toBeLessThan(200 * 1024);
    const err = await refusal(bytes);
    expect((err as InputTooLarge).limit).toBe("cellText");
  });

  it("drops cells past sheetColumns (column XFD) without allocating up to them, and says so", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="XFD${i + 1}"><v>1</v></c></row>`).join("");
    const [grid] = await readXlsxGrids(rawXlsx({ sheets: [{ name: "远列", xml: sheetXml(rows) }] }), "远列.xlsx");
    expect(grid!.cells).toHaveLength(1000);
    expect(Math.max(...grid!.cells.map((r) => r.length))).toBe(1);
    expect(grid!.notes).toEqual([`工作表“远列”第 ${LIMITS.sheetColumns} 列以后的 1000 个单元格未读取`]);
  });

  it("stops at sheetRows and names the sheet's real length", async () => {
    const xml = sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row>`);
    const [grid] = await readXlsxGrids(rawXlsx({ sheets: [{ name: "远行", xml }] }), "远行.xlsx");
    expect(grid!.cells).toEqual([[1]]);
    expect(grid!.notes).toEqual([`工作表“远行”有 1048576 行，只读取前 ${LIMITS.sheetRows} 行`]);
  });

  it("counts the slots all sheets allocate against LIMITS.cells", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `<row r="${i + 1}"><c r="IV${i + 1}"><v>1</v></c></row>`).join("");
    const grids = await readXlsxGrids(rawXlsx({ sheets: [{ name: "宽", xml: sheetXml(rows) }] }), "宽.xlsx");
    const slots = grids[0]!.cells.reduce((n, r) => n + 1 + r.length, 0);
    expect(slots).toBeLessThanOrEqual(LIMITS.cells);
    expect(grids[0]!.notes?.some((n) => n.includes(`单元格超过 ${LIMITS.cells} 个`))).toBe(true);
  });

  it("cuts a cell's text at cellText and says so", async () => {
    const long = "字".repeat(LIMITS.cellText + 10);
    const bytes = rawXlsx({ sheets: [{ name: "长文", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: sharedStringsXml([long]) });
    const [grid] = await readXlsxGrids(bytes, "长文.xlsx");
    expect((grid!.cells[0]![0] as string).length).toBe(LIMITS.cellText);
    expect(grid!.notes).toHaveLength(1);
  });

  it("keeps merged areas as written but walks only their part inside the limits", async () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>', ["A1:XFD1048576", "A2:C2"]);
    const [grid] = await readXlsxGrids(rawXlsx({ sheets: [{ name: "合并", xml }] }), "合并.xlsx");
    expect(grid!.merges).toEqual(["A2:C2"]);
    expect(grid!.cells).toEqual([["标题"], [null, null, null]]);
    expect(grid!.notes).toEqual(["工作表“合并”有 1 个合并区域过大或过多，未按合并读取"]);
  });

  it("reads what it can of broken XML and refuses a truncated or foreign file in Chinese", async () => {
    const broken = rawXlsx({ sheets: [{ name: "坏", xml: '<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>6' }] });
    expect((await readXlsxGrids(broken, "坏.xlsx"))[0]!.cells).toEqual([[5]]);
    const good = rawXlsx({ sheets: [{ name: "好", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    for (const cut of [10, good.length / 2, good.length - 5]) await refusal(good.subarray(0, Math.floor(cut)));
    await refusal(new TextEncoder().encode("hello, not a workbook"));
    expect((await refusal(zipOf([{ name: "xl/workbook.bin", data: "binary" }]))).message).toMatch(/\.xlsb.*另存为 \.xlsx/);
    expect((await refusal(zipOf([{ name: "content.xml", data: "<office:document-content/>" }]))).message).toMatch(/\.ods/);
    await refusal(new Uint8Array(0));
  });

  it("reads prefixed XML (x:worksheet), inline strings, _x000D_ escapes and entities", async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>甲&amp;乙</x:t></x:r><x:r><x:t>_x000D_丙</x:t></x:r></x:is></x:c><x:c r="C2" t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const [grid] = await readXlsxGrids(rawXlsx({ sheets: [{ name: "前缀", xml }] }), "前缀.xlsx");
    expect(grid!.cells).toEqual([[], [null, "甲&乙\r丙", "#N/A"]]);
  });
});

describe("sheets named after Object's own keys", () => {
  it("are read as sheets (found by the fuzz harness: a sheet named constructor crashed the table reader)", () => {
    const sheets = ["constructor", "toString", "__proto__"].map((name) => ({ name, cells: [["一般公共预算财政拨款支出决算表"], ["科目编码", "科目名称", "合计"], ["201", "一般公共服务支出", 1]] }));
    expect(() => checkDisclosure({ sheets, year: 2021 })).not.toThrow();
  });
});

describe("merged areas in core", () => {
  it("answers a one-cell grid with an area down to row 99,999,999,999,999 at once", () => {
    const cells = unmerged({ name: "s", cells: [["x"]], merges: ["A1:A99999999999999"] });
    expect(cells).toEqual([["x"]]);
  });

  it("clips every area to the grid, skips areas that are not A1 ranges, and still spreads header values", () => {
    const grid = { name: "s", cells: [["合并", null, null], [1, 2, 3]], merges: ["A1:XFD1", "B2:ZZZZZZZZ9", "nonsense", "A1:C1"] };
    expect(unmerged(grid)).toEqual([["合并", "合并", "合并"], [1, 2, 3]]);
  });
});
