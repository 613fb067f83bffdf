// The package is types only, but an `exports` entry with no JavaScript behind it breaks bundlers and
// `import` of the package in tools that resolve the runtime file. An empty module makes both work.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/index.js', import.meta.url), '// Types only: see index.d.ts.\nexport {};\n');
