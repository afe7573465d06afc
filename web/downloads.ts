// The files a clerk takes away, each made in the browser from the one report when asked: the marked workbook,
// the printable report (.docx), the JSON report, and the 情况说明 written from the tables. Their writers
// (exceljs, docx) are loaded on the first click, not with the page.

import { writeNarrative } from "../core/narrative/generate.ts";
import { readSupplementary } from "../core/narrative/supplementary.ts";
import type { Report } from "../core/rules/finding.ts";
import type { Disclosure } from "../core/tables/model.ts";
import type { Template } from "../core/templates/template.ts";
import { baseName, localDate } from "../hosts/report/report-rows.ts";
import { h } from "../addin/pane/dom.ts";
import type { PickedWorkbook } from "./picked-files.ts";

export interface CheckedUnit {
  report: Report;
  workbook: PickedWorkbook | null;
  disclosure: Disclosure | null;
  template: Template | null;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function save(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadsView(unit: CheckedUnit, act: (doing: string, body: () => Promise<string>) => void): HTMLElement {
  const base = baseName(unit.report.source.workbook ?? unit.report.source.text);
  const { report, workbook, disclosure, template } = unit;
  const button = (id: string, label: string, doing: string, body: () => Promise<string>) => h("button", { id, type: "button", onclick: () => act(doing, body) }, label);
  const hasTables = !!disclosure && Object.keys(disclosure.tables).length > 0;
  return h(
    "section",
    { id: "downloads", "aria-labelledby": "dl-h" },
    h("h2", { id: "dl-h" }, "下载"),
    h(
      "div",
      { class: "buttons" },
      workbook && /\.xlsx$/i.test(workbook.name)
        ? button("dl-marked", "标出错误的工作簿（.xlsx）", "生成标出错误的工作簿", async () => {
            const { markWorkbook } = await import("../hosts/report/marked-workbook.ts");
            const name = `${base}（已标出错误）.xlsx`;
            save(await markWorkbook(workbook.bytes, report), name, XLSX);
            return `已生成 ${name}`;
          })
        : null,
      button("dl-report", "核对报告（.docx）", "生成核对报告", async () => {
        const { reportDocx } = await import("../hosts/report/report-docx.ts");
        const name = `${base}核对报告.docx`;
        save(await reportDocx(report, { template: template?.name ?? null, date: localDate() }), name, DOCX);
        return `已生成 ${name}`;
      }),
      button("dl-json", "核对报告（JSON）", "生成 JSON 报告", async () => {
        const name = `${base}核对报告.json`;
        save(JSON.stringify(report, null, 2), name, "application/json");
        return `已生成 ${name}`;
      }),
      hasTables && workbook
        ? button("dl-narrative", "由表生成情况说明（.docx）", "生成情况说明", async () => {
            const { narrativeDocx } = await import("../hosts/report/report-docx.ts");
            const lines = writeNarrative({ disclosure: disclosure!, supplementary: readSupplementary(workbook.sheets, template), template, unit: report.unit });
            const name = `${base}情况说明（生成）.docx`;
            save(await narrativeDocx(lines), name, DOCX);
            const blanks = lines.join("").match(/【待填写[^】]*】/g)?.length ?? 0;
            return `已生成 ${name}，其中 ${blanks} 处【待填写】需要补充`;
          })
        : null,
    ),
    h("p", { class: "hint" }, "需要 PDF 时，用 WPS 或 Word 打开核对报告后另存为 PDF。"),
  );
}
