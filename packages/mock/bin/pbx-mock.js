#!/usr/bin/env node
// The `pbx-mock` command. A committed file rather than dist/cli.js itself: npm links a package's
// commands when it installs it, and in this repository `npm ci` runs before the build has written
// dist/, so a command pointing into dist/ would never be linked (npx would then look the name up on
// the registry instead).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  // A clone of the repository before its first build: `--help` still answers, from the source
  // (tsx is the repository's; a published package always has dist/).
  if (process.argv.includes('--help')) {
    const { tsImport } = await import('tsx/esm/api');
    console.log((await tsImport('../src/cli-options.ts', import.meta.url)).USAGE);
    process.exit(0);
  }
  console.error('pbx-mock is not built yet: run `npm run build` at the repository root first.');
  process.exit(1);
}
await import(cli.href);
