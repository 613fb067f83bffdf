import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { patchRedoc, REDOC_PATCHES } from '../scripts/redoc-patches.js';
import { occurrences } from './support/page-facts.js';

const builtPage = readFileSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)), 'utf8');

describe('patchRedoc', () => {
  it('is applied to the built page: every patched expression is there, none of the originals', () => {
    const counted = REDOC_PATCHES.map(({ purpose, find, replace }) => ({ purpose, patched: occurrences(builtPage, replace), original: occurrences(builtPage, find) }));
    expect(counted).toEqual(REDOC_PATCHES.map(({ purpose }) => ({ purpose, patched: 1, original: 0 })));
  });

  it('fails the build, naming the file and the purpose, when Redoc no longer has an expression', () => {
    expect(() => patchRedoc('<script>nothing of Redoc</script>')).toThrow(
      /0 copies of the expression docs\/scripts\/redoc-patches\.ts patches for the code sample of the selected request example/,
    );
  });

  it('refuses to guess when an expression appears twice, and replaces exactly the one otherwise', () => {
    const patch = { purpose: 'a test', find: 'let a=1', replace: 'let a=2' };
    expect(() => patchRedoc('let a=1;let a=1', [patch])).toThrow(/2 copies .* for a test/);
    expect(patchRedoc('x;let a=1;y', [patch])).toBe('x;let a=2;y');
  });
});
