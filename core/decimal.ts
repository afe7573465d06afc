// Exact decimal numbers: an integer coefficient and a count of digits after the point. Every amount, share and
// rate in juesuan goes through this type, so 0.1 + 0.2 is 0.3 and ties round half-up.
//
// The coefficient lives in a double while it is a safe integer (|c| < 2^53: every 2-decimal amount up to
// 90 trillion 元), where integer arithmetic is exact and ~30× cheaper than bigint; an operation whose exact
// result would leave that range — or a figure written with more digits — carries on in bigint. Either form
// gives the same value, so every verdict is the bigint one (tests/core/decimal.test.ts checks it against
// exact rational arithmetic on random ledgers and rates).

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

// 10^n as bigints, made once: scaling is the hot path of every figure
const POW10: bigint[] = Array.from({ length: 40 }, (_, n) => 10n ** BigInt(n));
const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);
// 10^n as doubles, exact up to 10^22
const POW10_NUM: number[] = Array.from({ length: 23 }, (_, n) => 10 ** n);

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const isSafe = Number.isSafeInteger;

/**
 * c × 10^k when the exact product is a safe integer, else NaN. A double product is correctly rounded, so
 * when the true product is below 2^53 it is exact, and when it is not the result is not a safe integer.
 */
function scaleUp(c: number, k: number): number {
  if (k === 0) return c;
  const p = POW10_NUM[k];
  if (p === undefined) return NaN;
  const r = c * p;
  return isSafe(r) ? r : NaN;
}

/**
 * x × 10^k as the integer of Excel's 15-significant-digit reading of x, when that reading has at most k
 * decimals; NaN otherwise. Exact when x is the double nearest c/10^k (|c| < 10^15 keeps c/10^k within 15
 * digits, which a double holds), and a formula's binary noise (1234.5600000000002) within 2.5e-16 of c
 * relative is far inside half a unit of the 15th digit (≥ 5e-16 relative, less the product's own rounding).
 */
export function readScaled(x: number, k: number): number {
  const p = POW10_NUM[k]!;
  const scaled = x * p;
  const c = Math.round(scaled);
  if (!(Math.abs(c) < 1e15)) return NaN;
  return c / p === x || Math.abs(scaled - c) <= 2.5e-16 * Math.abs(c) ? c + 0 : NaN;
}

/** a ÷ b rounded to the nearest integer, ties away from zero, for safe integers (remainders are exact). */
export function divRoundHalfUpNum(a: number, b: number): number {
  if (b < 0) {
    a = -a;
    b = -b;
  }
  // the double quotient truncates to the true one while |a| + b < 2^53 (its error stays below the 1/b gap
  // to the next integer); beyond that the remainder (fmod, exact but slower) decides
  const q = Math.abs(a) + b < 9007199254740992 ? Math.trunc(a / b) : (a - (a % b)) / b;
  const r = a - q * b;
  if (r === 0) return q + 0;
  if (Math.abs(r) * 2 >= b) return a < 0 ? q - 1 : q + 1;
  return q + 0;
}

/** a / b rounded to the nearest integer, ties away from zero. */
function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (b < 0n) {
    a = -a;
    b = -b;
  }
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

export class Decimal {
  /**
   * value = coefficient / 10^scale; `scale` keeps the digits as written ("351.10" has scale 2). The
   * coefficient is `small` when `big` is null (always so when it is a safe integer).
   */
  private constructor(
    private readonly small: number,
    private readonly big: bigint | null,
    readonly scale: number,
  ) {}

  /** From a safe-integer coefficient (-0 read as 0). */
  private static num(c: number, scale: number): Decimal {
    return new Decimal(c + 0, null, scale);
  }

  private static bigint(c: bigint, scale: number): Decimal {
    return c >= -MAX_SAFE && c <= MAX_SAFE ? new Decimal(Number(c), null, scale) : new Decimal(0, c, scale);
  }

  static readonly ZERO = Decimal.num(0, 0);

  /** The coefficient as a bigint (value = coef / 10^scale). */
  get coef(): bigint {
    return this.big ?? BigInt(this.small);
  }

  static of(coef: bigint, scale = 0): Decimal {
    if (scale < 0) return Decimal.bigint(coef * pow10(-scale), 0);
    return Decimal.bigint(coef, scale);
  }

  static fromInt(n: number): Decimal {
    return isSafe(n) ? Decimal.num(n, 0) : Decimal.bigint(BigInt(n), 0);
  }

  /** Plain decimal text ("-12.340", "1e-3"); returns null when it is not one. */
  static parse(text: string): Decimal | null {
    const m = DECIMAL_TEXT.exec(text);
    if (!m) return null;
    const [, sign, int = "", frac = "", exp] = m;
    if (int === "" && frac === "") return null;
    const digits = (int || "0") + frac;
    const scale = frac.length - (exp ? Number(exp) : 0);
    // up to 15 digits a double holds the integer exactly
    if (digits.length <= 15 && scale >= 0) return Decimal.num(sign === "-" ? -Number(digits) : Number(digits), scale);
    const coef = BigInt(digits);
    return Decimal.of(sign === "-" ? -coef : coef, scale);
  }

  /**
   * A binary double as Excel shows it: 15 significant digits, as Excel stores and displays numbers,
   * so the double nearest 0.1 + 0.2 reads as 0.3 and 1.005 stays 1.005.
   */
  static fromNumber(x: number): Decimal {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (isSafe(x)) return Decimal.num(x, 0);
    // one or two decimals without text, then 15 digits by integer arithmetic, then the text itself
    for (let k = 1; k <= 2; k++) {
      const c = readScaled(x, k);
      // the fewest decimals: noise can let 1.1999999999999999 through as 120 hundredths
      if (c === c) return Decimal.num(c, k).trimZeros();
    }
    return Decimal.fifteenDigits(x) ?? Decimal.parse(x.toPrecision(15))!.trimZeros();
  }

  /**
   * The 15 significant digits of x by integer arithmetic (a sum such as 21.93000000000002 reads 21.93):
   * |x| × 10^k with k chosen to put 15 digits before the point is below 2^50, so the computed product is
   * within 1/16 of the exact one and rounds the same way unless its fraction sits near ½ — then, or when
   * x is too large or too small for this, null and the text path decides.
   */
  private static fifteenDigits(x: number): Decimal | null {
    const m = Math.abs(x);
    const k = 14 - Math.floor(Math.log10(m));
    if (k < 0 || k >= POW10_NUM.length) return null;
    const product = m * POW10_NUM[k]!;
    if (product < 1e14 || product >= 1e15) return null;
    const fraction = product - Math.floor(product);
    if (Math.abs(fraction - 0.5) < 0.125) return null;
    const c = Math.round(product);
    // the fewest decimals that hold it: c ÷ 10^j is exact when 10^j divides c, and never lands on an
    // integer when it does not (c < 10^15 keeps the quotient's rounding error far below 10^-j)
    let scale = 0;
    while (scale < k && !Number.isInteger(c / POW10_NUM[k - scale]!)) scale++;
    const digits = c / POW10_NUM[k - scale]!;
    return Decimal.num(x < 0 ? -digits : digits, scale);
  }

  get sign(): -1 | 0 | 1 {
    if (this.big !== null) return this.big < 0n ? -1 : 1;
    return this.small === 0 ? 0 : this.small < 0 ? -1 : 1;
  }

  isZero(): boolean {
    return this.big === null && this.small === 0;
  }

  /** Drops trailing zeros after the point: 12.3400 → 12.34. */
  trimZeros(): Decimal {
    let { small, scale } = this;
    if (this.big === null) {
      while (scale > 0 && small % 10 === 0) {
        small /= 10;
        scale -= 1;
      }
      return Decimal.num(small, scale);
    }
    let coef = this.big;
    while (scale > 0 && coef % 10n === 0n) {
      coef /= 10n;
      scale -= 1;
    }
    return Decimal.bigint(coef, scale);
  }

  /** The same value with `scale` digits; only widening is exact, so narrowing goes through round(). */
  withScale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale < this.scale) return this.round(scale);
    if (this.big === null) {
      const c = scaleUp(this.small, scale - this.scale);
      if (c === c) return Decimal.num(c, scale);
    }
    return Decimal.bigint(this.coef * pow10(scale - this.scale), scale);
  }

  neg(): Decimal {
    return this.big === null ? Decimal.num(-this.small, this.scale) : Decimal.bigint(-this.big, this.scale);
  }

  abs(): Decimal {
    return this.sign < 0 ? this.neg() : this;
  }

  add(o: Decimal): Decimal {
    const s = this.scale > o.scale ? this.scale : o.scale;
    if (this.big === null && o.big === null) {
      const r = scaleUp(this.small, s - this.scale) + scaleUp(o.small, s - o.scale);
      if (isSafe(r)) return Decimal.num(r, s);
    }
    return Decimal.bigint(this.coef * pow10(s - this.scale) + o.coef * pow10(s - o.scale), s);
  }

  sub(o: Decimal): Decimal {
    if (this.big === null && o.big === null) {
      const s = this.scale > o.scale ? this.scale : o.scale;
      const r = scaleUp(this.small, s - this.scale) - scaleUp(o.small, s - o.scale);
      if (isSafe(r)) return Decimal.num(r, s);
    }
    return this.add(o.neg());
  }

  mul(o: Decimal): Decimal {
    if (this.big === null && o.big === null) {
      const r = this.small * o.small;
      if (isSafe(r)) return Decimal.num(r, this.scale + o.scale);
    }
    return Decimal.bigint(this.coef * o.coef, this.scale + o.scale);
  }

  /** Multiplies by 10^n exactly (percent and 万元 conversions). */
  shift(n: number): Decimal {
    const scale = this.scale - n;
    if (scale >= 0) return this.big === null ? Decimal.num(this.small, scale) : Decimal.bigint(this.big, scale);
    if (this.big === null) {
      const c = scaleUp(this.small, -scale);
      if (c === c) return Decimal.num(c, 0);
    }
    return Decimal.bigint(this.coef * pow10(-scale), 0);
  }

  cmp(o: Decimal): -1 | 0 | 1 {
    const s = this.scale > o.scale ? this.scale : o.scale;
    if (this.big === null && o.big === null) {
      const a = scaleUp(this.small, s - this.scale);
      const b = scaleUp(o.small, s - o.scale);
      if (a === a && b === b) return a === b ? 0 : a < b ? -1 : 1;
    }
    const a = this.coef * pow10(s - this.scale);
    const b = o.coef * pow10(s - o.scale);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  eq(o: Decimal): boolean {
    return this.cmp(o) === 0;
  }

  /** Rounds half away from zero (the 四舍五入 of published figures and of Excel's ROUND). */
  round(scale: number): Decimal {
    if (scale >= this.scale) return this.withScale(scale);
    const k = this.scale - scale;
    if (this.big === null && k < POW10_NUM.length) return Decimal.num(divRoundHalfUpNum(this.small, POW10_NUM[k]!), scale);
    return Decimal.bigint(divRoundHalfUp(this.coef, pow10(k)), scale);
  }

  /** Cuts extra digits (what a clerk does who truncates instead of rounding). */
  truncate(scale: number): Decimal {
    if (scale >= this.scale) return this.withScale(scale);
    const k = this.scale - scale;
    if (this.big === null && k < POW10_NUM.length) {
      const p = POW10_NUM[k]!;
      return Decimal.num((this.small - (this.small % p)) / p, scale);
    }
    return Decimal.bigint(this.coef / pow10(k), scale);
  }

  /** this ÷ o, rounded half-up to `scale` digits; throws RangeError when o is zero. */
  div(o: Decimal, scale: number): Decimal {
    if (o.isZero()) throw new RangeError("division by zero");
    // this/o = (a/10^p) / (b/10^q); scaled to 10^scale: a * 10^(q - p + scale) / b
    const exp = o.scale - this.scale + scale;
    if (this.big === null && o.big === null) {
      const num = exp >= 0 ? scaleUp(this.small, exp) : this.small;
      const den = exp >= 0 ? o.small : scaleUp(o.small, -exp);
      if (num === num && den === den) return Decimal.num(divRoundHalfUpNum(num, den), scale);
    }
    let num = this.coef;
    let den = o.coef;
    if (exp >= 0) num *= pow10(exp);
    else den *= pow10(-exp);
    return Decimal.bigint(divRoundHalfUp(num, den), scale);
  }

  /** Text with exactly `scale` digits after the point, rounding half-up when needed. */
  toFixed(scale: number): string {
    const r = this.withScale(scale);
    const neg = r.sign < 0;
    const magnitude = r.big === null ? String(Math.abs(r.small)) : (neg ? -r.big : r.big).toString();
    const digits = magnitude.padStart(scale + 1, "0");
    const int = digits.slice(0, digits.length - scale);
    const frac = scale > 0 ? "." + digits.slice(digits.length - scale) : "";
    return (neg ? "-" : "") + int + frac;
  }

  /** Text as written, keeping its own scale ("351.10" stays "351.10"). */
  toString(): string {
    return this.toFixed(this.scale);
  }

  toNumber(): number {
    // the nearest double to coef / 10^scale: a division of two exact doubles is correctly rounded
    if (this.big === null && this.scale < POW10_NUM.length) return this.small / POW10_NUM[this.scale]!;
    return this.scale === 0 ? Number(this.coef) : Number(this.toString());
  }
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = Decimal.ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
