// Titles found as people lay them out: a 公开0N表 label before the title in the same row, the template's own
// titles before the built-in aliases, and tables of a set beyond T01–T09 ending the table above them.

import { describe, expect, it } from "vitest";
import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import { matchTitleIn, templateTitles } from "../../core/tables/table-ids.ts";

describe("titles", () => {
  it("a 公开05表 label left of the title in the same row does not hide the title", () => {
    const sheet = {
      name: "表五",
      cells: [
        ["公开05表", "一般公共预算财政拨款支出决算表"],
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", null, 3, 2, 1],
        ["201", "一般公共服务支出", 3, 2, 1],
      ],
    };
    const { disclosure } = readDisclosure([sheet]);
    expect(Object.keys(disclosure.tables)).toEqual(["T05"]);
    expect(disclosure.tables.T05!.titleAt).toEqual({ sheet: "表五", cell: "B1" });
  });

  it("the newer national titles and the 项目支出 table are told apart from T01, T04, T07 and T03", () => {
    const id = (t: string) => matchTitleIn(t)?.id;
    expect(id("2024年度收入支出决算表")).toBe("T01");
    expect(id("财政拨款收入支出决算表")).toBe("T04");
    expect(id("“三公”经费及会议费、培训费支出决算表")).toBe("T07");
    expect(id("政府性基金预算财政拨款收入支出决算表")).toBe("T08");
    expect(matchTitleIn("一般公共预算财政拨款项目支出决算表")).toEqual({ id: null, title: "一般公共预算财政拨款项目支出决算表" });
  });

  it("a template's own title wins over the built-in aliases", () => {
    const own = templateTitles([{ id: "T03", title: "部门支出总表" }], [{ title: "政府采购情况表" }]);
    expect(matchTitleIn("某某局部门支出总表", own)).toEqual({ id: "T03", title: "部门支出总表" });
    expect(matchTitleIn("部门支出总表")).toBeNull();
    expect(matchTitleIn("政府采购情况表", own)).toEqual({ id: null, title: "政府采购情况表" });
  });

  it("a further table of the set ends the table above it: its rows are not read into T07", () => {
    const sheet = {
      name: "三公及采购",
      cells: [
        ["财政拨款“三公”经费支出决算表"],
        ["项目", "预算数", "决算数"],
        ["合计", 2, 2],
        ["因公出国（境）费", 1, 1],
        ["公务用车购置及运行维护费", 0, 0],
        ["其中：公务用车购置费", null, null],
        ["公务用车运行维护费", null, null],
        ["公务接待费", 1, 1],
        [null],
        ["政府采购情况表"],
        ["项目", "金额"],
        ["合计", 99],
      ],
    };
    const { disclosure } = readDisclosure([sheet]);
    const t7 = disclosure.tables.T07!;
    expect(t7.kind === "sangong" && t7.figures["决算.合计"]!.at).toEqual({ sheet: "三公及采购", cell: "C3" });
    expect(disclosure.others).toEqual([{ title: "政府采购情况表", sheet: "三公及采购", titleAt: { sheet: "三公及采购", cell: "A10" } }]);
  });
});
