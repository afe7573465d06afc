// The fact reader: one left-to-right pass over a narrative's clauses that binds every figure to a subject (what it
// is a figure of) and a measure (本年/决算, 预算, 上年, 变动额, 变动率, 占比, 完成率), carrying both across clauses
// and sentences the way a reader does (“其中”, “…中，”, “分别为/各”, a comparison named once for several figures).

import type { Decimal } from "../decimal.ts";
import { type Figure, scanFigures } from "./figures.ts";
import { COMPARING } from "./words.ts";
import type { Prose } from "./prose.ts";
import { type Subject, lastSubject, subjectById } from "./subjects.ts";

export type Measure = "actual" | "budget" | "prior" | "delta" | "rate" | "share" | "completion" | "diffrate" | "unknown";
export type Base = "prior" | "budget" | { year: number };
/** One side of a comparison: the 决算 or the 预算 of a year. */
export interface Side {
  kind: "actual" | "budget";
  period: number;
}

export interface Fact {
  fig: Figure;
  subject: Subject | null;
  measure: Measure;
  /** the year the figure is of (the 决算 of 2022 is the 上年 of a 2023 report) */
  period: number;
  /** for stated values: which side they are */
  side?: Side;
  /** for changes and rates: +1 增, −1 减, 0 when the text gives no direction */
  dir?: -1 | 0 | 1;
  /** the comparison a change, rate or stated base belongs to */
  group: number;
  /** a share's named base ("占收入合计的"), or the whole of the list it stands in */
  shareOf?: Subject | null;
  /** the wording around the figure for excerpts and table ties */
  label: string;
  sentence: number;
  /** the comparison was written with unresolved alternatives ("增加（减少）") */
  unresolved?: boolean;
  /** the whole a "其中" list names this figure a part of */
  listOf?: Fact;
  /** the list said it is all of the whole ("全部为") */
  listFull?: boolean;
}

export interface Group {
  id: number;
  subject: Subject | null;
  cur: Side;
  base: Side;
  /** a 持平 / 无增减 / 无变化 said of this comparison, with where */
  flat?: { start: number; end: number };
  start: number;
}

export interface Reading {
  facts: Fact[];
  groups: Map<number, Group>;
  /** where each sentence starts, by index */
  sentenceStarts: number[];
}

const SEP = new Set(["，", ",", "；", ";", "。", "！", "？", "\n", "：", ":", "（", "(", "）", ")", "、"]);
const SENTENCE_END = new Set(["。", "！", "？", "\n"]);
const UP = /(增加|增长|增支|新增|上升|提高|增幅|增)(了|为|率为?)?$/;
const DOWN = /(减少|下降|降低|减支|节约|压减|减幅|减)(了|为|率为?)?$/;
const COMPARE = /(?:比|较|与|相较于|对比|同比)(?:上年度?|上一年度?|同期|年初|全年|(?:19|20)\d{2}年度?)?[^比较与]{0,10}?$/;
// words that say what a figure is of a subject, not which subject it is
const MEASURE_WORDS = /其中|主要|包括|合计|共计|累计|分别|预算|决算|完成|比|较|增|减|降|长|升|幅|率|持平|占|上年|同期|总计|支出|收入/;
const FLAT = /持平|无增减|无变化|没有变化|未发生变化/;
const FUND_WORDS = /一般公共预算|部门预算|预算单位|预算法|预算管理|预算信息|预决算/g;
const YEAR = /((?:19|20)\d{2})年/g;

/** Which side a stretch of words names: the 预算 when it says 预算 after its last 决算. */
function sideKind(s: string, otherwise: "actual" | "budget" = "actual"): "actual" | "budget" {
  const plain = s.replace(FUND_WORDS, "");
  const [budget, actual] = [plain.lastIndexOf("预算"), plain.lastIndexOf("决算")];
  return budget > actual ? "budget" : actual > budget ? "actual" : otherwise;
}

function baseOf(cue: string, period: number): Side | null {
  const y = /((?:19|20)\d{2})年/.exec(cue);
  const budget = /预算/.test(cue.replace(FUND_WORDS, ""));
  if (y) return { kind: budget ? "budget" : "actual", period: Number(y[1]) };
  if (budget) return { kind: "budget", period };
  if (/上年|上一年|同期|同比/.test(cue)) return { kind: "actual", period: period - 1 };
  return null;
}

/** Reads every figure of the prose into facts. `year` is the report year (the period of an unnamed figure). */
export function readFacts(prose: Prose, year: number | null): Reading {
  const t = prose.text;
  const Y = year ?? 0;
  const figures = scanFigures(t);
  const facts: Fact[] = [];
  const groups = new Map<number, Group>();
  const sentenceStarts = [0];

  let subject: Subject | null = null;
  let period = Y;
  let sentenceYear = false;
  let figureInSentence = false;
  let clauseStart = 0;
  let base: Side = { kind: "actual", period: Y - 1 };
  // a text that never speaks of 决算 (a 部门预算 statement) speaks of budgets throughout
  const docKind: "actual" | "budget" = !/决算/.test(t) && /部门预算|预算收支|预算增减|预算安排情况/.test(t) ? "budget" : "actual";
  let curKind: "actual" | "budget" = docKind;
  let explicitBase = false;
  let groupId = 0;
  let group: Group | null = null;
  // the wholes a list is of: "其中" or "…中，" opens one, a closing bracket or the sentence end closes it
  const wholes: { subject: Subject | null; depth: number; fact: Fact | null; full: boolean }[] = [];
  let depth = 0;
  let lastFact: Fact | null = null;
  let namedEnd = -1;
  const lastStated = new Map<string, Fact>();
  const headlines = new Map<number, Fact>();
  let unresolved = false;
  // "收、支总计各为 A、B 万元": the figures of a pair go to each side in turn
  let pair = -1;
  let paired = false;

  // the comparison each subject is in while one comparison holds ("较上年各减少 A、B，各下降 x%、y%")
  const bySubject = new Map<string, Group>();
  const newGroup = (at: number, fresh = true) => {
    if (fresh) bySubject.clear();
    group = { id: ++groupId, subject, cur: { kind: curKind, period }, base: explicitBase ? base : { kind: "actual", period: period - 1 }, start: at };
    groups.set(group.id, group);
    if (subject) bySubject.set(subject.id, group);
  };
  const ensureGroup = (at: number) => {
    const g = group as Group | null;
    if (g && g.subject?.id === subject?.id) return;
    const known = subject ? bySubject.get(subject.id) : undefined;
    if (known) group = known;
    else newGroup(at, false);
  };

  /** Reads the words between figures: subjects, comparisons, lists, 持平, years, up to `end`. */
  const words = (from: number, to: number) => {
    let piece = from;
    for (let i = from; i <= to; i++) {
      const ch = i < to ? t[i]! : "";
      // "(境)", "（类）": a short bracket is part of a name
      if ((ch === "(" || ch === "（") && /^[^()（）]{1,3}[)）]/.test(t.slice(i + 1, i + 5))) {
        i += t.slice(i + 1, i + 5).search(/[)）]/) + 1;
        continue;
      }
      if (i < to && (!SEP.has(ch) || (ch === "、" && t[i - 1] === "收" && t[i + 1] === "支"))) continue;
      // a line break after "：" or "；" is where a PDF line ended, not where the sentence did
      onPiece(t.slice(piece, i), piece, ch === "\n" && /[：:；;，,、]/.test(t[i - 1] ?? "") ? "，" : ch);
      piece = i + 1;
    }
  };

  const onPiece = (whole: string, from: number, sep: string) => {
    // only the words nearest the next figure matter; a longer run is not a clause anyone writes
    const s = whole.length > 200 ? whole.slice(-200) : whole;
    const at = from + whole.length - s.length;
    if (s) {
      YEAR.lastIndex = 0;
      for (let m = YEAR.exec(s); m; m = YEAR.exec(s)) {
        const before = s.slice(Math.max(0, m.index - 4), m.index);
        if (COMPARING.test(before)) continue;
        // the year a sentence is about comes before its figures; a year in a reason after them is not one
        if (!sentenceYear && !figureInSentence) {
          period = Number(m[1]);
          sentenceYear = true;
        }
      }
      if (/[(（]?增加[（(]减少[)）]|增长[（(]下降[)）]|减少[（(]增加[)）]/.test(s)) unresolved = true;
      const before = subject;
      const named = lastSubject(s, subject);
      if (named) namedEnd = at + named.end;
      if (named && named.subject.id !== subject?.id) {
        subject = named.subject;
        explicitBase = false;
        curKind = docKind;
        group = null;
      }
      const rest = named ? s.slice(named.end) : s;
      const cue = /(?:比|较|与|相较于|对比|同比)/.exec(rest);
      if (cue) {
        const after = rest.slice(cue.index);
        curKind = sideKind(rest.slice(0, cue.index), docKind);
        let b = baseOf(after, period);
        // "预算较上年": a budget is compared with the year before's budget
        if (b && curKind === "budget" && b.kind === "actual" && !/决算/.test(after) && /上年|上一年|同期|同比/.test(after)) b = { kind: "budget", period: b.period };
        if (b) {
          base = b;
          explicitBase = true;
          newGroup(at + cue.index);
        }
      } else if (named && /预算/.test(rest.replace(FUND_WORDS, "")) && !/决算/.test(rest)) curKind = "budget";
      if (FLAT.test(s)) {
        ensureGroup(at);
        const m = FLAT.exec(s)!;
        const g = group as Group | null;
        if (g) g.flat = { start: at + m.index, end: at + m.index + m[0].length };
      }
      if (/其中|主要用于|分别为|全部为|均为/.test(s) || (sep !== "" && /中$/.test(s) && named)) {
        // the whole: the current subject's headline in this sentence, else the previous sentence's headline
        const sentence = sentenceStarts.length - 1;
        // "其中：A …" names the first item after the opener: the whole is what was spoken of before
        const opener = /其中|主要用于|分别为|全部为|均为/.exec(s);
        const of = opener && named && opener.index < named.start ? before : subject;
        const own = of ? lastStated.get(of.id) : undefined;
        const mentioned = named && /中$/.test(s);
        const head = own && (own.sentence === sentence || mentioned) ? own : figureInSentence ? undefined : headlines.get(sentence - 1);
        const fact = head && head.fig.end <= at && at - head.fig.end < 300 ? head : null;
        wholes.push({ subject: fact?.subject ?? of, depth, fact, full: /全部为|均为/.test(s) });
      }
      if (/各|分别/.test(s) && (subject?.id === "收支总计" || paired)) {
        pair = 0;
        paired = true;
      }
    }
    if (sep === "(" || sep === "（") depth++;
    if (sep === ")" || sep === "）") {
      depth = Math.max(0, depth - 1);
      while (wholes.length && wholes.at(-1)!.depth > depth) wholes.pop();
    }
    if (SEP.has(sep) && sep !== "、") {
      clauseStart = at + s.length + 1;
      pair = -1;
    }
    if (SENTENCE_END.has(sep)) {
      sentenceStarts.push(at + s.length + 1);
      wholes.length = 0;
      depth = 0;
      sentenceYear = false;
      figureInSentence = false;
      // the year spoken of holds for the rest of its paragraph
      if (sep === "\n") period = Y;
      explicitBase = false;
      curKind = docKind;
      group = null;
      lastFact = null;
      unresolved = false;
      paired = false;
      bySubject.clear();
    }
  };

  let cursor = 0;
  for (const fig of figures) {
    words(cursor, fig.start);
    cursor = fig.end;
    const lead = t.slice(Math.max(clauseStart, lastFact && lastFact.fig.end > clauseStart ? lastFact.fig.end : clauseStart, fig.start - 60), fig.start);
    const clause = t.slice(Math.max(clauseStart, fig.start - 80), fig.start);
    const plain = lead.replace(FUND_WORDS, "");
    const sentence = sentenceStarts.length - 1;
    const list = wholes.at(-1);
    // in a list, an item named with words no subject pattern knows ("轿车 5 辆") is a subject of its own
    const itemName = /([\u4e00-\u9fa5]{2,12})(?:为|是|共|计)?$/.exec(lead);
    if (list?.fact && namedEnd < fig.start - lead.length && itemName && !MEASURE_WORDS.test(lead)) {
      subject = { id: `名:${itemName[1]}`, name: itemName[1]! };
      group = null;
    }
    if (pair >= 0 && paired) {
      subject = subjectById(pair++ % 2 === 0 ? "收入总计" : "支出总计");
      if (pair > 1) group = null;
    }
    const fact: Fact = { fig, subject, measure: "unknown", period, group: 0, label: lead, sentence };
    if (unresolved) fact.unresolved = true;
    const dir: -1 | 0 | 1 = UP.test(lead) ? 1 : DOWN.test(lead) ? -1 : 0;
    const prev = lastFact as Fact | null;
    if (prev && /^[、和及]$/.test(lead) && prev.fig.kind === fig.kind && prev.measure !== "unknown" && prev.measure !== "actual") {
      // "分别减少 A、B 万元", "各下降 x%、y%": the second of a run is what the first is
      fact.measure = prev.measure;
      if (prev.dir !== undefined) fact.dir = prev.dir;
      if (prev.side) fact.side = prev.side;
      if (fact.measure === "delta" || fact.measure === "rate") {
        ensureGroup(fig.start);
        fact.group = (group as Group | null)!.id;
      }
    } else if (fig.kind === "percent" || fig.kind === "bare") {
      const share = /占(?:比)?(?:为)?([^占]{0,20}?)(?:的)?(?:比重|比例)?(?:为)?$/.exec(lead);
      if (share) {
        fact.measure = "share";
        const named = share[1] ? lastSubject(share[1], subject) : null;
        fact.shareOf = named?.subject ?? wholes.at(-1)?.subject ?? null;
      } else if (/差异率|差异/.test(lead)) fact.measure = "diffrate";
      else if (/完成|执行/.test(clause) && /的$|率为?$|为$/.test(lead) && !dir) fact.measure = "completion";
      else if (/预算数?的$/.test(lead) || (/^的$|^为$/.test(lead) && prev?.side?.kind === "budget")) fact.measure = "completion";
      else if (/^为(?:年初|全年)?预算/.test(clause) || /为(?:年初|全年)?预算数?$/.test(lead)) fact.measure = "completion";
      else if (dir) {
        fact.measure = "rate";
        fact.dir = dir;
      }
      if (fact.measure === "rate") {
        ensureGroup(fig.start);
        fact.group = (group as Group | null)!.id;
      }
    } else if (fig.kind === "money" || fig.kind === "count") {
      if (dir) {
        fact.measure = "delta";
        fact.dir = dir;
        ensureGroup(fig.start);
        fact.group = (group as Group | null)!.id;
      } else if (lead === "" && prev && prev.side && (prev.measure === "prior" || prev.measure === "budget") && explicitBase && prev.group) {
        // "较2022年决算数688.84万元131.49万元": a change with its direction word missing
        fact.measure = "delta";
        fact.dir = 0;
        fact.group = prev.group;
      } else {
        const cue = COMPARE.exec(lead);
        const yearHere = /((?:19|20)\d{2})年/.exec(lead);
        if (cue && explicitBase) {
          // a stated base: "较上年1174万元", "较预算数1237万元", "较2022年决算数688.84万元"
          fact.measure = base.kind === "budget" ? "budget" : "prior";
          fact.side = base;
          ensureGroup(fig.start);
          fact.group = (group as Group | null)!.id;
        } else if (sideKind(plain) === "budget") {
          fact.measure = "budget";
          fact.side = { kind: "budget", period: yearHere && !cue ? Number(yearHere[1]) : period };
        } else if (/上年|上一年/.test(plain)) {
          fact.measure = "prior";
          fact.side = { kind: "actual", period: period - 1 };
        } else if (docKind === "budget") {
          fact.measure = "budget";
          fact.side = { kind: "budget", period: yearHere && !cue ? Number(yearHere[1]) : period };
        } else {
          fact.measure = "actual";
          fact.side = { kind: "actual", period: yearHere && !cue ? Number(yearHere[1]) : period };
          if (group && (group as Group).subject?.id === subject?.id && fact.side.kind === (group as Group).cur.kind) group = null;
          if (subject) bySubject.delete(subject.id);
        }
        if (fact.side && fact.side.kind === "actual" && fact.side.period === Y - 1 && fact.measure === "actual") fact.measure = "prior";
      }
    }
    if (fact.measure === "share" && fact.shareOf === undefined) fact.shareOf = wholes.at(-1)?.subject ?? null;
    if (fact.measure === "actual" && list?.fact && list.depth === depth && list.fact.subject?.id !== subject?.id) {
      fact.listOf = list.fact;
      if (list.full) fact.listFull = true;
      // the parts of a budget are budgets: a list takes its whole's side unless it names its own
      if (list.fact.side && !/决算|预算|上年/.test(lead)) {
        fact.side = list.fact.side;
        fact.measure = list.fact.measure;
      }
    }
    facts.push(fact);
    // a subject's headline figure, the whole of a list after it: the first it states in a sentence, not a base
    const headline = subject ? lastStated.get(subject.id) : undefined;
    if ((fact.measure === "actual" || fact.measure === "budget" || fact.measure === "prior") && subject && !fact.group) {
      if (headline?.sentence !== sentence) lastStated.set(subject.id, fact);
      if (!headlines.has(sentence)) headlines.set(sentence, fact);
    }
    lastFact = fact;
    figureInSentence = true;
  }
  words(cursor, t.length);
  return { facts, groups, sentenceStarts };
}

/** The figure's value as a change signed by its direction (增 +, 减 −). */
export const signed = (f: Fact): Decimal => (f.dir === -1 ? f.fig.value.neg() : f.fig.value);
