// A mocked Excel host for the task pane in Chromium: the part of the Excel JavaScript API the pane uses
// (worksheets, ranges with values/formulas/fill, workbook settings, onChanged, select), over an in-page
// workbook the test can load, edit and inspect. Installed before any page script; it counts context.sync().
// Everything here runs in the page, so the function is self-contained.

export function installMockExcel(): void {
  // the pane's page only, not frames Office.js opens inside it
  if (window.top !== window) return;
  type CellData = { v: unknown; f?: string; fill?: string | null; fmt?: string; bold?: boolean };
  interface Sheet {
    name: string;
    cells: Map<string, CellData>;
    handlers: ((e: unknown) => Promise<void>)[];
  }
  const book = {
    sheets: [] as Sheet[],
    active: "",
    selection: null as null | { sheet: string; cell: string },
    settings: new Map<string, string>(),
    syncs: 0,
  };
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const letters = (c: number) => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const parse = (a1: string) => {
    const [from, to = from] = a1.replace(/\$/g, "").split(":") as [string, string?];
    const p = (x: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(x)!;
      return { r: Number(m[2]) - 1, c: col(m[1]!) };
    };
    const a = p(from);
    const b = p(to!);
    return { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
  };
  const sheetOf = (name: string) => {
    const s = book.sheets.find((x) => x.name === name);
    if (!s) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: "ItemNotFound" });
    return s;
  };

  class Range {
    isNullObject = false;
    constructor(
      private sheet: Sheet,
      private r0: number,
      private c0: number,
      private r1: number,
      private c1: number,
    ) {}
    load() {
      return this;
    }
    private each(fn: (key: string, r: number, c: number) => void) {
      for (let r = this.r0; r <= this.r1; r++) for (let c = this.c0; c <= this.c1; c++) fn(`${r},${c}`, r, c);
    }
    private grid<T>(get: (d: CellData | undefined) => T): T[][] {
      const rows: T[][] = [];
      for (let r = this.r0; r <= this.r1; r++) {
        const row: T[] = [];
        for (let c = this.c0; c <= this.c1; c++) row.push(get(this.sheet.cells.get(`${r},${c}`)));
        rows.push(row);
      }
      return rows;
    }
    private put(v: unknown[][], apply: (d: CellData, x: unknown) => void) {
      this.each((key, r, c) => {
        const x = v.length === 1 && v[0]!.length === 1 ? v[0]![0] : v[r - this.r0]?.[c - this.c0];
        const d = this.sheet.cells.get(key) ?? { v: "" };
        apply(d, x);
        this.sheet.cells.set(key, d);
      });
    }
    get address() {
      return `${this.sheet.name}!${letters(this.c0)}${this.r0 + 1}:${letters(this.c1)}${this.r1 + 1}`;
    }
    get values() {
      return this.grid((d) => d?.v ?? "");
    }
    // as Excel takes input: text starting with = + - @ becomes a formula, unless the cell's format is Text ("@")
    private input(v: unknown[][]) {
      this.put(v, (d, x) => {
        if (typeof x === "string" && /^[=+\-@]/.test(x) && d.fmt !== "@") {
          d.f = x.startsWith("=") ? x : `=${x}`;
          d.v = "";
        } else {
          d.v = x;
          delete d.f;
        }
      });
    }
    set values(v: unknown[][]) {
      this.input(v);
    }
    get formulas() {
      return this.grid((d) => d?.f ?? d?.v ?? "");
    }
    set formulas(v: unknown[][]) {
      this.input(v);
    }
    set numberFormat(v: unknown[][]) {
      this.put(v, (d, x) => (d.fmt = String(x)));
    }
    get format() {
      const self = this;
      const first = () => self.sheet.cells.get(`${self.r0},${self.c0}`);
      return {
        load() {},
        fill: {
          load() {},
          get color() {
            return first()?.fill ?? "#FFFFFF";
          },
          set color(color: string) {
            self.put([[color]], (d, x) => (d.fill = String(x)));
          },
          clear() {
            self.put([[null]], (d) => (d.fill = null));
          },
        },
        font: {
          set bold(b: boolean) {
            self.put([[b]], (d) => (d.bold = b));
          },
        },
        set wrapText(_w: boolean) {},
      };
    }
    merge() {}
    select() {
      book.active = this.sheet.name;
      book.selection = { sheet: this.sheet.name, cell: `${letters(this.c0)}${this.r0 + 1}` };
    }
  }

  const worksheet = (s: Sheet) => ({
    get name() {
      return s.name;
    },
    load() {},
    activate() {
      book.active = s.name;
    },
    getRange(a1: string) {
      const { r0, c0, r1, c1 } = parse(a1);
      return new Range(s, r0, c0, r1, c1);
    },
    getUsedRangeOrNullObject() {
      let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
      for (const [key, d] of s.cells) {
        if (d.v === "" || d.v === null || d.v === undefined) continue;
        const [r, c] = key.split(",").map(Number) as [number, number];
        r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
      }
      if (r1 < 0) return { isNullObject: true, load() {} };
      return new Range(s, r0, c0, r1, c1);
    },
    onChanged: {
      add(handler: (e: unknown) => Promise<void>) {
        s.handlers.push(handler);
        const context = {};
        return { context, remove: () => (s.handlers = s.handlers.filter((h) => h !== handler)) };
      },
    },
  });

  const context = () => ({
    workbook: {
      worksheets: {
        load() {},
        get items() {
          return book.sheets.map(worksheet);
        },
        getItem: (name: string) => worksheet(sheetOf(name)),
        add(name: string) {
          if (book.sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
          const s: Sheet = { name, cells: new Map(), handlers: [] };
          book.sheets.push(s);
          return worksheet(s);
        },
      },
      settings: {
        add: (key: string, value: string) => book.settings.set(key, value),
        getItemOrNullObject: (key: string) => ({
          load() {},
          get isNullObject() {
            return !book.settings.has(key);
          },
          get value() {
            return book.settings.get(key);
          },
        }),
      },
    },
    sync: async () => {
      book.syncs++;
    },
  });

  // a workbook saved by the test survives a reload of the pane, as a real workbook outlives its add-in
  const saved = sessionStorage.getItem("mock-excel-book");
  if (saved) {
    const data = JSON.parse(saved) as { sheets: { name: string; cells: [string, CellData][] }[]; settings: [string, string][] };
    book.sheets = data.sheets.map((s) => ({ name: s.name, cells: new Map(s.cells), handlers: [] }));
    book.settings = new Map(data.settings);
    sessionStorage.removeItem("mock-excel-book");
  }

  const w = window as unknown as Record<string, unknown>;
  w.Excel = {
    run: async (a: unknown, b?: (ctx: unknown) => Promise<unknown>) => (b ?? (a as (ctx: unknown) => Promise<unknown>))(context()),
  };
  w.__excel = {
    book,
    /** replaces the workbook with these sheets of values */
    load(sheets: { name: string; cells: unknown[][] }[]) {
      book.sheets = sheets.map((s) => {
        const cells = new Map<string, CellData>();
        s.cells.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && cells.set(`${r},${c}`, { v })));
        return { name: s.name, cells, handlers: [] };
      });
      book.settings.clear();
    },
    cell(sheet: string, a1: string) {
      const { r0, c0 } = parse(a1);
      return sheetOf(sheet).cells.get(`${r0},${c0}`) ?? null;
    },
    setFill(sheet: string, a1: string, fill: string) {
      const { r0, c0 } = parse(a1);
      const s = sheetOf(sheet);
      s.cells.set(`${r0},${c0}`, { ...(s.cells.get(`${r0},${c0}`) ?? { v: "" }), fill });
    },
    /** a clerk typing into a cell: the value changes and onChanged fires */
    async edit(sheet: string, a1: string, value: unknown) {
      const { r0, c0 } = parse(a1);
      const s = sheetOf(sheet);
      s.cells.set(`${r0},${c0}`, { ...(s.cells.get(`${r0},${c0}`) ?? {}), v: value });
      await Promise.all(s.handlers.map((h) => h({ address: a1, changeType: "RangeEdited" })));
    },
    names: () => book.sheets.map((s) => s.name),
    /** keeps the workbook for the next page load */
    persist() {
      sessionStorage.setItem(
        "mock-excel-book",
        JSON.stringify({ sheets: book.sheets.map((s) => ({ name: s.name, cells: [...s.cells] })), settings: [...book.settings] }),
      );
    },
  };
}
