// Fuzz inputs, one per (seed, index) so any case can be replayed alone: cell grids (merges, sparse far cells,
// long cells, odd headers, number-like strings), .xlsx files (bombs, huge shared strings, XFD rows, broken
// XML, truncated or bit-flipped zips), .xls bytes, and narrative texts (digit runs, 【待填写 runs, 万元/％).
// Used by `npm run fuzz` (scripts/fuzz.ts) and the slice in npm test (tests/fuzz/fuzz.test.ts).

import * as XLSX from "@e965/xlsx";
import type { Cell, SheetGrid } from "../../core/tables/grid.ts";
import { type Rng, makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { deflatedRepeat, rawXlsx, sharedStringsXml, sheetXml, zipOf } from "../hosts/raw-xlsx.ts";

export type FuzzCase =
  | { kind: "grid"; label: string; sheets: SheetGrid[] }
  | { kind: "xlsx" | "xls"; label: string; bytes: Uint8Array }
  | { kind: "text"; label: string; text: string };

const pick = <T,>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const HEADERS = ["科目编码", "科目名称", "类", "款", "项", "合计", "本年支出合计", "基本支出", "项目支出", "金额", "决算数", "年初预算数", "本年收入合计", "财政拨款", "小计", "科目编码\n类", " 款 ", "项目", "行次", "单位：万元", "单位：元", "公开05表"];
const TITLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"];
const NUMBERLIKE = ["1,234.50", "(12.00)", "２９４６．２５", "-0", "+3", "1e3", "12.", ".5", "1,23,4", "0x10", "∞", "NaN", "１，２３４", "−5.00", " 7 ", "12%", "3万元", "#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", ""];
const CODES = ["201", "20101", "2010101", "204", "20402", "2040250", "208", "20805", "2080505", "301", "30101", "302", "999", "2019999", "21", "2010", "合计"];
const HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

function han(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += HAN[int(rng, 0, HAN.length - 1)];
  return s;
}

function oddValue(rng: Rng): Cell {
  switch (int(rng, 0, 9)) {
    case 0:
      return pick(rng, NUMBERLIKE);
    case 1:
      return pick(rng, [1e308, -1e308, 5e-324, 0.1 + 0.2, 123456789012345.67, -0, 2 ** 53 + 1]);
    case 2:
      return han(rng, int(rng, 0, rng() < 0.05 ? 3000 : 30));
    case 3:
      return pick(rng, [true, false, null, "", " "]);
    case 4:
      return pick(rng, CODES);
    case 5:
      return pick(rng, HEADERS);
    case 6:
      return pick(rng, TITLES);
    case 7:
      return "9".repeat(int(rng, 1, 400));
    default:
      return Math.round(rng() * 1e8) / 100;
  }
}

function a1(row: number, col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

function oddMerge(rng: Rng, rows: number, cols: number): string {
  switch (int(rng, 0, 5)) {
    case 0:
      return `A1:A${pick(rng, ["99999999999999", "1048576", "5001", "0"])}`;
    case 1:
      return `${a1(int(rng, 0, rows), int(rng, 0, cols))}:XFD${int(rng, 1, 1048576)}`;
    case 2:
      return pick(rng, ["nonsense", "A1:B2:C3", "", "Z9:A1", "$A$1:$C$1", "a1:c1"]);
    default: {
      const r = int(rng, 0, rows + 2);
      const c = int(rng, 0, cols + 2);
      return `${a1(r, c)}:${a1(r + int(rng, 0, 3), c + int(rng, 0, 5))}`;
    }
  }
}

/** A small random sheet: a title, a header of known and odd words, rows of odd and plain values. */
function randomSheet(rng: Rng, name: string): SheetGrid {
  const cols = int(rng, 1, 12);
  const rows = int(rng, 1, 40);
  const cells: Cell[][] = [[pick(rng, TITLES)], Array.from({ length: cols }, () => (rng() < 0.8 ? pick(rng, HEADERS) : oddValue(rng)))];
  for (let r = 0; r < rows; r++) {
    const code = rng() < 0.7 ? pick(rng, CODES) : oddValue(rng);
    cells.push([code, ...Array.from({ length: cols - 1 }, () => (rng() < 0.7 ? Math.round(rng() * 1e6) / 100 : oddValue(rng)))]);
  }
  if (rng() < 0.2) {
    const far = cells[int(rng, 0, cells.length - 1)]!;
    far[int(rng, 40, 600)] = oddValue(rng);
  }
  const merges = Array.from({ length: int(rng, 0, 4) }, () => oddMerge(rng, rows, cols));
  return { name, cells, merges };
}

function mutateSheets(rng: Rng, sheets: SheetGrid[]): SheetGrid[] {
  const out = sheets.map((s) => ({ ...s, cells: s.cells.map((r) => [...r]), merges: [...(s.merges ?? [])] }));
  for (let i = int(rng, 1, 8); i > 0; i--) {
    const s = pick(rng, out);
    if (!s.cells.length) continue;
    const row = s.cells[int(rng, 0, s.cells.length - 1)]!;
    const what = int(rng, 0, 5);
    if (what === 0) s.merges.push(oddMerge(rng, s.cells.length, 10));
    else if (what === 1) row.splice(int(rng, 0, row.length), 0, oddValue(rng));
    else if (what === 2) s.cells.splice(int(rng, 0, s.cells.length - 1), 1);
    else row[int(rng, 0, row.length)] = oddValue(rng);
  }
  return out;
}

const rendered = new Map<number, SheetGrid[]>();
function disclosure(n: number): SheetGrid[] {
  if (!rendered.has(n)) rendered.set(n, renderDisclosure(makeLedger(seeded(1000 + n), { exact: n % 2 === 0 }), n % 3 === 0 ? "hand" : "export").sheets);
  return rendered.get(n)!;
}

function gridCase(rng: Rng): FuzzCase {
  if (rng() < 0.15) return { kind: "grid", label: "mutated disclosure", sheets: mutateSheets(rng, disclosure(int(rng, 0, 7))) };
  const names = ["公开01表", "公开05表", "Sheet", "constructor", "__proto__", "toString", han(rng, 3)];
  return { kind: "grid", label: "random sheets", sheets: Array.from({ length: int(rng, 1, 4) }, (_, i) => randomSheet(rng, `${pick(rng, names)}${i || ""}`)) };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A random worksheet XML: rows with any r, cells with odd refs and types. */
function randomSheetXml(rng: Rng, strings: number): string {
  const rows: string[] = [];
  let r = 0;
  for (let i = int(rng, 0, 30); i > 0; i--) {
    r = rng() < 0.05 ? int(rng, 1, 1048576) : r + int(rng, 1, 3);
    const cells: string[] = [];
    let c = 0;
    for (let j = int(rng, 0, 10); j > 0; j--) {
      c = rng() < 0.05 ? int(rng, 0, 16383) : c + int(rng, 0, 2);
      const ref = rng() < 0.05 ? pick(rng, ["", ' r="A0"', ' r="AAAAA1"', ' r="1A"', ' r="XFD1048576"']) : ` r="${a1(r - 1, c)}"`;
      const t = pick(rng, ["", ' t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="n"', ' t="d"', ' t="inlineStr"', ' t="zz"']);
      const s = rng() < 0.3 ? ` s="${int(rng, 0, 5)}"` : "";
      const v = t === ' t="s"' ? String(int(rng, -1, strings + 1)) : escapeXml(String(oddValue(rng) ?? ""));
      const body = t === ' t="inlineStr"' ? `<is><t>${escapeXml(han(rng, int(rng, 0, 20)))}</t></is>` : `${rng() < 0.2 ? "<f>1+1</f>" : ""}<v>${v}</v>`;
      cells.push(rng() < 0.1 ? `<c${ref}${s}/>` : `<c${ref}${t}${s}>${body}</c>`);
    }
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  const merges = Array.from({ length: int(rng, 0, 3) }, () => oddMerge(rng, r, 10));
  return sheetXml(rows.join(""), merges);
}

function breakText(rng: Rng, xml: string): string {
  const at = int(rng, 0, xml.length);
  switch (int(rng, 0, 4)) {
    case 0:
      return xml.slice(0, at);
    case 1:
      return xml.slice(0, at) + pick(rng, ["<", ">", "&", "&#99999999;", "<c", "</row>", "<v>", '"', "\u0000"]) + xml.slice(at);
    case 2:
      return xml.replace(/<\/c>/g, () => (rng() < 0.3 ? "" : "</c>"));
    default:
      return xml.slice(0, at) + xml.slice(at + int(rng, 1, 50));
  }
}

const STYLES = `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="[Red]0.00"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/></cellXfs></styleSheet>`;

let bombs: { entry: { body: Uint8Array; size: number }; string: { body: Uint8Array; size: number } } | null = null;
function bomb() {
  bombs ??= {
    entry: deflatedRepeat("<row/>", 70 * 1024 * 1024),
    string: deflatedRepeat("长", 50 * 1024 * 1024, "<sst><si><t>", "</t></si></sst>"),
  };
  return bombs;
}

function flip(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = int(rng, 1, 20); i > 0; i--) out[int(rng, 0, out.length - 1)] = int(rng, 0, 255);
  return out;
}

/** A real workbook written by SheetJS (n < 4: .xlsx, else .xls) from a rendered disclosure, kept per n. */
const written = new Map<string, Uint8Array>();
function realBook(n: number, bookType: "xlsx" | "xls"): Uint8Array {
  const key = `${bookType}${n}`;
  if (!written.has(key)) {
    const book = XLSX.utils.book_new();
    for (const [i, s] of disclosure(n).slice(0, 2 + n).entries()) {
      const ws = XLSX.utils.aoa_to_sheet(s.cells);
      ws["!merges"] = (s.merges ?? []).map((m) => XLSX.utils.decode_range(m));
      XLSX.utils.book_append_sheet(book, ws, `${s.name}${i}`);
    }
    written.set(key, new Uint8Array(XLSX.write(book, { type: "array", bookType }) as ArrayBuffer));
  }
  return written.get(key)!;
}

function xlsxCase(rng: Rng): FuzzCase {
  const roll = rng();
  if (roll < 0.002) {
    const { entry } = bomb();
    const lying = rng() < 0.5;
    return { kind: "xlsx", label: lying ? "zip bomb, size lying" : "zip bomb", bytes: rawXlsx({ sheets: [{ name: "炸弹", entry: { deflated: lying ? { body: entry.body, size: 100 } : entry } }] }) };
  }
  if (roll < 0.004) return { kind: "xlsx", label: "50 MB shared string", bytes: rawXlsx({ sheets: [{ name: "表", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: { deflated: bomb().string } }) };
  if (roll < 0.02) {
    const rows = Array.from({ length: int(rng, 1, 2000) }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c><c r="${a1(i, int(rng, 0, 300))}"><v>2</v></c></row>`).join("");
    return { kind: "xlsx", label: "sparse far cells", bytes: rawXlsx({ sheets: [{ name: "远", xml: sheetXml(rows) }] }) };
  }
  if (roll < 0.1) {
    const real = realBook(int(rng, 0, 3), "xlsx");
    return rng() < 0.5
      ? { kind: "xlsx", label: "truncated workbook", bytes: real.subarray(0, int(rng, 0, real.length)) }
      : { kind: "xlsx", label: "bit-flipped workbook", bytes: flip(rng, real) };
  }
  if (roll < 0.12) return { kind: "xlsx", label: "junk zip entries", bytes: zipOf([{ name: "xl/workbook.xml", data: breakText(rng, "<workbook><sheets><sheet name='a' r:id='rId1'/></sheets></workbook>") }]) };
  const strings = Array.from({ length: int(rng, 0, 20) }, () => escapeXml(String(oddValue(rng) ?? "")));
  const sheets = Array.from({ length: int(rng, 1, 3) }, (_, i) => {
    const xml = randomSheetXml(rng, strings.length);
    return { name: escapeXml(rng() < 0.1 ? han(rng, 40) : `表${i}`), xml: rng() < 0.3 ? breakText(rng, xml) : xml };
  });
  const sst = sharedStringsXml(strings);
  return { kind: "xlsx", label: "random sheet XML", bytes: rawXlsx({ sheets, sharedStrings: rng() < 0.1 ? breakText(rng, sst) : sst, styles: rng() < 0.5 ? STYLES : breakText(rng, STYLES) }) };
}

function xlsCase(rng: Rng): FuzzCase {
  const roll = rng();
  const real = realBook(int(rng, 0, 3), "xls");
  if (roll < 0.3) return { kind: "xls", label: "truncated .xls", bytes: real.subarray(0, int(rng, 0, real.length)) };
  if (roll < 0.7) return { kind: "xls", label: "bit-flipped .xls", bytes: flip(rng, real) };
  const book = XLSX.utils.book_new();
  const sheet = randomSheet(rng, "表");
  // BIFF8 holds 256 columns and 255-character strings
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet.cells.map((r) => r.slice(0, 256).map((v) => (typeof v === "string" ? v.slice(0, 255) : v)))), "表");
  return { kind: "xls", label: "random .xls", bytes: new Uint8Array(XLSX.write(book, { type: "array", bookType: "xls" }) as ArrayBuffer) };
}

const PHRASES = ["万元", "％", "%", "增加", "减少", "增长", "下降", "持平", "【待填写", "】", "主要原因", "年初预算为", "支出决算为", "完成年初预算的", "其中：", "（类）", "（款）", "（项）", "2021年", "12月31日", "XX", "××", "某某", "。", "，", "\n", "一、", "二、", "三公", "公务接待费", "基本支出", "项目支出"];

function textCase(rng: Rng): FuzzCase {
  const parts: string[] = [];
  const size = rng() < 0.01 ? 20_000 : rng() < 0.1 ? 4_000 : 600;
  let length = 0;
  while (length < size) {
    let part: string;
    switch (int(rng, 0, 6)) {
      case 0:
        part = "9".repeat(int(rng, 1, size / 4));
        break;
      case 1:
        part = pick(rng, ["【待填写", "万元", "％", "增长", "1.", "，"]).repeat(int(rng, 1, size / 20));
        break;
      case 2:
        part = `${pick(rng, ["支出", "收入", "公务接待费"])}${(rng() * 1e5).toFixed(2)}万元，比上年${pick(rng, ["增加", "减少"])}${(rng() * 100).toFixed(2)}万元，${pick(rng, ["增长", "下降"])}${(rng() * 100).toFixed(2)}%。`;
        break;
      case 3:
        part = han(rng, int(rng, 1, 80));
        break;
      default:
        part = pick(rng, PHRASES) + (rng() < 0.5 ? (rng() * 1e4).toFixed(int(rng, 0, 3)) : "");
    }
    parts.push(part);
    length += part.length;
  }
  return { kind: "text", label: `text of ${length} characters`, text: parts.join("") };
}

/** Case `index` of the run seeded `seed`: the same inputs every time. */
export function makeCase(seed: number, index: number): FuzzCase {
  const rng = seeded((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0);
  const roll = rng();
  if (roll < 0.35) return gridCase(rng);
  if (roll < 0.65) return xlsxCase(rng);
  if (roll < 0.75) return xlsCase(rng);
  return textCase(rng);
}
