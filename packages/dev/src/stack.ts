import type { Service, StartedService } from './service.js';

export interface RunningStack {
  services: StartedService[];
  /** Stops every service, last started first. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the services in order; if one fails, stops those already started and rethrows. */
export async function startStack(services: Service[]): Promise<RunningStack> {
  const started: StartedService[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const service of [...started].reverse()) await service.stop();
    })());
  try {
    for (const service of services) started.push(await service.start());
  } catch (error) {
    await stop();
    throw error;
  }
  return { services: started, stop };
}

/** The banner: every URL, then each service's usage lines. */
export function describeStack(services: StartedService[]): string {
  const width = Math.max(...services.map((service) => service.name.length));
  return [
    '',
    'myreports Enterprise Portal API: local stack',
    ...services.map((service) => `  ${service.name.padEnd(width)}  ${service.url}  (${service.description})`),
    ...services.flatMap((service) => (service.usage ? ['', ...service.usage.map((line) => `  ${line}`)] : [])),
    '',
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}
