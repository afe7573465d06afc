// Hand-made .xlsx files for tests and the fuzz harness: any sheet XML (broken, sparse, prefixed), shared
// strings and styles, zipped by a minimal writer that can also reuse one compressed body for many entries
// (a zip bomb in a few KB) or declare sizes that lie.

import { deflateSync } from "fflate";

export interface RawEntry {
  name: string;
  /** the entry's bytes, deflated by the writer */
  data?: Uint8Array | string;
  /** or an already deflated body, with the size it inflates to */
  deflated?: { body: Uint8Array; size: number };
}

const enc = new TextEncoder();

/** A zip of the entries (deflate, CRC left 0: juesuan's reader does not need it). */
export function zipOf(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const raw = typeof e.data === "string" ? enc.encode(e.data) : e.data;
    const body = e.deflated?.body ?? deflateSync(raw ?? new Uint8Array(0), { level: 6 });
    const size = e.deflated?.size ?? raw?.length ?? 0;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, 8, true);
    dv.setUint32(20, body.length, true);
    dv.setUint32(24, size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    locals.push(local, body);
    central.push(dir);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...central, end];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A worksheet's XML around rows (`<row>…</row>` text) and merged areas. */
export function sheetXml(rows: string, merges: string[] = []): string {
  const m = merges.length ? `<mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows}</sheetData>${m}</worksheet>`;
}

/** Shared strings XML for these texts. */
export function sharedStringsXml(texts: string[]): string {
  return `<sst ${NS} count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`;
}

export interface RawBook {
  /** sheet name → its XML, or a ready entry (e.g. a deflated bomb) */
  sheets: { name: string; xml?: string; entry?: Omit<RawEntry, "name"> }[];
  sharedStrings?: string | Omit<RawEntry, "name">;
  styles?: string;
}

/** An .xlsx with the parts Excel writes (content types, relationships, workbook) around the given ones. */
export function rawXlsx(book: RawBook): Uint8Array {
  const rels = book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (book.sharedStrings !== undefined) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (book.styles !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  const entries: RawEntry[] = [
    { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook ${NS}><sheets>${book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>` },
    ...book.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, ...(s.entry ?? { data: s.xml ?? sheetXml("") }) })),
  ];
  if (book.sharedStrings !== undefined) entries.push({ name: "xl/sharedStrings.xml", ...(typeof book.sharedStrings === "string" ? { data: book.sharedStrings } : book.sharedStrings) });
  if (book.styles !== undefined) entries.push({ name: "xl/styles.xml", data: book.styles });
  return zipOf(entries);
}

/** `head`, then about `size` bytes repeating `unit`, then `tail`, deflated (the repetition built by doubling). */
export function deflatedRepeat(unit: string, size: number, head = "", tail = ""): { body: Uint8Array; size: number } {
  const [one, h, t] = [enc.encode(unit), enc.encode(head), enc.encode(tail)];
  const body = size - (size % one.length);
  const all = new Uint8Array(h.length + body + t.length);
  all.set(h);
  all.set(one, h.length);
  for (let filled = one.length; filled < body; filled *= 2) all.copyWithin(h.length + filled, h.length, h.length + Math.min(filled, body - filled));
  all.set(t, h.length + body);
  return { body: deflateSync(all, { level: 1 }), size: all.length };
}
