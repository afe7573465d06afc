import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { type Socket, connect } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { LIMITS } from "../../core/limits.ts";
import type { Report } from "../../core/rules/finding.ts";
import { localPublishToken } from "../../scripts/dev-vars.ts";

const origin = inject("origin");
const { hostname, port } = new URL(origin);

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads one HTTP/1.1 response off a kept-alive socket (Content-Length or chunked). */
function readResponse(socket: Socket): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const done = (r: RawResponse | Error) => {
      socket.off("data", onData);
      socket.off("close", onClose);

      if (r instanceof Error) reject(r);
      else resolve(r);
    };
    const onClose = () => done(new Error(`connection closed before a whole response: ${data.toString("latin1").slice(0, 200)}`));
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const end = data.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [statusLine, ...lines] = data.subarray(0, end).toString("latin1").split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      const rest = data.subarray(end + 4);
      let body: Buffer | null = null;
      if (headers["content-length"] !== undefined) {
        if (rest.length >= Number(headers["content-length"])) body = rest.subarray(0, Number(headers["content-length"]));
      } else if (/chunked/i.test(headers["transfer-encoding"] ?? "") && rest.includes("\r\n0\r\n\r\n")) {
        const parts: Buffer[] = [];
        for (let at = 0; ; ) {
          const nl = rest.indexOf("\r\n", at);
          const size = parseInt(rest.subarray(at, nl).toString("latin1"), 16);
          if (!size) break;
          parts.push(rest.subarray(nl + 2, nl + 2 + size));
          at = nl + 2 + size + 2;
        }
        body = Buffer.concat(parts);
      }
      if (body) done({ status: Number(statusLine!.split(" ")[1]), headers, body: body.toString("utf8") });
    };
    socket.on("data", onData);
    socket.on("close", onClose);
  });
}

/** A raw connection to the Worker; a reset shows as its close, which readResponse reports. */
async function open(): Promise<Socket> {
  const socket = connect(Number(port), hostname);
  socket.on("error", () => {});
  await new Promise((r) => socket.once("connect", r));
  return socket;
}

describe("request bodies are read through a limit", () => {
  it("a chunked body over the limit is cut with JSON 413, and the same connection serves the next request", async () => {
    const socket = await open();
    try {
      const answered = readResponse(socket);
      socket.write(`POST /v1/check HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      let stop = false;
      answered.then(() => (stop = true), () => (stop = true));
      // 1 MB past the limit, as a client that does not stop to listen would send it
      while (sent <= LIMITS.fileBytes + 1024 * 1024 && !stop) {
        const flushed = [socket.write(`${chunk.length.toString(16)}\r\n`), socket.write(chunk), socket.write("\r\n")].every(Boolean);
        sent += chunk.length;
        if (!flushed) await Promise.race([new Promise((r) => socket.once("drain", r)), answered.catch(() => {})]);
      }
      if (!stop) socket.write("0\r\n\r\n");
      const refused = await answered;
      expect(refused.status).toBe(413);
      expect(refused.headers["content-type"]).toContain("application/json");
      expect(JSON.parse(refused.body)).toMatchObject({ error: "payload_too_large", message: "请求体超过 10 MB" });

      const next = readResponse(socket);
      socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
      const health = await next;
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ ok: true });
    } finally {
      socket.destroy();
    }
  });

  it("a declared Content-Length over the limit is 413 before the body is read", async () => {
    const socket = await open();
    try {
      const answered = readResponse(socket);
      socket.write(`POST /v1/check HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${LIMITS.fileBytes + 1}\r\n\r\n`);
      const refused = await answered;
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body)).toMatchObject({ error: "payload_too_large" });
    } finally {
      socket.destroy();
    }
  });
});

describe("the README's publishing example", () => {
  it("runs as written: the ETag is found, the same template republished is no new version", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const block = /### Publishing[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    const script = `set -euo pipefail\n${block.replaceAll("http://127.0.0.1:8787", origin)}`;
    const out = execFileSync("bash", ["-c", script], {
      cwd: new URL("../..", import.meta.url),
      env: { ...process.env, TOKEN: localPublishToken() },
      encoding: "utf8",
    });
    const answer = JSON.parse(out) as { id: string; version: number; unchanged?: boolean };
    expect(answer).toMatchObject({ id: "shanghai-2024", version: 1, unchanged: true });
  });
});

describe("a PDF body (pdfjs inside workerd, as wrangler dev runs the Worker)", () => {
  const post = (body: string, type: string, query: string) => fetch(`${origin}/v1/check${query}`, { method: "POST", headers: { "Content-Type": type }, body });

  it("a PDF body is read by the PDF host and answered with where its tables were found", async () => {
    for (const type of ["application/pdf", "application/octet-stream"]) {
      const res = await post(minimalPdf("2021 annual report"), type, "?year=2021&name=report.pdf");
      expect(res.status, type).toBe(200);
      const report = (await res.json()) as Report & { pdf: { pages: number } };
      expect(report).toMatchObject({ year: 2021, source: { workbook: "report.pdf" }, pdf: { pages: 1 } });
    }
    const broken = await post("%PDF-1.7\nbroken", "application/pdf", "?name=坏.pdf");
    expect(await broken.json()).toMatchObject({ error: "bad_request", message: expect.stringMatching(/^坏\.pdf 不是有效的 PDF 文件/) });
    expect(broken.status).toBe(400);
  });
});

/** A one-page PDF showing one line of ASCII text in Helvetica, with a correct cross-reference table. */
function minimalPdf(line: string): string {
  const stream = `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
