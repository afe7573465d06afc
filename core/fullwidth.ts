// Folds full-width digits, letters and ASCII punctuation (U+FF01–FF5E) and the ideographic space to their
// half-width forms, so "２９４６．２５" and "2946.25" read the same. Chinese punctuation such as 、。is kept.

export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}
