import { kazooCreate, threeCxCreate } from '@myreports/pbx-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { type LogLevel, type RunningMock, startMock } from '@myreports/pbx-mock';
import { BEARER, PATHS, WRITE_HEADERS, call } from './support/mock-client.js';

const running: RunningMock[] = [];
afterAll(() => Promise.all(running.map((mock) => mock.stop())));

/** Every line a mock at `level` prints for a valid request, a refused one and a secret-laden one. */
async function linesAt(level: LogLevel): Promise<string> {
  const lines: string[] = [];
  const mock = await startMock({ port: 0, logLevel: level, log: (line) => lines.push(line) });
  running.push(mock);
  await call(mock.url, 'GET', PATHS.profiles, { headers: BEARER });
  await call(mock.url, 'GET', PATHS.profile('not-a-guid'), { headers: BEARER });
  await call(mock.url, 'POST', PATHS.profiles, { headers: { ...WRITE_HEADERS, authorization: 'Bearer secret-token' }, body: { ...threeCxCreate(), licenseKey: 'LK-SECRET', password: 'PW-SECRET' } });
  await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), apiKey: 'AK-SECRET' } });
  await call(mock.url, 'PATCH', PATHS.profile(), { headers: WRITE_HEADERS, body: [{ op: 'replace', path: '/apiKey', value: 'PATCH-SECRET' }] });
  await call(mock.url, 'GET', PATHS.find('QUERY-SECRET'), { headers: BEARER });
  await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: '{"_type":"KazooPbxConnectionProfile","\\u001b[2J\\n12:00:00 GET / → 200":1}' });
  // A field name that would forge an indented line, as a contract violation is printed.
  await call(mock.url, 'POST', PATHS.profiles, { headers: WRITE_HEADERS, body: { ...kazooCreate(), 'x\n    forged violation': 1 } });
  // Stopped, the mock has logged every request it served.
  await mock.stop();
  return lines.join('\n');
}

describe('the log level governs everything printed, with no secret at any level', () => {
  it('error: nothing for 2xx and 4xx', async () => {
    expect(await linesAt('error')).toBe('');
  });

  it('warn: the refused requests only', async () => {
    const log = await linesAt('warn');
    expect(log).toMatch(/→ 400/);
    expect(log.split('\n').filter((line) => /^\d\d:\d\d:\d\d \S+ +\S+ → 20\d/.test(line))).toEqual([]);
  });

  it('info: one line per request', async () => {
    expect((await linesAt('info')).split('\n').filter((line) => /→ \d{3}/.test(line))).toHaveLength(8);
  });

  it.each(['info', 'debug'] as const)('%s: secrets masked, control characters escaped', async (level) => {
    const log = await linesAt(level);
    if (level === 'debug') expect(log).toContain('NEGOTIATOR: ');
    for (const secret of ['secret-token', 'LK-SECRET', 'PW-SECRET', 'AK-SECRET', 'PATCH-SECRET', 'QUERY-SECRET', 'Bearer test-token']) expect(log).not.toContain(secret);
    expect(log).not.toContain('\u001b');
    expect(log).toContain('\\u001b[2J');
    expect(log.split('\n').every((line) => /^\d\d:\d\d:\d\d |^ {4}|^[A-Z ]+: /.test(line))).toBe(true);
    expect(log).toContain('x\\n    forged violation is not allowed');
    expect(log.split('\n').filter((line) => line.includes('forged violation') && /^\s/.test(line))).toEqual([]);
  });
});
