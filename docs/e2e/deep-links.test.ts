import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { type DocsServer, serveDocs } from '../src/serve.js';
import { type DocsBrowser, openDocs } from './support/browser.js';
import { openFreshPage, routeOf, sidebarLinks } from './support/served-page.js';
import { operationRoute } from './support/routes.js';

/** How long one fresh page may take to show its section before it counts as failed. */
const PAGE_GUARD = 120_000;
/** The sidebar has an entry per operation and about a dozen guides and guide sections; each opens twice. */
const operationCount = listOperations(loadBundledSpec()).length;

/** The section the route names is on screen: its element exists and its top lies in the viewport. */
async function sectionOnScreen(page: Page, route: string): Promise<boolean> {
  if (route === '') return page.getByRole('heading', { level: 1 }).first().isVisible();
  const section = page.locator(`[id="${route}"]`).first();
  if ((await section.count()) === 0) return false;
  const box = await section.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= -2 && box.y < height / 2;
}

// Served over HTTP as `npm start` does: the links must open in a new tab and survive a reload.
describe('every link of the page, opened in a fresh page from the docs server', () => {
  let docs: DocsServer;
  let browser: DocsBrowser;
  let links: string[];

  beforeAll(async () => {
    docs = await serveDocs({ port: 0 });
    browser = await openDocs(docs.url);
    links = await sidebarLinks(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await docs?.stop();
  });

  it('finds every guide, guide section and operation in the sidebar', () => {
    const routes = links.map(routeOf);
    for (const guide of ['getting-started', 'envelopes-and-errors', 'profile-types', 'quirks-and-warnings', 'profile-types/3cx-profiles']) {
      expect(routes).toContain(guide);
    }
    for (const operation of listOperations(loadBundledSpec())) expect(routes).toContain(operationRoute(operation));
  });

  it('opens each entry at its section, from its link and from the plain path', async () => {
    const failures: string[] = [];
    // The link as the page names it, and the plain path its pre-rendered links name (a new tab, a reload).
    const urls = links.flatMap((href) => [...new Set([new URL(href, docs.url).href, new URL(`/${routeOf(href)}`, docs.url).href])].map((url) => ({ url, route: routeOf(href) })));
    const open = async ({ url, route }: { url: string; route: string }): Promise<void> => {
      const page = await openFreshPage(browser.context, url);
      try {
        // A hang guard, not a speed limit: a busy machine takes seconds to parse the page.
        await expect.poll(() => sectionOnScreen(page, route), { timeout: PAGE_GUARD }).toBe(true);
      } catch {
        failures.push(`${url} did not show ${route || 'the overview'}`);
      }
      await page.close();
    };
    // A few pages at a time: each parses the whole 2.6 MB page.
    for (let start = 0; start < urls.length; start += 3) await Promise.all(urls.slice(start, start + 3).map(open));
    expect(failures).toEqual([]);
  }, (operationCount + 20) * 2 * PAGE_GUARD);

  it('reloads on a section and stays there', async () => {
    const page = await openFreshPage(browser.context, new URL('/profile-types/kazoo-profiles', docs.url).href);
    const hydrated = page.waitForEvent('console', { predicate: (message) => message.text().includes('Redoc') });
    await page.reload();
    await hydrated;
    await expect.poll(() => sectionOnScreen(page, 'profile-types/kazoo-profiles')).toBe(true);
    await page.close();
  });

  it('still answers 404 to an asset that does not exist', async () => {
    for (const path of ['/favicon.ico', '/assets/redoc.js', '/getting-started.html']) {
      expect((await fetch(new URL(path, docs.url))).status, path).toBe(404);
    }
  });

  it('made no request to another host and logged no error', () => {
    expect(browser.watch.externalRequests).toEqual([]);
    expect(browser.watch.errors).toEqual([]);
  });
});
