// What the pane keeps in the workbook itself (so reopening needs nothing): the binding, the cells it
// highlighted with their former fill, the findings silenced with their reasons — JSON in workbook settings.

export type SettingKey = "juesuan.binding" | "juesuan.highlight" | "juesuan.silenced";

/** Queues reads of the keys; their values are there after the caller's next sync. */
export function loadSettings(context: Excel.RequestContext, keys: SettingKey[]): () => Record<string, unknown> {
  const items = keys.map((k) => {
    const item = context.workbook.settings.getItemOrNullObject(k);
    item.load("value");
    return [k, item] as const;
  });
  return () =>
    Object.fromEntries(
      items.map(([k, item]) => {
        if (item.isNullObject) return [k, undefined];
        try {
          return [k, JSON.parse(String(item.value))];
        } catch {
          return [k, undefined];
        }
      }),
    );
}

export function saveSetting(context: Excel.RequestContext, key: SettingKey, value: unknown): void {
  context.workbook.settings.add(key, JSON.stringify(value));
}
