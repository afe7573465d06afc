// Calls a custom function the way Excel does — by its id, through the association functions.js makes — and
// reports what the cell would show: the value, or the Excel error code and its message.

import "../../functions/register.ts";

type Associated = Map<string, (...args: unknown[]) => unknown>;

export const associated = (): Associated =>
  (globalThis as unknown as { CustomFunctions: { _associated?: Associated } }).CustomFunctions._associated!;

export interface CellResult {
  value?: unknown;
  error?: string;
  message?: string;
}

export async function cell(id: string, ...args: unknown[]): Promise<CellResult> {
  const fn = associated().get(id);
  if (!fn) throw new Error(`${id} is not associated`);
  try {
    return { value: await fn(...args) };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (!e.code) throw err;
    return { error: e.code, message: e.message };
  }
}
