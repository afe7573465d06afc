// A Worker around the PDF host, for the test that reads a PDF inside workerd (no worker threads, no DOMMatrix).

import { readPdf, UnreadablePdf } from "../../hosts/pdf/index.ts";

export default {
  async fetch(request: Request): Promise<Response> {
    try {
      const pdf = await readPdf(new Uint8Array(await request.arrayBuffer()), { name: "公开.pdf" });
      return Response.json({ tables: pdf.tables, sheets: pdf.sheets, text: pdf.text });
    } catch (err) {
      if (err instanceof UnreadablePdf) return Response.json({ error: err.message }, { status: 422 });
      throw err;
    }
  },
};
