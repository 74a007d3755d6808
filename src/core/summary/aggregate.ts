/**
 * Running sums of the numeric indicators over many submissions.
 *
 * Only the sums are kept (never the snapshots), so memory stays flat however many units a batch
 * has. A unit can be taken out again (`subtract`), which the summary needs when a later check
 * across units (a duplicate) disqualifies a unit that was already added.
 */
import { INDICATORS, isNumericKind } from '../catalogue';
import type { Snapshot } from '../snapshot';

/** The catalogue names that are summed: every count and amount. Text, codes, years and dates are not. */
export const SUMMED_NAMES: readonly string[] = INDICATORS.filter((i) => isNumericKind(i.kind)).map((i) => i.name);

const INDEX: ReadonlyMap<string, number> = new Map(SUMMED_NAMES.map((n, i) => [n, i]));

/** Amounts are decimals (万元); sums are rounded to this many decimals so 0.1 + 0.2 shows as 0.3. */
const DECIMALS = 6;

export class SumAccumulator {
  private readonly sums = new Float64Array(SUMMED_NAMES.length);
  private units = 0;

  /** Adds the numbers of one submission. A cell without a certain number (blank, "XX", "/") adds nothing. */
  add(snapshot: Snapshot): void {
    this.apply(snapshot, 1);
    this.units += 1;
  }

  /** Takes a submission added before out of the sums again. */
  subtract(snapshot: Snapshot): void {
    this.apply(snapshot, -1);
    this.units -= 1;
  }

  /**
   * The summed numbers of one submission, kept so a unit can leave the sums without reading its
   * file again: only the cells with a number other than 0, as pairs (index in SUMMED_NAMES, value)
   * in one array — a few hundred bytes a unit (a typical report fills a fifth of its cells), where
   * every indicator would take 1.8 KB, for each of thousands of units.
   */
  static numbersOf(snapshot: Snapshot): Float64Array {
    const pairs: number[] = [];
    for (const [name, i] of INDEX) {
      const v = snapshot.cells[name]?.value;
      if (typeof v === 'number' && Number.isFinite(v) && v !== 0) pairs.push(i, v);
    }
    return Float64Array.from(pairs);
  }

  /** Adds (sign 1) or takes out (sign −1) numbers of numbersOf. */
  addNumbers(numbers: Float64Array, sign: 1 | -1 = 1): void {
    for (let k = 0; k < numbers.length; k += 2) this.sums[numbers[k]] += sign * numbers[k + 1];
    this.units += sign;
  }

  /** Adds the sums of another accumulator. */
  merge(other: SumAccumulator): void {
    for (let i = 0; i < this.sums.length; i++) this.sums[i] += other.sums[i];
    this.units += other.units;
  }

  /** How many submissions are in the sums. */
  get count(): number {
    return this.units;
  }

  /** The sum per summed indicator name (0 where no unit had a number). */
  totals(): Record<string, number> {
    const out: Record<string, number> = {};
    const factor = 10 ** DECIMALS;
    SUMMED_NAMES.forEach((name, i) => {
      const v = Math.round(this.sums[i] * factor) / factor;
      out[name] = Object.is(v, -0) ? 0 : v;
    });
    return out;
  }

  private apply(snapshot: Snapshot, sign: 1 | -1): void {
    for (const [name, i] of INDEX) {
      const v = snapshot.cells[name]?.value;
      if (typeof v === 'number' && Number.isFinite(v)) this.sums[i] += sign * v;
    }
  }
}
