// `juesuan codes import`'s arguments, handed to the importer (commands/codes-import.ts).

import { requireYear } from "../args.ts";
import type { Command } from "../main.ts";
import { USAGE, UsageError } from "../usage.ts";
import { codesImport } from "./codes-import.ts";

export const command: Command["run"] = (values, positionals, io) => {
  if (positionals.length !== 1) throw new UsageError("请给出一个科目表文件：juesuan codes import 文件.xlsx --year 2026", USAGE["codes import"]);
  return codesImport({ file: positionals[0]!, year: requireYear(values.year as string | undefined), out: values.out as string | undefined, force: values.force as boolean | undefined, replace: values.replace === true }, io.out);
};
