import { describe, expect, it } from "vitest";
import { loadBuiltinEditions } from "../../cli/builtin-data.ts";
import { checkCodeName } from "../../core/codes/code-check.ts";
import { normalizeCode, levelOf } from "../../core/codes/code-format.ts";
import { CodesRegistry } from "../../core/codes/codes-registry.ts";
import { formatPath } from "../../core/codes/edition.ts";
import { rollup } from "../../core/codes/rollup.ts";
import { Decimal } from "../../core/decimal.ts";
import { DomainError } from "../../core/errors.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CODES_DIR } from "../../cli/builtin-data.ts";

const registry = new CodesRegistry(loadBuiltinEditions());
const y2021 = registry.edition(2021);

describe("codes observed in published tables (data/codes/observed)", () => {
  const observed = readFileSync(join(CODES_DIR, "observed", "codes-observed.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .map(([code, name, kind, year, source]) => ({ code: code!, name: name!, kind: kind!, year: Number(year), source: source! }));

  it("every pair seen in a served year is known by that edition under that name, marked published", () => {
    const served = observed.filter((o) => registry.years().includes(o.year));
    expect(served).toHaveLength(234);
    for (const o of served) {
      const e = registry.edition(o.year).get(o.code);
      expect(e, `${o.code} ${o.name} (${o.year})`).toMatchObject({ name: o.name, kind: o.kind, provenance: "published" });
    }
  });

  it("the 20139 社会工作事务 款 and its 项 are known from 2024, with the table they were read from", () => {
    const y2024 = registry.edition(2024);
    expect(y2024.path("2013901")?.map((s) => s.name)).toEqual(["一般公共服务支出", "社会工作事务", "行政运行"]);
    expect(y2024.get("20139")?.source).toContain("codes-observed.tsv");
    expect(registry.edition(2023).get("20139")).toBeUndefined();
  });
});

describe("shipped editions", () => {
  it("cover 2020 to 2025, function partial and economic complete", () => {
    expect(registry.years()).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    for (const y of registry.years()) {
      expect(registry.edition(y).status).toEqual({ function: "partial", economic: "complete" });
    }
  });

  it("hold every 类 of 2021 and the whole economic classification", () => {
    const classes = y2021.entries().filter((e) => e.kind === "function" && e.level === "类");
    expect(classes).toHaveLength(30);
    expect(y2021.get("224")?.name).toBe("灾害防治及应急管理支出");
    expect(y2021.get("30217")?.name).toBe("公务接待费");
    expect(y2021.get("31013")?.name).toBe("公务用车购置");
  });

  it("mark provenance on every entry", () => {
    for (const e of y2021.entries()) {
      expect(["published", "derived"]).toContain(e.provenance);
      expect(e.source.length).toBeGreaterThan(0);
    }
    expect(y2021.get("2040250")?.provenance).toBe("published");
  });

  it("follow renames between editions", () => {
    expect(registry.edition(2020).get("21305")?.name).toBe("扶贫");
    expect(y2021.get("21305")?.name).toBe("巩固脱贫衔接乡村振兴");
    expect(y2021.get("21305")?.formerNames).toEqual(["扶贫"]);
    expect(y2021.get("20805")?.formerNames).toContain("行政事业单位离退休");
  });

  it("build paths as narratives write them", () => {
    expect(formatPath(y2021.path("2040250")!)).toBe("公共安全支出（类）公安（款）事业运行（项）");
    expect(formatPath(y2021.path("30201")!)).toBe("商品和服务支出（类）办公费（款）");
  });

  it("an unknown year is not-available with the years there are", () => {
    expect(() => registry.edition(2019)).toThrowError(/没有 2019 年的科目表/);
    expect(registry.edition(null).year).toBe(2025);
  });
});

describe("code format", () => {
  it("normalises codes from numbers, full width and split forms", () => {
    expect(normalizeCode(2040250)).toBe("2040250");
    expect(normalizeCode("２０４０２５０")).toBe("2040250");
    expect(normalizeCode("204 02 50")).toBe("2040250");
    expect(normalizeCode("30201")).toBe("30201");
    expect(normalizeCode("3020101")).toBeNull(); // economic codes stop at 款
    expect(normalizeCode("1234")).toBeNull();
    expect(normalizeCode("合计")).toBeNull();
    expect(normalizeCode(204.5)).toBeNull();
  });

  it("levels follow the digits", () => {
    expect(levelOf("204")).toBe("类");
    expect(levelOf("20402")).toBe("款");
    expect(levelOf("2040250")).toBe("项");
  });
});

describe("checkCodeName", () => {
  it("accepts the edition's name, ignoring width, spaces and a level marker", () => {
    expect(checkCodeName(y2021, "2040250", "事业运行").ok).toBe(true);
    expect(checkCodeName(y2021, "20402", "公安（款）").ok).toBe(true);
    expect(checkCodeName(y2021, "2130508", '"三西"农业建设专项补助').ok).toBe(true);
  });

  it("a stale name is a warning naming the current one", () => {
    const r = checkCodeName(y2021, "20805", "行政事业单位离退休");
    expect(r).toMatchObject({ ok: false, problem: "stale-name", severity: "warning", expected: "行政事业单位养老支出" });
    expect(r.message).toContain("行政事业单位养老支出");
  });

  it("a name of another code is an error naming that code, nearest first", () => {
    const r = checkCodeName(y2021, "2040250", "行政运行");
    expect(r).toMatchObject({ problem: "other-code-name", severity: "error", expected: "事业运行" });
    expect(r.otherCodes?.[0]).toBe("2040201");
    expect(r.message).toContain("2040201");
  });

  it("a code missing from a partial edition is info, from a complete one an error", () => {
    expect(checkCodeName(y2021, "2049998", "x")).toMatchObject({ problem: "unknown-code", severity: "info" });
    expect(checkCodeName(y2021, "30298", "x")).toMatchObject({ problem: "unknown-code", severity: "error" });
  });

  it("a wrong name that belongs to nothing says what the code is", () => {
    expect(checkCodeName(y2021, "2040250", "公安事业").message).toBe("2040250 在 2021 年科目表中为“事业运行”，不是“公安事业”");
  });
});

describe("rollup", () => {
  const d = (s: string) => Decimal.parse(s)!;
  const rows = [
    { code: "204", amount: d("30.00") },
    { code: "20402", amount: d("30.00") },
    { code: 2040201, amount: d("10.00") },
    { code: "2040250", amount: d("20.00") },
    { code: "208", amount: d("5.50") },
    { code: "20805", amount: d("5.50") },
    { code: "合计", amount: d("35.50") },
  ];

  it("sums leaves only, so subtotal rows are not counted twice", () => {
    expect(rollup(rows, "204").toString()).toBe("30.00");
    expect(rollup(rows, "20402").toString()).toBe("30.00");
    expect(rollup(rows, "208").toString()).toBe("5.50");
  });

  it("a 款 without 项 rows in the range is its own leaf", () => {
    expect(rollup(rows, "20805").toString()).toBe("5.50");
  });

  it("a code with nothing under it is not-available", () => {
    expect(() => rollup(rows, "205")).toThrow(DomainError);
  });
});
