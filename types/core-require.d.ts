/**
 * The one Node-ism the core may use: `require` to load a module lazily (bundlers resolve it too).
 * Only tsconfig.core.json includes this; everything else of Node stays out of the core's build.
 */
declare function require(id: string): unknown;
