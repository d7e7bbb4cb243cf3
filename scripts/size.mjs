// Prints min / gzip / brotli bytes of the script-tag file and fails above the gzip budget.
// Bytes are deterministic for a given build, so this runs in CI. `--budget N` overrides the budget (CI uses it to
// prove the failure path); `--file F` measures another file.
//
// The budget is 22,000 bytes gzip for the whole script-tag file (issue 2), Lit and zod included. Anything that
// adds bytes must take as many out elsewhere (README "Size" says where they are and how to measure).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const GZIP_BUDGET = 22_000;

export function measure(file) {
  const bytes = readFileSync(file);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? fallback : process.argv[i + 1];
  };
  const file = arg('--file', 'dist/cobrowse-widget.min.js');
  const budget = Number(arg('--budget', GZIP_BUDGET));
  let sizes;
  try {
    sizes = measure(file);
  } catch {
    console.error(`size: ${file} not found: run npm run build first`);
    process.exit(1);
  }
  console.log(`${file}: min ${sizes.min} B, gzip ${sizes.gzip} B, brotli ${sizes.brotli} B (gzip budget ${budget} B)`);
  if (sizes.gzip > budget) {
    console.error(`size: FAIL: gzip ${sizes.gzip} B is over the budget of ${budget} B by ${sizes.gzip - budget} B`);
    process.exit(1);
  }
}
