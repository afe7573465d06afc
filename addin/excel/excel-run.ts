// Every Office.js batch of the pane goes through here: one Excel.run, and a count of context.sync() calls per
// action, which the tests and the bench read (few syncs per action is what keeps the pane quick in Excel).

export const syncCounter = { count: 0 };

export function excelRun<T>(batch: (context: Excel.RequestContext, sync: () => Promise<void>) => Promise<T>): Promise<T> {
  return Excel.run(async (context) => {
    const sync = async () => {
      syncCounter.count++;
      await context.sync();
    };
    return batch(context, sync);
  });
}
