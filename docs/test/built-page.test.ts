import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { CDN_LOGOS } from '../scripts/redocly-logo.js';
import { occurrences } from './support/page-facts.js';

const pagePath = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const html = readFileSync(pagePath, 'utf8');

/** Attribute values that make a browser load something as soon as the page opens. */
const loadingUrls = (page: string): string[] =>
  [...page.matchAll(/<(?:script|link|img|iframe|source|video|audio|embed)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map(
    ([, url]) => url ?? '',
  );

// The browser suite (npm run test:e2e) proves what the page loads; these checks need no browser.
describe('the built page, docs/dist/index.html', () => {
  it('is one file: no script, style or image from a URL', () => {
    expect(loadingUrls(html).filter((url) => !url.startsWith('data:') && !url.startsWith('#'))).toEqual([]);
    expect(occurrences(html, '<script type="module">'), 'inline module scripts').toBeGreaterThan(0);
  });

  it('forbids the browser to load anything from elsewhere (Content-Security-Policy)', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:');
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toMatch(/https?:/);
  });

  it("has Redoc's telemetry off, and no CDN logo left", () => {
    expect(occurrences(html, '"disableTelemetry":true'), 'disableTelemetry').toBeGreaterThan(0);
    expect(Object.keys(CDN_LOGOS).filter((url) => html.includes(url))).toEqual([]);
  });

  it('carries the whole bundled spec, code samples included', () => {
    const embedded = /const __redoc_definition = (.*);\n\s*const __redoc_options/.exec(html)?.[1];
    expect(embedded).toBeDefined();
    const definition = JSON.parse(embedded ?? '{}') as unknown;
    const operations = listOperations(loadBundledSpec());
    expect(operations.length).toBeGreaterThan(0);
    // The page shows what the package publishes: the same document, nothing dropped on the way.
    expect(definition).toEqual(loadBundledSpec());
  });

  it('weighs less than 3 MiB (a budget: Redoc and the spec inlined)', () => {
    expect(statSync(pagePath).size).toBeLessThan(3 * 1024 * 1024);
  });
});
