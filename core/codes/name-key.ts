// The comparable form of a 科目 name: width, spaces, quote styles and a trailing （类）/（款）/（项） marker
// do not make two names different; every other character does. Worked out once per distinct name.

import { toHalfWidth } from "../fullwidth.ts";

const keys = new Map<string, string>();

export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // a bound, not an eviction policy: the names of all editions and a workbook stay far below it
    if (keys.size >= 50_000) keys.clear();
    key = toHalfWidth(name)
      .replace(/\s+/g, "")
      .replace(/[“”"‘’']/g, '"')
      .replace(/\((类|款|项)\)$/, "");
    keys.set(name, key);
  }
  return key;
}
