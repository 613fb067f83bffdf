// The published packages are ES modules. CommonJS code can `require()` them wherever Node loads ES
// modules synchronously (`process.features.require_module`: Node 20.19+, 22.12+, 24 and later);
// on older Node it gets ERR_REQUIRE_ESM. Each package's README says so; this proves it on the Node
// that runs the test, so CI proves it on every line it runs.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLISHABLE } from '../src/publishable.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const requireModule = (process.features as { require_module?: boolean }).require_module === true;

/** Runs `require(specifier)` in a CommonJS script at the repository root with this Node. */
function requireFromCommonJs(specifier: string): { status: number | null; output: string } {
  const script = `const loaded = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(loaded)));`;
  const result = spawnSync(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** One name each package with code must export (the types package has only an empty runtime stub). */
const MUST_EXPORT: Record<string, string | undefined> = { '@myreports/pbx-client': 'createClient', '@myreports/pbx-mock': 'startMock', '@myreports/pbx-conformance': 'runConformance' };
const entries = PUBLISHABLE.filter(({ name }) => name !== '@myreports/pbx-openapi').map(({ name }) => name);

describe(`require() from CommonJS on Node ${process.version}`, () => {
  it.each(entries)(requireModule ? '%s loads, with its exports' : '%s is refused with ERR_REQUIRE_ESM', (name) => {
    const { status, output } = requireFromCommonJs(name);
    if (requireModule) {
      expect(status, output).toBe(0);
      const exported = JSON.parse(output) as string[];
      if (MUST_EXPORT[name]) expect(exported).toContain(MUST_EXPORT[name]);
    } else {
      expect(status).not.toBe(0);
      expect(output).toContain('ERR_REQUIRE_ESM');
    }
  });

  it('@myreports/pbx-openapi/openapi.json loads on every Node (it is JSON)', () => {
    const { status, output } = requireFromCommonJs('@myreports/pbx-openapi/openapi.json');
    expect(status, output).toBe(0);
    expect(JSON.parse(output) as string[]).toEqual(expect.arrayContaining(['openapi', 'paths']));
  });
});
