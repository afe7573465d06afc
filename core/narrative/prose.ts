// A narrative as people have it (typed, pasted, or extracted from a PDF with broken lines, spaced numbers,
// full-width digits, repeated page headers) turned into one searchable string that remembers, for every
// character, the line it came from — so a finding can name the line and quote the words.

const FULL_WIDTH_NUMBER = /[０-９．％＋－]/g;
const PAGE_MARK = /^\s*(第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-|\d+\s*\/\s*\d+|\d{1,3})\s*$/;

const UNIT_NEXT = /^(万元|亿元|元|万|%|％|个|辆|人次|批次|[.．]\d)/;

export interface Prose {
  /** the text with whitespace removed and full-width digits folded */
  text: string;
  /** 1-based source line of each character of `text` */
  lineOf(index: number): number;
  /** the original words between two indexes of `text`, for a finding's excerpt */
  excerpt(start: number, end: number): string;
  lines: string[];
}

const fold = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0);

export function toProse(raw: string): Prose {
  const lines = raw.replace(/^\uFEFF/, "").split(/\r?\n/);
  // a short line seen on many pages is a running header or footer
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.trim();
    if (t && t.length <= 40) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let text = "";
  const at: number[] = [];
  // a lone short number is a page number, unless the next line carries on with its unit ("238⏎万元")
  const nextText = (i: number) => {
    for (let k = i + 1; k < Math.min(lines.length, i + 6); k++) if (lines[k]!.trim()) return lines[k]!.trim();
    return "";
  };
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t || (PAGE_MARK.test(t) && !UNIT_NEXT.test(nextText(i))) || (counts.get(t) ?? 0) >= 3) return;
    const folded = line.replace(FULL_WIDTH_NUMBER, fold);
    for (const ch of folded) {
      if (/\s/.test(ch)) continue;
      text += ch;
      at.push(i + 1);
    }
    // a heading or a sentence end closes the line; other breaks are PDF wrapping
    if (/[。：:；;！!？?】]$/.test(t) || /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[)）]/.test(t)) {
      text += "\n";
      at.push(i + 1);
    }
  });
  return {
    text,
    lines,
    lineOf: (index) => at[Math.min(Math.max(index, 0), at.length - 1)] ?? 1,
    excerpt: (start, end) => text.slice(start, end).replace(/\n/g, ""),
  };
}
