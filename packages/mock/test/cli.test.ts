import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { threeCxCreate, watchOutput } from '@myreports/pbx-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(PACKAGE, 'dist/cli.js');
const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Runs the CLI to completion; resolves with its exit code and output. */
async function runCli(args: string[], env: Record<string, string> = {}, cli = CLI) {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pbx-mock setup errors', () => {
  it.each([
    [['--prot', '4011'], "Unknown option '--prot'"],
    [['--port', 'http'], '--port must be a port number from 0 to 65535'],
    [['--port', '70000'], '--port must be a port number from 0 to 65535'],
    [['--log-level', 'loud'], '--log-level must be one of silent, error, warn, info, debug, not "loud"'],
    [['serve'], 'Unknown command "serve"'],
    [['proxy'], 'proxy needs exactly one upstream URL'],
    [['proxy', 'https://api.na.myreports.cloud/api', '--dynamic'], '--dynamic applies to the mock, not to proxy mode'],
    [['proxy', 'https://api.na.myreports.cloud/api', '--empty'], '--empty applies to the mock, not to proxy mode'],
    [['proxy', 'https://api.na.myreports.cloud/api', '--upstream-timeout', '3000000000'], '--upstream-timeout must be a whole number of milliseconds from 1 to 2147483647'],
    [['--max-profiles', '0'], '--max-profiles must be a whole number above 0, not "0"'],
    [['--max-profiles', 'many'], '--max-profiles must be a whole number above 0'],
    [['--static', '--state-file', 'state.json'], 'stateFile apply to the twin, not to static replay'],
    [['--empty', '--seed-file', 'seed.json'], 'Choose either an empty start or a seed file'],
    [['--seed-file', '/nonexistent/seed.json'], 'Seed file /nonexistent/seed.json does not exist'],
  ])('%j: exits 1 with "%s" and no stack trace', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [{ PBX_MOCK_PORT: 'x' }, 'PBX_MOCK_PORT must be a port number'],
    [{ PBX_MOCK_LOG_LEVEL: 'verbose' }, 'PBX_MOCK_LOG_LEVEL must be one of'],
    [{ PBX_MOCK_DYNAMIC: 'maybe' }, 'PBX_MOCK_DYNAMIC must be true or false'],
    [{ PBX_MOCK_STATIC: 'maybe' }, 'PBX_MOCK_STATIC must be true or false'],
    [{ PBX_MOCK_MAX_PROFILES: '-1' }, 'PBX_MOCK_MAX_PROFILES must be a whole number above 0'],
    [{ PBX_MOCK_EMPTY: 'true', PBX_MOCK_SEED_FILE: 'seed.json' }, 'Choose either an empty start or a seed file'],
  ])('environment %j: exits 1 with "%s"', async (env, message) => {
    const { code, stderr } = await runCli([], env);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });

  describe('when the spec has not been built', () => {
    let root: string;
    afterAll(() => root && rm(root, { recursive: true, force: true }));

    it('says so and how to build it', async () => {
      // A copy of the built package whose spec dependency has no dist/ yet.
      root = await mkdtemp(join(tmpdir(), 'pbx-mock-unbuilt-'));
      const pkg = join(root, 'node_modules/@myreports/pbx-mock');
      await mkdir(dirname(pkg), { recursive: true });
      await cp(join(PACKAGE, 'dist'), join(pkg, 'dist'), { recursive: true });
      await cp(join(PACKAGE, 'package.json'), join(pkg, 'package.json'));
      const specPackage = join(root, 'node_modules/@myreports/pbx-openapi');
      await mkdir(specPackage, { recursive: true });
      await writeFile(join(specPackage, 'package.json'), await readFile(require.resolve('@myreports/pbx-openapi/package.json')));
      // The contract core as a copy too: a link would lead Node back to the built spec of the repository.
      const contract = join(root, 'node_modules/@myreports/pbx-contract');
      const contractSource = dirname(require.resolve('@myreports/pbx-contract/package.json'));
      await cp(join(contractSource, 'dist'), join(contract, 'dist'), { recursive: true });
      await cp(join(contractSource, 'package.json'), join(contract, 'package.json'));
      // Every third-party dependency of both, read from their manifests, so a new one cannot be missed.
      const manifests = [await readFile(join(PACKAGE, 'package.json'), 'utf8'), await readFile(join(contractSource, 'package.json'), 'utf8')];
      const dependencies = manifests.flatMap((manifest) => Object.keys(JSON.parse(manifest).dependencies ?? {}));
      const installedRoot = join(dirname(require.resolve('ajv/package.json')), '..');
      for (const scope of new Set(dependencies.filter((name) => !name.startsWith('@myreports/')).map((name) => name.split('/')[0]!))) {
        await symlink(join(installedRoot, scope), join(root, 'node_modules', scope));
      }

      const { code, stderr } = await runCli(['--port', '0'], {}, join(pkg, 'dist/cli.js'));
      expect(code).toBe(1);
      expect(stderr).toContain('The bundled spec (@myreports/pbx-openapi/openapi.json) is missing: build it with `npm run build`');
    });
  });
});

describe('pbx-mock --help', () => {
  /** Runs `code` as a module in a fresh Node; resolves with its output and every CommonJS module it loaded (Prism is CommonJS). */
  async function loadedBy(code: string) {
    // The list goes to a file, written synchronously at exit: on a pipe (stderr) a synchronous write of
    // a long list can be cut short (a partial write into a full pipe), and the JSON with it.
    const list = join(await mkdtemp(join(tmpdir(), 'pbx-mock-modules-')), 'modules.json');
    const probe = `import { writeFileSync } from 'node:fs'; import { createRequire } from 'node:module'; process.on('exit', () => writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(createRequire(import.meta.url).cache))));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', `${probe}\n${code}`]);
    const modules = JSON.parse(await readFile(list, 'utf8')) as string[];
    await rm(dirname(list), { recursive: true, force: true });
    return { stdout, modules };
  }

  it('answers without loading the engine: no Prism module is loaded', async () => {
    const { stdout, modules } = await loadedBy(`process.argv.splice(1, Infinity, 'pbx-mock', '--help'); await import(${JSON.stringify(pathToFileURL(CLI).href)});`);
    expect(stdout).toContain('pbx-mock proxy <upstream>');
    expect(modules.filter((file) => file.includes('@stoplight'))).toEqual([]);
  });

  it('(the same probe sees Prism once the engine is loaded)', async () => {
    const { modules } = await loadedBy(`await import(${JSON.stringify(pathToFileURL(join(PACKAGE, 'dist/prism-engine.js')).href)});`);
    expect(modules.some((file) => file.includes('@stoplight/prism-http'))).toBe(true);
  });
});

describe('pbx-mock in the foreground', () => {
  it('prints its URL, logs one line per request without secrets, and stops on Ctrl-C leaving nothing listening', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = watchOutput(child);
    await output.until('Ctrl-C stops it');
    const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.text())![1]!;

    const body = { ...threeCxCreate(), username: undefined };
    const answer = await call(url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body });
    expect(answer.status).toBe(400);
    await output.until(/POST\s+\/v1\.0\/accounts\/.+\/pbxs → 400 \(\d+ ms\) Invalid request: body field username is required\./);
    await call(url, 'GET', PATHS.find('licenseKey-secret'), { headers: { authorization: 'Bearer secret-token' } });
    await output.until('/v1.0/pbxs?instanceId=… → 200');
    expect(output.text()).not.toMatch(/licenseKey-secret|secret-token|password password/);

    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
