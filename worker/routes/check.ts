// POST /v1/check: a disclosure as JSON grids or as a workbook body, checked by the same core as the command line,
// answered with the same report.

import { type Context, Hono, type MiddlewareHandler } from "hono";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { firstError } from "../../core/templates/schema-kit.ts";
import { type Template, validateTemplate } from "../../core/templates/template.ts";
import { UnreadableFile, readXlsxGrids } from "../../hosts/xlsx.ts";
import { type CheckInput, checkBodySchema } from "../check-input.ts";
import { allEditions } from "../edition-cache.ts";
import { HttpError, badRequest, notFound, tooLarge } from "../http-errors.ts";
import { cachedTemplate } from "../template-cache.ts";
import { isJsonType, jsonBody, validJson } from "../validation.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Media types of a workbook body: .xlsx, .xlsm, .xls/.et, and bytes of no declared type (read by their content) */
export const WORKBOOK_TYPES = [XLSX_TYPE, "application/vnd.ms-excel.sheet.macroenabled.12", "application/vnd.ms-excel", "application/octet-stream"];

export const check = new Hono<{ Bindings: Env }>();

const validBody = validJson(checkBodySchema, (invalid) => (invalid.tooLarge ? tooLarge : badRequest)(firstError(invalid, "：")));
// a JSON body is validated here; a workbook body is read in the handler
const jsonValidated: MiddlewareHandler = (c, next) =>
  isJsonType(c.req.header("Content-Type")) ? jsonBody(c, async () => void (await validBody(c, next))) : next();

const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

async function workbookInput(c: Context): Promise<CheckInput> {
  const year = c.req.query("year");
  if (year !== undefined && !/^\d{4}$/.test(year)) throw badRequest(`?year “${year}”不是四位年度`);
  const name = c.req.query("name") ?? "upload.xlsx";
  try {
    return {
      grids: await readXlsxGrids(new Uint8Array(await c.req.arrayBuffer()), name),
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

check.post("/check", jsonValidated, async (c) => {
  const type = mediaType(c.req.header("Content-Type"));
  let input: CheckInput;
  if (isJsonType(type)) input = c.req.valid("json" as never) as CheckInput;
  else if (WORKBOOK_TYPES.includes(type)) input = await workbookInput(c);
  else throw new HttpError(415, "unsupported_media_type", `请求体应为 application/json 或 Excel/WPS 表格文件（.xlsx、.xls、.et），而不是“${type || "（未注明）"}”`);

  let template: Template | null = null;
  if (input.template) {
    const found = await cachedTemplate(c.env.DB, input.template);
    if (!found) throw notFound("template_not_found", `没有模板“${input.template}”`);
    template = validateTemplate(found.template).template;
  }
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
