// The comparable form of a 科目 name: width, spaces, quote styles and a trailing （类）/（款）/（项） marker
// do not make two names different; every other character does.

import { toHalfWidth } from "../fullwidth.ts";

export function nameKey(name: string): string {
  return toHalfWidth(name)
    .replace(/\s+/g, "")
    .replace(/[“”"‘’']/g, '"')
    .replace(/\((类|款|项)\)$/, "");
}
