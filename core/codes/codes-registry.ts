// The editions juesuan knows, by year: which year a lookup uses when none is given (the newest), and the
// Chinese message for a year that is not loaded.

import { notAvailable } from "../errors.ts";
import type { Edition } from "./edition.ts";

export class CodesRegistry {
  private readonly byYear = new Map<number, Edition>();

  constructor(editions: Iterable<Edition>) {
    for (const e of editions) this.byYear.set(e.year, e);
  }

  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  latestYear(): number {
    const years = this.years();
    if (!years.length) throw notAvailable("没有载入任何科目表");
    return years[years.length - 1]!;
  }

  /** The edition of `year` (the newest when year is null); throws not-available for an unknown year. */
  edition(year: number | null = null): Edition {
    const y = year ?? this.latestYear();
    const e = this.byYear.get(y);
    if (!e) throw notAvailable(`没有 ${y} 年的科目表（已有：${this.years().join("、")}）`);
    return e;
  }
}
