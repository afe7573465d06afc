// The few pieces of XML the lean .xlsx reader needs, found with indexOf (linear, even on broken XML): an
// attribute of a tag, the text of <t> runs (phonetic <rPh> runs left out), entities and _xHHHH_ escapes.

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function fromCode(code: number): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** XML character data as text: entities and OOXML's _xHHHH_ escapes decoded. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") >= 0) s = s.replace(ENTITY, (_, dec: string, hex: string, name: string) => (name ? NAMED[name]! : fromCode(dec ? Number(dec) : parseInt(hex, 16))));
  if (s.indexOf("_x") >= 0) s = s.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of attribute `name` inside one start tag's text (`<c r="A1" t="s">`), undecoded. */
export function attr(tag: string, name: string): string | null {
  let at = tag.indexOf(` ${name}=`);
  if (at < 0) {
    at = tag.indexOf(`\t${name}=`);
    if (at < 0) at = tag.indexOf(`\n${name}=`);
    if (at < 0) return null;
  }
  const open = at + name.length + 2;
  const quote = tag[open];
  if (quote !== '"' && quote !== "'") return null;
  const close = tag.indexOf(quote, open + 1);
  return close < 0 ? null : tag.slice(open + 1, close);
}

/** The text of every <t> of one fragment (an <si> or <is> body), joined, without phonetic runs; `p` is the prefix. */
export function runsText(fragment: string, p: string): string {
  const openT = `<${p}t`;
  const closeT = `</${p}t>`;
  const openPh = `<${p}rPh`;
  const closePh = `</${p}rPh>`;
  let text = "";
  let ph = fragment.indexOf(openPh);
  for (let i = fragment.indexOf(openT); i >= 0; i = fragment.indexOf(openT, i + 1)) {
    let inside = -1;
    while (ph >= 0 && ph < i) {
      const phEnd = fragment.indexOf(closePh, ph);
      if (phEnd < 0) return text;
      ph = fragment.indexOf(openPh, phEnd);
      if (phEnd > i) inside = phEnd;
    }
    if (inside >= 0) {
      i = inside;
      continue;
    }
    const after = fragment.charCodeAt(i + openT.length);
    if (after !== 62 && after !== 32 && after !== 47) continue; // <tab…>, <text…>: another tag
    const gt = fragment.indexOf(">", i);
    if (gt < 0) break;
    if (fragment.charCodeAt(gt - 1) === 47) continue; // <t/>
    const end = fragment.indexOf(closeT, gt);
    if (end < 0) break;
    text += decodeXml(fragment.slice(gt + 1, end));
    i = end;
  }
  return text;
}
