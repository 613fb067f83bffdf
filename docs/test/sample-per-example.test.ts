import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { showSamplePerExample } from '../scripts/sample-per-example.js';

const builtPage = readFileSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)), 'utf8');

describe('showSamplePerExample', () => {
  it('is applied to the built page: the sample panel picks by the selected example', () => {
    expect(builtPage).toContain('e=s[w]??s[0];return e?e.source');
    expect(builtPage).not.toContain('let e=O?.find(e=>Dj(e)===ee);return e?e.source');
  });

  it('fails the build, naming the file to update, when Redoc no longer has the expression', () => {
    expect(() => showSamplePerExample('<script>nothing of Redoc</script>')).toThrow(/0 copies .*docs\/scripts\/sample-per-example\.ts/);
  });

  it('refuses to guess when the expression appears twice', () => {
    const once = 'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let e=O?.find(e=>Dj(e)===ee);return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n])';
    expect(() => showSamplePerExample(once + once)).toThrow(/2 copies/);
    expect(showSamplePerExample(`a${once}b`)).toMatch(/^a.*,\[ee,O,n,w\]\)b$/);
  });
});
