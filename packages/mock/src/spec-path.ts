import { createRequire } from 'node:module';
import { MockSetupError } from './options.js';

const require = createRequire(import.meta.url);

/** Absolute path of the bundled spec the mock serves (`@myreports/pbx-openapi/openapi.yaml`). */
export function bundledSpecPath(): string {
  try {
    return require.resolve('@myreports/pbx-openapi/openapi.yaml');
  } catch {
    throw new MockSetupError(
      'The bundled spec (@myreports/pbx-openapi/openapi.yaml) is missing: build it with `npm run build` at the repository root.',
    );
  }
}

/** The Prism CLI's JavaScript entry, run with this Node (the `.bin` shell wrapper is not portable). */
export function prismEntryPath(): string {
  return require.resolve('@stoplight/prism-cli');
}

/** The preload that makes Prism exit when its parent does. */
export function dieWithParentPath(): string {
  return require.resolve('./die-with-parent.cjs');
}
