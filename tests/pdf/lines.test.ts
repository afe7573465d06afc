import { describe, expect, it } from "vitest";
import { type TextLine, dropRunningLines, joinWrapped, lineOf } from "../../hosts/pdf/lines.ts";
import { paragraphsOf } from "../../hosts/pdf/paragraphs.ts";

const HEIGHT = 842;
/** A line of one piece at (x, top) in 10 pt type, as wide as its characters or reaching `right`. */
const line = (page: number, x: number, top: number, text: string, right?: number): TextLine =>
  lineOf([{ text, x0: x, x1: right ?? x + [...text].length * 10, top, bottom: top + 10, size: 10 }], page);

describe("running headers, footers and page numbers", () => {
  it("drops what recurs in the margins and a lone page number, keeps the content and a table's figures", () => {
    const pages = [1, 2, 3].map((p) => ({
      height: HEIGHT,
      lines: [
        line(p, 60, 20, "江苏省某某厅2019年度部门预算"),
        line(p, 60, 100, p === 1 ? "一、主要职能" : `正文第 ${p} 页的内容`),
        line(p, 60, 700, "合计 1,234.56"),
        line(p, 290, 800, `- ${p} -`),
      ],
    }));
    const kept = dropRunningLines(pages);
    expect(kept.map((ls) => ls.map((l) => l.text))).toEqual([
      ["一、主要职能", "合计 1,234.56"],
      ["正文第 2 页的内容", "合计 1,234.56"],
      ["正文第 3 页的内容", "合计 1,234.56"],
    ]);
  });

  it("keeps a line in the margin that does not recur", () => {
    const kept = dropRunningLines([{ height: HEIGHT, lines: [line(1, 60, 20, "封面：部门决算"), line(1, 60, 300, "正文")] }]);
    expect(kept[0]!.map((l) => l.text)).toEqual(["封面：部门决算", "正文"]);
  });
});

describe("paragraphs", () => {
  it("re-joins wrapped lines without spaces, breaks at indents, headings and short lines, and runs over a page break", () => {
    const full = "甲".repeat(40);
    const lines = [
      line(1, 60, 100, "一、收入支出决算总体情况"),
      line(1, 80, 120, "本部门2021年度收入支出总计1,801.90万元，与上年", 460),
      line(1, 60, 140, full),
      line(1, 60, 160, "相比增加301.65万元。"),
      line(1, 80, 180, full, 460),
      line(2, 60, 100, "主要原因是人员增加。"),
    ];
    const numbers = new Map(lines.map((l, i) => [l, i + 1]));
    const paragraphs = paragraphsOf(lines, (l) => numbers.get(l)!);
    expect(paragraphs.map((p) => [p.page, p.line, p.text])).toEqual([
      [1, 1, "一、收入支出决算总体情况"],
      [1, 2, `本部门2021年度收入支出总计1,801.90万元，与上年${full}相比增加301.65万元。`],
      [1, 5, `${full}主要原因是人员增加。`],
    ]);
  });

  it("puts a space only between two Latin words", () => {
    expect(joinWrapped(["PDF", "reader", "读取", "12.", "50"])).toBe("PDF reader读取12.50");
  });
});
