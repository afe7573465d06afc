// The public surface of core: what hosts (custom functions, task pane, Worker, CLI) may import.
// Everything here is pure: no Office.js, no Worker or Node APIs.

export { Decimal, sum } from "./decimal.ts";
export { DomainError, type DomainErrorKind } from "./errors.ts";
export { readFigure, readFigureOrZero } from "./figure-input.ts";
export { judgeSum, shownInterval, overlaps, type Verdict } from "./rounding.ts";
export { share, completionRate, change, growthRate, yuanToWan } from "./derived.ts";
export { yoy, type Yoy } from "./yoy.ts";
export { normalizeCode, kindOf, levelOf, ancestorCodes, KIND_NAMES, type CodeKind, type CodeLevel } from "./codes/code-format.ts";
export { Edition, formatPath, type CodeEntry, type EditionJSON, type PathStep } from "./codes/edition.ts";
export { CodesRegistry } from "./codes/codes-registry.ts";
export { checkCodeName, type CodeNameCheck } from "./codes/code-check.ts";
export { nameKey } from "./codes/name-key.ts";
export { rollup } from "./codes/rollup.ts";
export { parseCodeRows, parseEditionPlan, buildEditions } from "./codes/code-table.ts";
export { contentHash } from "./content-hash.ts";
export { LIMITS, InputTooLarge, type LimitName } from "./limits.ts";
export { isFormulaLike, safeCellText } from "./cell-text.ts";
export { groupByTable, findingRow, notCheckedRow, REPORT_HEADER, NARRATIVE_GROUP, type FindingGroup } from "./rules/report-rows.ts";
export { scoreDisclosure, scoreLines, scoreWhereText } from "./score/score.ts";
export type { PublicationScore, ScoreItem, ScoreStatus, ScoreWhere } from "./score/items.ts";
export { type AmountUnit, DEFAULT_UNIT, UNIT_SCALE, convertAmount } from "./tables/amount-unit.ts";
