import { join } from 'node:path';
import { PACKAGE_DIR, packageDir } from './paths.js';

/** One code generator, how to run it on the bundle, and where its output's create body and zod schemas are. */
export interface Generator {
  /** Folder name of its output under `generated/`. */
  name: string;
  /** The npm package whose pinned version is reported. */
  tool: string;
  /** Declares Node >= 22: runs under the official Node of `node-runtime.ts`. */
  needsNewerNode: boolean;
  /** Arguments after the node binary, for the bundle `spec` and the output folder `out`. */
  args(spec: string, out: string): string[][];
  /** The create body type, as an expression over `G`, the generated module `module` imported as a namespace. */
  createBody: { module: string; type: string };
  /** The zod validators of the create and patch bodies, when the generator makes them: [module, export]. */
  zod?: { create: [module: string, name: string]; patch: [module: string, name: string] };
}

const bin = (name: string, file: string) => join(packageDir(name), file);

export const GENERATORS: Generator[] = [
  {
    name: 'openapi-typescript',
    tool: 'openapi-typescript',
    needsNewerNode: false,
    args: (spec, out) => [[bin('openapi-typescript', 'bin/cli.js'), spec, '--output', join(out, 'schema.d.ts')]],
    createBody: { module: './schema', type: "G.components['schemas']['PbxConnectionProfileCreate']" },
  },
  {
    name: 'hey-api',
    tool: '@hey-api/openapi-ts',
    needsNewerNode: true,
    args: (spec, out) => [[bin('@hey-api/openapi-ts', 'bin/run.js'), '-i', spec, '-o', out, '-p', '@hey-api/typescript', '-p', 'zod', '-p', '@hey-api/client-fetch', '-p', '@hey-api/sdk']],
    createBody: { module: './types.gen', type: 'G.PbxConnectionProfileCreate' },
    zod: { create: ['./zod.gen', 'zPbxConnectionProfileCreate'], patch: ['./zod.gen', 'zJsonPatch'] },
  },
  {
    name: 'orval',
    tool: 'orval',
    needsNewerNode: true,
    args: (spec, out) => [
      [bin('orval', 'dist/bin/orval.mjs'), '--input', spec, '--output', join(out, 'client.ts'), '--client', 'fetch', '--log-level', 'error'],
      [bin('orval', 'dist/bin/orval.mjs'), '--input', spec, '--output', join(out, 'zod.ts'), '--client', 'zod', '--log-level', 'error'],
    ],
    createBody: { module: './client', type: 'G.PbxConnectionProfileCreate' },
    zod: { create: ['./zod', 'CreatePbxConnectionProfileBody'], patch: ['./zod', 'PatchPbxConnectionProfileBody'] },
  },
  {
    name: 'openapi-zod-client',
    tool: 'openapi-zod-client',
    needsNewerNode: false,
    args: (spec, out) => [
      [
        bin('openapi-zod-client', 'bin.js'),
        spec,
        '--output',
        join(out, 'schemas.ts'),
        '--template',
        bin('openapi-zod-client', 'src/templates/schemas-only.hbs'),
        '--export-schemas',
        '--strict-objects',
      ],
    ],
    createBody: { module: './schemas', type: "import('zod').input<typeof G.schemas.PbxConnectionProfileCreate>" },
    zod: { create: ['./schemas', 'schemas.PbxConnectionProfileCreate'], patch: ['./schemas', 'schemas.JsonPatch'] },
  },
  {
    name: 'kubb',
    tool: '@kubb/core',
    needsNewerNode: false,
    // Kubb's CLI sends telemetry unless told not to and always checks the registry for a newer
    // version; its programmatic build does neither.
    args: (spec, out) => [['--import', 'tsx', join(PACKAGE_DIR, 'src', 'kubb-generate.ts'), spec, out]],
    createBody: { module: './types/PbxConnectionProfileCreate', type: 'G.PbxConnectionProfileCreate' },
    zod: {
      create: ['./zod/pbxConnectionProfileCreateSchema', 'pbxConnectionProfileCreateSchema'],
      patch: ['./zod/jsonPatchSchema', 'jsonPatchSchema'],
    },
  },
  {
    name: 'swagger-typescript-api',
    tool: 'swagger-typescript-api',
    needsNewerNode: false,
    args: (spec, out) => [[bin('swagger-typescript-api', 'dist/cli.mjs'), 'generate', '--path', spec, '--output', out, '--name', 'api.ts', '--silent']],
    createBody: { module: './api', type: 'G.PbxConnectionProfileCreate' },
  },
];
