/**
 * Figures as they are written in report narratives: ASCII or full-width digits, thousands
 * separators, and the simple Chinese numerals of small counts ("三件", "十二件", "一百零三件").
 */

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Full-width digits, comma and full stop → ASCII. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[\uFF10-\uFF19\uFF0C\uFF0E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * "12", "１２", "1,200", "三", "十二", "二十五", "一百零三", "两千" → number; anything else → null.
 * Only whole figures of the forms above: "三四件" (an estimate) and "1.5" read as null / 1.5 as written.
 */
export function parseFigure(s: string): number | null {
  const half = halfWidthDigits(s).replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(half)) return Number(half);
  if (!/^[零〇一二两三四五六七八九十百千]+$/u.test(half)) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of half) {
    const unit = CN_UNITS[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      // Two digits in a row ("三四") is an estimate, not a figure — except after 零 ("一百零三").
      if (digit !== null && digit !== 0) return null;
      digit = CN_DIGITS[ch];
    }
  }
  return total + (digit ?? 0);
}
