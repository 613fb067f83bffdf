import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadBundledSpec } from '@myreports/pbx-fixtures';
import { type CodeSample, collectCodeSamples } from '../scripts/code-samples.js';
import { type DocsBrowser, openDocs } from './support/browser.js';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const samples = collectCodeSamples(loadBundledSpec());
const LANGUAGES = ['curl', 'TypeScript'] as const;

/** The samples of an operation with several request examples, grouped by example, in the picker's order. */
function samplesByExample(operationId: string): { summary: string; samples: Record<(typeof LANGUAGES)[number], CodeSample> }[] {
  const own = samples.filter((sample) => sample.operationId === operationId);
  const summaries = [...new Set(own.map((sample) => sample.example?.summary ?? ''))];
  return summaries.map((summary) => ({
    summary,
    samples: {
      curl: own.find((sample) => sample.example?.summary === summary && sample.lang === 'curl')!,
      TypeScript: own.find((sample) => sample.example?.summary === summary && sample.lang === 'TypeScript')!,
    },
  }));
}

/** Picks an entry of one of the panel's dropdowns (the example picker, the language). */
async function pick(page: Page, dropdown: Locator, entry: string): Promise<void> {
  await dropdown.click();
  await page.getByRole('menuitem', { name: entry, exact: true }).first().click();
}

const codeShown = (panel: Locator): Promise<string> => panel.locator('pre[data-testid="source-code"]').first().innerText();
const lines = (text: string): string[] => text.split('\n').map((line) => line.trimEnd()).filter(Boolean);

describe('the request samples follow the request example the reader picks', () => {
  let browser: DocsBrowser;

  beforeAll(async () => {
    browser = await openDocs(pathToFileURL(join(docsDir, 'dist', 'index.html')).href);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['createPbxConnectionProfile', ['Create a Kazoo profile', 'Create a 3CX profile']],
    ['patchPbxConnectionProfile', ['Rename', 'Enable (start collecting)', 'Rename and disable in one patch']],
  ] as const)('%s: each example shows its own curl and TypeScript sample', async (operationId, summaries) => {
    const { page } = browser;
    const examples = samplesByExample(operationId);
    expect(examples.map(({ summary }) => summary)).toEqual(summaries);
    await page.goto(`${pathToFileURL(join(docsDir, 'dist', 'index.html')).href}#/pbx-connection-profiles/${operationId.toLowerCase()}`);
    const section = page.locator(`[id="pbx-connection-profiles/${operationId.toLowerCase()}"]`);
    await section.waitFor();
    // Redoc keeps the neighbouring operations drawn and redraws them: the panel is found, each time,
    // as the one whose example picker shows one of this operation's examples.
    const shown = new RegExp(`^(${summaries.map((summary) => summary.replace(/[()]/g, '\\$&')).join('|')})$`);
    const panel = page
      .locator('.panel-request-samples')
      .filter({ has: page.getByRole('button', { name: 'Example' }).filter({ hasText: shown }) })
      .first();
    await panel.scrollIntoViewIfNeeded();
    // Back and forth, so a panel stuck on the first or the last example fails.
    for (const { summary, samples: pair } of [...examples, ...[...examples].reverse()]) {
      await pick(page, panel.getByRole('button', { name: 'Example' }), summary);
      for (const language of LANGUAGES) {
        await pick(page, panel.locator('[data-component-name="Panel/PanelHeader"] [data-component-name="Dropdown/Dropdown"]').last().getByRole('button'), language);
        await expect.poll(async () => lines(await codeShown(panel))).toEqual(lines(pair[language].source));
      }
    }
    await page.screenshot({ path: join(docsDir, 'test-results', `${operationId}-last-example.png`) });
  });
});
