import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Findings that come from Redoc's own markup, not from anything this repository writes. Each is
 * listed with the reason; a finding outside this list, or any finding inside our Markdown, fails.
 */
export const REDOC_FINDINGS: Record<string, string> = {
  region: 'Redoc lays out the sidebar and the content in plain divs: no nav or main landmark.',
  'heading-order': 'Redoc jumps from the operation heading (h2) to h4 in its request sections.',
  'label-content-name-mismatch':
    "Redoc's example picker is labelled 'Example' while it shows the example's name.",
};

export interface AxeFinding {
  rule: string;
  impact: string | null;
  help: string;
  /** CSS selector of the element, as axe reports it. */
  target: string;
  html: string;
  /** Inside the Markdown that the spec's descriptions become: ours to fix. */
  inOurMarkdown: boolean;
}

/** Runs axe-core (WCAG 2 A/AA and best practices) over the page as it is now. */
export async function scanPage(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; html: string }[];
      }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => {
        const selector = node.target.join(' ');
        const element = document.querySelector(selector);
        return {
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          target: selector,
          html: node.html.slice(0, 200),
          inOurMarkdown: element?.closest('[data-component-name="Markdown/Markdown"]') != null,
        };
      }),
    );
  });
}
