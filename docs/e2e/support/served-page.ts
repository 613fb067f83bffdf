import type { BrowserContext, Page } from 'playwright-core';

/** Opens `url` in a new page of the context, as a new tab would (the page arrives pre-rendered, then Redoc hydrates it). */
export async function openFreshPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor({ state: 'attached' });
  return page;
}

/**
 * Every entry of the sidebar, as its link names it (`/getting-started`, `#/profile-types/kazoo-profiles`):
 * the groups open one at a time, so each is clicked open and its children collected.
 */
export async function sidebarLinks(page: Page): Promise<string[]> {
  const links = (): Promise<string[]> =>
    page.locator('[data-component-name="Menu/MenuItem"] a[href]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  const seen = new Set<string>();
  let fresh = await links();
  while (fresh.length > 0) {
    for (const href of fresh) {
      seen.add(href);
      // Only groups have children to show. Opening one may close another: its entries are collected already.
      const label = page.locator(`.menu-item-type-group > a[href="${href}"]`).first();
      // An open group holds the list of its children (a closed one an empty box): wait for the list, not for the open animation.
      const children = label.locator('xpath=..').locator('[data-component-name="Menu/Menu"]').first();
      if ((await label.isVisible()) && (await children.count()) === 0) {
        await label.click();
        await children.waitFor({ state: 'attached' });
        for (const shown of await links()) if (!fresh.includes(shown) && !seen.has(shown)) fresh.push(shown);
      }
    }
    fresh = (await links()).filter((href) => !seen.has(href));
  }
  return [...seen].filter((href) => href.startsWith('/') || href.startsWith('#/'));
}

/** The route a sidebar link names, without its `/` or `#/`: `profile-types/kazoo-profiles` ('' for the overview). */
export const routeOf = (href: string): string => href.replace(/^#?\//, '');
