import { deflateSync, crc32 } from "node:zlib";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { checkPdf, readPdf } from "../../hosts/pdf/index.ts";
import { placeText } from "../../core/rules/finding.ts";
import { CJK_FONT } from "../fixtures/render-pdf.ts";

function pdfOf(draw: (doc: PDFDocument) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [842, 595], margin: 0, ...options });
  const chunks: Uint8Array[] = [];
  doc.on("data", (c) => chunks.push(c));
  return new Promise((resolve) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.registerFont("cjk", CJK_FONT, "WenQuanYiZenHei");
    doc.font("cjk", 10);
    draw(doc);
    doc.end();
  });
}

/** A grey PNG, as a scanner would give a page. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]));
}

describe("a PDF that cannot be read says so in one Chinese line", () => {
  it("a scan (pages of images, no text layer)", async () => {
    const scan = await pdfOf((doc) => doc.image(png(60, 40), 0, 0, { width: 842, height: 595 }));
    await expect(readPdf(scan, { name: "扫描.pdf" })).rejects.toThrow(/^扫描\.pdf 是扫描件（页面是图片，没有文字层），无法读取/);
  });

  it("a scanned page among pages of text is listed as unread", async () => {
    const mixed = await pdfOf((doc) => {
      doc.text("一、部门主要职责：负责本部门决算的编制与公开工作。", 40, 60);
      doc.addPage({ size: [842, 595], margin: 0 });
      doc.image(png(60, 40), 0, 0, { width: 842, height: 595 });
    });
    const pdf = await readPdf(mixed);
    expect(pdf.text).toContain("负责本部门决算的编制与公开工作");
    expect(pdf.unread).toEqual([{ page: 2, what: "第 2 页", why: "是扫描的图片，没有文字层，无法读取" }]);
  });

  it("an encrypted one", async () => {
    const locked = await pdfOf((doc) => doc.text("收入决算表", 40, 40), { userPassword: "secret", ownerPassword: "owner", pdfVersion: "1.7" });
    const error = await readPdf(locked, { name: "加密.pdf" }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^加密\.pdf 已加密/);
    expect((error as Error).message.split("\n")).toHaveLength(1);
  });

  it("bytes that are not a PDF, or a broken one", async () => {
    await expect(readPdf(new TextEncoder().encode("hello"), { name: "a.pdf" })).rejects.toThrow("a.pdf 不是有效的 PDF 文件");
    await expect(readPdf(new TextEncoder().encode("%PDF-1.7\n1 0 obj broken"), { name: "b.pdf" })).rejects.toThrow(/b\.pdf 不是有效的 PDF 文件/);
  });
});

describe("a table whose columns cannot be aligned", () => {
  it("is listed with its page and why, and never handed on as a guess", async () => {
    const bytes = await pdfOf((doc) => {
      doc.text("2021年度收入决算表", 300, 60);
      const row = (y: number, cells: [string, number][]) => cells.forEach(([t, x]) => doc.text(t, x, y, { lineBreak: false }));
      row(100, [["科目编码", 60], ["科目名称", 160], ["本年收入合计", 300], ["财政拨款收入", 420]]);
      row(120, [["2010301", 60], ["行政运行", 160], ["1,200.00", 310], ["1,100.00", 430]]);
      // a row pasted across the columns: two figures fall into the column of one
      row(140, [["2010302", 60], ["一般行政管理事务", 160], ["8", 310], ["5.00", 330], ["3.00", 430]]);
      row(160, [["2050205", 60], ["高等教育", 160], ["300.00", 318], ["280.00", 438]]);
    });
    const { report, pdf } = await checkPdf(bytes, { name: "错位.pdf" });
    expect(pdf.unread).toHaveLength(1);
    expect(pdf.unread[0]).toMatchObject({ page: 1, what: "2021年度收入决算表" });
    expect(pdf.unread[0]!.why).toContain("列无法对齐");
    expect(pdf.sheets).toEqual([]);
    expect(report.notChecked.some((n) => n.rule === "pdf.table" && n.why.includes("列无法对齐"))).toBe(true);
    // nor do its lines pass for prose
    expect(pdf.text).not.toContain("行政运行");
  });
});

describe("where a PDF finding is, as a clerk reads it", () => {
  it("a table cell by page, table, row and column; a line by page and line", () => {
    expect(placeText({ page: 3, table: "收入决算表", row: 5, column: 2, text: "12.00" })).toBe("第 3 页 收入决算表 第 5 行第 2 列");
    expect(placeText({ page: 7, line: 12, excerpt: "……" })).toBe("第 7 页第 12 行");
  });
});
