// One unit's check, drawn from its report and its own grids and text: the summary, findings by table and by
// 情况说明 with 应为/实为, a severity filter, 提示 folded away, 未核对 with reasons, and each finding opening
// onto its table (the cell marked) or its paragraph (the words marked). The review desk reuses it per unit.

import { type Finding, type Report, SEVERITY_NAMES, type Severity, placeText } from "../core/rules/finding.ts";
import { groupByTable } from "../core/rules/report-rows.ts";
import type { CellRef, SheetGrid } from "../core/tables/grid.ts";
import type { Disclosure } from "../core/tables/model.ts";
import { scoreLines, scoreWhereText } from "../core/score/score.ts";
import type { PublicationScore, ScoreStatus } from "../core/score/items.ts";
import { summaryText } from "../hosts/report/report-rows.ts";
import { h } from "../addin/pane/dom.ts";
import { centreMarks, gridView } from "./grid-view.ts";
import { textView } from "./text-view.ts";

export interface UnitInput {
  report: Report;
  sheets: SheetGrid[];
  text: string | null;
  disclosure: Disclosure | null;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const SCORE_STATUS: Record<ScoreStatus, string> = { pass: "通过", fail: "未通过", na: "不适用" };

/** The publication score: its line, the items that failed with where and why, every item folded below. */
function scoreView(score: PublicationScore): HTMLElement {
  const item = (i: PublicationScore["items"][number]) =>
    h("li", { class: `score-item ${i.status}` }, h("b", {}, `${SCORE_STATUS[i.status]} `), `${i.label}（${i.weight} 分）`, h("span", { class: "place" }, `${scoreWhereText(i.where)} ${i.note}`));
  const failed = score.items.filter((i) => i.status === "fail");
  return h(
    "div",
    { class: "score", id: "score" },
    h("p", { class: "score-line" }, scoreLines(score)[0]!),
    failed.length ? h("ul", { class: "score-failed" }, ...failed.map(item)) : null,
    h("details", {}, h("summary", {}, `全部 ${score.items.length} 项评分`), h("ul", { class: "score-all" }, ...score.items.map(item))),
  );
}

export function unitView(input: UnitInput): HTMLElement {
  const root = h("section", { class: "unit", "aria-labelledby": "results-h" });
  const show: Record<Severity, boolean> = { error: true, warning: true, info: true };
  let open: Finding | null = null;
  const { report } = input;

  function detail(f: Finding, id: string): HTMLElement {
    const box = h("div", { class: "detail", id });
    if ("cell" in f.where) {
      const where = f.where;
      const grid = input.sheets.find((s) => s.name === where.sheet);
      const related = f.related.filter((r): r is CellRef => "cell" in r);
      if (grid && where.cell) box.append(gridView(grid, where, related));
      else box.append(h("p", {}, "此问题涉及整个工作簿，没有单一单元格。"));
      // the other tables the finding compares with, each drawn with its cells outlined
      const elsewhere = related.filter((r) => r.sheet !== where.sheet);
      for (const name of new Set(elsewhere.map((r) => r.sheet))) {
        const other = input.sheets.find((s) => s.name === name);
        const cells = elsewhere.filter((r) => r.sheet === name);
        box.append(h("p", { class: "related-list" }, `相关单元格：${cells.map(placeText).join("、")}`));
        if (other) box.append(gridView(other, null, cells));
      }
    } else if (input.text != null && "line" in f.where) box.append(textView(input.text, f.where));
    return box;
  }

  function item(f: Finding, i: number): HTMLElement {
    const id = `finding-${i}`;
    const isOpen = open === f;
    const figures = [f.expected ? ["应为", f.expected] : null, f.actual ? ["实为", f.actual] : null].filter((x): x is string[] => !!x);
    return h(
      "li",
      { id, class: `finding ${f.severity}`, "data-rule": f.rule, "data-place": placeText(f.where) },
      h(
        "button",
        {
          type: "button",
          class: "go",
          "aria-expanded": isOpen ? "true" : "false",
          "aria-controls": `${id}-detail`,
          onclick: () => {
            open = isOpen ? null : f;
            render();
            const opened = root.querySelector<HTMLElement>(`#${id}`);
            opened?.querySelector<HTMLElement>(".go")?.focus();
            if (opened) centreMarks(opened);
          },
        },
        h("span", { class: `badge ${f.severity}` }, SEVERITY_NAMES[f.severity]),
        h("span", { class: "message" }, f.message),
        h("span", { class: "place" }, placeText(f.where)),
        figures.length ? h("span", { class: "figures" }, ...figures.map(([k, v]) => h("span", {}, h("b", {}, k), ` ${v}`))) : null,
      ),
      isOpen ? detail(f, `${id}-detail`) : null,
    );
  }

  // grouped as the command line's text report groups them (core), so both read alike
  function groups(list: Finding[]): HTMLElement[] {
    return groupByTable(list, input.disclosure).flatMap((g) => [
      h("h3", {}, `${g.title}（${g.findings.length}）`),
      h("ul", { class: "findings" }, ...g.findings.map((f) => item(f, report.findings.indexOf(f)))),
    ]);
  }

  function render(): void {
    const shown = report.findings.filter((f) => show[f.severity]);
    const main = shown.filter((f) => f.severity !== "info");
    const infos = shown.filter((f) => f.severity === "info");
    const filter = h(
      "fieldset",
      { class: "filter" },
      h("legend", {}, "按严重程度筛选"),
      ...SEVERITIES.map((s) =>
        h(
          "label",
          {},
          h("input", { type: "checkbox", name: "severity", value: s, checked: show[s], onchange: (e) => ((show[s] = (e.target as HTMLInputElement).checked), render()) }),
          ` ${SEVERITY_NAMES[s]}（${report.summary[s]}）`,
        ),
      ),
    );
    const infoOpen = !!open && open.severity === "info";
    const parts: (HTMLElement | null)[] = [
      h("h2", { id: "results-h" }, "核对结果"),
      h("p", { class: "summary", id: "summary" }, `${report.unit ?? "（单位未识别）"} · ${report.year ? `${report.year} 年度` : "年度未识别"}：${summaryText(report)}`),
      report.score ? scoreView(report.score) : null,
      report.coverage ? h("p", { class: "coverage" }, `情况说明中识别数字 ${report.coverage.claims} 处，已与表核对 ${report.coverage.tied} 处`) : null,
      filter,
      ...(main.length ? groups(main) : [h("p", { class: "none" }, report.summary.error + report.summary.warning ? "所选类别下没有问题。" : "没有发现错误或警告。")]),
      infos.length ? h("details", { class: "infos", open: infoOpen }, h("summary", {}, `提示 ${infos.length} 条（多为四舍五入尾差，可不处理）`), ...groups(infos)) : null,
      h("h3", {}, `未核对 ${report.notChecked.length} 项`),
      report.notChecked.length ? h("ul", { class: "not-checked" }, ...report.notChecked.map((n) => h("li", {}, h("span", {}, n.why), h("code", {}, n.rule)))) : h("p", {}, "全部规则均已核对。"),
    ];
    root.replaceChildren(...parts.filter((p): p is HTMLElement => !!p));
  }

  render();
  return root;
}
