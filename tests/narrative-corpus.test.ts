/**
 * The narrative reader on sentences of real annual reports (../shared/seeds and published reports
 * cited in research/reviewers-checks.md), paraphrased with their numbers kept, each with the
 * reading a reviewer gives it. [topic, kind, value] per assertion, in text order.
 */
import { readNarrative } from '../src/core/narrative/read';
import { parseFigure } from '../src/core/narrative/numerals';
import { splitSentences } from '../src/core/narrative/sentences';

type Reading = [string, string, number | null];

const CORPUS: Array<[string, Reading[]]> = [
  // totals including the carry-over
  ['2025年共受理政府信息公开申请24件（含上年结转1件）。', [['RECEIVED', 'with-carry', 24], ['CARRY', 'total', 1]]],
  ['全年共收到公开申请1466件（上年度结转16件，结转下年度9件）。', [['RECEIVED', 'total', 1466], ['CARRY', 'total', 16], ['CARRYOUT', 'total', 9]]],
  ['本年度答复政府信息公开申请98件（含上年度转结申请8件，另有5件申请转结下年度）。', [['RECEIVED', 'partial', 98], ['CARRY', 'total', 8], ['CARRYOUT', 'total', 5]]],
  ['全年办理政府信息公开申请26件，其中本年新收25件，上年结转1件。', [['RECEIVED', 'total', 26], ['NEW', 'total', 25], ['CARRY', 'total', 1]]],
  ['本年新收政府信息公开申请23件，上年结转1件，结转下年度继续办理2件。', [['NEW', 'total', 23], ['CARRY', 'total', 1], ['CARRYOUT', 'total', 2]]],
  // plain totals
  ['今年以来，我局共收到政府信息公开申请2件，均依法按时答复。', [['RECEIVED', 'total', 2]]],
  ['截至12月18日，全县共收到依申请123件，均全面按时完成回复。', [['RECEIVED', 'total', 123]]],
  ['2022年，我局共收到公民、法人和其他组织通过各种渠道提出的政府信息公开申请共24件。', [['RECEIVED', 'total', 24]]],
  ['2022年，我局收到依申请公开事项1件，按时按规办理完毕。', [['RECEIVED', 'total', 1]]],
  ['全年共有一件依申请公开信息情况，并已按规定按时回复。', [['RECEIVED', 'total', 1]]],
  ['本年度线上收到依申请3件，予以公开2件。', [['RECEIVED', 'partial', 3], ['RECEIVED', 'partial', 2]]],
  ['本年度共收到政府信息公开申请三十一件。', [['RECEIVED', 'total', 31]]],
  // breakdowns, then 合计
  ['政府信息公开申请中，通过网络平台申请15件，信函申请9件，合计24件。', [['RECEIVED', 'partial', 15], ['RECEIVED', 'partial', 9], ['RECEIVED', 'total', 24]]],
  ['收到政府信息公开申请34件，其中自然人申请30件，法人或其他组织申请4件。', [['RECEIVED', 'total', 34], ['RECEIVED', 'partial', 30], ['RECEIVED', 'partial', 4]]],
  ['2023年1月份至今，XX镇政府共受理政府信息公开申请件16件，已办结13件（3件撤件）；', [['RECEIVED', 'total', 16], ['RECEIVED', 'partial', 13], ['RECEIVED', 'partial', 3]]],
  // statements of zero and of completion
  ['2023年度我单位未收到依申请公开信息。', [['RECEIVED', 'zero', 0]]],
  ['2023年我镇没有收到要求公开信息的申请。', [['RECEIVED', 'zero', 0]]],
  ['2023年，XX镇受理依申请公开0件。', [['RECEIVED', 'total', 0]]],
  ['2023年1月份至今，县烟草专卖局受理政府信息公开申请件0件。', [['RECEIVED', 'total', 0]]],
  ['2022年市政府办公室收到政府信息公开申请34件，均为自然人申请，全部已办结。', [['RECEIVED', 'total', 34], ['CARRYOUT', 'all-done', 0]]],
  ['本年度收到政府信息公开申请5件。收到的申请均已办结。', [['RECEIVED', 'total', 5], ['CARRYOUT', 'all-done', 0]]],
  // review and litigation
  ['因政府信息公开引起行政复议10件、行政诉讼3件。', [['REVIEW', 'total', 10], ['LITIGATION', 'total', 3]]],
  ['本年度涉及政府信息公开的行政复议、行政诉讼数量为0。', [['REVIEW', 'zero', 0], ['LITIGATION', 'zero', 0]]],
  ['没有发生信息公开行政复议事项，没有信息公开行政诉讼案件。', [['REVIEW', 'zero', 0], ['LITIGATION', 'zero', 0]]],
  ['未发生行政复议和行政诉讼。', [['REVIEW', 'zero', 0], ['LITIGATION', 'zero', 0]]],
  ['2022年市政府办公室收到政府信息公开申请34件。申请人行政复议1件（被省政府认为答复并无不当，判定维持）。', [['RECEIVED', 'total', 34], ['REVIEW', 'total', 1]]],
  ['被申请行政复议案1件（已被撤销），被提起行政诉讼案3件（均胜诉）。', [['REVIEW', 'total', 1], ['LITIGATION', 'total', 3]]],
  ['被提起行政诉讼案件0件，维持0件，被依法纠错0件，其余情形0件。', [['LITIGATION', 'total', 0], ['LITIGATION', 'partial', 0], ['LITIGATION', 'partial', 0], ['LITIGATION', 'partial', 0]]],
  ['全年发生政府信息公开行政复议1件，结果维持；未发生行政诉讼。', [['REVIEW', 'total', 1], ['LITIGATION', 'zero', 0]]],
  ['因政府信息公开引起行政复议2件，其中维持1件，纠正1件。', [['REVIEW', 'total', 2], ['REVIEW', 'partial', 1], ['REVIEW', 'partial', 1]]],
  ['本年度发生行政复议案件，已依法办理。', [['REVIEW', 'occurred', null]]],
  ['涉及政府信息公开的行政诉讼已判决2件。', [['LITIGATION', 'partial', 2]]],
  // 规范性文件 (表二)
  ['2022年新发布规范性文件6个，其他文件47个，人事任免文件17个。', [['NORM_ISSUED', 'total', 6]]],
  ['本年度行政规范性文件发布0条，废止数量0条，现行有效数量0条。', [['NORM_ISSUED', 'total', 0], ['NORM_REPEALED', 'total', 0], ['NORM_VALID', 'total', 0]]],
  ['清理规范性文件200件，废止12件，现行有效规范性文件40件。', [['NORM_REPEALED', 'total', 12], ['NORM_VALID', 'total', 40]]],
  ['目前，市本级204个现行有效文件已上传。', []],
  // not about applications at all
  ['累计受理“办不成事”反映问题66件，办结率、满意率均达100%。', []],
  ['全年累计受理12345电子工单XX件，并全部办理完毕。', []],
  ['截至目前，我厅通过线上、线下共受理办理依申请公开230余件。', []],
  ['全年主动公开政府信息1500条，发布政策解读30篇。', []],
  ['无正当理由大量反复申请的，不予处理。', []],
  ['全年主动公开政府信息1500条，受理行政许可申请1200件，全部办结。', []],
  ['本年度未收到群众信访申请，行政许可申请均已办结。', []],
  ['更新依申请公开指南2件，依申请公开栏目发布信息12条。', []],
  ['全年办理行政复议案件85件，行政应诉案件12件。', []],
  ['截至目前，立案查办行政处罚案件662件，已结案598件，正在办理64件。', []],
  ['2022年，我局共收到政府信息公开申请共24件。本年度提出申请的24件中，同意公开的7件，部分公开的7件。', [['RECEIVED', 'total', 24], ['RECEIVED', 'total', 24], ['RECEIVED', 'partial', 7], ['RECEIVED', 'partial', 7]]],
];

describe('narrative corpus', () => {
  it('has at least 30 real sentences', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });
  for (const [sentence, expected] of CORPUS) {
    it(sentence, () => {
      expect(readNarrative(sentence).map((a) => [a.topic, a.kind, a.value])).toEqual(expected);
    });
  }
});

describe('narrative pieces', () => {
  it('parses figures in digits and simple Chinese numerals', () => {
    expect(['12', '１２', '1,200', '三', '十二', '二十五', '一百零三', '两千', '三四', 'x'].map(parseFigure)).toEqual([
      12, 12, 1200, 3, 12, 25, 103, 2000, null, null,
    ]);
  });
  it('splits sentences at 。；！？ but not inside brackets', () => {
    expect(splitSentences('收到申请24件（含上年结转1件。另）。行政复议1件；诉讼0件').map((s) => s.text)).toEqual([
      '收到申请24件（含上年结转1件。另）。',
      '行政复议1件；',
      '诉讼0件',
    ]);
  });
  it('keeps the unit and quotes the sentence', () => {
    const [a] = readNarrative('一、总体情况。全年共收到政府信息公开申请24条。');
    expect(a).toEqual({ topic: 'RECEIVED', kind: 'total', value: 24, unit: '条', sentence: '全年共收到政府信息公开申请24条。', phrase: '全年共收到政府信息公开申请24条' });
  });
});
