// Re-checks when bound cells change: Excel's onChanged on the bound sheets, debounced so typing is never held
// up — the check runs after the clerk pauses, and a check already running is not started twice.

import { excelRun } from "./excel-run.ts";

export function watchSheets(sheets: string[], onChange: () => Promise<void>, delayMs = 800): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  const fire = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await onChange();
    } catch (err) {
      console.error("re-check failed", err);
    } finally {
      running = false;
      if (again) {
        again = false;
        void fire();
      }
    }
  };
  const handler = async () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void fire(), delayMs);
  };
  return excelRun(async (context, sync) => {
    const results = sheets.map((name) => context.workbook.worksheets.getItem(name).onChanged.add(handler));
    await sync();
    // handlers are removed in the context they were added in
    return async () => {
      if (timer) clearTimeout(timer);
      const added = results[0]?.context;
      if (!added) return;
      await Excel.run(added, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      }).catch(() => undefined);
    };
  });
}
