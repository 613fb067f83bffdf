/**
 * Redoc shows one code sample per language whatever request example the reader picks: choosing
 * "Create a 3CX profile" changed the caption while the sample still sent a Kazoo body. The spec
 * lists one curl and one TypeScript sample per request example, in the examples' order; this patch
 * of the inlined Redoc bundle makes the sample panel show the sample of the picked example (the
 * n-th sample of the language for the n-th example, the first one when there are fewer samples).
 *
 * It replaces one expression of Redoc's minified request-samples panel, so it is tied to the
 * bundled Redoc version: if the expression is gone the build fails and names this file, and the
 * browser suite proves the behaviour on the built page.
 */
const SAMPLE_SOURCE =
  'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let e=O?.find(e=>Dj(e)===ee);return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n])';

// `w` is the index of the selected request example in the same component.
const SAMPLE_OF_SELECTED_EXAMPLE =
  'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let s=O?.filter(e=>Dj(e)===ee)??[],e=s[w]??s[0];return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n,w])';

export function showSamplePerExample(html: string): string {
  const found = html.split(SAMPLE_SOURCE).length - 1;
  if (found !== 1) {
    throw new Error(
      `The Redoc bundle has ${found} copies of the request-sample expression docs/scripts/sample-per-example.ts patches (expected 1): Redoc changed; find the new expression in its request-samples panel and update the patch.`,
    );
  }
  return html.replace(SAMPLE_SOURCE, () => SAMPLE_OF_SELECTED_EXAMPLE);
}
