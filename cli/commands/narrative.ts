// `juesuan narrative BOOK.xlsx [--template ID] [--out FILE.txt|.docx]`: writes the 情况说明 from the workbook's
// tables and its 补充资料 sheet, with reasons left as marked blanks.

import { readDisclosure } from "../../core/tables/read-disclosure.ts";
import { writeNarrative } from "../../core/narrative/generate.ts";
import { readSupplementary } from "../../core/narrative/supplementary.ts";
import type { Template } from "../../core/templates/template.ts";
import { readGrids } from "../read-grid.ts";
import { writeNarrativeFile } from "../text-files.ts";
import { UsageError } from "../usage.ts";

export async function narrativeCommand(o: { book: string; template: Template | null; out?: string }, log: (s: string) => void): Promise<number> {
  const sheets = await readGrids(o.book);
  const { disclosure } = readDisclosure(sheets);
  if (!Object.keys(disclosure.tables).length) throw new UsageError(`${o.book} 中找不到公开表`);
  let lines: string[];
  try {
    lines = writeNarrative({ disclosure, supplementary: readSupplementary(sheets, o.template), template: o.template });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (o.out) {
    await writeNarrativeFile(o.out, lines);
    const blanks = lines.join("").match(/【待填写[^】]*】/g)?.length ?? 0;
    log(`已写入 ${o.out}（${lines.length} 段，${blanks} 处【待填写】需补充）`);
  } else log(lines.join("\n"));
  return 0;
}
