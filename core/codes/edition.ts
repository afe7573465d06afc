// One edition year of the reference codes: every entry with its name, level and provenance, the names its
// codes had in earlier editions, and the lookups the rest of juesuan asks of it.

import { type CodeKind, type CodeLevel, ancestorCodes, kindOf, levelOf } from "./code-format.ts";
import { nameKey } from "./name-key.ts";

export type Provenance = "published" | "derived" | "imported";
export type Completeness = "complete" | "partial";

export interface CodeEntry {
  code: string;
  name: string;
  kind: CodeKind;
  level: CodeLevel;
  provenance: Provenance;
  source: string;
  /** names this code carried in earlier editions, newest first */
  formerNames?: string[];
}

export interface EditionJSON {
  year: number;
  status: Record<CodeKind, Completeness>;
  source?: string;
  entries: CodeEntry[];
  /**
   * An imported list that replaces the shipped entries of its classifications (`codes import --replace`);
   * without it the list is merged over them, its names winning for the codes it has.
   */
  replace?: boolean;
}

export interface PathStep {
  code: string;
  name: string;
}

export class Edition {
  private readonly byCode = new Map<string, CodeEntry>();
  private sorted?: CodeEntry[];
  private byName?: Map<string, string[]>;

  constructor(
    readonly year: number,
    readonly status: Record<CodeKind, Completeness>,
    entries: Iterable<CodeEntry>,
    readonly source?: string,
  ) {
    for (const e of entries) this.byCode.set(e.code, e);
  }

  static fromJSON(json: EditionJSON): Edition {
    return new Edition(json.year, json.status, json.entries, json.source);
  }

  toJSON(): EditionJSON {
    const json: EditionJSON = { year: this.year, status: this.status, entries: this.entries() };
    if (this.source) json.source = this.source;
    return json;
  }

  get size(): number {
    return this.byCode.size;
  }

  /** Every entry in code order (computed once: an edition never changes). */
  entries(): CodeEntry[] {
    this.sorted ??= [...this.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    return this.sorted;
  }

  get(code: string): CodeEntry | undefined {
    return this.byCode.get(code);
  }

  isComplete(kind: CodeKind): boolean {
    return this.status[kind] === "complete";
  }

  /** The 类 → 款 → 项 steps down to `code` that this edition holds (a partial edition may lack a 款). */
  chain(code: string): PathStep[] {
    return [...ancestorCodes(code), code].flatMap((c) => {
      const e = this.byCode.get(c);
      return e ? [{ code: c, name: e.name }] : [];
    });
  }

  /** The full 类 → 款 → 项 path; undefined when the code or one of its ancestors is missing. */
  path(code: string): PathStep[] | undefined {
    const chain = this.chain(code);
    return chain.length === ancestorCodes(code).length + 1 ? chain : undefined;
  }

  /** The codes whose current name is `name` (compared by nameKey), nearest to `near` first. */
  codesNamed(name: string, near = ""): string[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const e of this.byCode.values()) {
        const k = nameKey(e.name);
        const list = this.byName.get(k);
        if (list) list.push(e.code);
        else this.byName.set(k, [e.code]);
      }
    }
    const found = this.byName.get(nameKey(name)) ?? [];
    return [...found].sort((a, b) => sharedPrefix(b, near) - sharedPrefix(a, near) || (a < b ? -1 : 1));
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** `公共安全支出（类）公安（款）事业运行（项）` — the way narratives write a path. */
export function formatPath(path: PathStep[]): string {
  return path.map((s) => `${s.name}（${levelOf(s.code)}）`).join("");
}

export function entryFor(code: string, name: string, provenance: Provenance, source: string): CodeEntry {
  const kind = kindOf(code);
  if (!kind) throw new RangeError(`not a classification code: ${code}`);
  return { code, name, kind, level: levelOf(code), provenance, source };
}
