/**
 * Built-ins the task pane needs in Trident (the IE 11 engine of Office 2016/2019), loaded before
 * anything else in the bundle.
 *
 * Babel adds core-js polyfills for the built-ins each module uses (useBuiltIns: 'usage'); the few
 * imported here by name are the ones it cannot see: the webpack runtime loads lazy chunks with
 * Promise, and `for…of` over Map/Set entries needs Symbol.iterator and the array iterators.
 * core-js has no TextDecoder, so a small UTF-8/UTF-16 one is installed when the engine lacks it
 * (the workbook reader of the 汇总 tab decodes zip entry names and XML with it), and a small UTF-8
 * TextEncoder likewise (the `docx` package of 生成年度报告 encodes every part of the document with it).
 */
import 'core-js/stable/promise';
import 'core-js/stable/symbol';
import 'core-js/stable/array/iterator';
import 'core-js/stable/map';
import 'core-js/stable/set';
import 'core-js/stable/weak-map';
import { decodeUtf16, decodeUtf8 } from './text-decoder';
import { SmallTextEncoder } from './text-encoder';

interface DecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

/** The subset of TextDecoder the project uses: decode(bytes) for utf-8, utf-16le and utf-16be. */
class SmallTextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;

  constructor(label = 'utf-8', options: DecoderOptions = {}) {
    const enc = String(label).trim().toLowerCase();
    if (enc === 'utf-8' || enc === 'utf8' || enc === 'unicode-1-1-utf-8') this.encoding = 'utf-8';
    else if (enc === 'utf-16le' || enc === 'utf-16') this.encoding = 'utf-16le';
    else if (enc === 'utf-16be') this.encoding = 'utf-16be';
    // Same error as the real TextDecoder for an encoding it does not know (gb18030 is not needed in the pane).
    else throw new RangeError(`The encoding label provided ('${label}') is invalid.`);
    this.fatal = Boolean(options.fatal);
    this.ignoreBOM = Boolean(options.ignoreBOM);
  }

  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (!input) return '';
    const bytes =
      input instanceof Uint8Array
        ? input
        : ArrayBuffer.isView(input)
          ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
    const text = this.encoding === 'utf-8' ? decodeUtf8(bytes, this.fatal) : decodeUtf16(bytes, this.encoding === 'utf-16be');
    return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

const g = (typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : window) as unknown as {
  TextDecoder?: unknown;
  TextEncoder?: unknown;
};
if (typeof g.TextDecoder !== 'function') g.TextDecoder = SmallTextDecoder;
if (typeof g.TextEncoder !== 'function') g.TextEncoder = SmallTextEncoder;
