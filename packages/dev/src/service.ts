/** One part of the local stack: the mock API or the reference docs. */
export interface Service {
  /** Shown in the start banner, e.g. "Mock API". */
  name: string;
  start(): Promise<StartedService>;
}

export interface StartedService {
  name: string;
  url: string;
  /** What the service is, after its URL in the banner. */
  description: string;
  /** Lines printed under the banner (a curl example, a hint). */
  usage?: string[];
  stop(): Promise<void>;
}
