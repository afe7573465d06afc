// The one entry for a spreadsheet file, whatever its name says: a zip is an .xlsx (lean reader), an OLE
// container is an .xls/.et (SheetJS, loaded on demand) or an encrypted .xlsx; anything else is refused.

import type { SheetGrid } from "../core/tables/grid.ts";
import { UnreadableFile } from "./unreadable-file.ts";
import { checkFileSize, readXlsxGrids } from "./xlsx.ts";

export { UnreadableFile };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type WorkbookKind = "xlsx" | "ole" | null;

/** What the bytes are, by their first bytes. */
export function workbookKind(bytes: Uint8Array): WorkbookKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (OLE.every((b, i) => bytes[i] === b)) return "ole";
  return null;
}

/** Cell grids of every worksheet of an .xlsx/.xlsm, .xls or .et file; throws UnreadableFile or InputTooLarge. */
export async function readWorkbook(bytes: Uint8Array, name: string): Promise<SheetGrid[]> {
  checkFileSize(bytes, name);
  const kind = workbookKind(bytes);
  if (kind === "xlsx") return readXlsxGrids(bytes, name);
  if (kind === "ole") return (await import("./xls.ts")).readXlsGrids(bytes, name);
  throw new UnreadableFile(`${name} 不是 Excel 或 WPS 表格文件（.xlsx、.xls、.et），请用 Excel 或 WPS 另存后再试`);
}
