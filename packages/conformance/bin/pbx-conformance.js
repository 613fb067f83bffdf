#!/usr/bin/env node
// The `pbx-conformance` command. A committed file rather than dist/cli.js itself: npm links a
// package's commands when it installs it, and in this repository `npm ci` runs before the build has
// written dist/, so a command pointing into dist/ would never be linked.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('pbx-conformance is not built yet: run `npm run build` at the repository root first.');
  process.exit(2);
}
await import(cli.href);
