import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { listOperations, loadBundledSpec } from '@myreports/pbx-fixtures';
import { type DocsBrowser, openDocs } from './support/browser.js';
import { operationRoute } from './support/routes.js';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const pageUrl = pathToFileURL(join(docsDir, 'dist', 'index.html')).href;
const resultsDir = join(docsDir, 'test-results');
const spec = loadBundledSpec();
const operations = listOperations(spec);
const operationSummary = (id: string): string => String(operations.find((operation) => operation.operationId === id)?.object.summary);
const WIDTHS = [1440, 1280, 768, 390] as const;
const GUIDES = ['getting-started', 'envelopes-and-errors', 'profile-types', 'profile-types/kazoo-profiles', 'profile-types/3cx-profiles', 'quirks-and-warnings'];

/** Opens a route of the page (its hash) and waits until its section is drawn (the page may scroll to it later). */
async function show(page: Page, route: string): Promise<void> {
  await page.goto(`${pageUrl}#/${route}`);
  await page.locator(`[id="${route}"]`).first().waitFor();
}

/** Whether the element is drawn wholly inside the window (900 px high). */
const isInWindow = async (element: Locator): Promise<boolean> => {
  const box = await element.boundingBox();
  const { width } = element.page().viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= 900 && box.x >= 0 && box.x + box.width <= width;
};

/** How far the page is wider than the window (0 when it fits). */
const overflow = (page: Page): Promise<number> => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;

const GUIDE_TABLES = '[data-component-name="Markdown/Markdown"] table';

/** Words (runs without a space) under the selector that the browser laid out on more than one line: "connectio / n". */
const brokenWords = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((element) => element.offsetParent !== null).flatMap((element) => {
    const broken = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  })`) as Promise<string[]>;

/**
 * Guide tables that cannot be read whole: wider inside than they show (they scroll, or Redoc's
 * overflow: hidden cuts them), or reaching out of their column.
 */
const unreadableTables = (page: Page): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll(${JSON.stringify(GUIDE_TABLES)})].filter((table) => table.offsetParent !== null).flatMap((table) => {
    const column = table.closest('[data-component-name="Markdown/Markdown"]').getBoundingClientRect();
    const box = table.getBoundingClientRect();
    const name = JSON.stringify(table.textContent.slice(0, 30));
    return [table, table.parentElement].filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => \`table \${name}: \${element.scrollWidth} px wide inside \${element.clientWidth} px\`)
      .concat(box.left < column.left - 1 || box.right > column.right + 1 ? [\`table \${name}: \${Math.round(box.width)} px in a \${Math.round(column.width)} px column\`] : []);
  })`) as Promise<string[]>;

/** Cells of the guides' tables whose content is cut: wider than the cell shows. */
const clippedCells = (page: Page): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll('${GUIDE_TABLES} td, ${GUIDE_TABLES} th')]
    .filter((cell) => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent.slice(0, 40))`) as Promise<string[]>;

describe.each(WIDTHS)('the page at %i px wide', (width) => {
  let browser: DocsBrowser;

  beforeAll(async () => {
    mkdirSync(resultsDir, { recursive: true });
    browser = await openDocs(pageUrl);
    await browser.page.setViewportSize({ width, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no horizontal overflow, shows each guide table whole in its column, breaks no word in a guide table nor a heading', async () => {
    const { page } = browser;
    const problems: string[] = [];
    for (const route of GUIDES) {
      await show(page, route);
      if ((await overflow(page)) > 0) problems.push(`${route}: ${await overflow(page)} px too wide`);
      for (const table of await unreadableTables(page)) problems.push(`${route}: ${table}`);
      for (const word of await brokenWords(page, `${GUIDE_TABLES} :is(td, th)`)) problems.push(`${route}: table word ${word} broken across lines`);
      for (const word of await brokenWords(page, 'h1, h2, h3')) problems.push(`${route}: heading word ${word} broken across lines`);
      for (const cell of await clippedCells(page)) problems.push(`${route}: table cell "${cell}" clipped`);
    }
    for (const operation of operations) {
      await show(page, operationRoute(operation));
      if ((await overflow(page)) > 0) problems.push(`${operation.operationId}: ${await overflow(page)} px too wide`);
    }
    expect(problems).toEqual([]);
    // The measure saw tables, identifiers in them and code with spaces: the guides have each.
    expect(await page.locator(`${GUIDE_TABLES} code[data-word]`).count()).toBeGreaterThan(0);
    expect(await page.locator(`${GUIDE_TABLES} code:not([data-word])`).count()).toBeGreaterThan(0);
  });

  it('shows a guide table as a table where it fits, else each row as lines labelled with their column', async () => {
    const { page } = browser;
    await show(page, 'profile-types/kazoo-profiles');
    const selector = `[id="profile-types/kazoo-profiles"] ${GUIDE_TABLES}`;
    const headers = await page.locator(selector).first().locator('th').allTextContents();
    expect(headers).toEqual(['Field', 'Type', 'Create', 'Description']);
    // How the table is laid out, then what each cell of its first row shows before its content.
    const shown = (await page.evaluate(`(() => {
      const table = document.querySelector(${JSON.stringify(selector)});
      return [getComputedStyle(table).display, ...[...table.querySelector('tbody tr').children].map((cell) => getComputedStyle(cell, '::before').content)];
    })()`)) as string[];
    // 1280 px and wider: the guide has the whole row; a tablet or a phone: the rows are stacked.
    if (width >= 1280) expect(shown).toEqual(['table', 'none', 'none', 'none', 'none']);
    else expect(shown).toEqual(['block', ...headers.map((header) => JSON.stringify(`${header}: `))]);
  });

  it('keeps every code line clear of the copy button', async () => {
    const { page } = browser;
    await show(page, 'pbx-connection-profiles/createpbxconnectionprofile');
    await show(page, 'getting-started');
    const covered = (await page.evaluate(`[...document.querySelectorAll('pre[data-testid="source-code"]')].flatMap((pre) => {
      const button = pre.parentElement.querySelector('.code-block-header [data-testid="copy-button"]');
      if (!button || !button.getClientRects().length) return [];
      const b = button.getBoundingClientRect();
      return [...pre.querySelectorAll('.th-line')].filter((line) => {
        const l = line.getBoundingClientRect();
        return l.top < b.bottom && l.bottom > b.top && l.left < b.right && l.right > b.left && line.textContent.trim() !== '';
      }).map((line) => line.textContent.slice(0, 40));
    })`)) as string[];
    expect(covered).toEqual([]);
  });

  // The screenshots are for people (test-results/); what is asserted is what they should show: the
  // section asked for at the top of the window under its own heading, the sidebar beside the
  // content on a wide window and folded away on a phone.
  it('opens the overview, the profile types guide and create at their heading, the sidebar beside or folded', async () => {
    const { page } = browser;
    await page.goto(pageUrl);
    const title = page.locator('h1').first();
    await title.waitFor();
    const { title: name, version } = spec['info'] as { title: string; version: string };
    expect(await title.innerText()).toBe(`${name} (${version})`);
    expect(await isInWindow(title)).toBe(true);
    await page.screenshot({ path: join(resultsDir, `overview-${width}.png`) });
    for (const [route, heading, file] of [
      ['profile-types', 'Profile types', 'profile-types'],
      ['pbx-connection-profiles/createpbxconnectionprofile', operationSummary('createPbxConnectionProfile'), 'create'],
    ] as const) {
      await show(page, route);
      const section = page.locator(`[id="${route}"]`).first();
      // The page scrolls to the section once it has drawn it: wait for the scroll, not for an amount of time.
      await expect.poll(async () => Math.abs((await section.boundingBox())!.y), { message: route }).toBeLessThanOrEqual(2);
      const box = (await section.boundingBox())!;
      // 390 px: the content takes the whole width; from 768 px (a tablet) the sidebar is beside it.
      if (width < 768) expect(box.x, route).toBe(0);
      else expect(box.x, route).toBeGreaterThan(200);
      const head = section.locator('h1, h2').first();
      expect(await head.innerText()).toBe(heading);
      expect(await isInWindow(head)).toBe(true);
      await page.screenshot({ path: join(resultsDir, `${file}-${width}.png`) });
    }
  });
});

describe('the schemas as Redoc names them', () => {
  let browser: DocsBrowser;

  beforeAll(async () => {
    browser = await openDocs(pageUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('name every shape: no "any" label in any operation', async () => {
    const { page } = browser;
    for (const operation of operations) {
      const { operationId } = operation;
      const route = operationRoute(operation);
      await show(page, route);
      const text = await page.locator(`[id="${route}"]`).innerText();
      expect(text, operationId).not.toMatch(/Array of any|\(any\)|^any$/m);
    }
  });

  it("describe each variant's _type by that variant, under its own tab", async () => {
    const { page } = browser;
    const route = 'pbx-connection-profiles/createpbxconnectionprofile';
    await show(page, route);
    const section = page.locator(`[id="${route}"]`);
    for (const [type, pbx, other] of [['ThreeCxConnectionProfile', '3CX', 'Kazoo'], ['KazooPbxConnectionProfile', 'Kazoo', '3CX']] as const) {
      await section.getByRole('tab', { name: type, exact: true }).first().click();
      await expect.poll(() => section.getByRole('tab', { name: type, exact: true }).first().getAttribute('aria-selected')).toBe('true');
      // The body's first field: `_type`, its type line, then its description paragraph.
      const body = await section.innerText();
      const text = body.slice(body.indexOf('\n_type\n')).split('\n\n')[1] ?? '';
      expect(text.startsWith(type), JSON.stringify(body.slice(body.indexOf('\n_type\n'), body.indexOf('\n_type\n') + 200))).toBe(true);
      expect(text).toContain(pbx);
      expect(text).not.toContain(other);
    }
  });

  it('show a decided element with its decision and its vendor source, beside its description', async () => {
    const { page } = browser;
    const spec = loadBundledSpec();
    const decision = (spec.components.schemas['CountryCode'] as { 'x-decision': string })['x-decision'];
    const route = 'pbx-connection-profiles/createpbxconnectionprofile';
    await show(page, route);
    const field = page.locator(`[id="${route}"] [id$="/countrycode"], [id="${route}"] [id$="/countryCode"]`).filter({ visible: true }).first();
    const text = await field.innerText();
    expect(text).toContain(`Decision: ${decision.split('\n')[0]?.slice(0, 40)}`);
    expect(text).toContain('Vendor source:');
  });

  it('render the generated Decisions section of the quirks guide, one entry per decision', async () => {
    const { page } = browser;
    const route = "quirks-and-warnings/decisions-where-the-vendor's-pages-are-silent";
    await show(page, route);
    const section = page.locator(`[id="${route}"]`).first();
    const text = await section.innerText();
    expect(text).toContain('operation listPbxConnectionProfiles');
    // As many entries on the page as the bundle-time list has in the guide's Markdown.
    const guide = ((loadBundledSpec()['tags'] as { name: string; description: string }[]).find((tag) => tag.name === 'Quirks and warnings')?.description ?? '');
    const entries = guide.slice(guide.indexOf('## Decisions')).match(/^- \*\*/gm)?.length ?? 0;
    expect(entries).toBeGreaterThan(10);
    expect(await section.locator('li').count()).toBe(entries);
  });

  it('space the words of search snippets where the Markdown source breaks its lines', async () => {
    const { page } = browser;
    await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
    await page.getByPlaceholder('Search docs...').fill('collector');
    const hits = page.locator('[data-component-name="Search/SearchItem"]');
    await hits.first().waitFor();
    const text = (await hits.allInnerTexts()).join('\n');
    // quirks-and-warnings.md breaks "may be" / "lost" across two lines.
    expect(text).toContain('may be lost');
    expect(text).not.toMatch(/belost|avoidworking|truestarts|patchother/);
    await page.keyboard.press('Escape');
  });
});
