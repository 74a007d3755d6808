/**
 * UTF-8 and UTF-16 decoding as the WHATWG Encoding Standard defines it (invalid sequences become
 * U+FFFD, or a TypeError when `fatal`), for engines without TextDecoder (Trident). Strings are built
 * in slices so a large XML part does not exceed the argument limit of String.fromCharCode.
 */

const REPLACEMENT = 0xfffd;
const SLICE = 8192;

function flush(out: string[], units: number[]): void {
  out.push(String.fromCharCode.apply(null, units));
  units.length = 0;
}

/** Decodes UTF-8 bytes; `fatal` throws a TypeError on the first malformed sequence instead of U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, fatal = false): string {
  const out: string[] = [];
  const units: number[] = [];
  const bad = (): void => {
    if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
    units.push(REPLACEMENT);
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      units.push(b);
      i += 1;
    } else {
      // Expected length and the allowed range of the second byte (no overlongs, no surrogates, ≤ U+10FFFF).
      let need = 0;
      let lo = 0x80;
      let hi = 0xbf;
      let cp = 0;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
      if (need === 0) {
        bad();
        i += 1;
      } else {
        let j = 1;
        for (; j <= need; j++) {
          const c = bytes[i + j];
          const min = j === 1 ? lo : 0x80;
          const max = j === 1 ? hi : 0xbf;
          if (c === undefined || c < min || c > max) break;
          cp = (cp << 6) | (c & 0x3f);
        }
        if (j <= need) {
          // A truncated or broken sequence is one U+FFFD; decoding resumes at the byte that broke it.
          bad();
          i += j;
        } else {
          i += need + 1;
          if (cp >= 0x10000) {
            cp -= 0x10000;
            units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
          } else units.push(cp);
        }
      }
    }
    if (units.length >= SLICE) flush(out, units);
  }
  flush(out, units);
  return out.join('');
}

/** Decodes UTF-16 (little-endian unless `bigEndian`); an odd last byte becomes U+FFFD. */
export function decodeUtf16(bytes: Uint8Array, bigEndian = false): string {
  const out: string[] = [];
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    units.push(bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8));
    if (units.length >= SLICE) flush(out, units);
  }
  if (bytes.length % 2 === 1) units.push(REPLACEMENT);
  flush(out, units);
  return out.join('');
}
