/**
 * Fixtures of the summary tests: snapshots built straight from values (pure core tests) and valid
 * credit codes.
 */
import { INDICATORS, TEMPLATE_ID, TEMPLATE_VERSION, sheetSpec } from '../src/core/catalogue';
import { readingFromRaw } from '../src/core/classify';
import { withCheckChar } from '../src/core/credit-code';
import type { Snapshot } from '../src/core/snapshot';
import { Writable } from 'node:stream';

/** A valid 统一社会信用代码 numbered n (GB 32100 check character computed). */
export function codeFor(n: number): string {
  return withCheckChar(`11330100${String(n).padStart(8, '0')}X`);
}

/** A snapshot holding exactly the given values (numbers as number cells, strings as text cells). */
export function snap(values: Record<string, number | string | null>, source = 'test.xlsx'): Snapshot {
  const cells: Snapshot['cells'] = {};
  for (const ind of INDICATORS) {
    const v = values[ind.name];
    const sheet = sheetSpec(ind.sheet).name;
    cells[ind.name] = readingFromRaw(
      ind.name,
      sheet,
      ind.address,
      v === null || v === undefined ? { type: 'z', value: null } : typeof v === 'number' ? { type: 'n', value: v } : { type: 's', value: v },
    );
  }
  return { source, templateId: TEMPLATE_ID, templateVersion: TEMPLATE_VERSION, cells, nameIssues: [], sheetOrder: [] };
}

export interface UnitSpec {
  name: string;
  code: string;
  year?: number;
  type?: string;
  /** 表三 自然人: new requests, carried over from last year, carried forward to next year. */
  newNat?: number;
  carryNat?: number;
  carryoutNat?: number;
  /** 表二 normative documents in force. */
  normValid?: number;
  /** Amount of fees (万元) and number of published items, to vary the sums. */
  fee?: number;
  pub?: number;
}

/**
 * A complete, balanced set of values of one unit that passes every check: 表三 has requests of
 * natural persons (new, carried over, carried forward, all disclosed) and one of a business.
 */
export function unitValues(s: UnitSpec): Record<string, string | number | Date> {
  const n = s.newNat ?? 5;
  const c = s.carryNat ?? 1;
  const o = s.carryoutNat ?? 1;
  const v: Record<string, string | number | Date> = {};
  for (const ind of INDICATORS) if (ind.kind === 'count' || ind.kind === 'amount') v[ind.name] = 0;
  const t3 = (row: string, nat: number, biz: number): void => {
    v[`T3_${row}_NAT`] = nat;
    v[`T3_${row}_BIZ`] = biz;
    v[`T3_${row}_SUM`] = nat + biz;
  };
  t3('NEW', n, 1);
  t3('CARRY', c, 0);
  t3('OPEN', n + c - o, 1);
  t3('TOTAL', n + c - o, 1);
  t3('CARRYOUT', o, 0);
  Object.assign(v, {
    INFO_UNIT_NAME: s.name,
    INFO_UNIT_TYPE: s.type ?? '县级政府部门',
    INFO_UNIT_CODE: s.code,
    INFO_PARENT: 'XX县人民政府办公室',
    INFO_YEAR: s.year ?? 2024,
    INFO_CONTACT: '张三',
    INFO_PHONE: '0571-87654321',
    INFO_DATE: new Date(Date.UTC((s.year ?? 2024) + 1, 0, 15)),
    T2_NORM_ISSUED: 2,
    T2_NORM_REPEALED: 1,
    T2_NORM_VALID: s.normValid ?? 10,
    T2_LICENSE: 3,
    T2_PENALTY: 4,
    T2_FEE: s.fee ?? 1.5,
    T4_REVIEW_UPHELD: 1,
    T4_REVIEW_TOTAL: 1,
    T4_DIRECT_OTHER: 1,
    T4_DIRECT_TOTAL: 1,
    W_PUB_TOTAL: s.pub ?? 100,
    W_PUB_PORTAL: 80,
    W_PUB_WECHAT: 30,
    W_INTERP_TOTAL: 5,
    W_INTERP_LEADER: 1,
    W_INTERP_GRAPHIC: 2,
    W_INTERP_VIDEO: 1,
    W_INTERP_MEDIA: 1,
    W_RESPONSE: 3,
    W_PRESS: 2,
    W_PRESS_LEADER: 1,
    W_OPENDAY: 1,
    W_CONSULT: 2,
    W_HOTLINE_TOTAL: 10,
    W_HOTLINE_COMPLAINT: 2,
    W_HOTLINE_INQUIRY: 5,
    W_HOTLINE_HELP: 1,
    W_HOTLINE_SUGGEST: 1,
    W_HOTLINE_OTHER: 1,
    W_HOTLINE_CLOSED: 9,
    W_TRAIN: 2,
    W_TRAIN_PERSONS: 40,
    W_STAFF_FULL: 1,
    W_STAFF_PART: 2,
    // each unit writes its own text (identical texts across units are U-SAME-TEXT)
    TXT_OVERVIEW: `${s.year ?? 2024}年度，${s.name}认真贯彻落实政务公开工作要求，持续推进主动公开、政策解读和回应社会关切等工作，依法办理政府信息公开申请。`,
    TXT_PROBLEMS: `${s.year ?? 2024}年度${s.name}存在的主要问题是政策解读形式较为单一，下一步将加强整改，丰富解读形式，提升公开质量。`,
    TXT_OTHER: '本年度没有其他需要报告的事项，本单位将继续做好政务公开各项工作。',
    TXT_FEE: '未收取信息处理费',
    FEE_YUAN: 0,
  });
  return v;
}

/** Writes a real .xlsx submission built from the standard template with the given values. */
export async function writeUnitFile(path: string, values: Record<string, string | number | Date | null>): Promise<void> {
  // Loaded lazily so the pure core tests do not pull in ExcelJS.
  const { buildTemplate } = await import('../src/io/template-writer');
  const { writeFile } = await import('node:fs/promises');
  const wb = await buildTemplate({ values });
  await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** A stream that keeps what is written, for the CLI context. */
export function captureStream(): NodeJS.WritableStream & { text(): string; isTTY?: boolean } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}
