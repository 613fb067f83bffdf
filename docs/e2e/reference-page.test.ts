import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { serveDocs } from '../src/serve.js';
import { type AxeFinding, REDOC_FINDINGS, scanPage } from './support/axe.js';
import { type DocsBrowser, openDocs } from './support/browser.js';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const pageFile = join(docsDir, 'dist', 'index.html');
const resultsDir = join(docsDir, 'test-results');
const spec = loadBundledSpec();
const operations = listOperations(spec);

interface SchemaObject {
  properties?: Record<string, unknown>;
  oneOf?: { $ref: string }[];
  discriminator?: { mapping: Record<string, string> };
}
const schemaAt = (ref: string): SchemaObject =>
  spec.components.schemas[ref.replace('#/components/schemas/', '')] as SchemaObject;

/** The `_type` tabs of create, from the spec: tab name → the fields Redoc must show under it. */
const createVariants = (() => {
  const body = operations.find(({ operationId }) => operationId === 'createPbxConnectionProfile')?.requestSchema('application/json') as { $ref: string };
  const { mapping } = schemaAt(body.$ref).discriminator ?? { mapping: {} };
  return Object.entries(mapping).map(([type, ref]) => ({
    type,
    fields: Object.keys(schemaAt(ref).properties ?? {}).filter((field) => field !== '_type'),
  }));
})();

const summaryOf = (operation: object): string => (operation as { summary: string }).summary;
const tagOf = (operation: { object: object }): string => String((operation.object as { tags?: string[] }).tags?.[0]);

const sectionOf = (page: Page, operationId: string): Locator =>
  page.locator(`[id$="/${operationId.toLowerCase()}"]`).first();

const menuItem = (page: Page, text: string | RegExp): Locator =>
  page.locator('[data-component-name="Menu/MenuItem"]', { hasText: text }).first();

/** Opens an operation from the sidebar, as a reader would, and waits until its section is drawn. */
async function openOperation(page: Page, summary: string, operationId: string): Promise<Locator> {
  // The operation's own entry: a group's entry contains the text of its children too.
  const entry = page.locator('.menu-item-type-operation', { hasText: summary }).first();
  const tag = tagOf(operations.find((operation) => operation.operationId === operationId)!);
  if (!(await entry.isVisible())) await menuItem(page, new RegExp(`^${tag}$`)).click();
  await entry.click();
  const section = sectionOf(page, operationId);
  await section.waitFor({ state: 'attached' });
  await section.scrollIntoViewIfNeeded();
  await section.waitFor();
  return section;
}

/** Request body fields Redoc shows for the selected `_type` tab (its field anchors, lower-cased). */
async function visibleBodyFields(section: Locator): Promise<string[]> {
  const ids = await section.locator('[id*="t=request&path=&d="]').evaluateAll((elements) =>
    elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => element.id),
  );
  return ids.map((id) => id.slice(id.lastIndexOf('/') + 1)).sort();
}

describe('the reference page, opened from disk in Chromium with every other host blocked', () => {
  let browser: DocsBrowser;
  const findings: Record<string, AxeFinding[]> = {};

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    browser = await openDocs(pathToFileURL(pageFile).href);
  });

  afterAll(async () => {
    writeFileSync(join(resultsDir, 'axe.json'), `${JSON.stringify(findings, null, 2)}\n`);
    await browser?.close();
  });

  it('shows the overview and the guides, and saves a screenshot of it', async () => {
    const { page } = browser;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain(String((spec['info'] as { title: string }).title));
    for (const guide of ['Getting started', 'From a token to a collecting PBX', 'Envelopes and errors', 'Profile types', 'Quirks and warnings', 'Checking an implementation', 'Changelog']) {
      expect(await page.locator('[data-component-name="Menu/MenuItem"]', { hasText: guide }).count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: join(resultsDir, 'overview.png') });
    findings['overview'] = await scanPage(page);
  });

  it('renders the profile types guide with its table of types and fields', async () => {
    const { page } = browser;
    await menuItem(page, /^Profile types$/).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/profile-types');
    // Redoc draws the sections near the viewport only: open each part of the guide from the sidebar.
    await page.locator('table', { hasText: 'Settings' }).first().waitFor();
    for (const { type } of createVariants) {
      expect(await page.getByRole('cell', { name: type, exact: true }).count()).toBe(1);
    }
    const guideSections = { 'Kazoo profiles': createVariants[0]?.fields ?? [], '3CX profiles': createVariants[1]?.fields ?? [] };
    for (const [heading, fields] of Object.entries(guideSections)) {
      await menuItem(page, heading).click();
      const table = page
        .locator('table')
        .filter({ has: page.getByRole('columnheader', { name: 'Create' }) })
        .filter({ hasText: fields[fields.length - 1] ?? heading })
        .first();
      await table.waitFor();
      const rows = await table.locator('tbody tr td:first-child').allTextContents();
      // Every setting of the type is in its table (the common ones in theirs): the guide cannot fall behind the schema.
      expect(rows).toEqual(expect.arrayContaining(fields.filter((field) => !['name', 'countryCode'].includes(field))));
    }
    findings['profile types guide'] = await scanPage(page);
  });

  it('renders every operation of the bundled spec, with its method and path', async () => {
    const { page } = browser;
    expect(operations.length).toBeGreaterThan(0);
    for (const { method, path, operationId, object } of operations) {
      const summary = summaryOf(object);
      const section = await openOperation(page, summary, operationId);
      expect((await section.textContent()) ?? '').toContain(summary);
      expect((await section.textContent()) ?? '').toContain(path);
      expect(((await section.textContent()) ?? '').toLowerCase()).toContain(method.toLowerCase());
    }
    // Nothing more than the spec has, either: the open tag's group lists its operations and no other.
    for (const tag of new Set(operations.map(tagOf))) {
      const own = operations.filter((operation) => tagOf(operation) === tag);
      const group = page
        .locator('[data-component-name="Menu/MenuItem"]')
        .filter({ has: page.locator(':scope > a', { hasText: new RegExp(`^${tag}$`) }) });
      const entries = group.locator('.menu-item-type-operation');
      if ((await entries.count()) === 0) await group.locator(':scope > a').click();
      await entries.first().waitFor();
      expect(await entries.count(), tag).toBe(own.length);
    }
  });

  it('shows the 400, 401 and 404 responses of every operation', async () => {
    const { page } = browser;
    const responses = spec.components['responses'] as Record<string, { description: string }>;
    const expected = { '400': 'BadRequest', '401': 'Unauthorized', '404': 'NotFound' } as const;
    for (const { operationId, object, responses: documented } of operations) {
      const section = await openOperation(page, summaryOf(object), operationId);
      for (const [status, name] of Object.entries(expected)) {
        expect(Object.keys(documented)).toContain(status);
        await section.getByRole('tab', { name: status, exact: true }).first().click();
        const firstLine = responses[name]?.description.split('\n')[0] ?? name;
        await expect.poll(() => section.getByText(firstLine.slice(0, 40)).first().isVisible()).toBe(true);
      }
    }
  });

  it('switches the create body between the Kazoo and 3CX fields with the _type tabs, and saves both', async () => {
    const { page } = browser;
    expect(createVariants.map(({ type }) => type)).toEqual(['KazooPbxConnectionProfile', 'ThreeCxConnectionProfile']);
    const section = await openOperation(page, 'Create a profile', 'createPbxConnectionProfile');
    for (const { type, fields } of [...createVariants].reverse().concat(createVariants)) {
      const tab = section.getByRole('tab', { name: type, exact: true }).first();
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => visibleBodyFields(section)).toEqual(fields.map((field) => field.toLowerCase()).sort());
      // The tabs near the top, the fields of the type under them.
      await tab.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.mouse.wheel(0, -160);
      const name = type === 'KazooPbxConnectionProfile' ? 'create-kazoo.png' : 'create-3cx.png';
      await page.screenshot({ path: join(resultsDir, name) });
    }
    findings['create operation'] = await scanPage(page);
  });

  it('finds an operation with the search box and opens it', async () => {
    const { page } = browser;
    const target = operations.find(({ operationId }) => operationId === 'findPbxConnectionProfileByInstance');
    const summary = summaryOf(target?.object ?? {});
    const openSearch = (): Promise<void> => page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
    await openSearch();
    const input = page.getByPlaceholder('Search docs...');
    await input.fill('instance');
    const hits = page.locator('[data-component-name="Search/SearchItem"]');
    const hit = hits.filter({ hasText: summary }).first();
    await hit.waitFor();
    await hit.click();
    await sectionOf(page, 'findPbxConnectionProfileByInstance').waitFor();
    await expect.poll(() => new URL(page.url()).hash).toContain('findpbxconnectionprofilebyinstance');

    await openSearch();
    await input.fill('qzxjvw');
    await expect.poll(() => hits.filter({ hasText: summary }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('has no accessibility finding of ours; what remains is Redoc markup, listed with the reason', () => {
    const all = Object.values(findings).flat();
    expect(Object.keys(findings)).toHaveLength(3);
    expect(all.filter((finding) => finding.inOurMarkdown)).toEqual([]);
    expect([...new Set(all.map((finding) => finding.rule))].filter((rule) => !(rule in REDOC_FINDINGS))).toEqual([]);
  });

  it('logged no console error, made no request to another host and broke no content-security rule', () => {
    expect(browser.watch.errors).toEqual([]);
    expect(browser.watch.externalRequests).toEqual([]);
    expect(browser.watch.cspViolations).toEqual([]);
  });
});

describe('the checks of this suite can fail', () => {
  let browser: DocsBrowser;
  let stop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const server = await serveDocs({ port: 0 });
    stop = server.stop;
    browser = await openDocs(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await stop();
  });

  it('serves the same page over HTTP from serveDocs, with nothing from elsewhere', () => {
    expect(browser.watch.errors).toEqual([]);
    expect(browser.watch.externalRequests).toEqual([]);
  });

  it('records and blocks a request to another host', async () => {
    const other = await browser.context.newPage();
    await other.goto('https://example.com/tracker.gif').catch(() => undefined);
    await other.close();
    expect(browser.watch.externalRequests).toEqual(['https://example.com/tracker.gif']);
  });

  it('records what the page policy refuses, as a violation and a console error', async () => {
    await browser.page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://cdn.example.com/logo.svg';
      document.body.append(image);
    });
    await expect.poll(() => browser.watch.cspViolations.length).toBe(1);
    expect(browser.watch.cspViolations[0]).toContain('https://cdn.example.com/logo.svg');
    await expect.poll(() => browser.watch.errors.length).toBeGreaterThan(0);
  });

  it('attributes a finding inside our Markdown to us', async () => {
    await browser.page.evaluate(() => {
      const markdown = document.querySelector('[data-component-name="Markdown/Markdown"]');
      const faint = document.createElement('p');
      faint.textContent = 'Faint text that nobody can read.';
      faint.style.color = '#f4f4f4';
      markdown?.append(faint);
    });
    const ours = (await scanPage(browser.page)).filter((finding) => finding.inOurMarkdown);
    expect(ours.map((finding) => finding.rule)).toContain('color-contrast');
  });
});
