import { describe, expect, it } from 'vitest';
import { loadBundledSpec, type OpenApiDocument } from '@myreports/pbx-fixtures';
import { SpecCopy } from './support/spec-copy.js';

interface Counts {
  elements: number;
  sourced: number;
  decided: number;
  decisions: number;
}

/** Every object of the document that carries `key`, with that key's value. */
function carriers(node: unknown, key: string, found: { node: Record<string, unknown>; value: unknown }[] = []) {
  if (Array.isArray(node)) node.forEach((item) => carriers(item, key, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (key in record) found.push({ node: record, value: record[key] });
    Object.values(record).forEach((value) => carriers(value, key, found));
  }
  return found;
}

const counts = (spec: OpenApiDocument) => (spec['info'] as { 'x-provenance': Counts })['x-provenance'];
const quirksGuide = (spec: OpenApiDocument) =>
  (spec['tags'] as { name: string; description: string }[]).find((tag) => tag.name === 'Quirks and warnings')?.description ?? '';

async function bundleOf(mutate: (copy: SpecCopy) => SpecCopy = (copy) => copy): Promise<OpenApiDocument> {
  const copy = new SpecCopy();
  try {
    return await mutate(copy).bundle();
  } finally {
    copy.remove();
  }
}

describe('provenance in the bundled spec', () => {
  const spec = loadBundledSpec();

  it('counts the elements that are sourced and decided', () => {
    const { elements, sourced, decided, decisions } = counts(spec);
    console.log(`Provenance: ${elements} elements, ${sourced} sourced (x-source), ${decided} decided (x-decision), ${decisions} distinct decisions.`);
    expect(elements).toBeGreaterThan(80);
    // Lint proves each element has one or the other; at least the sum must cover them all.
    expect(sourced + decided).toBeGreaterThanOrEqual(elements);
    expect(sourced).toBeLessThanOrEqual(elements);
    expect(decided).toBeLessThanOrEqual(elements);
  });

  it('lists every x-decision of the document in the generated Decisions section of the quirks guide', () => {
    const decisions = [...new Set(carriers(spec, 'x-decision').map(({ value }) => value as string))];
    expect(decisions.length).toBe(counts(spec).decisions);
    const guide = quirksGuide(spec);
    expect(guide).not.toContain('<!-- x-decision entries');
    for (const decision of decisions) expect(guide).toContain(`: ${decision}`);
  });

  it('says next to each description what was decided, and links the vendor pages', () => {
    for (const { node, value } of carriers(spec, 'x-decision')) {
      expect(node['description']).toContain(`**Decision:** ${value as string}`);
    }
    const sourced = carriers(spec, 'x-source');
    expect(sourced.length).toBeGreaterThan(50);
    for (const { node, value } of sourced) {
      for (const url of [value].flat() as string[]) expect(node['description']).toContain(`](${url})`);
    }
  });
});

describe.concurrent('the Decisions section, generated at bundle time', () => {
  const added = 'Added by a test to prove that a new decision reaches the quirks guide.';

  it('shows a decision that is added to the spec, and counts it', async () => {
    const [before, after] = await Promise.all([
      bundleOf(),
      bundleOf((copy) => copy.mutate('resources/pbx-connection-profiles/schemas/KazooApiKey.yaml', 'x-source:', `x-decision: ${added}\nx-source:`)),
    ]);
    expect(quirksGuide(before)).not.toContain(added);
    expect(quirksGuide(after)).toContain(`- **schema \`KazooApiKey\`**: ${added}`);
    // apiKey is a property of the Kazoo profile, of its create body, and the value of its patch operation.
    expect(counts(after).decided).toBe(counts(before).decided + 3);
    expect(counts(after).decisions).toBe(counts(before).decisions + 1);
    const apiKey = (after.components.schemas['KazooApiKey'] as { description: string }).description;
    expect(apiKey).toContain(`**Decision:** ${added}`);
  });

  it('drops a decision that is removed from the spec', async () => {
    const bundle = await bundleOf((copy) =>
      copy.mutate('shared/schemas/Guid.yaml', 'x-decision: >-\n', 'x-was: >-\n'),
    );
    expect(quirksGuide(bundle)).not.toContain('schema `Guid`');
    expect(quirksGuide(loadBundledSpec())).toContain('schema `Guid`');
  });
});
