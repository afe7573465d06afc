import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { workerCount } from "../../cli/check-pool.ts";
import { main } from "../../cli/main.ts";
import type { Report } from "../../core/rules/finding.ts";
import { makeLedger, seeded } from "../fixtures/disclosure-model.ts";
import { renderDisclosure } from "../fixtures/disclosure-sheets.ts";
import { bump } from "../fixtures/mutate.ts";
import { narrativeOf } from "../fixtures/narrative-text.ts";
import { writeXlsx } from "../fixtures/write-xlsx.ts";
import { runCli as run } from "./run-cli.ts";

let root: string;
const book = renderDisclosure(makeLedger(seeded(31), { exact: true }), "export");
const slip = book.where["T05.合计.基本支出"]!;
const folder = (name: string) => join(root, name);

// a low break-even, so a small folder exercises the worker threads
const FILES_PER_WORKER = 12;
process.env.JUESUAN_FILES_PER_WORKER = String(FILES_PER_WORKER);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "juesuan-folder-"));
  for (const name of ["mixed", "corrupt-only", "many", "odds"]) mkdirSync(folder(name));
  await writeXlsx(join(root, "clean.xlsx"), book.sheets);
  await writeXlsx(join(root, "bad.xlsx"), bump(book.sheets, slip, "0.02"));
  // mixed: a clean workbook, one with an error, and a corrupt one
  copyFileSync(join(root, "clean.xlsx"), join(folder("mixed"), "a-clean.xlsx"));
  copyFileSync(join(root, "bad.xlsx"), join(folder("mixed"), "b-bad.xlsx"));
  writeFileSync(join(folder("mixed"), "c-broken.xlsx"), "PK\u0003\u0004 broken");
  writeFileSync(join(folder("corrupt-only"), "broken.xlsx"), "PK\u0003\u0004 broken");
  // odds: what a real folder also holds
  copyFileSync(join(root, "clean.xlsx"), join(folder("odds"), "unit.xlsx"));
  writeFileSync(join(folder("odds"), "notes.txt"), "备忘");
  writeFileSync(join(folder("odds"), "说明.pdf"), "%PDF-1.4");
  writeFileSync(join(folder("odds"), "~$unit.xlsx"), "lock");
  writeFileSync(join(folder("odds"), "old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  mkdirSync(join(folder("odds"), "2020"));
  // many: enough workbooks for worker threads to join in
  for (let i = 0; i < FILES_PER_WORKER + 3; i++) copyFileSync(join(root, i % 5 ? "clean.xlsx" : "bad.xlsx"), join(folder("many"), `unit-${String(i).padStart(2, "0")}.xlsx`));
  writeFileSync(join(root, "说明.txt"), narrativeOf(book.sheets));
});

describe("juesuan check FOLDER", () => {
  it("exit 1 when a workbook has errors, even beside a corrupt file, which is listed with a Chinese reason", async () => {
    const r = await run("check", folder("mixed"));
    expect(r.code).toBe(1);
    const lines = r.out.split("\n").map((l) => JSON.parse(l) as Report & { error?: string });
    expect(lines.map((l) => l.source.workbook)).toEqual(["a-clean.xlsx", "b-bad.xlsx", "c-broken.xlsx"]);
    expect(lines[2]!.error).toMatch(/不是有效的 \.xlsx 文件（[^）]*[\u4e00-\u9fff][^）]*）$/);
  });

  it("exit 2 only when nothing could be checked; the usage documents the codes", async () => {
    expect((await run("check", folder("corrupt-only"))).code).toBe(2);
    expect((await run("check", "--help")).out).toMatch(/退出码：0 .*1 .*2 /);
  });

  it("--format text gives one readable line per workbook and a total", async () => {
    const r = await run("check", folder("mixed"), "--format", "text");
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^a-clean\.xlsx：未发现错误或警告（错误 0 条/);
    expect(lines[1]).toMatch(/^b-bad\.xlsx：有错误（错误 [1-9]/);
    expect(lines[2]).toMatch(/^c-broken\.xlsx：无法核对——/);
    expect(r.out).toContain("共 3 个工作簿：核对 2 个，其中 1 个有错误；1 个无法核对（c-broken.xlsx）");
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it("lists every file it skipped and why; an old-format workbook goes to its reader, a PDF to the PDF reader", async () => {
    const r = await run("check", folder("odds"));
    for (const name of ["notes.txt", "~$unit.xlsx", "2020"]) expect(r.err).toMatch(new RegExp(`跳过 odds/${name.replace(/[.$]/g, "\\$&")}：\\S`));
    const lines = r.out.split("\n").map((l) => JSON.parse(l) as Report & { error?: string });
    expect(lines.map((l) => l.source.workbook)).toEqual(["old.xls", "unit.xlsx", "说明.pdf"]);
    expect(lines[2]!.error).toMatch(/^说明\.pdf 不是有效的 PDF 文件/);
    expect(lines[0]!.error ?? lines[0]!.summary).toBeTruthy();
  });

  it("the progress bar goes only to a terminal and is erased before every line, so JSON lines stay whole", async () => {
    const log: string[] = [];
    const tty = { isTTY: true, write: (s: string) => log.push(`progress:${s}`) > 0 } as unknown as NodeJS.WriteStream;
    const code = await main(["check", folder("mixed")], (s) => log.push(`out:${s}`), () => undefined, tty);
    expect(code).toBe(1);
    expect(log.some((l) => l.startsWith("progress:\r["))).toBe(true);
    log.forEach((l, i) => {
      if (!l.startsWith("out:")) return;
      expect(() => JSON.parse(l.slice(4))).not.toThrow();
      // whatever came last on the terminal before a line was an erase, never a bar
      const before = log.slice(0, i).reverse().find((x) => x.startsWith("progress:"));
      if (before) expect(before).toBe("progress:\r\u001b[K");
    });
    const piped: string[] = [];
    const pipe = { isTTY: false, write: (s: string) => piped.push(s) > 0 } as unknown as NodeJS.WriteStream;
    await main(["check", folder("mixed")], () => undefined, () => undefined, pipe);
    expect(piped).toEqual([]);
  });

  it("worker threads join only for a large folder, give the same lines, and keep --text and --template", async () => {
    expect(workerCount(3, 8)).toBe(0);
    expect(workerCount(FILES_PER_WORKER + 3, 2)).toBe(1);
    expect(workerCount(FILES_PER_WORKER + 3, 1)).toBe(0);
    const args = ["check", folder("many"), "--text", join(root, "说明.txt"), "--template", "central-2021"];
    const one = await run(...args, "--threads", "1");
    const two = await run(...args, "--threads", "2");
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(1);
    const lines = two.out.split("\n").map((l) => JSON.parse(l) as Report);
    expect(lines).toHaveLength(FILES_PER_WORKER + 3);
    for (const l of lines) {
      expect(l.source.text).toBe("说明.txt");
      expect(l.coverage?.claims).toBeGreaterThan(0);
    }
    // the template's own severities and rules applied, in the pooled lines as in the sequential ones
    const single = JSON.parse((await run("check", join(folder("many"), "unit-01.xlsx"), "--text", join(root, "说明.txt"), "--template", "central-2021", "--format", "json")).out) as Report;
    expect(lines[1]).toEqual(single);
  }, 60_000);
});
