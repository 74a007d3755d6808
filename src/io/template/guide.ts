/**
 * The first sheet, 填报说明: how to fill the workbook, in the words a reviewer would use.
 */
import type ExcelJS from 'exceljs';
import {
  INDICATORS,
  SHEETS,
  T3_HEADER_NOTE,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  TEMPLATE_VERSIONS,
  indicator,
  partLabel,
  partsOf,
  sheetSpec,
} from '../../core/catalogue';
import { BODY_FONT, BOLD_FONT, NOTE_FONT, heightFor, printSetup, title } from './style';

// Fits an A4 portrait page at 100%: LibreOffice does not shrink a single over-wide column to fit.
const WIDTH = 84;

type Line = { kind: 'section' | 'item' | 'note'; text: string };

/** "（工作指标）12345热线…受理工单 = 投诉 + 咨询 + …" for every total of the list-shaped sheets that has parts. */
function partSumLines(first: number): string[] {
  const totals = INDICATORS.filter((i) => (i.group === 'W' || i.group === 'TXT') && partsOf(i.name).length > 0);
  return totals.map((t, k) => {
    const parts = partsOf(t.name).map((n) => partLabel(indicator(n)?.label ?? n));
    return `${first + k}. “${sheetSpec(t.sheet).name}”中“${t.label}” = ${parts.join(' + ')}。`;
  });
}

/** What the current version added, so a unit on an older template knows why a cell is new. */
function versionLines(): string[] {
  const added = INDICATORS.filter((i) => i.since === TEMPLATE_VERSION && i.since !== TEMPLATE_VERSIONS[0]);
  if (added.length === 0) return [];
  const older = TEMPLATE_VERSIONS.slice(0, -1).join('、');
  const names = added.map((i) => `“${sheetSpec(i.sheet).name}”的“${i.label}”（${i.name}）`).join('、');
  return [`本版本新增${names}。用 ${older} 版模板填写的工作簿仍可校验，新增的指标不要求填写。`];
}

/** The guide's lines; the version notes and the sums of parts come from the catalogue. */
export function guideLines(): Line[] {
  const t3 = sheetSpec('t3').name;
  const info = sheetSpec('info').name;
  const inputSheets = SHEETS.filter((s) => s.key !== 'guide').map((s) => `“${s.name}”`).join('、');
  const section = (text: string): Line => ({ kind: 'section', text });
  const item = (text: string): Line => ({ kind: 'item', text });
  return [
    {
      kind: 'note',
      text: `模板标识 ${TEMPLATE_ID}，版本 ${TEMPLATE_VERSION}。表二、表三、表四依照《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。`,
    },
    ...versionLines().map((text): Line => ({ kind: 'note', text })),
    section('一、填写哪里'),
    item(`1. 本工作簿包括${inputSheets}${SHEETS.length - 1} 张工作表。只在浅黄色单元格中填写，其他单元格已锁定。`),
    item('2. 选中浅黄色单元格时会显示填写提示；输入不符合要求的内容（如文字、负数、小数）时，Excel 会拒绝并说明原因。'),
    item(`3. 先填“${info}”：单位名称、单位类型（下拉选择）、18 位统一社会信用代码、报告年度、填报人、联系电话、填报日期。`),
    section('二、数字怎么填'),
    item('1. 所有件数、次数、条数、人数一律填写阿拉伯数字的非负整数。没有发生的填 0，不要留空。'),
    item('2. 不要填写“/”“—”“无”“XX”“若干”，不要写约数（如“230余”“近50”“约100”），不要带单位（如“12件”），不要用全角数字。'),
    item('3. 表二“行政事业性收费”的本年收费金额以万元为单位，可以有小数（如 12.35 表示 12.35 万元）；没有收费的填 0。'),
    item('4. “文字部分”中本年收取信息处理费金额以元为单位；没有收取的填 0，并在上一栏写明“未收取信息处理费”。'),
    item('5. 尽量直接填写数字。如用公式，结果必须是数字，且不能引用其他文件；报送前确认没有 #REF!、#VALUE! 等错误值。'),
    section('三、表内的勾稽关系'),
    item(`1. 表三左上角注明${T3_HEADER_NOTE}。即每一列都应满足：一、本年新收 + 二、上年结转 = 三、本年度办理结果中的（七）总计 + 四、结转下年度继续办理。`),
    item('2. （七）总计 = （一）予以公开 +（二）部分公开 +（三）不予公开 1–8 项 +（四）无法提供 1–3 项 +（五）不予处理 1–5 项 +（六）其他处理 1–3 项。'),
    item('3. 每一行的“总计”列 = 自然人 + 法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）五列之和。'),
    item('4. （二）部分公开：区分处理的申请只计入这一项，不再计入其他情形。'),
    item('5. 表四每一组的“总计” = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。'),
    ...partSumLines(6).map(item),
    section('四、不要改动的地方'),
    item('1. 每个填写单元格都有一个名称（“定义名称”，如 T3_NEW_NAT、INFO_UNIT_NAME，选中单元格后可在左上角的名称框中看到，全部名称在“公式”→“名称管理器”中），校验和汇总按名称读取数据。不要删除或重命名这些名称，不要把别的单元格命名成这些名称。'),
    item('2. 不要在表格中插入、删除行或列，不要剪切、拖动填写单元格（会带走名称或产生 #REF!）。从其他表格复制数据时，请用“选择性粘贴 → 数值”。'),
    item(`3. 不要修改“${info}”下方的模板标识和模板版本。`),
    item('4. 各工作表设有保护但没有密码。确需调整时可在“审阅 → 撤消工作表保护”中解除，调整后请重新保护；不要改动表格结构。'),
    section('五、如何校验'),
    item('1. 填完后检查：在 Excel 中点击“开始”选项卡上的“校验年报”，在右侧窗格中点击“校验”；没有这个按钮（如使用 WPS）时，用上级单位提供的离线网页版“zwgk.html”打开本文件校验，或直接报送，由上级政务公开办统一校验。'),
    item('2. 校验结果会列出每个问题所在的工作表、单元格、名称和修改办法。“错误”必须改正后才能报送；“警告”请逐项核实，确属实际情况的可在报送时说明。'),
    item(`3. 表三的勾稽关系不满足时，先核对“${t3}”中“总计”列和（七）总计行，再核对各项明细。`),
    ...countingLines(),
  ];
}

/** 六: how reviewers count, where units most often count otherwise (sources in each line). */
function countingLines(): Line[] {
  const section = (text: string): Line => ({ kind: 'section', text });
  const item = (text: string): Line => ({ kind: 'item', text });
  return [
    section('六、计数口径（审核时重点核对）'),
    item('1. 表二“行政许可”“行政处罚”“行政强制”的本年处理决定数量，包括已公开和依法未公开的全部处理决定。'),
    item('2. “规章”一行：规章由国务院部门和省、自治区、直辖市及设区的市、自治州人民政府制定（《立法法》第八十条、第八十二条），其他单位填 0；本部门起草、以政府令公布的规章是否填报，按本地口径并与同级司法行政部门核对。规章不是行政规范性文件，不要填到“行政规范性文件”一行。'),
    item('3. 文字部分的申请数应与表三一致：写“新收”的，等于表三“一、本年新收政府信息公开申请数量”；写“收到”“受理”的，可以是本年新收，也可以是本年新收与上年结转之和，后者请写明“含上年结转×件”。写“全部办结”的，表三“四、结转下年度继续办理”应为 0。'),
    item('4. 表四：复议机关作为共同被告的行政诉讼，复议机关不计入，由作出原行政行为的机关统计（国办公开办函〔2016〕201号）。'),
    item('5. 信息处理费（元，填在“文字部分”，属第六部分“其他需要报告的事项”）按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取，金额为 10 元的整数倍；它与表二“行政事业性收费”的收费金额（万元）不是同一栏，不要混填。'),
    item('6. 单位类型按机构性质选择：地区行政公署、盟行政公署选“地区行政公署（盟行政公署）”；税务、海关、气象、烟草等实行垂直管理的机构选“垂直管理机构”。'),
    item('7. 填报日期填实际报送的日期（报告年度的次年）。县级以上人民政府部门的年度报告于每年 1 月 31 日前公布，本级人民政府的年度报告于 3 月 31 日前公布（条例第四十九条）；本地规定了更早日期的，从其规定。'),
    item(`8. 国家格式仍为国办公开办函〔2021〕30号；模板版本 ${TEMPLATE_VERSION} 是本工作簿自身的版本号，不是新的国家格式。`),
  ];
}

export function drawGuide(ws: ExcelJS.Worksheet): void {
  ws.getColumn(1).width = WIDTH;
  title(ws, 1, 1, '政府信息公开工作年度报告 标准指标工作簿 填报说明');
  let row = 2;
  for (const line of guideLines()) {
    const cell = ws.getCell(row, 1);
    cell.value = line.text;
    cell.font = line.kind === 'section' ? BOLD_FONT : line.kind === 'note' ? NOTE_FONT : BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: line.kind === 'item' ? 1 : 0 };
    ws.getRow(row).height = line.kind === 'section' ? 26 : heightFor(line.text, WIDTH - 2);
    row++;
  }
  ws.views = [{ showGridLines: false }];
  printSetup(ws, { landscape: false, natural: true });
}
