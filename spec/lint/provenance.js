// Redocly plugin: provenance. Every statement of the spec either cites the vendor's public page it
// comes from (`x-source`: a URL or a list of URLs) or says that it was decided here and why
// (`x-decision`: one or two sentences), or both when the vendor is partial.
//
// One walk (`provenanceVisitor`) defines which elements need provenance: operations, parameters,
// headers, responses and schema properties. The lint rule and the bundle-time decorators both use
// it, so what lint enforces, what the docs show and what the counts count cannot disagree.

/** The marker in a Markdown description that the generated list of decisions replaces. */
export const DECISIONS_MARKER = '<!-- x-decision entries are listed here at bundle time -->';

const MAX_DECISION_LENGTH = 400;

/** The provenance a node carries itself. */
function provenanceOf(node) {
  if (!node || typeof node !== 'object') return { sources: [], decision: undefined };
  const raw = node['x-source'];
  return { sources: raw === undefined ? [] : Array.isArray(raw) ? raw : [raw], decision: node['x-decision'] };
}

function hasProvenance(node) {
  const { sources, decision } = provenanceOf(node);
  return sources.length > 0 || decision !== undefined;
}

const keyOf = (location) => `${location.source.absoluteRef}#${location.pointer}`;
const fileStem = (location) => (location.source.absoluteRef.split(/[\\/]/).pop() ?? '').replace(/\.(ya?ml|json)$/, '');

/**
 * Redocly visitors that call, once per element and with the visit's `ctx`:
 * - `onElement({ kind, label, location, carrier }, ctx)` for each element that needs provenance;
 *   `carrier` is the node whose provenance counts: the element itself, or for a property that is a
 *   bare `$ref`, the schema it references;
 * - `onCarrier({ label, node }, ctx)` for every node that may carry provenance (the elements, every
 *   schema, the security schemes), e.g. to check or decorate it.
 */
function provenanceVisitor({ onElement = () => {}, onCarrier = () => {}, onDone }) {
  let operation;
  const owners = [];
  const seen = new Set();
  const once = (key, run) => {
    if (!seen.has(key)) {
      seen.add(key);
      run();
    }
  };
  const element = (kind, labelOf) => (node, ctx) =>
    once(`${kind} ${keyOf(ctx.location)}`, () => {
      const label = labelOf(node, ctx);
      onElement({ kind, label, location: ctx.location, carrier: node }, ctx);
      onCarrier({ label, node }, ctx);
    });
  // A component's file sits in a folder named after its section (shared/responses/, resources/<tag>/headers/).
  const isComponentFile = (ctx, section) => new RegExp(`[\\\\/]${section}[\\\\/][^\\\\/]+$`).test(ctx.location.source.absoluteRef);

  return {
    Operation: {
      enter(node, ctx) {
        operation = node.operationId ?? String(ctx.key);
        element('operation', () => `operation \`${operation}\``)(node, ctx);
      },
      leave() {
        operation = undefined;
      },
    },
    Parameter: element('parameter', (node) => `parameter \`${node.name}\` (${node.in})`),
    Header: element('header', (_, ctx) => `header \`${isComponentFile(ctx, 'headers') ? fileStem(ctx.location) : ctx.key}\``),
    Response: element('response', (_, ctx) =>
      isComponentFile(ctx, 'responses') ? `response \`${fileStem(ctx.location)}\`` : `response \`${ctx.key}\` of \`${operation}\``,
    ),
    SecurityScheme(node, ctx) {
      once(`scheme ${keyOf(ctx.location)}`, () => onCarrier({ label: `security scheme \`${ctx.key}\``, node }, ctx));
    },
    Schema: {
      enter(schema, ctx) {
        // An inline property schema is named after the nearest titled schema around it.
        const owner = schema.title ?? owners.findLast(Boolean) ?? fileStem(ctx.location);
        owners.push(schema.title);
        once(`schema ${keyOf(ctx.location)}`, () => {
          const label = schema.title ? `schema \`${schema.title}\`` : `property \`${owner}.${ctx.key}\``;
          onCarrier({ label, node: schema }, ctx);
          for (const [name, property] of Object.entries(schema.properties ?? {})) {
            if (!property || typeof property !== 'object') continue;
            // The property itself, then each schema its `$ref` leads through (an alias such as
            // TenantId is a `$ref` with siblings), then the schema at the end: the first of them that
            // carries provenance is the property's.
            const resolved = property.$ref ? ctx.resolve(property) : undefined;
            const through = [...(resolved?.chain ?? []).map((hop) => hop.node), resolved?.node].filter(Boolean);
            const carrier = [property, ...through].find(hasProvenance) ?? property;
            const location = ctx.location.child(['properties', name]);
            onElement({ kind: 'property', label: `property \`${owner}.${name}\``, location, carrier }, ctx);
            // Redocly visits what a `$ref` references, never the node that holds it: a property that
            // is a `$ref` with its own description and provenance beside it is reached from here.
            if (property.$ref && hasProvenance(property)) onCarrier({ label: `property \`${owner}.${name}\``, node: property }, ctx);
            for (const alias of through.filter((node) => node.$ref && node.title)) {
              onCarrier({ label: `schema \`${alias.title}\``, node: alias }, ctx);
            }
          }
        });
      },
      leave() {
        owners.pop();
      },
    },
    ...(onDone ? { Root: { leave: onDone } } : {}),
  };
}

/** What is wrong with the provenance a node carries, as messages. */
function malformed(node) {
  const problems = [];
  const raw = node['x-source'];
  if (raw !== undefined) {
    const sources = Array.isArray(raw) ? raw : [raw];
    if (sources.length === 0) problems.push('`x-source` is an empty list.');
    for (const source of sources) {
      if (typeof source !== 'string' || !/^https:\/\/[^\s/]+\.[a-z]{2,}\/\S*$/.test(source)) {
        problems.push(`\`x-source\` must be the https URL of a vendor page (or a list of them), got ${JSON.stringify(source)}.`);
      }
    }
  }
  const decision = node['x-decision'];
  if (decision !== undefined) {
    if (typeof decision !== 'string' || decision.trim() === '') {
      problems.push('`x-decision` must say, in a sentence or two, what was decided here and why.');
    } else if (decision.length > MAX_DECISION_LENGTH) {
      problems.push(`\`x-decision\` has ${decision.length} characters: keep it to one or two sentences (at most ${MAX_DECISION_LENGTH}).`);
    }
  }
  return problems;
}

/** Lint: every element is sourced or decided, and what it carries is well formed. */
function SourceOrDecision() {
  const checked = new WeakSet();
  const check = (node, location, ctx) => {
    if (!node || typeof node !== 'object' || checked.has(node)) return;
    checked.add(node);
    for (const message of malformed(node)) ctx.report({ message, location });
  };
  return provenanceVisitor({
    onElement({ label, location, carrier }, ctx) {
      if (!hasProvenance(carrier)) {
        ctx.report({
          message: `The ${label} has neither \`x-source\` (the URL of the vendor page it comes from) nor \`x-decision\` (what was decided here, and why).`,
          location: location.key(),
        });
      }
    },
    onCarrier({ node }, ctx) {
      check(node, ctx.location, ctx);
    },
  });
}

/** A Markdown link to a vendor page, named after the page: `pbxpatch (docs.na.xarios.cloud)`. */
function sourceLink(url) {
  const { host, pathname } = new URL(url);
  const page = pathname.split('/').filter(Boolean).pop() ?? host;
  return `[${page} (${host})](${url})`;
}

/** The note appended to a description: the decision, then the vendor pages. */
function note({ sources, decision }) {
  const lines = [];
  if (decision !== undefined) lines.push(`**Decision:** ${decision.trim()}`);
  if (sources.length > 0) lines.push(`**Vendor source:** ${sources.map(sourceLink).join(', ')}`);
  return lines.join('\n\n');
}

/** Bundle time: each element's description ends with its decision and links to its vendor pages. */
function ProvenanceNotes() {
  const decorated = new WeakSet();
  return provenanceVisitor({
    onCarrier({ node }) {
      if (decorated.has(node) || !hasProvenance(node)) return;
      decorated.add(node);
      const text = note(provenanceOf(node));
      node.description = typeof node.description === 'string' && node.description.trim() !== '' ? `${node.description.trimEnd()}\n\n${text}` : text;
    },
  });
}

/**
 * Bundle time: the description that holds DECISIONS_MARKER (the quirks guide) gets the list of every
 * `x-decision` of the document in its place, with the counts of sourced and decided elements, so the
 * list cannot drift from the spec. The counts are also written to `info.x-provenance`.
 */
function DecisionsList() {
  const decisions = new Map();
  const seen = new WeakSet();
  const counts = { elements: 0, sourced: 0, decided: 0 };
  const tags = [];
  return {
    ...provenanceVisitor({
      onElement({ carrier }) {
        const { sources, decision } = provenanceOf(carrier);
        counts.elements += 1;
        if (sources.length > 0) counts.sourced += 1;
        if (decision !== undefined) counts.decided += 1;
      },
      onCarrier({ label, node }) {
        const { decision } = provenanceOf(node);
        if (typeof decision !== 'string' || seen.has(node)) return;
        seen.add(node);
        // The same decision on several nodes (a property of a response and of a create body) is listed once.
        const text = decision.trim();
        decisions.set(text, [...(decisions.get(text) ?? []), label]);
      },
      onDone(root) {
        const entries = [...decisions.entries()]
          .map(([decision, labels]) => ({ labels: [...new Set(labels)].sort(), decision }))
          .sort((a, b) => a.labels[0].localeCompare(b.labels[0]));
        const list = [
          `${counts.elements} elements of this reference (operations, parameters, headers, responses and schema properties)`,
          `carry their provenance: ${counts.sourced} cite the vendor's pages (\`x-source\`), ${counts.decided} are decided`,
          'here (`x-decision`), some both. Every decision:',
          '',
          ...entries.map(({ labels, decision }) => `- ${labels.map((label) => `**${label}**`).join(', ')}: ${decision}`),
        ].join('\n');
        for (const { tag, text } of tags) tag.description = text.replace(DECISIONS_MARKER, list);
        root.info = { ...root.info, 'x-provenance': { ...counts, decisions: entries.length } };
      },
    }),
    Tag(tag, ctx) {
      const text = typeof tag.description === 'string' ? tag.description : ctx.resolve(tag.description).node;
      if (typeof text === 'string' && text.includes(DECISIONS_MARKER)) tags.push({ tag, text });
    },
  };
}

export default function provenancePlugin() {
  return {
    id: 'provenance',
    rules: { oas3: { 'source-or-decision': SourceOrDecision } },
    decorators: { oas3: { notes: ProvenanceNotes, 'decisions-list': DecisionsList } },
  };
}
