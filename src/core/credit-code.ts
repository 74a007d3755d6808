/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last being a
 * check character over the first 17 (weights 3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when they use characters outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c];
}

export type CreditCodeProblem = 'length' | 'alphabet' | 'check';

/** Why a code is not a valid 统一社会信用代码, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'alphabet';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'check';
}

/** Completes 17 characters into a valid code (for examples and test fixtures). */
export function withCheckChar(first17: string): string {
  const c = creditCodeCheckChar(first17);
  if (c === null) throw new Error(`not a credit-code prefix: ${first17}`);
  return first17 + c;
}
