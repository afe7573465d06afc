// readPdf: a PDF's bytes → the cell grids of its tables (for core's table reader), its prose (for the narrative
// reader), which tables were found on which pages, what could not be read, and where each cell and line was printed.

import { type SheetGrid, columnLetters } from "../../core/tables/grid.ts";
import { type TablePiece } from "./table-piece.ts";
import { alignedTables, type Misaligned } from "./aligned-table.ts";
import { type AssembledTable, type Unread, assemble, pageElements } from "./assemble.ts";
import { type TextLine, cellsOf, dropRunningLines, joinPieces, linesOf } from "./lines.ts";
import { type PageContent, readPage } from "./page-content.ts";
import { type Paragraph, paragraphsOf } from "./paragraphs.ts";
import { type OpenOptions, UnreadablePdf, openPdf } from "./pdfjs.ts";
import { ruledTables } from "./ruled-table.ts";

export interface PdfTable {
  title: string;
  pages: number[];
  /** the grid's name in `sheets` */
  sheet: string;
}

/** Where a grid's rows were printed: rows above `titleRows` are the title lines, the rest the table's rows. */
export interface SheetPlace {
  title: string;
  titleRows: number;
  /** the page of each row, and for lines outside the table's body (title, notes) the line's number there */
  rows: { page: number; line?: number }[];
}

export interface PdfDisclosure {
  pages: number;
  sheets: SheetGrid[];
  /** the prose, a paragraph a line */
  text: string;
  tables: PdfTable[];
  unread: Unread[];
  places: { sheets: Record<string, SheetPlace>; text: Paragraph[] };
}

export interface ReadPdfOptions extends OpenOptions {
  /** the file's name, for messages */
  name?: string;
}

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfDisclosure> {
  const name = options.name ?? "该 PDF";
  const doc = await openPdf(bytes, name, options);
  try {
    const contents: PageContent[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      try {
        const page = await doc.getPage(p);
        contents.push(await readPage(page, p));
        page.cleanup();
      } catch (err) {
        throw new UnreadablePdf(`${name} 第 ${p} 页无法读取（文件可能已损坏：${(err as Error)?.message ?? err}）`);
      }
    }
    return fromPages(contents, name);
  } finally {
    await doc.destroy();
  }
}

/** Everything after pdfjs: the pages' pieces and rulings into tables and prose (exported for the bench). */
export function fromPages(contents: PageContent[], name: string): PdfDisclosure {
  const characters = contents.reduce((n, c) => n + c.pieces.reduce((m, p) => m + p.text.length, 0), 0);
  if (characters < 10) {
    throw new UnreadablePdf(
      contents.some((c) => c.images > 0)
        ? `${name} 是扫描件（页面是图片，没有文字层），无法读取其中的表格和文字；请提供由 Word、WPS 或 Excel 直接导出的 PDF`
        : `${name} 中没有可读取的文字`,
    );
  }
  const kept = dropRunningLines(contents.map((c) => ({ lines: linesOf(c.pieces, c.page), height: c.height })));
  const numbering = new Map<TextLine, number>();
  const elements = contents.map((c, i) => {
    const lines = kept[i]!;
    lines.forEach((l, n) => numbering.set(l, n + 1));
    const ruled = ruledTables(c.page, c.rulings, lines);
    const used = new Set(ruled.flatMap((t) => [...t.lines]));
    const aligned = alignedTables(c.page, lines.filter((l) => !used.has(l)));
    const pieces = aligned.filter((a): a is TablePiece => "rows" in a);
    const misaligned = aligned.filter((a): a is Misaligned => !("rows" in a));
    return pageElements(lines, [...ruled, ...pieces], misaligned);
  });
  const { tables, prose, unread } = assemble(elements);
  // a scanned page among text pages: whatever it shows cannot be read
  for (const c of contents) if (c.images > 0 && c.pieces.length === 0) unread.push({ page: c.page, what: `第 ${c.page} 页`, why: "是扫描的图片，没有文字层，无法读取" });
  const sheets: SheetGrid[] = [];
  const places: Record<string, SheetPlace> = {};
  const listed: PdfTable[] = tables.map((t, i) => {
    const sheet = `第${t.pieces[0]!.page}页表${i + 1}`;
    const { grid, place } = gridOf(t, sheet, numbering);
    sheets.push(grid);
    places[sheet] = place;
    return { title: t.title, pages: [...new Set(t.pieces.map((p) => p.page))], sheet };
  });
  const paragraphs = paragraphsOf(prose, (l) => numbering.get(l) ?? 0);
  return { pages: contents.length, sheets, text: paragraphs.map((p) => p.text).join("\n"), tables: listed, unread, places: { sheets: places, text: paragraphs } };
}

function gridOf(t: AssembledTable, name: string, numbering: Map<TextLine, number>): { grid: SheetGrid; place: SheetPlace } {
  const lineOf = (l: TextLine) => ({ page: l.page, line: numbering.get(l) ?? 0 });
  const cells: (string | null)[][] = [];
  const rows: SheetPlace["rows"] = [];
  for (const l of t.zone) {
    cells.push(cellsOf(l).map(joinPieces));
    rows.push(lineOf(l));
  }
  const titleRows = cells.length;
  for (const row of t.rows) {
    cells.push(row.cells.map((c) => (c === "" ? null : c)));
    rows.push({ page: row.page });
  }
  for (const l of t.notes) {
    cells.push([l.text]);
    rows.push(lineOf(l));
  }
  const a1 = (r: number, c: number) => `${columnLetters(c)}${r + titleRows + 1}`;
  const merges = t.merges.map((m) => `${a1(m.r0, m.c0)}:${a1(m.r1, m.c1)}`);
  return { grid: { name, cells, merges }, place: { title: t.title, titleRows, rows } };
}
