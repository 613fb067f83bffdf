// The API changelog readers see (spec/guides/changelog.md, a guide of the docs page): for
// each release, what the spec diff found (added, changed, deprecated, removed: each operation by its
// operationId and each field by name, breaking ones marked) and the release notes of the changesets
// that release the spec package.
import { type OpenApiDocument, listOperations } from '@myreports/pbx-contract';
import type { Change } from './change.js';
import type { Changeset } from './changesets.js';
import type { Report } from './compare.js';
import type { Document } from './schema.js';

export type Kind = 'Added' | 'Changed' | 'Deprecated' | 'Removed';
const KINDS: readonly Kind[] = ['Added', 'Changed', 'Deprecated', 'Removed'];

export interface Release {
  version: string;
  /** The release it is compared with, e.g. `0.1.0`. */
  since: string;
  report: Report;
  /** The changesets that release the spec package; their text becomes the release notes. */
  changesets: readonly Changeset[];
  before: Document;
  after: Document;
}

/** The section of one release, from `## <version>` to the end. */
export function releaseSection(release: Release): string {
  const lines = [`## ${release.version}`, '', `Changes of the API since ${release.since}.`, ''];
  const changes = [...release.report.breaking, ...release.report.nonBreaking, ...release.report.unclassified];
  for (const kind of KINDS) {
    const ofKind = changes.filter((change) => kindOf(change) === kind);
    if (ofKind.length === 0) continue;
    lines.push(`### ${kind}`, '');
    const byWhat = new Map<string, { breaking: boolean; places: string[] }>();
    for (const change of ofKind) {
      const entry = byWhat.get(change.what) ?? { breaking: change.breaking, places: [] };
      entry.places.push(place(change, release));
      byWhat.set(change.what, entry);
    }
    for (const [what, { breaking, places }] of byWhat) {
      lines.push(`- ${breaking ? '**Breaking:** ' : ''}${what[0]!.toUpperCase()}${what.slice(1)}. In ${places.join('; ')}.`);
    }
    lines.push('');
  }
  if (changes.length === 0) lines.push('No change to the operations or their fields.', '');
  if (release.report.documentation > 0) {
    lines.push(`Documentation: ${release.report.documentation} ${release.report.documentation === 1 ? 'description, example or title' : 'descriptions, examples or titles'} edited.`, '');
  }
  const notes = release.changesets.map((changeset) => summaryOf(changeset.text)).filter(Boolean);
  if (notes.length > 0) {
    lines.push('### Release notes', '');
    for (const note of notes) lines.push(`- ${note.replaceAll('\n', '\n  ').replaceAll(/\n {2}\n/g, '\n\n')}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The changelog page with `section` in place of the section of the same version, or above all
 * others when that version has none yet.
 */
export function withSection(page: string, section: string): string {
  const version = /^## (.+)$/m.exec(section)?.[1];
  const parts = page.split(/^(?=## )/m);
  const intro = parts[0]?.startsWith('## ') ? '' : parts.shift() ?? '';
  const index = parts.findIndex((part) => part.startsWith(`## ${version}\n`));
  if (index >= 0) parts[index] = `${section.trimEnd()}\n\n`;
  else parts.unshift(`${section.trimEnd()}\n\n`);
  return `${intro}${parts.join('')}`.trimEnd() + '\n';
}

/** Sorted by what the report's sentence says happened to its subject. */
export function kindOf(change: Change): Kind {
  const what = change.what;
  if (/\[Removed\] deprecated|no longer deprecated/i.test(what)) return 'Changed';
  if (/deprecated/i.test(what)) return 'Deprecated';
  // "field `x`: values … removed" narrows a field that stays: a change, not a removal.
  if (/^(in `_type` \S+: )?field `[^`]+`: /.test(what)) return 'Changed';
  if (/\[Removed\]|\bremoved\b|no longer described/i.test(what)) return 'Removed';
  if (/\[Added\]|\badded\b/i.test(what)) return 'Added';
  return 'Changed';
}

/** `createPbxConnectionProfile` (POST /v1.0/…/pbxs) request body: the operation by its operationId. */
function place(change: Change, release: Release): string {
  const match = /^([A-Z]+) (\S+)(?: (.*))?$/.exec(change.where);
  if (!match) return change.where;
  const [, method, path, part] = match;
  const operationId = operationIdOf(release.after, path!, method!) ?? operationIdOf(release.before, path!, method!);
  const operation = operationId ? `\`${operationId}\` (${method} ${path})` : `${method} ${path}`;
  return part ? `${operation} ${part}` : operation;
}

function operationIdOf(doc: Document, path: string, method: string): string | undefined {
  const id = listOperations(doc as OpenApiDocument).find((operation) => operation.method === method && operation.path === path)?.operationId;
  return typeof id === 'string' ? id : undefined;
}

function summaryOf(changeset: string): string {
  return changeset.replace(/^---\r?\n[\s\S]*?\r?\n?---\r?\n?/, '').trim();
}
