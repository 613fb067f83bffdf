import { describe, expect, it } from 'vitest';
import { CDN_LOGOS, inlineRedoclyLogo } from '../scripts/redocly-logo.js';

describe('inlineRedoclyLogo', () => {
  const [full, mini] = Object.keys(CDN_LOGOS);

  it('swaps both CDN logos for inline images', () => {
    const page = `src:e?\`${full}\`:\`${mini}\``;
    const result = inlineRedoclyLogo(page);
    expect(result).not.toContain('https://');
    expect(result.match(/data:image\/svg\+xml,/g)).toHaveLength(2);
    // Still a valid template literal: the data URIs carry no backtick or ${.
    expect(result).not.toMatch(/`[^`]*\$\{[^`]*`/);
  });

  it('fails the build, naming the URL, when Redoc no longer references a logo', () => {
    expect(() => inlineRedoclyLogo(`src:\`${full}\``)).toThrow(mini);
  });
});
