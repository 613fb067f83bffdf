// The option table (src/option-table.ts) is the one source of the command line's flags, its
// variables, its --help and the checks of startMock/startProxy: each row is checked here once.
import { describe, expect, it } from 'vitest';
import { MockSetupError, USAGE, parseMockCommand, startMock, startProxy } from '@myreports/pbx-mock';
import { OPTIONS, variableOf } from '../src/option-table.js';

const FLAGS = OPTIONS.filter((option) => option.flag !== undefined);

describe('the option table', () => {
  it.each(FLAGS.map((option) => [option.flag!, option]))('--%s is in --help with its variable', (flag, option) => {
    const line = USAGE.split('\n').find((candidate) => candidate.startsWith(`  --${flag} `))!;
    expect(line).toBeDefined();
    expect(USAGE).toContain(`[${variableOf(flag)}${option.kind.arg ? '' : '=true'}]`);
  });

  it('names each variable after its flag', () => {
    expect(FLAGS.map((option) => variableOf(option.flag!))).toEqual(expect.arrayContaining(['PBX_MOCK_LOG_LEVEL', 'PBX_MOCK_SEED_FILE', 'PBX_MOCK_UPSTREAM_TIMEOUT']));
  });

  it('reads a flag over its variable, and an empty variable as unset', () => {
    expect(parseMockCommand(['--port', '4100'], { PBX_MOCK_PORT: '4200' }).options).toEqual({ port: 4100 });
    expect(parseMockCommand([], { PBX_MOCK_PORT: '4200', PBX_MOCK_STRICT: 'yes' }).options).toEqual({ port: 4200, strict: true });
    expect(parseMockCommand([], { PBX_MOCK_PORT: '', PBX_MOCK_PUBLIC_URL: '' }).options).toEqual({});
  });

  it.each([
    [['proxy', 'https://api.example.com', '--strict', '--seed', 'x'], '--seed and --strict apply to the mock, not to proxy mode.'],
    [['--upstream-timeout', '5'], '--upstream-timeout applies to proxy mode.'],
    [['proxy', 'https://api.example.com', '--upstream-timeout', '3000000000'], '--upstream-timeout must be a whole number of milliseconds from 1 to 2147483647, not "3000000000".'],
  ])('%j: "%s"', (args, message) => {
    expect(() => parseMockCommand(args, {})).toThrow(new MockSetupError(message));
  });
});

describe('startMock and startProxy check their options as the command line does', () => {
  it.each([
    [{ bodyLimit: -1 }, 'bodyLimit must be a whole number above 0, not "-1".'],
    [{ maxPatchOperations: -5 }, 'maxPatchOperations must be a whole number above 0, not "-5".'],
    [{ maxProfiles: 0 }, 'maxProfiles must be a whole number above 0, not "0".'],
    [{ maxProfiles: 1.5 }, 'maxProfiles must be a whole number above 0, not "1.5".'],
    [{ static: true, stateFile: 'state.json', maxProfiles: 5 }, 'stateFile, maxProfiles apply to the twin, not to static replay (static).'],
    [{ dynamic: true, empty: true }, 'empty apply to the twin, not to static replay (dynamic).'],
    [{ empty: true, seedFile: 'seed.json' }, 'Choose either an empty start or a seed file, not both.'],
    [{ port: 70000 }, 'port must be a port number from 0 to 65535 (0 picks a free port), not "70000".'],
    [{ logLevel: 'loud' }, 'logLevel must be one of silent, error, warn, info, debug, not "loud".'],
    [{ publicUrl: 'mock.example.com' }, 'publicUrl must be an http(s) URL'],
  ])('startMock(%j) rejects: "%s"', async (options, message) => {
    const rejected = startMock({ ...(options as object), logLevel: 'silent', ...(options as object) });
    await expect(rejected).rejects.toThrow(MockSetupError);
    await expect(rejected).rejects.toThrow(message);
  });

  it('startProxy refuses a timer Node cannot set', async () => {
    await expect(startProxy({ upstream: 'https://api.example.com', port: 0, upstreamTimeoutMs: 3_000_000_000 })).rejects.toThrow(
      'upstreamTimeoutMs must be a whole number of milliseconds from 1 to 2147483647',
    );
  });

  it('takes a switch set to false as not given: no conflict', async () => {
    const mock = await startMock({ port: 0, logLevel: 'silent', static: true, empty: false, dynamic: false });
    await mock.stop();
    const twin = await startMock({ port: 0, logLevel: 'silent', static: false, empty: true, maxProfiles: 1 });
    await twin.stop();
  });

  it('normalises as the command line does: cors to its origin', async () => {
    const mock = await startMock({ port: 0, logLevel: 'silent', static: true, cors: 'https://app.example.com/path' });
    try {
      const answer = await fetch(`${mock.url}/v1.0/pbxs?instanceId=1`, { headers: { authorization: 'Bearer x', origin: 'https://app.example.com' } });
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    } finally {
      await mock.stop();
    }
  });
});
