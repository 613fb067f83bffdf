// Redocly plugin: the layout of spec/ (spec/README.md). The file system is the index, so that the
// file of an operation is found from its operationId and a new resource is a new folder:
// - an operation is its own file, resources/<tag folder>/<operationId>.yaml, the folder named
//   after the operation's one tag, and its code samples sit in that folder's code-samples/;
// - a component is its own file in shared/<section>/ or resources/<tag folder>/<section>/, and its
//   name (the file's) is unique in the spec: the bundle names a component after its file and would
//   silently rename a second `Deleted` to `Deleted-2`.

import { dirname, relative, resolve, sep } from 'node:path';

/** The folder of a tag: "PBX connection profiles" → `pbx-connection-profiles`. */
export const tagFolder = (tag) =>
  tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What a file-per-component section holds, by Redocly node type. */
const SECTIONS = { Schema: 'schemas', Parameter: 'parameters', Response: 'responses', Header: 'headers', Example: 'examples' };

/** The spec's root folder and its resource folders (one per tag with operations), read once per run. */
function specIndex() {
  const index = { root: undefined, resources: new Set() };
  const visitor = {
    Root: {
      enter(root, ctx) {
        index.root = dirname(ctx.location.source.absoluteRef);
        for (const tag of root.tags ?? []) if (!tag['x-traitTag']) index.resources.add(tagFolder(tag.name));
      },
    },
  };
  /** A file's path from the spec's root, with `/`. */
  const pathOf = (absolute) => relative(index.root, absolute).split(sep).join('/');
  return { index, visitor, pathOf };
}

function OperationFile() {
  const { index, visitor, pathOf } = specIndex();
  return {
    ...visitor,
    Operation(operation, ctx) {
      const id = operation.operationId;
      const tags = operation.tags ?? [];
      if (tags.length !== 1 || !index.resources.has(tagFolder(tags[0]))) {
        ctx.report({
          message: `Operation \`${id}\` has exactly one tag, its resource's, declared in openapi.yaml without x-traitTag (found ${JSON.stringify(tags)}).`,
          location: ctx.location.child(['tags']),
        });
        return;
      }
      const folder = `resources/${tagFolder(tags[0])}`;
      const file = pathOf(ctx.location.source.absoluteRef);
      if (ctx.location.pointer !== '#/' || file !== `${folder}/${id}.yaml`) {
        ctx.report({
          message: `Operation \`${id}\` is its own file, ${folder}/${id}.yaml, referenced from openapi.yaml (found in ${file} at ${ctx.location.pointer}).`,
          location: ctx.location.child(['operationId']),
        });
      }
      (operation['x-codeSamples'] ?? []).forEach((sample, index) => {
        const ref = sample?.source?.$ref;
        if (typeof ref !== 'string') return;
        const target = pathOf(resolve(dirname(ctx.location.source.absoluteRef), ref));
        const language = String(sample.lang).toLowerCase();
        const pattern = new RegExp(`^${folder}/code-samples/${language}/${id}(\\.[\\w-]+)?\\.(sh|ts)$`);
        if (!pattern.test(target)) {
          ctx.report({
            message: `A ${sample.lang} sample of \`${id}\` is ${folder}/code-samples/${language}/${id}[.<example>].${language === 'curl' ? 'sh' : 'ts'} (found ${target}).`,
            location: ctx.location.child(['x-codeSamples', index, 'source']),
          });
        }
      });
    },
  };
}

function ComponentFile() {
  const { index, visitor, pathOf } = specIndex();
  const byName = new Map();
  const check = (section, noun) => (node, ctx) => {
    const file = pathOf(ctx.location.source.absoluteRef);
    if (file === 'openapi.yaml') {
      if (new RegExp(`^#/components/${section}/[^/]+$`).test(ctx.location.pointer)) {
        ctx.report({ message: `Write a component in its own file, shared/${section}/<Name>.yaml or resources/<tag folder>/${section}/<Name>.yaml, not in openapi.yaml.`, location: ctx.location });
      }
      return;
    }
    if (ctx.location.pointer !== '#/') return;
    const match = new RegExp(`^(shared|resources/([^/]+))/${section}/([A-Za-z][A-Za-z0-9]*)\\.yaml$`).exec(file);
    if (!match || (match[2] !== undefined && !index.resources.has(match[2]))) {
      ctx.report({
        message: `A ${noun} is a file in shared/${section}/ (used by every resource) or resources/<tag folder>/${section}/, named after the component in PascalCase (found ${file}).`,
        location: ctx.location,
      });
      return;
    }
    const name = match[3];
    const first = byName.get(`${section}/${name}`);
    if (first === undefined) byName.set(`${section}/${name}`, file);
    else if (first !== file) {
      ctx.report({
        message: `Two ${section} are named ${name} (${first} and ${file}); the bundle would rename one to ${name}-2. Give the resource's own a name scoped to the resource.`,
        location: ctx.location,
      });
    }
  };
  return {
    ...visitor,
    ...Object.fromEntries(Object.entries(SECTIONS).map(([type, section]) => [type, { enter: check(section, type.toLowerCase()) }])),
  };
}

export default function layoutRules() {
  return {
    id: 'layout',
    rules: {
      oas3: { 'operation-file': OperationFile, 'component-file': ComponentFile },
    },
  };
}
