// Turns a file a user hands the command line (.xlsx/.xlsm/.xls/.et through hosts/workbook.ts, decided by content;
// .csv in UTF-8 or GB18030) into cell grids, one per sheet — the shape core reads. A file that cannot be read,
// or is over a limit, gives one clear Chinese sentence.

import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { InputTooLarge } from "../core/limits.ts";
import type { Cell, SheetGrid } from "../core/tables/grid.ts";
import { UnreadableFile, readWorkbook, workbookKind } from "../hosts/workbook.ts";

export { UnreadableFile };
export type Grid = Cell[][];

export async function readGrids(path: string): Promise<SheetGrid[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UnreadableFile(code === "ENOENT" ? `找不到文件：${path}` : code === "EISDIR" ? `${path} 是文件夹，不是文件` : `无法读取 ${path}（${code}）`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return [{ name: "csv", cells: parseCsv(decodeText(bytes)) }];
  if (![".xlsx", ".xlsm", ".xls", ".et"].includes(ext) && !workbookKind(bytes)) throw new UnreadableFile(`${path} 不是 .xlsx 或 .csv 文件（也不是 .xls、.et 表格）`);
  try {
    return await readWorkbook(bytes, path);
  } catch (err) {
    if (err instanceof InputTooLarge) throw new UnreadableFile(err.message);
    throw err;
  }
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): Grid {
  const rows: Grid = [];
  let row: Cell[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
