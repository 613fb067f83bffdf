import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * The longest one step of a page (a launch, a navigation, a click, a wait for an element) may take
 * before it counts as failed: a hang guard, not a speed limit. Playwright's own default is 30 s,
 * which a busy two-core machine can spend parsing the 2.6 MB page; the runner's test timeout stays
 * the bound of a whole test.
 */
export const STEP_GUARD = 180_000;

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Headless, and nothing of Chromium's own that calls home (updates, sync, safe-browsing lists).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a page did that the docs must never do. */
export interface PageWatch {
  /** Requests to anything but the page's own origin (or `file:`/`data:`/`blob:`), blocked. */
  externalRequests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Content-Security-Policy violations the page reported (a blocked load never reaches the network). */
  cspViolations: string[];
}

export interface DocsBrowser {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
  close(): Promise<void>;
}

const LOCAL_SCHEMES = ['file:', 'data:', 'blob:'];

/**
 * Refusals that are expected. Redoc's search library tries `Function()` to see whether it may build
 * a Web Worker; the page policy refuses (no `unsafe-eval`), Redoc catches it and searches on the
 * main thread. Nothing is loaded either way, so the policy stays strict.
 */
const EXPECTED_CSP_REFUSALS = [/^script-src blocked eval /];

/**
 * Launches Chromium with a fresh profile and opens `url`. Every request that leaves the page's own
 * origin is aborted and recorded, so a test can assert there were none.
 */
export async function openDocs(url: string): Promise<DocsBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pbx-docs-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
    timeout: STEP_GUARD,
  });
  // Every page of the context, those a test opens later included.
  context.setDefaultTimeout(STEP_GUARD);
  const watch: PageWatch = { externalRequests: [], errors: [], cspViolations: [] };
  const pageOrigin = new URL(url).origin;

  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (LOCAL_SCHEMES.includes(target.protocol) || (target.origin === pageOrigin && pageOrigin !== 'null')) {
      return route.continue();
    }
    watch.externalRequests.push(target.href);
    return route.abort('blockedbyclient');
  });
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
    if (!EXPECTED_CSP_REFUSALS.some((expected) => expected.test(text))) watch.cspViolations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber}) ${event.sample}`);
    });
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  // The page arrives pre-rendered and Redoc then hydrates it, printing its banner: a click before
  // that lands on markup without handlers. Wait for the banner before anything else.
  const hydrated = page.waitForEvent('console', { predicate: (message) => message.text().includes('Redoc') });
  await page.goto(url, { waitUntil: 'load' });
  await hydrated;
  await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();

  return {
    context,
    page,
    watch,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
