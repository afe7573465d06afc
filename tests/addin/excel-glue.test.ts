// The pane's Excel glue against office-addin-mock, which enforces Office.js's discipline: a property read
// before it was loaded and synced is the string "Error, property was not loaded".

import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { syncCounter } from "../../addin/excel/excel-run.ts";
import { HIGHLIGHT, clearHighlights, highlightCells } from "../../addin/excel/highlight.ts";
import { selectCell } from "../../addin/excel/select-cell.ts";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
});

function install(workbook: Record<string, unknown>) {
  const data = {
    context: { workbook },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { workbook: any } };
  g.Excel = mock;
  return mock;
}

describe("highlight and restore", () => {
  // functions return parts of the mock's own tree, which office-addin-mock then guards like Office.js
  function workbook(fills: Record<string, string>) {
    const cell = (color: string) => ({
      format: {
        fill: {
          color,
          clear: function (this: { color: string }) {
            this.color = "#FFFFFF";
          },
        },
      },
    });
    return {
      sheet: {
        E25: cell(fills.E25 ?? "#FFFFFF"),
        F25: cell(fills.F25 ?? "#FFFFFF"),
        getRange: function (this: Record<string, unknown>, a1: string) {
          return this[a1];
        },
      },
      worksheets: {
        getItem: function (this: { parent: unknown }) {
          return (this as unknown as { sheet: unknown }).sheet;
        },
      },
      highlight: { value: "", isNullObject: true },
      settings: {
        add: function (_key: string, value: string) {
          const item = (g.Excel as { context: { workbook: { highlight: { value: string; isNullObject: boolean } } } }).context.workbook.highlight;
          item.value = value;
          item.isNullObject = false;
        },
        getItemOrNullObject: function () {
          return (g.Excel as { context: { workbook: { highlight: unknown } } }).context.workbook.highlight;
        },
      },
    };
  }

  it("marks the cells, keeps their fill, and restores it", async () => {
    const w = workbook({ E25: "#FFFF00" });
    (w.worksheets as unknown as { sheet: unknown }).sheet = w.sheet;
    const mock = install(w);
    const marked = await highlightCells([
      { sheet: "公开05表", cell: "E25" },
      { sheet: "公开05表", cell: "F25" },
    ]);
    expect(marked).toBe(2);
    expect(mock.context.workbook.worksheets.getItem().getRange("E25").format.fill.color).toBe(HIGHLIGHT);
    const restored = await clearHighlights();
    expect(restored).toBe(2);
    expect(mock.context.workbook.worksheets.getItem().getRange("E25").format.fill.color).toBe("#FFFF00");
    expect(mock.context.workbook.worksheets.getItem().getRange("F25").format.fill.color).toBe("#FFFFFF");
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const calls: string[] = [];
    install({
      worksheets: {
        getItem: (name: string) => ({
          activate: () => calls.push(`activate ${name}`),
          getRange: (cell: string) => ({ select: () => calls.push(`select ${cell}`) }),
        }),
      },
    });
    const before = syncCounter.count;
    await selectCell("公开05表", "F25");
    expect(calls).toEqual(["activate 公开05表", "select F25"]);
    expect(syncCounter.count - before).toBe(1);
  });
});
