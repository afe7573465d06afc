// `juesuan new`'s arguments, handed to the blank-workbook writer (commands/new.ts).

import { requireTemplate, requireYear } from "../args.ts";
import type { Command } from "../main.ts";
import { UsageError } from "../usage.ts";
import { newWorkbook } from "./new.ts";

export const command: Command["run"] = (values, positionals, io) => {
  const template = values.template as string | undefined;
  const out = values.out as string | undefined;
  if (positionals.length || !template || !out) throw new UsageError("用法：juesuan new --template 模板 --year 年度 --out 公开表.xlsx");
  return newWorkbook({ template: requireTemplate(template), year: requireYear(values.year as string | undefined), out, force: values.force === true }, io.out);
};
