/**
 * Looks inside a zip container (xlsx, ods, numbers, docx …) before any parser inflates it: lists the
 * entries from the central directory, sums their declared sizes, and can inflate entries with a hard
 * byte budget. SheetJS trusts the sizes a file declares and inflates everything into memory, so a
 * crafted file (a "zip bomb") must be stopped here.
 */
import { Inflate, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** Compression method: 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared by the central directory. */
  declaredSize: number;
  /** Offset of the local file header. */
  localHeaderOffset: number;
  /** General-purpose flags (bit 0: encrypted entry). */
  flags: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes of all entries. */
  declaredTotal: number;
}

/** Why a zip container could not be listed; the reader turns it into a 'corrupt' refusal. */
export class ZipStructureError extends Error {}

/** Raised when inflating would exceed the byte budget. */
export class ZipBudgetError extends Error {
  constructor(readonly inflatedAtLeast: number) {
    super(`inflated size exceeds budget (at least ${inflatedAtLeast} bytes)`);
  }
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRIES = 100000;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
/** 64-bit little endian as a JS number (exact up to 2^53, far beyond any size we accept). */
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, b.length - 22 - 65535);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === EOCD_SIG) return i;
  }
  return -1;
}

/** Reads the central directory. Throws ZipStructureError when the file is truncated or malformed. */
export function readZipDirectory(b: Uint8Array): ZipDirectory {
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw new ZipStructureError('no end-of-central-directory record (truncated zip)');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR_SIG) throw new ZipStructureError('ZIP64 locator missing');
    const z64 = u64(b, loc + 8);
    if (z64 + 56 > b.length || u32(b, z64) !== ZIP64_EOCD_SIG) throw new ZipStructureError('ZIP64 record missing');
    count = u64(b, z64 + 32);
    cdSize = u64(b, z64 + 40);
    cdOffset = u64(b, z64 + 48);
  }
  if (count > MAX_ENTRIES) throw new ZipStructureError(`too many entries (${count})`);
  if (cdOffset + cdSize > b.length) throw new ZipStructureError('central directory lies beyond the end of the file');

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let p = cdOffset;
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL_SIG) throw new ZipStructureError(`central directory entry ${i} is damaged`);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let declaredSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    // Names we look for are ASCII; UTF-8 (flag bit 11) and CP437 agree on ASCII.
    const name = utf8.decode(nameBytes);
    // ZIP64 extended sizes: the extra field 0x0001 holds, in order, only the values set to 0xFFFFFFFF.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const size = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (declaredSize === 0xffffffff) { declaredSize = u64(b, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(b, q); q += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(b, q); }
      }
      e += 4 + size;
    }
    if (localHeaderOffset + 30 > b.length || u32(b, localHeaderOffset) !== LOCAL_SIG) {
      throw new ZipStructureError(`entry ${name} points outside the file`);
    }
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset, flags });
    declaredTotal += declaredSize;
    p = extraEnd + commentLen;
  }
  return { entries, declaredTotal };
}

/** The compressed bytes of an entry, located through its local header. */
export function entryData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const o = entry.localHeaderOffset;
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new ZipStructureError(`entry ${entry.name} is cut off (truncated zip)`);
  return b.subarray(start, end);
}

const CHUNK = 16 * 1024;

/**
 * The most a deflate stream of `compressed` bytes can expand to: one bit each for a length code of
 * 258 bytes and its distance code gives at most 1032 bytes per input byte (RFC 1951), plus slack.
 */
function maxInflated(compressed: number): number {
  return compressed * 1032 + 1024;
}

/**
 * Inflates every entry, counting the real output, and stops as soon as the total exceeds `budget`
 * (declared sizes can lie). Keeps what it inflates: the parts of the package by name, so the
 * parser does not unzip the file a second time. Entries of other methods and encrypted ones are
 * left out (the caller refuses those files before parsing).
 */
export function inflateWithin(b: Uint8Array, dir: ZipDirectory, budget: number): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of dir.entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.method === 0) {
      total += entry.compressedSize;
      if (total > budget) throw new ZipBudgetError(total);
      parts.set(entry.name, entryData(b, entry));
      continue;
    }
    if (entry.method !== 8 || entry.flags & 1) continue;
    const data = entryData(b, entry);
    if (total + maxInflated(data.length) <= budget) {
      // Even fully expanded this entry stays within the budget: inflate it in one go.
      let out: Uint8Array;
      try {
        // Into a buffer of the declared size plus one byte: when that last byte gets used, the
        // declared size was wrong and the entry is inflated again into a growing buffer.
        const sized = entry.declaredSize <= maxInflated(data.length) ? inflateSync(data, { out: new Uint8Array(entry.declaredSize + 1) }) : null;
        out = sized && sized.length <= entry.declaredSize ? sized : inflateSync(data);
      } catch (err) {
        throw new ZipStructureError(`entry ${entry.name} cannot be inflated (${(err as Error).message})`);
      }
      total += out.length;
      parts.set(entry.name, out);
      continue;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (total > budget) over = true;
      else chunks.push(chunk);
    });
    try {
      for (let i = 0; i < data.length && !over; i += CHUNK) {
        inflater.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
      }
    } catch (err) {
      throw new ZipStructureError(`entry ${entry.name} cannot be inflated (${(err as Error).message})`);
    }
    if (over) throw new ZipBudgetError(total);
    if (chunks.length === 1) {
      parts.set(entry.name, chunks[0]);
    } else {
      const out = new Uint8Array(size);
      let o = 0;
      for (const c of chunks) {
        out.set(c, o);
        o += c.length;
      }
      parts.set(entry.name, out);
    }
  }
  return parts;
}

/** Inflates one small entry (e.g. a manifest) to text, refusing anything over `limit` bytes. */
export function readSmallEntry(b: Uint8Array, entry: ZipEntry, limit: number): string {
  const data = entryData(b, entry);
  if (entry.method === 0) return new TextDecoder('utf-8').decode(data.subarray(0, limit));
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= limit) parts.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch (err) {
    throw new ZipStructureError(`entry ${entry.name} cannot be inflated (${(err as Error).message})`);
  }
  const out = new Uint8Array(Math.min(size, limit));
  let o = 0;
  for (const part of parts) {
    const n = Math.min(part.length, out.length - o);
    out.set(part.subarray(0, n), o);
    o += n;
  }
  return new TextDecoder('utf-8').decode(out);
}
