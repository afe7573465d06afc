// Every figure of a narrative in one left-to-right pass: its value, its unit (万元, 元, 亿元, %, 个, 辆, 人次 …)
// and its printed precision, with list numbering ("2.教育", "3、", "(1)") and years ("2021年") told apart.

import { Decimal } from "../decimal.ts";
import { type Interval, shownInterval } from "../rounding.ts";

export type UnitKind = "money" | "percent" | "count" | "bare";

export interface Figure {
  /** the value in 万元 for money, percent points for rates, as written otherwise */
  value: Decimal;
  /** the true values it may stand for, by its printed decimals, in the same unit as `value` */
  iv: Interval;
  unit: string;
  kind: UnitKind;
  start: number;
  end: number;
  /** "--": a rate the text says cannot be computed */
  dash?: boolean;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/y;
const UNIT = /万元|亿元|元|万(?![人亩户平方公里千])|%|‰|个百分点|人次|批次|团组|辆|个|次|人|台套|台|套|家|笔/y;
const DASH = /--+%?/y;
const COUNT_UNITS = new Set(["人次", "批次", "团组", "辆", "个", "次", "人", "台套", "台", "套", "家", "笔"]);
// a rate word right before a number without a unit: the number is a rate whose "%" is missing
const RATE_BEFORE = /(增长|下降|降低|增幅|减幅|占比?|完成率)$/;

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

function scaled(d: Decimal, iv: Interval, shift: number): { value: Decimal; iv: Interval } {
  return { value: d.shift(shift), iv: { lo: { ...iv.lo, v: iv.lo.v.shift(shift) }, hi: { ...iv.hi, v: iv.hi.v.shift(shift) } } };
}

/** A figure written without its unit, in the unit of the figure it is paired with. */
function withUnit(like: Figure, d: Decimal, iv: Interval, start: number, end: number): Figure {
  const shift = like.unit === "元" ? -4 : like.unit === "亿元" ? 4 : 0;
  return { ...like, ...scaled(d, iv, shift), start, end, dash: false };
}

/** The figures of `text` (already normalised: no spaces, half-width digits), in order. */
export function scanFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const pending: { d: Decimal; iv: Interval; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "-" && text[i + 1] === "-") {
      DASH.lastIndex = i;
      const m = DASH.exec(text)!;
      if (RATE_BEFORE.test(text.slice(Math.max(0, i - 4), i)) || text[i - 1] === "的") {
        out.push({ value: Decimal.ZERO, iv: shownInterval(Decimal.ZERO, 0), unit: "%", kind: "percent", start: i, end: i + m[0].length, dash: true });
      }
      i += m[0].length;
      continue;
    }
    if (!isDigit(c) || isDigit(text[i - 1]) || text[i - 1] === ".") {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text)!;
    const raw = m[0];
    let end = i + raw.length;
    const negative = text[i - 1] === "-" && !isDigit(text[i - 2]);
    const after = text[end];
    // a year, list numbering, dates and digit runs no amount has are not figures
    if (raw.length > 24) {
      i = end;
      continue;
    }
    if (raw.length === 4 && !m[2] && after === "年" && /^(19|20)/.test(raw)) {
      i = end;
      continue;
    }
    if (!m[2] && raw.length <= 2 && /[、.．)）]/.test(after ?? "") && !isDigit(text[end + 1])) {
      i = end + 1;
      continue;
    }
    UNIT.lastIndex = end;
    const u = UNIT.exec(text);
    const unit = u ? u[0] : "";
    const d = Decimal.parse((negative ? "-" : "") + raw.replace(/,/g, ""))!;
    const iv = shownInterval(d, d.scale);
    const start = negative ? i - 1 : i;
    if (u) end += unit.length;
    // "各为 5,000.00、4,900.00 万元": the first of a pair takes the unit written after the last
    if (!u && (text[end] === "、" || text[end] === "和") && isDigit(text[end + 1])) {
      pending.push({ d, iv, start, end });
      i = end + 1;
      continue;
    }
    const before = out.length;
    if (unit === "万元" || unit === "万") out.push({ value: d, iv, unit: "万元", kind: "money", start, end });
    else if (unit === "元") out.push({ ...scaled(d, iv, -4), unit: "元", kind: "money", start, end });
    else if (unit === "亿元") out.push({ ...scaled(d, iv, 4), unit: "亿元", kind: "money", start, end });
    else if (unit === "%" || unit === "个百分点") out.push({ value: d, iv, unit: "%", kind: "percent", start, end });
    else if (unit === "‰") out.push({ ...scaled(d, iv, -1), unit: "%", kind: "percent", start, end });
    else if (COUNT_UNITS.has(unit)) out.push({ value: d, iv, unit, kind: "count", start, end });
    else if (RATE_BEFORE.test(text.slice(Math.max(0, start - 4), start))) out.push({ value: d, iv, unit: "", kind: "bare", start, end });
    if (out.length > before) {
      const last = out.pop()!;
      for (const p of pending) out.push(withUnit(last, p.d, p.iv, p.start, p.end));
      out.push(last);
    }
    pending.length = 0;
    i = end;
  }
  return out;
}
