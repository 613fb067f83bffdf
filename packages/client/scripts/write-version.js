// Writes src/version.ts from package.json before each build, so the client header always names the
// version being built (changesets bumps package.json only).
import { readFileSync, writeFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const source = `// Written by scripts/write-version.js from package.json at build time; do not edit.
/** The client header every request sends (\`User-Agent\` outside browsers). */
export const USER_AGENT = '${name.replace('@myreports/', 'myreports-')}/${version}';
`;
writeFileSync(new URL('../src/version.ts', import.meta.url), source);
