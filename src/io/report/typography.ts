/**
 * Page and type settings of an official document (GB/T 9704-2012 党政机关公文格式), in the units
 * Word uses: twips (1/20 pt; 1 mm ≈ 56.7 twips) and half-points for font sizes.
 *
 * - A4 (210 × 297 mm); margins 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm (版心 156 × 225 mm).
 * - Title: 2号 (22 pt) 方正小标宋简体, centred. Body: 3号 (16 pt) 仿宋_GB2312, 22 lines a page
 *   (fixed line pitch 28.95 pt), first line indented two characters.
 * - Level-1 headings (一、) in 黑体, level-2 (（一）) in 楷体_GB2312, both 3号.
 * - Page numbers: 4号 (14 pt) 宋体 Arabic numerals between em dashes ("— 1 —"), odd pages right,
 *   even pages left, one character in from the edge of the text block.
 * - Tables: 五号 (10.5 pt) 宋体, single spacing.
 *
 * Word cannot chain fonts within a run; each setting names the font government offices install,
 * and the HTML writer lists fallbacks (华文中宋, 仿宋, SimSun …) for machines without them.
 */

const MM = 56.7;

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
  /** Distance of the footer from the bottom edge: page numbers 7 mm below the text block. */
  footer: Math.round(23 * MM),
  header: Math.round(15 * MM),
};

/** Width of the text block, portrait and landscape (twips). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const TEXT_WIDTH_LANDSCAPE = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  table: '宋体',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** The same faces with fallbacks, for CSS. */
export const CSS_FONTS = {
  title: "'方正小标宋简体', '方正小标宋_GBK', '小标宋', '华文中宋', STZhongsong, SimSun, serif",
  body: "'仿宋_GB2312', '仿宋', FangSong, STFangsong, SimSun, serif",
  heading1: "'黑体', SimHei, STHeiti, 'Microsoft YaHei', sans-serif",
  heading2: "'楷体_GB2312', '楷体', KaiTi, STKaiti, serif",
  table: "'宋体', SimSun, STSong, serif",
};

/** Font sizes in half-points. */
export const SIZE = { title: 44, body: 32, table: 21, pageNumber: 28 };

/** Fixed line pitch of the body: 22 lines on the 225 mm text block (28.95 pt). */
export const BODY_LINE = 579;
/** Two characters of 3号 type. */
export const FIRST_LINE_INDENT = 640;
