// The =JS.… custom functions: each a few lines over core. Their JSDoc is the source of functions.json
// (custom-functions-metadata), and `functionsById` is what register.ts associates, id by id.

import {
  type CodeEntry,
  type Edition,
  change,
  checkCodeName,
  completionRate,
  formatPath,
  growthRate,
  judgeSum,
  levelOf,
  normalizeCode,
  readFigure,
  rollup,
  share,
  yoy,
  yuanToWan,
} from "../core/index.ts";
import { badInput, notAvailable } from "../core/errors.ts";
import { cells, editionYear, figure } from "./args.ts";
import { checkGrids, flatAddresses, rangesToGrids, reportRows } from "./check-ranges.ts";
import { budgetSentence, changeSentence, shareSentence } from "../core/narrative/sentences.ts";
import { codesClient } from "./default-client.ts";
import { excel, excelAsync } from "./excel-errors.ts";
import { growthPercent, ratioPercent } from "./integer-rates.ts";

/**
 * 占比：部分占总数的百分比，四舍五入保留 2 位小数（16.13 占 34.12 → 47.27）。
 * @customfunction PCT
 * @param part 部分数
 * @param whole 总数（占比的基数）
 * @returns 百分比数值，如 47.27
 */
export function pct(part: any, whole: any): number {
  const fast = ratioPercent(part, whole);
  return fast === fast ? fast : excel(() => share(figure(part), figure(whole)).toNumber());
}

/**
 * 完成率：决算数 ÷ 年初预算数，百分比，四舍五入保留 2 位小数。年初预算为 0 时为 #DIV/0!。
 * @customfunction RATE
 * @param actual 决算数
 * @param budget 年初预算数
 * @returns 完成率（%）
 */
export function rate(actual: any, budget: any): number {
  const fast = ratioPercent(actual, budget);
  return fast === fast ? fast : excel(() => completionRate(figure(actual), figure(budget)).toNumber());
}

/**
 * 增减额：本年数 − 上年数（万元）。
 * @customfunction CHANGE
 * @param current 本年数
 * @param prior 上年数
 * @returns 增减额，减少为负数
 */
export function changeOf(current: any, prior: any): number {
  return excel(() => change(figure(current), figure(prior)).toNumber());
}

/**
 * 增长率：(本年数 − 上年数) ÷ 上年数，百分比，四舍五入保留 2 位小数。上年为 0 时为 #DIV/0!。
 * @customfunction GROWTH
 * @param current 本年数
 * @param prior 上年数
 * @returns 增长率（%），下降为负数
 */
export function growth(current: any, prior: any): number {
  const fast = growthPercent(current, prior);
  return fast === fast ? fast : excel(() => growthRate(figure(current), figure(prior)).toNumber());
}

/**
 * 与上年相比的表述：“增加 7.87 万元，增长 2.19%”“减少…，下降…”“持平”，上年为 0 时为新增表述。
 * @customfunction YOY
 * @param current 本年数（万元）
 * @param prior 上年数（万元）
 * @returns 情况说明中的增减表述
 */
export function yoyPhrase(current: any, prior: any): string {
  return excel(() => yoy(figure(current), figure(prior)).phrase);
}

/**
 * 元转万元，四舍五入保留 2 位小数。
 * @customfunction WAN
 * @param yuan 金额（元）
 * @returns 金额（万元）
 */
export function wan(yuan: any): number {
  return excel(() => yuanToWan(figure(yuan)).toNumber());
}

/**
 * 科目名称：功能分类（3/5/7 位）或经济分类（3/5 位）编码在该年度科目表中的名称。
 * @customfunction NAME
 * @param code 科目编码
 * @param [year] 科目表年度，省略时用最新年度
 * @returns 科目名称
 */
export function codeName(code: any, year?: any): string | Promise<string> {
  return withEdition(year, (edition) => knownEntry(edition, code).name);
}

/**
 * 科目路径：如“公共安全支出（类）公安（款）事业运行（项）”。
 * @customfunction PATH
 * @param code 科目编码
 * @param [year] 科目表年度，省略时用最新年度
 * @returns 类（类）款（款）项（项）表述
 */
export function codePath(code: any, year?: any): string | Promise<string> {
  return withEdition(year, (edition) => {
    const { code: c } = knownEntry(edition, code);
    const path = edition.path(c);
    if (!path) throw notAvailable(`${edition.year} 年科目表缺少 ${c} 的上级科目`);
    return formatPath(path);
  });
}

/**
 * 科目级次：类、款或项。
 * @customfunction LEVEL
 * @param code 科目编码
 * @returns 类、款或项
 */
export function codeLevel(code: any): string {
  return excel(() => levelOf(requireCode(code)));
}

/**
 * 核对科目编码与名称：相符时为空；否则说明问题（旧名称、其他科目的名称、未知科目）。
 * @customfunction CODECHECK
 * @param code 科目编码
 * @param name 表中或文中写的科目名称
 * @param [year] 科目表年度，省略时用最新年度
 * @returns 空文本或问题说明
 */
export function codeCheck(code: any, name: any, year?: any): string | Promise<string> {
  return withEdition(year, (edition) => checkCodeName(edition, code, String(name ?? "")).message);
}

/**
 * 汇总某类或某款下的末级科目金额；区域中含类、款小计行时不重复计算。
 * @customfunction ROLLUP
 * @param codes 科目编码列
 * @param amounts 金额列（与编码列等长）
 * @param code 要汇总的类或款编码
 * @returns 金额合计
 */
export function rollupOf(codes: any[][], amounts: any[][], code: any): number {
  return excel(() => {
    const cs = cells(codes);
    const as = cells(amounts);
    if (cs.length !== as.length) throw badInput(`编码区域有 ${cs.length} 格，金额区域有 ${as.length} 格，应一一对应`);
    return rollup(
      cs.map((c, i) => ({ code: c, amount: figure(as[i]) })),
      requireCode(code),
    ).toNumber();
  });
}

/**
 * 合计与分项在 2 位小数四舍五入下能否相等（尾差不算不符）。
 * @customfunction CONSISTENT
 * @param total 合计数
 * @param parts 分项区域
 * @returns TRUE 表示一致（含尾差），FALSE 表示不符
 */
export function consistent(total: any, parts: any[][]): boolean {
  return excel(() => {
    const t = readFigure(total);
    if (t === null) throw badInput("合计数为空");
    return judgeSum(t, cells(parts).map(figure)).verdict !== "mismatch";
  });
}

/**
 * 核对公开表：给出一张或多张表的区域（顺序不限），按规则核对表内和表间关系，逐行列出问题（严重程度、规则、说明、位置、应为、实为）。
 * @customfunction CHECK
 * @param ranges 公开表所在区域，可给多个
 * @param invocation 调用信息
 * @requiresParameterAddresses
 * @returns 核对结果
 */
export async function check(ranges: any[][][], invocation: CustomFunctions.Invocation): Promise<any[][]> {
  return excelAsync(async () => reportRows(await checkInvocation(ranges, invocation)));
}

/**
 * 核对公开表，返回“错误”条数（可放在状态单元格）。
 * @customfunction CHECKCOUNT
 * @param ranges 公开表所在区域，可给多个
 * @param invocation 调用信息
 * @requiresParameterAddresses
 * @returns 错误条数
 */
export async function checkCount(ranges: any[][][], invocation: CustomFunctions.Invocation): Promise<number> {
  return excelAsync(async () => (await checkInvocation(ranges, invocation)).summary.error);
}

function checkInvocation(ranges: any[][][], invocation: CustomFunctions.Invocation) {
  const grids = rangesToGrids(ranges, flatAddresses(invocation?.parameterAddresses));
  return checkGrids(grids, (year) => codesClient().edition(year));
}

/**
 * 核对单元格中的情况说明：文中自洽（增减、完成率、占比、科目路径、年份、模板残留）；给出公开表区域时逐项与表核对。
 * @customfunction TEXTCHECK
 * @param text 情况说明文字（一个单元格）
 * @param ranges 公开表所在区域（可选，可给多个）
 * @param invocation 调用信息
 * @requiresParameterAddresses
 * @returns 核对结果
 */
export async function textCheck(text: any, ranges: any[][][], invocation: CustomFunctions.Invocation): Promise<any[][]> {
  return excelAsync(async () => {
    if (typeof text !== "string" || text.trim() === "") throw badInput("情况说明单元格为空");
    const present = (ranges ?? []).filter((r) => Array.isArray(r) && r.length);
    const addresses = flatAddresses(invocation?.parameterAddresses)?.slice(1);
    const grids = rangesToGrids(present, addresses);
    return reportRows(await checkGrids(grids, (year) => codesClient().edition(year), text));
  });
}

/**
 * 生成一句情况说明：kind 为 yoy（主体, 本年数, 上年数）、share（名称, 部分, 总数）或 budget（主体, 决算数, 年初预算数）。
 * @customfunction SENTENCE
 * @param kind 句子类型：yoy、share 或 budget
 * @param subject 主体，如“一般公共预算财政拨款支出”
 * @param a 本年数 / 部分 / 决算数
 * @param b 上年数 / 总数 / 年初预算数
 * @returns 一句情况说明
 */
export function sentence(kind: any, subject: any, a: any, b: any): string {
  return excel(() => {
    const name = String(subject ?? "").trim();
    if (!name) throw badInput("缺少主体名称");
    if (kind === "yoy") return changeSentence(name, figure(a), figure(b));
    if (kind === "share") return shareSentence(name, figure(a), figure(b));
    if (kind === "budget") return budgetSentence(name, readFigure(b) ?? undefined, figure(a));
    throw badInput(`句子类型“${String(kind)}”应为 yoy、share 或 budget`);
  });
}

function requireCode(code: unknown): string {
  const c = normalizeCode(code);
  if (!c) throw badInput(`“${String(code ?? "")}”不是科目编码（功能分类 3/5/7 位，经济分类 3/5 位）`);
  return c;
}

function knownEntry(edition: Edition, code: unknown): CodeEntry {
  // a code written as the edition writes it is found at once; anything else is normalised first
  const entry = edition.get(typeof code === "number" ? String(code) : typeof code === "string" ? code : "");
  if (entry) return entry;
  const c = requireCode(code);
  const found = edition.get(c);
  if (!found) throw notAvailable(checkCodeName(edition, c, "").message);
  return found;
}

/**
 * Answers from the year's code edition: at once when it is in memory (Excel takes a value or a Promise from
 * a custom function), with a Promise only while the edition is being fetched.
 */
function withEdition<T>(year: unknown, answer: (edition: Edition) => T): T | Promise<T> {
  return excel(() => {
    const y = editionYear(year);
    const edition = codesClient().loaded(y);
    if (edition) return answer(edition);
    return excelAsync(async () => answer(await codesClient().edition(y)));
  });
}

export const functionsById: Record<string, (...args: any[]) => unknown> = {
  PCT: pct,
  RATE: rate,
  CHANGE: changeOf,
  GROWTH: growth,
  YOY: yoyPhrase,
  WAN: wan,
  NAME: codeName,
  PATH: codePath,
  LEVEL: codeLevel,
  CODECHECK: codeCheck,
  ROLLUP: rollupOf,
  CONSISTENT: consistent,
  CHECK: check,
  CHECKCOUNT: checkCount,
  TEXTCHECK: textCheck,
  SENTENCE: sentence,
};
