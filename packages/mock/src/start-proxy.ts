import { createForward } from './forward.js';
import type { RequestLogEntry } from './http-server.js';
import { checkOptions } from './option-table.js';
import { DEFAULTS, type LogLevel, type ServerOptions, atLeast } from './options.js';
import { proxyPipeline } from './pipeline/proxy.js';
import { type RunningMock as RunningProxy, loadMockContract, serve } from './serve.js';

export type { RunningProxy };

export interface ProxyOptions extends ServerOptions {
  /** Base URL of the real server, e.g. `https://api.na.myreports.cloud/api`. */
  upstream: string;
  /** An upstream silent this long gets the client a 504. Default 30 s. */
  upstreamTimeoutMs?: number;
}

/**
 * Validation proxy: Prism in this process between a client and a real server. Requests and answers
 * pass through unchanged; each exchange that breaks the contract is reported with every violation.
 */
export async function startProxy(given: ProxyOptions): Promise<RunningProxy> {
  const options = checkOptions(given, 'proxy');
  const upstream = new URL(options.upstream);
  const bodyLimit = options.bodyLimit ?? DEFAULTS.bodyLimit;
  const forward = createForward({ upstream, timeoutMs: options.upstreamTimeoutMs ?? DEFAULTS.upstreamTimeoutMs, bodyLimit: Math.max(bodyLimit, 10 * 1024 * 1024) });
  const contract = loadMockContract();
  return serve({
    ...options,
    contract,
    // The answer is checked by the contract core (pipeline/proxy.ts), not a second time by Prism.
    engine: { dynamic: false, validateAnswers: false, proxy: { upstream, forward } },
    pipeline: (engine) => proxyPipeline({ contract, engine }),
    wanted: proxyLineWanted,
  });
}

/** error: the proxy's own failures (5xx it made); warn: and its refusals and contract violations; info: every exchange. */
function proxyLineWanted(entry: RequestLogEntry, level: LogLevel): boolean {
  if (entry.fault || ((entry.status === 502 || entry.status === 504) && entry.message)) return atLeast(level, 'error');
  if (entry.violations || entry.message) return atLeast(level, 'warn');
  return atLeast(level, 'info');
}
