// A front-end app as a developer runs one: a page served on another local port calls the mock from
// a real browser, preflight included (a create sends Authorization and Content-Type); a page the
// mock does not know cannot read its answers.
import { once } from 'node:events';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chromium } from 'playwright-core';
import { IDS, kazooCreate, validAcceptCharges } from '@myreports/pbx-fixtures';
import { type RunningMock, startMock } from '@myreports/pbx-mock';
import { CHROMIUM_ARGS, CHROMIUM_PATH, STEP_GUARD } from './support/browser.js';

let mock: RunningMock;
let app: Server;
let browser: Browser;
const profiles = `/v1.0/accounts/${IDS.accountTenantId}/customers/${IDS.customerTenantId}/pbxs`;

beforeAll(async () => {
  mock = await startMock({ port: 0, logLevel: 'silent' });
  // The app's own server: an empty page on another port of this machine.
  app = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'));
  app.listen(0, '127.0.0.1');
  await once(app, 'listening');
  // app.example.test is a name the mock does not know that leads to the same local server, so only
  // CORS (not the browser's rules for public pages calling local ones) decides what the page reads.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP app.example.test 127.0.0.1'], timeout: STEP_GUARD });
});
afterAll(async () => {
  await browser?.close();
  app?.close();
  await mock?.stop();
});

/** Runs `fetch` in a page of `origin` and returns what the page could read. */
async function fetchFrom(origin: string, url: string, init: RequestInit): Promise<{ status: number; location: string | null; body: unknown } | { error: string }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(STEP_GUARD);
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(
      async ([target, options]) => {
        try {
          const response = await fetch(target, options);
          return { status: response.status, location: response.headers.get('location'), body: await response.json() };
        } catch (error) {
          return { error: String(error) };
        }
      },
      [url, init] as const,
    );
  } finally {
    await page.close();
  }
}

describe('a browser app calls the mock', () => {
  it('from another local port: a create (preflighted) answers 201 and the page reads it, Location included', async () => {
    const origin = `http://localhost:${(app.address() as AddressInfo).port}`;
    const answer = await fetchFrom(origin, `${mock.url}${profiles}`, {
      method: 'POST',
      headers: { authorization: 'Bearer any', 'content-type': 'application/json', 'accept-charges': validAcceptCharges },
      body: JSON.stringify({ ...kazooCreate(), name: 'From the browser' }),
    });
    expect(answer).toMatchObject({ status: 201, location: expect.stringContaining(profiles), body: { status: 'success', data: { name: 'From the browser' } } });
  });

  it('from a page the mock does not know: the browser keeps the answer from it', async () => {
    const answer = await fetchFrom(`http://app.example.test:${(app.address() as AddressInfo).port}`, `${mock.url}${profiles}`, { headers: { authorization: 'Bearer any' } });
    expect(answer).toMatchObject({ error: expect.stringContaining('Failed to fetch') });
  });
});
