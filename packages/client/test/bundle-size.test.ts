// The size budget of the client in a browser app: bundled by esbuild with openapi-fetch, minified,
// gzipped. `npm run bench` prints the same figures; this test fails the build when they exceed the budget.
import { describe, expect, test } from 'vitest';
import { BUDGET_BYTES, PROFILES_BUDGET_BYTES, measureBundle } from '../bench/measure-bundle.js';

describe('browser bundle', () => {
  test('every export, openapi-fetch included, is within the budget (8 kB) minified and gzipped', async () => {
    const { gzipped } = await measureBundle();
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  test('an app that imports only the profile operations is within 7 kB, and leaves the other resources out', async () => {
    const { profilesOnly, gzipped } = await measureBundle();
    expect(profilesOnly.gzipped).toBeLessThanOrEqual(PROFILES_BUDGET_BYTES);
    expect(profilesOnly.gzipped).toBeLessThan(gzipped);
    const code = new TextDecoder().decode(profilesOnly.code);
    expect(code).toContain('/pbxs/{pbxId}');
    expect(code).not.toContain('/users/{userId}');
    expect(code).not.toContain('/metrics');
  });

  test('the measure is real: it counts openapi-fetch and the client code', async () => {
    const { gzipped, minified, bareOpenapiFetch, code } = await measureBundle();
    expect(bareOpenapiFetch.gzipped).toBeGreaterThan(1_000);
    expect(gzipped).toBeGreaterThan(bareOpenapiFetch.gzipped);
    expect(minified).toBeGreaterThan(gzipped);
    expect(new TextDecoder().decode(code)).toContain('myreports.cloud');
  });

  test('has no Node-only import in the runtime path', async () => {
    const { code } = await measureBundle();
    expect(new TextDecoder().decode(code)).not.toMatch(/\bfrom\s*"node:|require\(|process\.env/);
  });
});
