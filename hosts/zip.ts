// Reads the entries of a zip (an .xlsx) from its central directory and inflates one entry at a time with
// fflate's streaming Inflate, counting bytes as they come out: an entry or a workbook that inflates past
// LIMITS, or XML with a text run no spreadsheet cell could hold, is refused before it is ever held whole.

import { Inflate, inflateSync } from "fflate";
import { InputTooLarge, LIMITS } from "../core/limits.ts";
import { UnreadableFile } from "./unreadable-file.ts";

interface Entry {
  method: number;
  flags: number;
  size: number;
  start: number;
  end: number;
}

/** Longest run of bytes between two "<" in an entry's XML: above any legal cell (32,767 characters, escaped). */
export const MAX_XML_RUN = 256 * 1024;
/** Compressed bytes pushed per inflate step: deflate expands at most 1032×, so one step gives ≤ 17 MB. */
const STEP = 16 * 1024;
/** Entries this small are inflated in one call (≤ 34 MB out, under the entry limit), which is faster. */
const ONE_CALL = 32 * 1024;
const MB = 1024 * 1024;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const eocd = findEnd(bytes, view);
    if (eocd < 0) throw this.corrupt();
    const count = view.getUint16(eocd + 10, true);
    let p = view.getUint32(eocd + 16, true);
    const utf8 = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw this.corrupt();
      const nameLength = view.getUint16(p + 28, true);
      const next = p + 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
      const local = view.getUint32(p + 42, true);
      const compressed = view.getUint32(p + 20, true);
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw this.corrupt();
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressed > bytes.length) throw this.corrupt();
      const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, "").toLowerCase();
      this.entries.set(name, { method: view.getUint16(p + 10, true), flags: view.getUint16(p + 8, true), size: view.getUint32(p + 24, true), start, end: start + compressed });
      p = next;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** An entry's text (UTF-8), or null when the zip has no such entry. */
  text(name: string): string | null {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    if (entry.flags & 1) throw new UnreadableFile(`${this.file} 的内容已加密，请去掉密码后另存再试`);
    // declared sizes refuse an honest bomb at once; a lying one is caught below while inflating
    if (entry.size > LIMITS.unpackedEntryBytes) throw this.entryTooLarge(name);
    if (this.inflated + entry.size > LIMITS.unpackedTotalBytes) throw this.totalTooLarge();
    const chunks: Uint8Array[] = [];
    const run = new RunCheck(() => new InputTooLarge("cellText", `${this.file} 的 ${name} 中有一段文字超过 ${MAX_XML_RUN / 1024} KB，不是可读取的表格`));
    let length = 0;
    const take = (chunk: Uint8Array) => {
      length += chunk.length;
      this.inflated += chunk.length;
      if (length > LIMITS.unpackedEntryBytes) throw this.entryTooLarge(name);
      if (this.inflated > LIMITS.unpackedTotalBytes) throw this.totalTooLarge();
      run.scan(chunk);
      chunks.push(chunk);
    };
    const data = this.bytes.subarray(entry.start, entry.end);
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += STEP * 4) take(data.subarray(i, i + STEP * 4));
    } else if (entry.method === 8) {
      const inflate = new Inflate((chunk) => {
        if (chunk.length) take(chunk);
      });
      try {
        // into a buffer of the declared size (no regrowing): a size that lies only truncates the entry
        if (data.length <= ONE_CALL) take(inflateSync(data, { out: new Uint8Array(entry.size) }));
        else for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, i + STEP), i + STEP >= data.length);
      } catch (err) {
        if (err instanceof InputTooLarge) throw err;
        throw this.corrupt();
      }
    } else throw new UnreadableFile(`${this.file} 使用了不支持的压缩方式，请用 Excel 或 WPS 另存为 .xlsx 后再试`);
    run.end();
    return new TextDecoder().decode(chunks.length === 1 ? chunks[0] : concat(chunks, length));
  }

  private entryTooLarge(name: string): InputTooLarge {
    return new InputTooLarge("unpackedEntryBytes", `${this.file} 的 ${name} 解压后超过 ${LIMITS.unpackedEntryBytes / MB} MB，不读取（可能是压缩炸弹）`);
  }

  private totalTooLarge(): InputTooLarge {
    return new InputTooLarge("unpackedTotalBytes", `${this.file} 解压后超过 ${LIMITS.unpackedTotalBytes / MB} MB，不读取（可能是压缩炸弹）`);
  }

  private corrupt(): UnreadableFile {
    return new UnreadableFile(`${this.file} 不是有效的 .xlsx 文件（压缩包已损坏或不完整）`);
  }
}

/** The end-of-central-directory record: within the last 64 KB (its comment) of the file. */
function findEnd(bytes: Uint8Array, view: DataView): number {
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === 0x06054b50) return p;
  }
  return -1;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/**
 * Watches the gaps between "<" across chunks without visiting every byte: from the last "<" it asks for the
 * last "<" within MAX_XML_RUN, so dense XML costs one native search per MAX_XML_RUN bytes.
 */
class RunCheck {
  private last = 0;
  private seen = 0;

  constructor(private readonly tooLong: () => Error) {}

  scan(chunk: Uint8Array): void {
    const base = this.seen;
    this.seen += chunk.length;
    for (;;) {
      const reach = this.last + MAX_XML_RUN;
      if (reach >= this.seen) {
        const tail = chunk.lastIndexOf(60);
        if (tail >= 0 && base + tail > this.last) this.last = base + tail;
        return;
      }
      const found = chunk.lastIndexOf(60, reach - base);
      if (found < 0 || base + found <= this.last) throw this.tooLong();
      this.last = base + found;
    }
  }

  end(): void {
    if (this.seen - this.last > MAX_XML_RUN) throw this.tooLong();
  }
}
