// Exact decimal numbers: a bigint coefficient and a count of digits after the point.
// Every amount, share and rate in juesuan goes through this type, so 0.1 + 0.2 is 0.3 and ties round half-up.

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

// 10^n as bigints, made once: scaling is the hot path of every figure
const POW10: bigint[] = Array.from({ length: 40 }, (_, n) => 10n ** BigInt(n));
const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

export class Decimal {
  /** value = coef / 10^scale; `scale` keeps the digits as written ("351.10" has scale 2). */
  private constructor(
    readonly coef: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);

  static of(coef: bigint, scale = 0): Decimal {
    if (scale < 0) return new Decimal(coef * pow10(-scale), 0);
    return new Decimal(coef, scale);
  }

  static fromInt(n: number): Decimal {
    return new Decimal(BigInt(n), 0);
  }

  /** Plain decimal text ("-12.340", "1e-3"); returns null when it is not one. */
  static parse(text: string): Decimal | null {
    const m = DECIMAL_TEXT.exec(text);
    if (!m) return null;
    const [, sign, int = "", frac = "", exp] = m;
    if (int === "" && frac === "") return null;
    let coef = BigInt((int || "0") + frac);
    if (sign === "-") coef = -coef;
    return Decimal.of(coef, frac.length - (exp ? Number(exp) : 0));
  }

  /**
   * A binary double as Excel shows it: 15 significant digits, as Excel stores and displays numbers,
   * so the double nearest 0.1 + 0.2 reads as 0.3 and 1.005 stays 1.005.
   */
  static fromNumber(x: number): Decimal {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (x === 0) return Decimal.ZERO;
    if (Number.isSafeInteger(x)) return new Decimal(BigInt(x), 0);
    const text = x.toPrecision(15);
    if (text.includes("e")) return Decimal.parse(text)!.trimZeros();
    // "123.450000000000" → 12345, scale 2, with string work instead of bigint divisions
    const dot = text.indexOf(".");
    const frac = text.slice(dot + 1).replace(/0+$/, "");
    return new Decimal(BigInt(text.slice(0, dot) + frac), frac.length);
  }

  get sign(): -1 | 0 | 1 {
    return this.coef === 0n ? 0 : this.coef < 0n ? -1 : 1;
  }

  isZero(): boolean {
    return this.coef === 0n;
  }

  /** Drops trailing zeros after the point: 12.3400 → 12.34. */
  trimZeros(): Decimal {
    let { coef, scale } = this;
    while (scale > 0 && coef % 10n === 0n) {
      coef /= 10n;
      scale -= 1;
    }
    return new Decimal(coef, scale);
  }

  /** The same value with `scale` digits; only widening is exact, so narrowing goes through round(). */
  withScale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) return new Decimal(this.coef * pow10(scale - this.scale), scale);
    return this.round(scale);
  }

  neg(): Decimal {
    return new Decimal(-this.coef, this.scale);
  }

  abs(): Decimal {
    return this.coef < 0n ? this.neg() : this;
  }

  add(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    return new Decimal(this.withScale(s).coef + o.withScale(s).coef, s);
  }

  sub(o: Decimal): Decimal {
    return this.add(o.neg());
  }

  mul(o: Decimal): Decimal {
    return new Decimal(this.coef * o.coef, this.scale + o.scale);
  }

  /** Multiplies by 10^n exactly (percent and 万元 conversions). */
  shift(n: number): Decimal {
    return Decimal.of(this.coef, this.scale - n);
  }

  cmp(o: Decimal): -1 | 0 | 1 {
    const s = Math.max(this.scale, o.scale);
    const a = this.withScale(s).coef;
    const b = o.withScale(s).coef;
    return a === b ? 0 : a < b ? -1 : 1;
  }

  eq(o: Decimal): boolean {
    return this.cmp(o) === 0;
  }

  /** Rounds half away from zero (the 四舍五入 of published figures and of Excel's ROUND). */
  round(scale: number): Decimal {
    if (scale >= this.scale) return this.withScale(scale);
    return new Decimal(divRoundHalfUp(this.coef, pow10(this.scale - scale)), scale);
  }

  /** Cuts extra digits (what a clerk does who truncates instead of rounding). */
  truncate(scale: number): Decimal {
    if (scale >= this.scale) return this.withScale(scale);
    return new Decimal(this.coef / pow10(this.scale - scale), scale);
  }

  /** this ÷ o, rounded half-up to `scale` digits; throws RangeError when o is zero. */
  div(o: Decimal, scale: number): Decimal {
    if (o.isZero()) throw new RangeError("division by zero");
    // this/o = (a/10^p) / (b/10^q); scaled to 10^scale: a * 10^(q - p + scale) / b
    const exp = o.scale - this.scale + scale;
    let num = this.coef;
    let den = o.coef;
    if (exp >= 0) num *= pow10(exp);
    else den *= pow10(-exp);
    return new Decimal(divRoundHalfUp(num, den), scale);
  }

  /** Text with exactly `scale` digits after the point, rounding half-up when needed. */
  toFixed(scale: number): string {
    const r = this.withScale(scale);
    const neg = r.coef < 0n;
    const digits = (neg ? -r.coef : r.coef).toString().padStart(scale + 1, "0");
    const int = digits.slice(0, digits.length - scale);
    const frac = scale > 0 ? "." + digits.slice(digits.length - scale) : "";
    return (neg ? "-" : "") + int + frac;
  }

  /** Text as written, keeping its own scale ("351.10" stays "351.10"). */
  toString(): string {
    return this.toFixed(this.scale);
  }

  toNumber(): number {
    // exact for what a cell can hold: the nearest double to coef / 10^scale
    return this.scale === 0 ? Number(this.coef) : Number(this.toString());
  }
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

export function sum(values: Iterable<Decimal>): Decimal {
  let total = Decimal.ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
