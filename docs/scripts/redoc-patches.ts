/**
 * Two things Redoc cannot be configured to do, patched into its inlined bundle by the build. Each
 * replaces one expression of Redoc's minified code, so it is tied to the bundled Redoc version: if
 * the expression is gone the build fails and names this file; the browser suite proves the
 * behaviour on the built page.
 */
interface RedocPatch {
  /** What it fixes, for the build's error message. */
  purpose: string;
  find: string;
  replace: string;
}

export const REDOC_PATCHES: RedocPatch[] = [
  {
    // Redoc shows one sample per language whatever request example the reader picks: "Create a
    // 3CX profile" changed the caption while the sample still sent a Kazoo body. The spec lists one
    // curl and one TypeScript sample per request example, in the examples' order; the panel now
    // shows the n-th sample of the language for the n-th example (`w`, the selected example's
    // index in that component), the first one when there are fewer samples.
    purpose: 'the code sample of the selected request example',
    find: 'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let e=O?.find(e=>Dj(e)===ee);return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n])',
    replace:
      'ie=(0,B.useMemo)(()=>{if(ee===`payload`)return``;let s=O?.filter(e=>Dj(e)===ee)??[],e=s[w]??s[0];return e?e.source:`// ${n(`unsupportedLanguage`,`Language is not supported.`)}`},[ee,O,n,w])',
  },
  {
    // The search index takes the text of a Markdown description by joining its text nodes: a line
    // break in the source ("may be\nlost") and the end of a paragraph or list item became nothing,
    // and snippets ran words together ("may belost"). A break and the end of a block now count as a
    // space (runs of spaces collapse to one).
    purpose: 'spaces between the words of search snippets',
    find: 'function QT(e){let t=[];function n(e){if(!Yae(e)){typeof e.attributes?.content==`string`&&t.push(e.attributes.content);for(let t of e.children??[])n(t)}}return n(e),t.join(``)}',
    replace:
      'function QT(e){let t=[];function n(e){if(!Yae(e)){typeof e.attributes?.content==`string`&&t.push(e.attributes.content);for(let t of e.children??[])n(t);/^(softbreak|hardbreak|paragraph|heading|item|list|blockquote|fence|hr|tr|th|td)$/.test(e.type)&&t.push(` `)}}return n(e),t.join(``).replace(/ {2,}/g,` `)}',
  },
  {
    // Redoc labels a Markdown table's header cells (data-label) but not its body cells. Each body
    // cell now carries the text of its column's header, so a guide table too wide for its column
    // can show each row as a list of "header: value" lines (redoc/template.hbs) instead of
    // scrolling sideways. And inline code of one word (`accept-charges`) is marked data-word, so
    // the page keeps it on one line while code with spaces (a JSON shape) wraps at its spaces:
    // no CSS stops a break after a hyphen inside a word that may otherwise wrap.
    purpose: 'the column labels and one-word code of Markdown table cells',
    find: 'function Qz(e){return e.map(e=>Wz.Tag.isTag(e)?e.name===`th`?new Wz.Tag(`th`,{...e.attributes,"data-label":Zz(e.children)},e.children):new Wz.Tag(e.name,e.attributes,Qz(e.children)):e)}',
    replace:
      'function Qz(e,h=e.find(e=>Wz.Tag.isTag(e)&&e.name===`thead`)?.children.find(e=>Wz.Tag.isTag(e))?.children.map(e=>Wz.Tag.isTag(e)?Zz(e.children):``)??[]){return e.map((e,i)=>Wz.Tag.isTag(e)?e.name===`th`?new Wz.Tag(`th`,{...e.attributes,"data-label":Zz(e.children)},e.children):e.name===`td`?new Wz.Tag(`td`,{...e.attributes,"data-label":h[i]??``},Qz(e.children,h)):e.name===`code`&&!/\\s/.test(Zz(e.children))?new Wz.Tag(`code`,{...e.attributes,"data-word":``},e.children):new Wz.Tag(e.name,e.attributes,Qz(e.children,h)):e)}',
  },
];

/** The page with every patch applied; throws unless each expression is found exactly once. */
export function patchRedoc(html: string, patches: RedocPatch[] = REDOC_PATCHES): string {
  return patches.reduce((page, { purpose, find, replace }) => {
    const found = page.split(find).length - 1;
    if (found !== 1) {
      throw new Error(
        `The Redoc bundle has ${found} copies of the expression docs/scripts/redoc-patches.ts patches for ${purpose} (expected 1): Redoc changed; find the new expression and update the patch.`,
      );
    }
    return page.replace(find, () => replace);
  }, html);
}
