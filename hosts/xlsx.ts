// An .xlsx file's bytes as cell grids with their merged areas, read lean: fflate inflates only the parts
// needed (workbook, relationships, shared strings, styles, worksheets) within LIMITS, and each part is scanned
// once. The same code runs in Node, workerd and the browser (no Node APIs, no timers); exceljs only writes.

import { InputTooLarge, LIMITS } from "../core/limits.ts";
import type { SheetGrid } from "../core/tables/grid.ts";
import { GridBuilder, WorkbookBudget } from "./grid-builder.ts";
import { UnreadableFile } from "./unreadable-file.ts";
import { dateStyles } from "./xlsx-styles.ts";
import { scanSheet } from "./xlsx-sheet.ts";
import { attr, decodeXml, runsText } from "./xml-text.ts";
import { ZipArchive } from "./zip.ts";

export { UnreadableFile };

export async function readXlsxGrids(bytes: Uint8Array, name: string): Promise<SheetGrid[]> {
  checkFileSize(bytes, name);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new UnreadableFile(`${name} 已加密或是 .xls/.et 格式，不是 .xlsx`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnreadableFile(`${name} 不是有效的 .xlsx 文件（文件可能已损坏）`);
  const zip = new ZipArchive(bytes, name);
  const bookPath = relationTargets(zip, "_rels/.rels", "").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const book = zip.text(bookPath);
  if (book === null) {
    const other = zip.has("xl/workbook.bin") ? "Excel 二进制工作簿（.xlsb）" : zip.has("content.xml") ? "OpenDocument 表格（.ods）" : null;
    throw new UnreadableFile(other ? `${name} 是${other}，请用 Excel 或 WPS 另存为 .xlsx 后再试` : `${name} 不是 Excel 工作簿（压缩包里没有工作簿内容）`);
  }
  const base = bookPath.slice(0, bookPath.lastIndexOf("/") + 1);
  const rels = relationTargets(zip, `${base}_rels/${bookPath.slice(base.length)}.rels`, base);
  const part = (kind: string) => rels.find((r) => r.type.endsWith(`/${kind}`))?.target ?? null;
  const sharedStrings = part("sharedStrings");
  const styles = part("styles");
  const ctx = {
    strings: sharedStrings ? readSharedStrings(zip.text(sharedStrings), name) : [],
    dateStyles: dateStyles(styles ? zip.text(styles) : null),
    date1904: /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(book.slice(0, book.indexOf("<sheets") >>> 0)),
  };
  const budget = new WorkbookBudget();
  const grids: SheetGrid[] = [];
  for (const sheet of sheetsOf(book)) {
    const rel = rels.find((r) => r.id === sheet.rel);
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const xml = zip.text(rel.target);
    if (xml === null) continue;
    const grid = new GridBuilder(sheet.name, budget);
    scanSheet(xml, grid, ctx);
    grids.push(grid.finish());
  }
  if (!grids.length) throw new UnreadableFile(`${name} 里没有可读取的工作表`);
  return grids;
}

export function checkFileSize(bytes: Uint8Array, name: string): void {
  if (bytes.length > LIMITS.fileBytes) throw new InputTooLarge("fileBytes", `${name} 超过 ${LIMITS.fileBytes / 1024 / 1024} MB，不读取`);
}

interface Relation {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a part, their targets resolved against the folder `base` ("xl/"). */
function relationTargets(zip: ZipArchive, path: string, base: string): Relation[] {
  const xml = zip.text(path);
  if (!xml) return [];
  const out: Relation[] = [];
  for (let i = xml.indexOf("<Relationship "); i >= 0; i = xml.indexOf("<Relationship ", i + 1)) {
    const tag = xml.slice(i, xml.indexOf(">", i) >>> 0);
    const target = decodeXml(attr(tag, "Target") ?? "");
    if (attr(tag, "TargetMode") === "External") continue;
    out.push({ id: attr(tag, "Id") ?? "", type: attr(tag, "Type") ?? "", target: resolve(base, target) });
  }
  return out;
}

function resolve(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** Sheets in tab order: name and relationship id (r:id, whatever its prefix). */
function sheetsOf(book: string): { name: string; rel: string }[] {
  const p = /<([A-Za-z_][\w.-]*:)?workbook[\s>]/.exec(book)?.[1] ?? "";
  const out: { name: string; rel: string }[] = [];
  const open = `<${p}sheet `;
  for (let i = book.indexOf(open); i >= 0; i = book.indexOf(open, i + 1)) {
    const tag = book.slice(i, book.indexOf(">", i) >>> 0);
    const rel = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    if (rel) out.push({ name: decodeXml(attr(tag, "name") ?? ""), rel });
  }
  return out;
}

function readSharedStrings(xml: string | null, file: string): string[] {
  if (!xml) return [];
  const p = /<([A-Za-z_][\w.-]*:)?sst[\s>]/.exec(xml)?.[1] ?? "";
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const strings: string[] = [];
  for (let i = xml.indexOf(open); i >= 0; ) {
    if (strings.length >= LIMITS.cells) throw new InputTooLarge("cells", `${file} 的共享文字超过 ${LIMITS.cells} 条，不读取`);
    const gt = xml.indexOf(">", i);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      strings.push("");
      i = xml.indexOf(open, gt);
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    strings.push(runsText(xml.slice(gt + 1, end), p));
    i = xml.indexOf(open, end);
  }
  return strings;
}
