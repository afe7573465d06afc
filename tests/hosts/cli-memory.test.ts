// `juesuan check` as a real process on hostile files under 10 MB — a zip bomb whose sizes lie, 1,000 rows
// with one cell in column XFD, a 50 MB shared string, an .xls with a formula SheetJS loops on — must answer with one
// Chinese line (or a report) and the right exit code, and stay under 512 MB resident.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../cli/builtin-data.ts";
import { LIMITS } from "../../core/limits.ts";
import type { Report } from "../../core/rules/finding.ts";
import { deflatedRepeat, rawXlsx, sheetXml } from "./raw-xlsx.ts";

const dir = mkdtempSync(join(tmpdir(), "juesuan-hostile-"));

function juesuan(file: string): { code: number | null; out: string; err: string; peakMb: number } {
  const rss = join(dir, `${Math.random()}.rss`);
  const r = spawnSync(process.execPath, ["--import", join(REPO_ROOT, "tests/hosts/peak-rss.mjs"), join(REPO_ROOT, "cli/bin.mjs"), "check", file, "--format", "json"], {
    encoding: "utf8",
    env: { ...process.env, PEAK_RSS_FILE: rss },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr.trim(), peakMb: Number(readFileSync(rss, "utf8")) };
}

const bomb = deflatedRepeat("<row/>", 200 * 1024 * 1024);
const files: [string, Uint8Array, number, RegExp][] = [
  ["bomb.xlsx", rawXlsx({ sheets: [{ name: "炸弹", entry: { deflated: { body: bomb.body, size: 1000 } } }] }), 2, /解压后超过 \d+ MB/],
  ["string.xlsx", rawXlsx({ sheets: [{ name: "表", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sharedStrings: { deflated: deflatedRepeat("长", 50 * 1024 * 1024, "<sst><si><t>", "</t></si></sst>") } }), 2, /文字超过/],
  ["xfd.xlsx", rawXlsx({ sheets: [{ name: "远列", xml: sheetXml(Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join("")) }] }), 2, /空工作簿/],
];

describe("juesuan check on hostile files", () => {
  for (const [name, bytes, code, message] of files) {
    it(`${name} (${(bytes.length / 1024).toFixed(0)} KB): one Chinese line, exit ${code}, under 512 MB`, () => {
      expect(bytes.length).toBeLessThan(LIMITS.fileBytes);
      writeFileSync(join(dir, name), bytes);
      const r = juesuan(join(dir, name));
      expect(r.err).toMatch(message);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).not.toMatch(/at .*\.(ts|mjs|js):\d+/);
      expect(r.code).toBe(code);
      console.log(`${name}: peak RSS ${r.peakMb} MB`);
      expect(r.peakMb).toBeLessThan(512);
    }, 150_000);
  }

  it("an .xls with a corrupt formula SheetJS's parser loops on (found by the fuzz harness): its values, checked", () => {
    const r = juesuan(join(REPO_ROOT, "tests/hosts/fixtures/formula-loop.xls"));
    expect(r.err).toBe("");
    expect((JSON.parse(r.out) as Report).source.workbook).toBe("formula-loop.xls");
    expect(r.code).toBe(0);
    expect(r.peakMb).toBeLessThan(512);
  }, 150_000);

  it("a sheet with cells past column 256 and real ones: a report that says what was not read", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>行${i}</t></is></c><c r="XFD${i + 1}"><v>1</v></c></row>`).join("");
    writeFileSync(join(dir, "mixed.xlsx"), rawXlsx({ sheets: [{ name: "远列", xml: sheetXml(rows) }] }));
    const r = juesuan(join(dir, "mixed.xlsx"));
    const report = JSON.parse(r.out) as Report;
    expect(report.notChecked).toContainEqual({ rule: "read.sheet", why: `工作表“远列”第 ${LIMITS.sheetColumns} 列以后的 1000 个单元格未读取` });
    expect(r.code).toBe(1);
    expect(r.peakMb).toBeLessThan(512);
  }, 150_000);
});
