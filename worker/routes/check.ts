// POST /v1/check: a disclosure as JSON grids or as a workbook body, checked by the same core as the command line,
// answered with the same report.

import { type Context, Hono, type MiddlewareHandler } from "hono";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { checkDisclosure } from "../../core/check-disclosure.ts";
import { firstError } from "../../core/templates/schema-kit.ts";
import { type Template, validateTemplate } from "../../core/templates/template.ts";
import { UnreadableFile, readWorkbook } from "../../hosts/workbook.ts";
import { checkPdf, UnreadablePdf } from "../../hosts/pdf/index.ts";
import { type CheckInput, checkBodySchema } from "../check-input.ts";
import { allEditions } from "../edition-cache.ts";
import { HttpError, badRequest, notFound, tooLarge } from "../http-errors.ts";
import { cachedTemplate, cachedTemplates } from "../template-cache.ts";
import { isJsonType, jsonBody, validJson } from "../validation.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PDF_TYPE = "application/pdf";
/**
 * Media types of a file body: .xlsx, .xlsm, .xls/.et, a published PDF, and bytes of no declared type — each
 * read by what its bytes are, whatever type the client declared.
 */
export const FILE_TYPES = [XLSX_TYPE, "application/vnd.ms-excel.sheet.macroenabled.12", "application/vnd.ms-excel", PDF_TYPE, "application/octet-stream"];

export const check = new Hono<{ Bindings: Env }>();

const validBody = validJson(checkBodySchema, (invalid) => (invalid.tooLarge ? tooLarge : badRequest)(firstError(invalid, "：")));
// a JSON body is validated here; a file body is read in the handler
const jsonValidated: MiddlewareHandler = (c, next) =>
  isJsonType(c.req.header("Content-Type")) ? jsonBody(c, async () => void (await validBody(c, next))) : next();

const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();
const isPdf = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-");

interface FileBody {
  bytes: Uint8Array;
  name: string;
  year: number | null;
  template: string | null;
}

async function fileBody(c: Context): Promise<FileBody> {
  const year = c.req.query("year");
  if (year !== undefined && !/^\d{4}$/.test(year)) throw badRequest(`?year “${year}”不是四位年度`);
  return {
    bytes: new Uint8Array(await c.req.arrayBuffer()),
    name: c.req.query("name") ?? "上传的文件",
    year: year ? Number(year) : null,
    template: c.req.query("template") ?? null,
  };
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
    throw new HttpError(415, "unsupported_media_type", `请求体应为 application/json、Excel/WPS 表格文件（.xlsx、.xls、.et）或 PDF，而不是“${type || "（未注明）"}”`);
  }
  const input = isJsonType(type) ? (c.req.valid("json" as never) as CheckInput) : null;
  const file = input ? null : await fileBody(c);
  const template = await templateOf(c.env.DB, input ? input.template : file!.template);
  const codes = new CodesRegistry(await allEditions(c.env.DB));
  // with none chosen, the table set is detected from the titles, as the command line and the web page do
  const templates = template ? undefined : await cachedTemplates(c.env.DB);
  try {
    if (file && isPdf(file.bytes)) {
      return c.json((await checkPdf(file.bytes, { name: file.name, year: file.year, codes, template, templates })).report);
    }
    const sheets = input ? input.grids : await readWorkbook(file!.bytes, file!.name);
    const { report } = checkDisclosure({
      sheets,
      text: input?.text ?? null,
      year: input ? input.year : file!.year,
      codes,
      template,
      templates,
      source: { workbook: input ? input.name : file!.name, text: input?.text != null ? "text" : null },
    });
    return c.json(report);
  } catch (err) {
    if (err instanceof UnreadableFile || err instanceof UnreadablePdf) throw badRequest(err.message);
    throw err;
  }
});
