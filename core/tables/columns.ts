// Column maps: which composed header label means which figure, per table. Labels vary by region and year,
// so each key is a pattern; the most specific keys are tried first and a column serves one key only.

import type { TableId } from "./table-ids.ts";

export interface ColumnSpec {
  key: string;
  re: RegExp;
  required: boolean;
}

const col = (key: string, re: RegExp, required = true): ColumnSpec => ({ key, re, required });

export const CODED_COLUMNS: Partial<Record<TableId, ColumnSpec[]>> = {
  // a unit without 上级补助/经营/… income often leaves those columns out: they are read as zero
  T02: [
    col("财政拨款收入", /财政拨款/),
    col("上级补助收入", /上级补助/, false),
    col("事业收入", /事业收入/, false),
    col("经营收入", /经营收入/, false),
    col("附属单位上缴收入", /附属单位上缴/, false),
    col("其他收入", /其他收入/, false),
    col("本年收入合计", /(本年收入)?合计$|^本年收入$/),
  ],
  T03: [
    col("基本支出", /基本支出/),
    col("项目支出", /项目支出/),
    col("上缴上级支出", /上缴上级/, false),
    col("经营支出", /经营支出/, false),
    col("对附属单位补助支出", /对附属单位补助/, false),
    col("本年支出合计", /(本年支出)?合计$|^本年支出$/),
  ],
  T05: [
    col("年初预算数", /年初预算|预算数/, false),
    col("基本支出", /基本支出/),
    col("项目支出", /项目支出/),
    col("小计", /小计|合计|^本年支出$|决算数$/),
  ],
  T08: [
    col("年初结转和结余", /年初结转/),
    col("年末结转和结余", /年末结转/),
    col("本年收入", /本年收入/),
    col("基本支出", /基本支出/),
    col("项目支出", /项目支出/),
    col("本年支出", /本年支出\/?(小计|合计)?$|^(小计|合计)$/),
  ],
};
CODED_COLUMNS.T09 = [
  col("年初结转和结余", /年初结转/, false),
  col("年末结转和结余", /年末结转/, false),
  col("本年收入", /本年收入/, false),
  col("基本支出", /基本支出/),
  col("项目支出", /项目支出/),
  col("本年支出", /本年支出\/?(小计|合计)?$|^(小计|合计)$/),
];

/** Label columns of coded tables. */
export const CODE_COLUMN = /(科目)?(编码|代码)$|^功能分类(科目)?(编码)?$/;
export const SPLIT_CODE_COLUMN = /(^|\/)(类|款|项)$/;
export const NAME_COLUMN = /(科目)?名称$|^项目$|(^|\/)项目\/(科目名称)?$/;

/**
 * Assigns columns to keys. `skip` holds columns already taken (codes, names). Returns the keys found and
 * the required keys missing.
 */
export function mapColumns(labels: string[], specs: ColumnSpec[], skip: Set<number>): { found: Map<string, number>; missing: ColumnSpec[] } {
  const found = new Map<string, number>();
  const taken = new Set(skip);
  for (const spec of specs) {
    const c = labels.findIndex((label, i) => !taken.has(i) && label !== "" && spec.re.test(label));
    if (c >= 0) {
      found.set(spec.key, c);
      taken.add(c);
    }
  }
  return { found, missing: specs.filter((s) => s.required && !found.has(s.key)) };
}
