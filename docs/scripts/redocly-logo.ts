/**
 * Redoc's sidebar footer ("API docs by" and the Redocly logo) loads the logo from Redocly's CDN
 * whatever the options: the one request `--inlineBundle` leaves. The build swaps both URLs for the
 * same wordmark drawn inline, so the page keeps its attribution and stays one file.
 */
const wordmark = (width: number, text: string): string =>
  'data:image/svg+xml,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
      `<text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="700" fill="#0044d4">${text}</text></svg>`,
  );

export const CDN_LOGOS: Record<string, string> = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': wordmark(48, 'Redocly'),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': wordmark(9, 'R'),
};

/** The page with the CDN logos inlined; throws if Redoc no longer has them, so the change gets a look. */
export function inlineRedoclyLogo(html: string): string {
  let result = html;
  for (const [url, dataUri] of Object.entries(CDN_LOGOS)) {
    if (!result.includes(url)) {
      throw new Error(
        `The Redoc bundle no longer references ${url}: check in the browser tests what the sidebar footer loads now and update docs/scripts/redocly-logo.ts.`,
      );
    }
    result = result.replaceAll(url, dataUri);
  }
  return result;
}
