// The body of PUT /v1/codes/{year} — its shape as a zod schema; code formats, duplicates and the merge with the
// edition it replaces are core's (validateEditionInput).

import * as z from "zod/mini";
import { described } from "../core/templates/schema-kit.ts";


export const editionBodySchema = described(
  z.strictObject({
    source: z.optional(described(z.string("应为文本").check(z.maxLength(200, "应为不超过 200 字的文本")), "科目表来源，如“某市财政局 2026 年科目表”")),
    entries: z
      .array(
        z.looseObject({
          code: described(z.union([z.string(), z.number()], "应为科目编码"), "功能分类 3/5/7 位、经济分类 3/5 位数字"),
          name: described(z.string("应为科目名称"), "科目名称"),
        }),
        "应为非空数组",
      )
      .check(z.minLength(1, "应为非空数组"), z.maxLength(20_000, "最多 20000 个科目")),
  }),
  "一个年度的科目表",
);
