// CommonJS packages loaded as what they are. Imported from an ES module, a CommonJS package's source
// is first scanned by Node's cjs-module-lexer for its named exports (and, when its package.json has
// no "type", run through syntax detection). Measured in CPU per process and per pool worker
// (median of 5): saxes 15 → 4 ms, yauzl 15 → 5 ms, fontoxpath 100–300 → 35–55 ms. Required, each
// is only compiled. Types come from `import type` of the same package.
import { createRequire } from 'node:module';

/** `require` resolving packages as an import from segur's own files would. */
export const requireCjs = createRequire(import.meta.url);
