// The disclosure issue 12's targets are measured on: a large unit (every 项 of the 2021 edition under six 类,
// ~400 rows in nine tables) and a ~45 KB 情况说明 written from it, as a PDF extraction would also give it.

import { loadBuiltinEditions } from "../cli/builtin-data.ts";
import { CodesRegistry } from "../core/codes/codes-registry.ts";
import type { SheetGrid } from "../core/tables/grid.ts";
import { makeLedger, seeded } from "../tests/fixtures/disclosure-model.ts";
import { renderDisclosure } from "../tests/fixtures/disclosure-sheets.ts";
import { asPdfText, narrativeOf } from "../tests/fixtures/narrative-text.ts";

export interface BenchDisclosure {
  codes: CodesRegistry;
  sheets: SheetGrid[];
  rows: number;
  text: string;
  textBytes: number;
}

/** A large unit: `items` 项 of the 2021 edition under six 类, rendered in the export layout, with the codes. */
export function largeUnit(items: number): { codes: CodesRegistry; book: ReturnType<typeof renderDisclosure> } {
  const codes = new CodesRegistry(loadBuiltinEditions());
  const y2021 = codes.edition(2021);
  const itemCodes = y2021
    .entries()
    .filter((e) => e.kind === "function" && e.level === "项" && /^(201|204|205|208|210|213)/.test(e.code))
    .map((e) => e.code)
    .slice(0, items);
  const names = Object.fromEntries(y2021.entries().map((e) => [e.code, e.name]));
  return { codes, book: renderDisclosure(makeLedger(seeded(1), { items: { codes: itemCodes, names } }), "export") };
}

export function benchDisclosure(): BenchDisclosure {
  const {
    codes,
    book: { sheets },
  } = largeUnit(80);
  const one = narrativeOf(sheets);
  const size = (s: string) => new TextEncoder().encode(s).length;
  let text = one;
  // copies broken at other widths (so no line repeats like a running header) while the text stays ≤ 45 KB
  for (let width = 23; ; width += 2) {
    const next = `${text}\n${asPdfText(one, `第${width}页眉`, width)}`;
    if (size(next) > 45 * 1024) break;
    text = next;
  }
  return { codes, sheets, rows: sheets.reduce((n, s) => n + s.cells.length, 0), text, textBytes: size(text) };
}
