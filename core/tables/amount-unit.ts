// The money unit a table states (单位：元 / 千元 / 万元 / 亿元) and exact conversion between units: a unit is a
// power of ten of 元, so converting is a decimal shift — never a float. Tables that state none are in 万元.

import { Decimal } from "../decimal.ts";

export type AmountUnit = "元" | "千元" | "万元" | "亿元";

/** Each unit as a power of ten of 元: a figure x in unit u is x × 10^UNIT_SCALE[u] 元. */
export const UNIT_SCALE: Record<AmountUnit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** What the standard tables use, and what a table that states no unit is read in. */
export const DEFAULT_UNIT: AmountUnit = "万元";

// "单位：元", "金额单位：万元", "(单位:千元)", "单位 亿元"; 元 last so 万元 is not read as 元
const STATED = /(?:金额)?单位[:：]?\s*(千元|万元|亿元|元)/;
// a header cell that carries its unit: "决算数（元）", "金额(万元)"
const IN_LABEL = /[(（](?:单位[:：]?)?(千元|万元|亿元|元)[)）]/;

/** The unit a title-block text states ("单位：元"), or null. */
export function statedUnit(text: string): AmountUnit | null {
  const m = STATED.exec(text);
  return m ? (m[1] as AmountUnit) : null;
}

/** A header label's unit suffix and the label without it: "决算数(元)" → 元, "决算数". */
export function splitLabelUnit(label: string): { label: string; unit: AmountUnit | null } {
  const m = IN_LABEL.exec(label);
  if (!m) return { label, unit: null };
  return { label: label.slice(0, m.index) + label.slice(m.index + m[0].length), unit: m[1] as AmountUnit };
}

/** `value` in unit `from`, exactly, in unit `to` (1 万元 = 10,000 元). */
export function convertAmount(value: Decimal, from: AmountUnit, to: AmountUnit): Decimal {
  const k = UNIT_SCALE[from] - UNIT_SCALE[to];
  return k === 0 ? value : value.shift(k);
}
