/**
 * 统一社会信用代码 (GB 32100-2015) as the rules see it: shape and check character separately, so
 * INFO-CODE can say which is wrong and what the check character should be. The algorithm itself
 * lives in ../credit-code (shared with the examples and the summary).
 */
import { creditCodeCheckChar, creditCodeProblem } from '../credit-code';

export { creditCodeCheckChar };

export interface CreditCodeCheck {
  /** 18 characters, all from the alphabet (no I, O, S, V, Z). */
  shapeOk: boolean;
  /** The check character is right (false when the shape is wrong). */
  checkOk: boolean;
  /** The check character the first 17 characters call for, when the shape is right. */
  expected: string | null;
}

export function checkCreditCode(code: string): CreditCodeCheck {
  const c = code.trim().toUpperCase();
  const problem = creditCodeProblem(c);
  if (problem === 'length' || problem === 'alphabet') return { shapeOk: false, checkOk: false, expected: null };
  return { shapeOk: true, checkOk: problem === null, expected: creditCodeCheckChar(c.slice(0, 17)) };
}
