// POST /v1/check: a disclosure as JSON grids or as a workbook body, checked by the same core as the command line,
// answered with the same report.

import { type Context, Hono, type MiddlewareHandler } from "hono";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { firstError } from "../../core/templates/schema-kit.ts";
import { type Template, validateTemplate } from "../../core/templates/template.ts";
import { UnreadableFile, readWorkbook } from "../../hosts/workbook.ts";
import { type CheckInput, checkBodySchema } from "../check-input.ts";
import { allEditions } from "../edition-cache.ts";
import { HttpError, badRequest, notFound, tooLarge } from "../http-errors.ts";
import { cachedTemplate } from "../template-cache.ts";
import { isJsonType, jsonBody, validJson } from "../validation.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/**
 * Media types of a file body: .xlsx, .xlsm, .xls/.et, and bytes of no declared type — each read by what its
 * bytes are, whatever type the client declared.
 */
export const FILE_TYPES = [XLSX_TYPE, "application/vnd.ms-excel.sheet.macroenabled.12", "application/vnd.ms-excel", "application/octet-stream"];

export const check = new Hono<{ Bindings: Env }>();

const validBody = validJson(checkBodySchema, (invalid) => (invalid.tooLarge ? tooLarge : badRequest)(firstError(invalid, "：")));
// a JSON body is validated here; a file body is read in the handler
const jsonValidated: MiddlewareHandler = (c, next) =>
  isJsonType(c.req.header("Content-Type")) ? jsonBody(c, async () => void (await validBody(c, next))) : next();

const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** A file body as the check's input: what its bytes are decides the reader, whatever type the client declared. */
async function fileInput(c: Context): Promise<CheckInput> {
  const year = c.req.query("year");
  if (year !== undefined && !/^\d{4}$/.test(year)) throw badRequest(`?year “${year}”不是四位年度`);
  const name = c.req.query("name") ?? "上传的文件";
  try {
    return {
      grids: await readWorkbook(new Uint8Array(await c.req.arrayBuffer()), name),
      year: year ? Number(year) : null,
      text: null,
      template: c.req.query("template") ?? null,
      name,
    };
  } catch (err) {
    if (err instanceof UnreadableFile) throw badRequest(err.message);
    throw err;
  }
}

async function templateOf(db: D1Database, id: string | null): Promise<Template | null> {
  if (!id) return null;
  const found = await cachedTemplate(db, id);
  if (!found) throw notFound("template_not_found", `没有模板“${id}”`);
  return validateTemplate(found.template).template;
}

check.post("/check", jsonValidated, async (c) => {
  const type = mediaType(c.req.header("Content-Type"));
  if (!isJsonType(type) && !FILE_TYPES.includes(type)) {
    throw new HttpError(415, "unsupported_media_type", `请求体应为 application/json 或 Excel/WPS 表格文件（.xlsx、.xls、.et），而不是“${type || "（未注明）"}”`);
  }
  const input = isJsonType(type) ? (c.req.valid("json" as never) as CheckInput) : await fileInput(c);
  const template = await templateOf(c.env.DB, input.template);
  const codes = new CodesRegistry(await allEditions(c.env.DB));
  const { report } = checkDisclosure({
    sheets: input.grids,
    text: input.text,
    year: input.year,
    codes,
    template,
    source: { workbook: input.name, text: input.text === null ? null : "text" },
  });
  return c.json(report);
});
