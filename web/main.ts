// The web checker at `/`: the clerk picks or drops the workbook and/or the narrative, the check runs here in
// the browser with core (nothing is uploaded), and the results and downloads are drawn below.

import { checkDisclosure } from "../core/check-disclosure.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import type { Report } from "../core/rules/finding.ts";
import { readDisclosure } from "../core/tables/read-disclosure.ts";
import { codesClient } from "../functions/default-client.ts";
import { h } from "../addin/pane/dom.ts";
import { downloadsView } from "./downloads.ts";
import type { NotChecked } from "../core/rules/finding.ts";
import { type PickedNarrative, type PickedWorkbook, kindOf, readNarrative, readPdfFile, readWorkbookFile } from "./picked-files.ts";
import { builtInTemplates, loadTemplate, templateChoices } from "./templates.ts";
import { unitView } from "./unit-view.ts";

const state = { workbook: null as PickedWorkbook | null, narrative: null as PickedNarrative | null, unread: [] as NotChecked[], busy: 0 };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function say(text: string, bad = false): void {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("bad", bad);
}

/** Runs one step with its status line; any failure is one Chinese sentence, never an English stack. */
async function act(doing: string, body: () => Promise<string | void>): Promise<void> {
  say(`${doing}…`);
  state.busy++;
  document.body.setAttribute("aria-busy", "true");
  try {
    say((await body()) ?? "");
  } catch (err) {
    say(`${doing}失败：${err instanceof Error ? err.message : String(err)}`, true);
  } finally {
    if (--state.busy === 0) document.body.removeAttribute("aria-busy");
  }
}

function drawPicked(): void {
  const items: [string, string, () => void][] = [];
  if (state.workbook) items.push([/\.pdf$/i.test(state.workbook.name) ? "PDF 中的表" : "工作簿", state.workbook.name, () => ((state.workbook = null), (state.unread = []))]);
  if (state.narrative) items.push(["情况说明", state.narrative.name, () => (state.narrative = null)]);
  $("picked").replaceChildren(
    ...items.map(([kind, name, drop]) =>
      h("li", {}, h("span", {}, `${kind}：${name}`), h("button", { type: "button", class: "link", "aria-label": `移除${kind} ${name}`, onclick: () => (drop(), drawPicked(), void act("重新核对", check)) }, "移除")),
    ),
  );
}

async function pick(files: File[]): Promise<void> {
  for (const file of files) {
    const kind = kindOf(file.name);
    if (kind === "workbook") [state.workbook, state.unread] = [await readWorkbookFile(file), []];
    else if (kind === "narrative") state.narrative = await readNarrative(file);
    else if (kind === "pdf") {
      // a published PDF holds the tables and the narrative together
      const pdf = await readPdfFile(file);
      [state.workbook, state.unread] = [pdf.workbook ?? state.workbook, pdf.unread];
      state.narrative = pdf.narrative ?? state.narrative;
    } else throw new Error(`${file.name} 不是可核对的文件（请选择 .xlsx / .xls / .et 工作簿、.docx / .txt 情况说明，或公开的 PDF）`);
  }
  drawPicked();
}

function yearAsked(): number | null {
  const raw = $<HTMLInputElement>("year").value.trim();
  if (!raw) return null;
  if (!/^\d{4}$/.test(raw)) throw new Error(`“${raw}”不是四位年度`);
  return Number(raw);
}

async function check(): Promise<string> {
  const results = $("results");
  const sheets = state.workbook?.sheets ?? null;
  const text = state.narrative?.text ?? null;
  if (!sheets && text === null) {
    results.replaceChildren();
    return "请选择要核对的文件";
  }
  const templateId = $<HTMLSelectElement>("template").value;
  const template = templateId ? await loadTemplate(templateId) : null;
  const year = yearAsked();
  // read once with the template (or the built-in ones to detect it from), as the check itself would
  const read = sheets ? readDisclosure(sheets, {}, { template, templates: builtInTemplates() }) : undefined;
  const editionYear = template?.codeEdition ?? year ?? read?.disclosure.year ?? template?.year ?? null;
  const codes = await codesClient()
    .edition(editionYear)
    .then((e) => new CodesRegistry([e]))
    .catch(() => null);
  const { report, disclosure } = checkDisclosure({
    sheets,
    text,
    year,
    codes,
    template,
    templates: builtInTemplates(),
    read,
    source: { workbook: state.workbook?.name ?? null, text: state.narrative?.name ?? null },
  });
  const offline: NotChecked[] = codes ? [] : [{ rule: "table.code-name", why: "离线且没有缓存的科目表，科目名称未核对" }];
  const shown: Report = { ...report, notChecked: [...report.notChecked, ...state.unread, ...offline] };
  results.replaceChildren(
    unitView({ report: shown, sheets: sheets ?? [], text, disclosure }),
    downloadsView({ report: shown, workbook: state.workbook, disclosure, template }, (doing, body) => void act(doing, body)),
  );
  const { error, warning } = shown.summary;
  return `核对完成：错误 ${error} 条，警告 ${warning} 条`;
}

function wire(): void {
  const input = $<HTMLInputElement>("files");
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length) void act("读取并核对", async () => (await pick(files), check()));
  });
  const drop = $("drop");
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add("over");
    });
  }
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const files = [...((e as DragEvent).dataTransfer?.files ?? [])];
    if (files.length) void act("读取并核对", async () => (await pick(files), check()));
  });
  // a file dropped beside the zone must not make the browser open it and leave the page
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  for (const id of ["template", "year"]) $(id).addEventListener("change", () => void act("重新核对", check));
}

async function start(): Promise<void> {
  wire();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/web-sw.js").catch(() => undefined);
  // the service's own answer, never a cached one, says whether it can be reached
  const online = fetch("/health", { cache: "no-store" }).then((r) => r.ok, () => false);
  $("template").append(...(await templateChoices()).map((c) => h("option", { value: c.id }, c.label)));
  $("offline").hidden = await online;
  document.body.dataset.ready = "true";
}

void start();
