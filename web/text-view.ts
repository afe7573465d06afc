// The narrative paragraph a finding is on, with the words it is about marked. Core quotes the words with
// spaces dropped and full-width digits folded, so the match is made the same way and mapped back.

import type { TextLocation } from "../core/rules/finding.ts";
import { h } from "../addin/pane/dom.ts";

const fold = (ch: string) => (/[０-９．％＋－]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch);

/** Where `excerpt` stands in `line` as [start, end) of the original characters, or null. */
export function findWords(line: string, excerpt: string): [number, number] | null {
  if (!excerpt) return null;
  let folded = "";
  const index: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (/\s/.test(line[i]!)) continue;
    folded += fold(line[i]!);
    index.push(i);
  }
  const at = folded.indexOf(excerpt);
  if (at < 0) return null;
  return [index[at]!, index[at + excerpt.length - 1]! + 1];
}

export function textView(text: string, where: TextLocation): HTMLElement {
  const line = text.split(/\r?\n/)[where.line - 1] ?? "";
  const found = findWords(line, where.excerpt);
  const parts = found ? [line.slice(0, found[0]), h("mark", {}, line.slice(found[0], found[1])), line.slice(found[1])] : [line];
  return h(
    "figure",
    { class: "paragraph" },
    h("figcaption", {}, `情况说明第 ${where.line} 行`),
    h("p", {}, ...parts),
    !found && where.excerpt ? h("p", { class: "excerpt" }, "所指文字：", h("mark", {}, where.excerpt)) : null,
  );
}
