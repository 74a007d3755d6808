/**
 * Defers SheetJS's codepage tables (xlsx/dist/cpexcel.js, about half of SheetJS's load time) until
 * something asks for them. The CommonJS build of SheetJS requires the tables as it loads, but only
 * legacy .xls files (and a few other old formats) decode text through them; .xlsx, .xlsm and .ods
 * never do. A stand-in module is put in Node's module cache under the tables' path: SheetJS keeps
 * it as its codepage object, and the first property read loads the real tables and answers from
 * them. Must be imported before anything imports 'xlsx' (the CLI's entry points do so first).
 */
import { dirname, join } from 'node:path';
import Module from 'node:module';

let loaded: Record<string | symbol, unknown> | null = null;

/** Whether the real tables have been loaded (tests look at it). */
export function codepagesLoaded(): boolean {
  return loaded !== null;
}

function install(): void {
  let tablesPath: string;
  try {
    tablesPath = join(dirname(require.resolve('xlsx')), 'dist', 'cpexcel.js');
  } catch {
    return; // no SheetJS to defer for
  }
  if (require.cache[tablesPath]) return; // already loaded: nothing to gain
  const real = (): Record<string | symbol, unknown> => {
    if (loaded === null) {
      delete require.cache[tablesPath];
      loaded = require(tablesPath) as Record<string | symbol, unknown>;
    }
    return loaded;
  };
  const stub = new Module(tablesPath);
  stub.filename = tablesPath;
  stub.loaded = true;
  stub.exports = new Proxy(
    {},
    {
      get: (_t, key) => real()[key],
      has: (_t, key) => key in real(),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Object.getOwnPropertyDescriptor(real(), key);
        return d ? { ...d, configurable: true } : undefined;
      },
    },
  );
  require.cache[tablesPath] = stub;
}

install();
