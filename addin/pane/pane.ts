// The task pane: start (template and year; create the standard sheets or bind the ones there), check (findings
// grouped by table and severity, a click selects the cell, highlight and restore, silence with a reason), write
// the 情况说明 into a new sheet, and the 审核结果 sheet. State lives here; Office.js work in ../excel.

import central from "../../data/templates/central-2021.json";
import shanghai from "../../data/templates/shanghai-2024.json";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { writeNarrative } from "../../core/narrative/generate.ts";
import { readSupplementary } from "../../core/narrative/supplementary.ts";
import { type Finding, type Report, SEVERITY_NAMES, type Severity, placeText } from "../../core/rules/finding.ts";
import { blankSheets } from "../../core/tables/blank-sheets.ts";
import type { SheetGrid } from "../../core/tables/grid.ts";
import type { Disclosure } from "../../core/tables/model.ts";
import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import { TABLE_IDS, type TableId, tableName } from "../../core/tables/table-ids.ts";
import { type Template, validateTemplate } from "../../core/templates/template.ts";
import { codesClient } from "../../functions/default-client.ts";
import { Remote } from "../../functions/remote.ts";
import { createSheets } from "../excel/create-sheets.ts";
import { clearHighlights, highlightCells } from "../excel/highlight.ts";
import { writeNewSheet } from "../excel/new-sheet.ts";
import { readWorkbook } from "../excel/read-workbook.ts";
import { selectCell } from "../excel/select-cell.ts";
import { excelRun } from "../excel/excel-run.ts";
import { watchSheets } from "../excel/watch-changes.ts";
import { loadSettings, saveSetting } from "../excel/workbook-settings.ts";
import { h } from "./dom.ts";
import { readNarrativeFile } from "./narrative-file.ts";

export interface Binding {
  year: number;
  template: string;
  /** table → the sheet it was found on (or the clerk chose) */
  tables: Partial<Record<TableId, string>>;
}

const NARRATIVE_SHEET = /^情况说明/;
const BUILT_IN = [central, shanghai].map((t) => validateTemplate(t).template!).filter(Boolean);
const remote = new Remote((...a) => fetch(...a), { timeoutMs: 8000, maxConcurrent: 2 });

const state = {
  online: true,
  templates: BUILT_IN as Template[],
  templateId: BUILT_IN[0]!.id,
  year: BUILT_IN[0]!.year,
  unit: "",
  binding: null as Binding | null,
  sheetNames: [] as string[],
  report: null as Report | null,
  disclosure: null as Disclosure | null,
  silenced: {} as Record<string, string>,
  silencing: null as string | null,
  highlighted: false,
  text: "",
  status: "",
  stopWatching: null as null | (() => Promise<void>),
};

let root: HTMLElement;

const template = () => state.templates.find((t) => t.id === state.templateId) ?? state.templates[0]!;
const keyOf = (f: Finding) => `${f.rule}|${"cell" in f.where ? `${f.where.sheet}!${f.where.cell}` : `L${"line" in f.where ? f.where.line : placeText(f.where)}`}`;
const placeOf = (f: Finding) => placeText(f.where);

function say(status: string): void {
  state.status = status;
  render();
}

/** Runs an action with its status line; every failure is said in Chinese, never thrown at the clerk. */
async function act(doing: string, body: () => Promise<string | void>): Promise<void> {
  say(`${doing}…`);
  try {
    const done = await body();
    say(done ?? "");
  } catch (err) {
    say(`${doing}失败：${err instanceof Error ? err.message : String(err)}`);
  }
}

async function loadTemplates(): Promise<void> {
  try {
    const res = await remote.fetch("/v1/templates");
    if (!res.ok) throw new Error(String(res.status));
    const { templates } = (await res.json()) as { templates: { id: string }[] };
    // fetched together at start-up (Remote caps how many at once)
    const published = templates.filter((t) => !BUILT_IN.some((b) => b.id === t.id));
    const docs = await Promise.all(
      published.map(async (meta) => ((await (await remote.fetch(`/v1/templates/${encodeURIComponent(meta.id)}`)).json()) as { template: unknown }).template),
    );
    const fetched = docs.map((d) => validateTemplate(d).template).filter((t): t is Template => !!t);
    state.templates = [...BUILT_IN, ...fetched];
    localStorage.setItem("juesuan.templates", JSON.stringify(fetched));
    state.online = true;
  } catch {
    // offline: the templates fetched before, and the built-in ones
    const cached = JSON.parse(localStorage.getItem("juesuan.templates") ?? "[]") as unknown[];
    state.templates = [...BUILT_IN, ...cached.map((t) => validateTemplate(t).template).filter((t): t is Template => !!t)];
    state.online = false;
  }
}

async function loadBinding(): Promise<void> {
  await excelRun(async (context, sync) => {
    const settings = loadSettings(context, ["juesuan.binding", "juesuan.silenced", "juesuan.highlight"]);
    await sync();
    const s = settings();
    state.binding = (s["juesuan.binding"] as Binding | undefined) ?? null;
    state.silenced = (s["juesuan.silenced"] as Record<string, string> | undefined) ?? {};
    state.highlighted = ((s["juesuan.highlight"] as unknown[] | undefined) ?? []).length > 0;
    if (state.binding) {
      state.year = state.binding.year;
      state.templateId = state.binding.template;
    }
  });
}

async function saveBinding(binding: Binding): Promise<void> {
  state.binding = binding;
  await excelRun(async (context, sync) => {
    saveSetting(context, "juesuan.binding", binding);
    await sync();
  });
}

async function bind(): Promise<string> {
  const { sheets, names } = await readWorkbook();
  state.sheetNames = names;
  const { disclosure } = readDisclosure(sheets);
  const tables: Binding["tables"] = {};
  for (const t of Object.values(disclosure.tables)) tables[t.id] = t.sheet;
  await saveBinding({ year: disclosure.year ?? state.year, template: state.templateId, tables });
  await startWatching();
  const found = Object.keys(tables).length;
  return `找到 ${found} 张表${found < 9 ? `，缺 ${9 - found} 张：请在下面为缺的表选择工作表` : ""}`;
}

async function create(): Promise<string> {
  const { created, skipped } = await createSheets(blankSheets(template(), state.unit || "（编制单位）", state.year));
  const bound = await bind();
  return `新建 ${created.length} 张工作表${skipped.length ? `；已有同名工作表未改动：${skipped.join("、")}` : ""}。${bound}`;
}

async function startWatching(): Promise<void> {
  await state.stopWatching?.();
  const sheets = Object.values(state.binding?.tables ?? {});
  if (!sheets.length) return;
  state.stopWatching = await watchSheets([...new Set(sheets)], () => act("表格有改动，重新核对", check));
}

function overrides(): Record<string, TableId> {
  return Object.fromEntries(Object.entries(state.binding?.tables ?? {}).map(([id, sheet]) => [sheet, id as TableId]));
}

async function codes(year: number): Promise<CodesRegistry | null> {
  try {
    return new CodesRegistry([await codesClient().edition(year)]);
  } catch {
    return null;
  }
}

/** The sheets a check needs: the bound tables (all sheets before binding), 补充资料, 绩效自评表 and 情况说明. */
const needed = (bound: string[]) => (name: string) => !bound.length || bound.includes(name) || /^(补充资料|情况说明)|绩效/.test(name);

async function check(): Promise<string> {
  const bound = Object.values(state.binding?.tables ?? {});
  const read = await readWorkbook(needed(bound));
  state.sheetNames = read.names;
  const sheets: SheetGrid[] = read.sheets.filter((s) => !NARRATIVE_SHEET.test(s.name));
  const narrativeSheet = read.sheets.find((s) => NARRATIVE_SHEET.test(s.name));
  const text = state.text.trim() || (narrativeSheet ? narrativeSheet.cells.map((r) => String(r[0] ?? "")).join("\n") : "");
  const year = state.binding?.year ?? state.year;
  const registry = await codes(year);
  const { report, disclosure } = checkDisclosure({ sheets, text: text || null, year, codes: registry, template: template(), overrides: overrides() });
  if (!registry) report.notChecked.push({ rule: "table.code-name", why: "离线且没有缓存的科目表，科目名称未核对" });
  state.report = report;
  state.disclosure = disclosure;
  const { error, warning } = report.summary;
  return `核对完成：错误 ${error} 条，警告 ${warning} 条`;
}

async function toggleHighlight(): Promise<string> {
  if (state.highlighted) {
    const n = await clearHighlights();
    state.highlighted = false;
    return `已恢复 ${n} 个单元格的原格式`;
  }
  const cells = visible().flatMap((f) => (f.severity === "error" && "cell" in f.where && f.where.sheet ? [{ sheet: f.where.sheet, cell: f.where.cell }] : []));
  if (!cells.length) return "没有需要标记的错误单元格";
  const n = await highlightCells(cells);
  state.highlighted = true;
  return `已标记 ${n} 个有错误的单元格（可一键恢复）`;
}

async function silence(key: string, reason: string): Promise<string> {
  state.silenced = { ...state.silenced, [key]: reason };
  state.silencing = null;
  await excelRun(async (context, sync) => {
    saveSetting(context, "juesuan.silenced", state.silenced);
    await sync();
  });
  return "已忽略，原因已保存在工作簿中";
}

async function writeText(): Promise<string> {
  const { sheets } = await readWorkbook(needed(Object.values(state.binding?.tables ?? {})));
  const { disclosure } = readDisclosure(sheets, overrides());
  const lines = writeNarrative({ disclosure, supplementary: readSupplementary(sheets, template()), template: template(), unit: state.unit || null });
  const name = await writeNewSheet("情况说明（生成）", lines.map((l) => [l]), { wrapFirstColumn: true });
  const blanks = lines.join("").match(/【待填写[^】]*】/g)?.length ?? 0;
  return `情况说明已写入工作表“${name}”，其中 ${blanks} 处【待填写】需要补充`;
}

async function writeResults(): Promise<string> {
  if (!state.report) return "请先核对";
  const q = (s: string) => s.replace(/"/g, '""');
  // the only formulas: links built here from escaped parts; messages and clerks' reasons are written as text
  const links: Record<string, string> = {};
  const rows = [
    ["严重程度", "规则", "说明", "位置", "应为", "实为", "忽略原因"],
    ...state.report.findings.map((f, i) => {
      if ("cell" in f.where && f.where.sheet) links[`D${i + 2}`] = `=HYPERLINK("#'${q(f.where.sheet)}'!${f.where.cell}","${q(placeOf(f))}")`;
      return [SEVERITY_NAMES[f.severity], f.rule, f.message, links[`D${i + 2}`] ? "" : placeOf(f), f.expected ?? "", f.actual ?? "", state.silenced[keyOf(f)] ?? ""];
    }),
    ...state.report.notChecked.map((n) => ["未核对", n.rule, n.why, "", "", "", ""]),
  ];
  const name = await writeNewSheet("审核结果", rows, { formulas: links });
  return `审核结果已写入工作表“${name}”`;
}

const visible = () => (state.report?.findings ?? []).filter((f) => !state.silenced[keyOf(f)]);

// ---- rendering ----

function startSection(): HTMLElement {
  const options = state.templates.map((t) => h("option", { value: t.id, selected: t.id === state.templateId }, `${t.region} · ${t.year} · ${t.name}`));
  return h(
    "section",
    { "aria-labelledby": "start-h" },
    h("h2", { id: "start-h" }, "开始"),
    h("label", { for: "template" }, "模板"),
    h("select", { id: "template", onchange: (e) => ((state.templateId = (e.target as HTMLSelectElement).value), (state.year = template().year), render()) }, ...options),
    h(
      "div",
      { class: "row" },
      h("label", { for: "year" }, "年度"),
      h("input", { id: "year", type: "number", min: "2000", max: "2100", value: String(state.year), onchange: (e) => (state.year = Number((e.target as HTMLInputElement).value)) }),
    ),
    h("label", { for: "unit" }, "编制单位（新建时写入表头）"),
    h("input", { id: "unit", type: "text", value: state.unit, onchange: (e) => (state.unit = (e.target as HTMLInputElement).value) }),
    h(
      "div",
      { class: "buttons" },
      h("button", { id: "create", type: "button", onclick: () => act("新建公开表", create) }, "新建公开表"),
      h("button", { id: "bind", type: "button", class: "secondary", onclick: () => act("识别已有的表", bind) }, "识别已有的表"),
    ),
  );
}

function bindingSection(): HTMLElement | null {
  if (!state.binding) return null;
  const rows = TABLE_IDS.map((id) => {
    const current = state.binding!.tables[id] ?? "";
    const names = [...new Set([current, ...state.sheetNames].filter(Boolean))];
    return h(
      "li",
      {},
      h("span", { class: "table-name" }, tableName(id)),
      h(
        "select",
        {
          "aria-label": `${tableName(id)}所在工作表`,
          "data-table": id,
          onchange: (e) => {
            const sheet = (e.target as HTMLSelectElement).value;
            const tables = { ...state.binding!.tables };
            if (sheet) tables[id] = sheet;
            else delete tables[id];
            void act("更正表的位置", async () => {
              await saveBinding({ ...state.binding!, tables });
              await startWatching();
              return `${tableName(id)}：${sheet || "未指定"}`;
            });
          },
        },
        h("option", { value: "", selected: !current }, "（未找到）"),
        ...names.map((n) => h("option", { value: n, selected: n === current }, n)),
      ),
    );
  });
  return h("section", { "aria-labelledby": "bind-h" }, h("h2", { id: "bind-h" }, "公开表位置"), h("ul", { class: "binding" }, ...rows));
}

function findingItem(f: Finding): HTMLElement {
  const key = keyOf(f);
  const item = h(
    "li",
    { class: `finding ${f.severity}` },
    h(
      "button",
      {
        type: "button",
        class: "go",
        "aria-label": `${SEVERITY_NAMES[f.severity]}：${f.message}，位置 ${placeOf(f)}`,
        onclick: () => ("cell" in f.where && f.where.sheet ? act("定位", async () => void (await selectCell((f.where as { sheet: string }).sheet, (f.where as { cell: string }).cell))) : undefined),
      },
      h("span", { class: `badge ${f.severity}` }, SEVERITY_NAMES[f.severity]),
      h("span", { class: "message" }, f.message),
      h("span", { class: "place" }, placeOf(f)),
    ),
  );
  if (state.silencing === key) {
    const input = h("input", { type: "text", "aria-label": "忽略原因", placeholder: "忽略原因（必填）" });
    item.append(
      h(
        "div",
        { class: "silence" },
        input,
        h("button", { type: "button", onclick: () => (input.value.trim() ? act("忽略", () => silence(key, input.value.trim())) : say("请写明忽略原因")) }, "确定"),
      ),
    );
  } else item.append(h("button", { type: "button", class: "link", onclick: () => ((state.silencing = key), render()) }, "忽略…"));
  return item;
}

function checkSection(): HTMLElement {
  const report = state.report;
  const section = h(
    "section",
    { "aria-labelledby": "check-h" },
    h("h2", { id: "check-h" }, "核对"),
    h("label", { for: "text" }, "情况说明（可粘贴；留空则读取“情况说明”工作表）"),
    h("textarea", { id: "text", rows: "3", oninput: (e) => (state.text = (e.target as HTMLTextAreaElement).value) }, state.text),
    h("label", { for: "text-file" }, "或选择情况说明文件（.docx / .txt）"),
    h("input", {
      id: "text-file",
      type: "file",
      accept: ".docx,.txt,.pdf",
      onchange: (e) => {
        const file = (e.target as HTMLInputElement).files?.[0];
        if (file) {
          void act(`读取 ${file.name}`, async () => {
            state.text = await readNarrativeFile(file);
            return `已读入 ${file.name}（${state.text.split("\n").length} 段），点“核对”与表一并核对`;
          });
        }
      },
    }),
    h(
      "div",
      { class: "buttons" },
      h("button", { id: "check", type: "button", onclick: () => act("核对", check) }, "核对"),
      report && h("button", { id: "highlight", type: "button", class: "secondary", "aria-pressed": state.highlighted ? "true" : "false", onclick: () => act(state.highlighted ? "恢复格式" : "标记错误单元格", toggleHighlight) }, state.highlighted ? "恢复格式" : "标记错误单元格"),
    ),
  );
  if (!report) return section;
  const shown = visible();
  const counts = (["error", "warning", "info"] as Severity[]).map((s) => `${SEVERITY_NAMES[s]} ${shown.filter((f) => f.severity === s).length}`).join(" · ");
  section.append(h("p", { class: "counts", role: "status" }, `${counts} · 未核对 ${report.notChecked.length}`));
  const sheetTable = new Map(Object.values(state.disclosure?.tables ?? {}).map((t) => [t.sheet, tableName(t.id)]));
  const groups = new Map<string, Finding[]>();
  for (const f of shown.filter((x) => x.severity !== "info")) {
    const title = "cell" in f.where ? (sheetTable.get(f.where.sheet) ?? (f.where.sheet || "整个工作簿")) : "情况说明";
    groups.set(title, [...(groups.get(title) ?? []), f]);
  }
  for (const [title, list] of groups) {
    section.append(h("h3", {}, `${title}（${list.length}）`), h("ul", { class: "findings" }, ...list.map(findingItem)));
  }
  const infos = shown.filter((f) => f.severity === "info");
  if (infos.length) section.append(h("details", {}, h("summary", {}, `提示 ${infos.length} 条（多为四舍五入尾差）`), h("ul", { class: "findings" }, ...infos.map(findingItem))));
  if (report.notChecked.length) section.append(h("details", {}, h("summary", {}, `未核对 ${report.notChecked.length} 项`), h("ul", { class: "plain" }, ...report.notChecked.map((n) => h("li", {}, `${n.rule}：${n.why}`)))));
  const silenced = (report.findings ?? []).filter((f) => state.silenced[keyOf(f)]);
  if (silenced.length) section.append(h("details", {}, h("summary", {}, `已忽略 ${silenced.length} 条`), h("ul", { class: "plain" }, ...silenced.map((f) => h("li", {}, `${f.message} —— ${state.silenced[keyOf(f)]}`)))));
  return section;
}

function writeSection(): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "write-h" },
    h("h2", { id: "write-h" }, "生成"),
    h(
      "div",
      { class: "buttons" },
      h("button", { id: "write", type: "button", onclick: () => act("生成情况说明", writeText) }, "生成情况说明"),
      h("button", { id: "results", type: "button", class: "secondary", onclick: () => act("写入审核结果", writeResults) }, "审核结果表"),
    ),
  );
}

export function render(): void {
  const status = h("p", { id: "status", role: "status", "aria-live": "polite", class: state.status.includes("失败") ? "bad" : "" }, state.status);
  const offline = state.online ? null : h("p", { id: "offline", class: "offline", role: "note" }, "离线：使用已缓存的模板和科目表，核对在本机进行。");
  root.replaceChildren(...[offline, status, startSection(), bindingSection(), checkSection(), writeSection()].filter((n): n is HTMLElement => !!n));
}

export async function startPane(container: HTMLElement): Promise<void> {
  root = container;
  render();
  await loadTemplates();
  if (typeof Excel !== "undefined") {
    await act("读取工作簿设置", async () => {
      await loadBinding();
      if (state.binding) await startWatching();
    });
  } else say("未在 Excel 中运行：可浏览模板，核对需要在 Excel 中打开");
  render();
}
