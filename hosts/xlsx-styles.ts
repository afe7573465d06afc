// Which cell styles of an .xlsx show a number as a date: the built-in date formats (including the Chinese
// ones, 27–36 and 50–58) and custom formats with date or time parts outside quotes and brackets.

import { attr, decodeXml } from "./xml-text.ts";

const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*\]/g, "").replace(/"[^"]*"/g, "").replace(/[\\_*]./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cellXfs index (a cell's s="n"), whether its number format is a date. */
export function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const p = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(xml)?.[1] ?? "";
  const custom = new Map<number, boolean>();
  const numFmtsEnd = xml.indexOf(`</${p}numFmts>`);
  for (let i = xml.indexOf(`<${p}numFmt `); i >= 0 && i < numFmtsEnd; i = xml.indexOf(`<${p}numFmt `, i + 1)) {
    const tag = xml.slice(i, xml.indexOf(">", i) + 1);
    custom.set(Number(attr(tag, "numFmtId")), isDateFormat(decodeXml(attr(tag, "formatCode") ?? "")));
  }
  const start = xml.indexOf(`<${p}cellXfs`);
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  const dates: boolean[] = [];
  if (start < 0 || end < 0) return dates;
  for (let i = xml.indexOf(`<${p}xf`, start); i >= 0 && i < end; i = xml.indexOf(`<${p}xf`, i + 1)) {
    const next = xml.charCodeAt(i + p.length + 3);
    if (next !== 32 && next !== 62 && next !== 47) continue;
    const id = Number(attr(xml.slice(i, xml.indexOf(">", i) + 1), "numFmtId") ?? 0);
    dates.push(custom.get(id) ?? BUILTIN_DATES.has(id));
  }
  return dates;
}
