// Figures as narratives write them: "2,946.25", "351.1", "0", with their shown decimals kept (a figure
// written with one decimal stands for a wider interval than one with two).

import { Decimal } from "../decimal.ts";

export const NUM = String.raw`-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?`;

export function parseNumber(text: string): Decimal {
  return Decimal.parse(text.replace(/,/g, ""))!;
}
