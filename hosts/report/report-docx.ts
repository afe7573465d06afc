// The printable report (.docx) a clerk sends on or files with the disclosure, laid out like a Chinese
// official document: 小标宋 title, 仿宋 body, 黑体 headings, the findings as a table, 未核对 listed, 提示 apart, dated.

import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Finding, Report } from "../../core/rules/finding.ts";
import { scoreLines, scoreWhereText } from "../../core/score/score.ts";
import { findingRow } from "../../core/rules/report-rows.ts";
import { type ReportMeta, chineseDate, reportTitle, summaryText } from "./report-rows.ts";

const TITLE_FONT = "方正小标宋简体";
const BODY_FONT = "仿宋_GB2312";
const HEADING_FONT = "黑体";
// half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt
const SIZE = { title: 44, body: 32, table: 21 };

const run = (text: string, font = BODY_FONT, size = SIZE.body, bold = false) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, bold });
const body = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
  new Paragraph({ children: [run(text)], alignment: align, spacing: { line: 560 }, indent: align === AlignmentType.LEFT ? { firstLine: 640 } : undefined });
const heading = (text: string) => new Paragraph({ children: [run(text, HEADING_FONT)], spacing: { line: 560 }, indent: { firstLine: 640 } });

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [run(text, header ? HEADING_FONT : BODY_FONT, SIZE.table)] })] });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function findingsTable(findings: Finding[]): Table {
  const head = new TableRow({ tableHeader: true, children: ["序号", "严重程度", "位置", "问题", "应为", "实为"].map((t) => cell(t, true)) });
  const rows = findings.map((f, i) => {
    const [severity, , message, place, expected, actual] = findingRow(f);
    return new TableRow({ children: [String(i + 1), severity!, place!, message!, expected!, actual!].map((t) => cell(t)) });
  });
  return new Table({
    rows: [head, ...rows],
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

export async function reportDocx(report: Report, meta: ReportMeta): Promise<Uint8Array> {
  const facts = [
    `编制单位：${report.unit ?? "（未识别）"}`,
    `决算年度：${report.year ?? "（未识别）"}`,
    `核对模板：${meta.template ?? "（未套用模板）"}`,
    `核对文件：${[report.source.workbook, report.source.text].filter(Boolean).join("、") || "（未记录）"}`,
    `核对日期：${chineseDate(meta.date)}`,
  ];
  const problems = report.findings.filter((f) => f.severity !== "info");
  const hints = report.findings.filter((f) => f.severity === "info");
  const children = [
    new Paragraph({ children: [run(reportTitle(report), TITLE_FONT, SIZE.title)], alignment: AlignmentType.CENTER, spacing: { after: 400, line: 560 } }),
    ...facts.map((f) => body(f)),
    heading("一、核对结果"),
    body(`本次核对共发现${summaryText(report)}。${report.summary.error ? "错误须更正后再公开。" : "未发现须更正的错误。"}`),
    ...(report.score ? [body(scoreLines(report.score)[0]!), ...report.score.items.filter((i) => i.status === "fail").map((i) => body(`未通过：${i.label}（${i.weight} 分），${scoreWhereText(i.where)}，${i.note}`))] : []),
    ...(report.coverage ? [body(`情况说明中识别数字 ${report.coverage.claims} 处，其中 ${report.coverage.tied} 处已与表中数字核对。`)] : []),
    heading("二、问题清单"),
    problems.length ? findingsTable(problems) : body("无。"),
    heading("三、未核对事项"),
    ...(report.notChecked.length ? report.notChecked.map((n, i) => body(`${i + 1}. ${n.why}（${n.rule}）`)) : [body("无。")]),
    // 尾差 and other hints last, apart from what must be corrected
    ...(hints.length ? [heading("四、提示事项（多为四舍五入尾差，可不更正）"), findingsTable(hints)] : []),
    new Paragraph({ children: [], spacing: { before: 400 } }),
    body("决算公开助手", AlignmentType.RIGHT),
    body(chineseDate(meta.date), AlignmentType.RIGHT),
  ];
  const doc = new Document({
    creator: "决算公开助手",
    title: reportTitle(report),
    // A4 with the margins of GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (in twips)
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The 情况说明 written from the tables (its first line the title), one paragraph a line, as a .docx to edit. */
export async function narrativeDocx([title = "", ...lines]: string[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: "决算公开助手",
    title,
    sections: [{ children: [new Paragraph({ children: [run(title, TITLE_FONT, SIZE.title)], alignment: AlignmentType.CENTER, spacing: { after: 400 } }), ...lines.map((l) => body(l))] }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
