// Odd grids never crash the reader: random headers made of the words tables use (类, 款, 项, 预算数, 单位, …),
// random codes, numbers and blanks under a title — every outcome a report, never an exception.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTables } from "../../core/rules/check-tables.ts";
import type { Cell } from "../../core/tables/grid.ts";
import { TABLE_TITLES } from "../../core/tables/table-ids.ts";

const WORDS = ["类", "款", "项", "科目编码", "科目名称", "项目", "单位", "预算数", "决算数", "上年决算", "增减", "合计", "小计", "基本支出", "项目支出", "本年支出合计", "财政拨款收入", "年初结转和结余", "因公出国（境）费", "公务用车购置及运行费", "其中：公务用车购置费", "公务接待费", "会议费", "行次", "金额（元）", "单位：千元", "", null];
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: -5, max: 2_300_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom("204", "2040250", "02", "2040250 事业运行", "3", "abc", "１２３．４５"),
);

describe("the reader on odd grids", () => {
  it("returns a report for any grid under any title", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(TABLE_TITLES)), fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (title, rows) => {
        const report = checkTables([{ name: "表", cells: [[title], ...rows] }]).report;
        expect(report.summary.error + report.summary.warning + report.summary.info).toBe(report.findings.length);
      }),
      { numRuns: 1500 },
    );
  });
});
