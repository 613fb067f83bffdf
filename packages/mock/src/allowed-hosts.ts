import { isIP } from 'node:net';

/**
 * Which `Host` headers (and `Origin`s, for the mock's own paths) name this machine's mock. A web
 * page that rebinds its own DNS name to 127.0.0.1 sends its name as `Host`, so only these names
 * are answered (the model is Vite's `server.allowedHosts`):
 * - IP addresses: a page cannot rebind an address, only a name;
 * - `localhost` and `*.localhost` (RFC 6761: always this machine);
 * - the address the mock listens on, the public URL's host;
 * - the names the user gives (`--allowed-hosts`); one that starts with a dot, its subdomains too.
 * Ports are not compared: a container's or a tunnel's port mapping changes the port the client
 * sees, and the name alone stops a rebinding page. `true` answers every host.
 */
export type AllowedHosts = true | readonly string[];

/** True when `hostHeader` (a `Host` value: `name`, `name:port`, `[v6]:port`) names this mock; an absent one passes (no browser omits it). */
export type HostCheck = (hostHeader: string | undefined) => boolean;

export function hostCheck(allowed: AllowedHosts | undefined, own: readonly (string | undefined)[]): HostCheck {
  if (allowed === true) return () => true;
  const names = new Set<string>();
  const domains: string[] = [];
  for (const name of [...own, ...(allowed ?? [])]) {
    if (name === undefined) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('.')) domains.push(lower);
    else names.add(lower);
  }
  return (hostHeader) => {
    if (hostHeader === undefined) return true;
    const name = hostnameOf(hostHeader);
    if (name === undefined) return false;
    if (isIP(name.replace(/^\[|\]$/g, '')) !== 0 || name === 'localhost' || name.endsWith('.localhost') || names.has(name)) return true;
    return domains.some((domain) => name === domain.slice(1) || name.endsWith(domain));
  };
}

/** The host name of a `Host` value or an origin, lower case (IPv6 in brackets); undefined when it is not one. */
export function hostnameOf(value: string): string | undefined {
  const origin = value.includes('://');
  // A Host value is host[:port] only: nothing a URL could read as a path, a user or a query.
  if (!origin && /[/?#@\\\s]/.test(value)) return undefined;
  try {
    return new URL(origin ? value : `http://${value}`).hostname || undefined;
  } catch {
    return undefined;
  }
}
