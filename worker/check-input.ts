// The body of POST /v1/check as JSON: {year?, grids: {sheet: cell[][]}, merges?: {sheet: ["A1:B2"]}, text?,
// template?, name?}. Validated with the path of what is wrong; a request of more than MAX_CELLS cells is 413.

import type { Cell, SheetGrid } from "../core/tables/grid.ts";
import { HttpError, badRequest } from "./http-errors.ts";

export const MAX_CELLS = 500_000;

export interface CheckInput {
  grids: SheetGrid[];
  year: number | null;
  text: string | null;
  template: string | null;
  name: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseCheckInput(body: unknown): CheckInput {
  if (!isObject(body)) throw badRequest("请求体应为对象 {year, grids, text}");
  for (const key of Object.keys(body)) {
    if (!["year", "grids", "merges", "text", "template", "name"].includes(key)) throw badRequest(`/${key}：不认识的字段`);
  }
  const year = body.year ?? null;
  if (year !== null && (typeof year !== "number" || !Number.isInteger(year) || year < 2000 || year > 2100)) throw badRequest("/year：应为四位年度");
  const hasText = typeof body.text === "string" && body.text.trim() !== "";
  if (body.grids === undefined && hasText) body.grids = {};
  if (!isObject(body.grids) || (Object.keys(body.grids).length === 0 && !hasText)) throw badRequest("/grids：应为 {工作表名: 单元格二维数组}，至少一张（或只给 text 核对情况说明）");
  const merges = body.merges ?? {};
  if (!isObject(merges)) throw badRequest("/merges：应为 {工作表名: [\"A1:B2\", …]}");
  let cells = 0;
  const grids: SheetGrid[] = Object.entries(body.grids).map(([name, rows]) => {
    if (!Array.isArray(rows)) throw badRequest(`/grids/${name}：应为二维数组`);
    rows.forEach((row, r) => {
      if (!Array.isArray(row)) throw badRequest(`/grids/${name}/${r}：应为数组`);
      cells += row.length;
      row.forEach((v, c) => {
        if (!(v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
          throw badRequest(`/grids/${name}/${r}/${c}：单元格应为文本、数字、布尔值或 null`);
        }
        if (typeof v === "string" && v.length > 2000) throw badRequest(`/grids/${name}/${r}/${c}：文本过长`);
      });
    });
    if (cells > MAX_CELLS) throw new HttpError(413, "payload_too_large", `单元格过多（最多 ${MAX_CELLS} 个）`);
    const m = merges[name];
    if (m !== undefined && (!Array.isArray(m) || !m.every((a) => typeof a === "string" && /^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(a)))) {
      throw badRequest(`/merges/${name}：应为 A1:B2 形式的区域列表`);
    }
    return { name, cells: rows as Cell[][], ...(m ? { merges: m as string[] } : {}) };
  });
  const text = body.text ?? null;
  if (text !== null && typeof text !== "string") throw badRequest("/text：应为文本");
  if (typeof text === "string" && text.length > 2_000_000) throw new HttpError(413, "payload_too_large", "情况说明文本过长（最多 200 万字）");
  const template = body.template ?? null;
  if (template !== null && typeof template !== "string") throw badRequest("/template：应为模板编号");
  const name = body.name ?? null;
  if (name !== null && typeof name !== "string") throw badRequest("/name：应为文本");
  return { grids, year, text, template, name };
}
