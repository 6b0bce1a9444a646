/**
 * Where the outbox may send: a subscription's URL must name a public host. Loopback, private,
 * link-local and unspecified addresses (and `localhost`) would let whoever edits subscriptions
 * reach the app's own network, unless the operator allows them (SEED_OUTBOX_ALLOW_PRIVATE=true).
 * Works on the URL's text only: a public name that resolves to a private address is not caught.
 */

const ipv4 = (host: string): number[] | null => {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) return null;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : null;
};

const privateIpv4 = ([a, b]: number[]): boolean =>
  a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, hex, no brackets). */
const ipv6Groups = (host: string): number[] | null => {
  if (!host.includes(':') || !/^[0-9a-f:.]+$/i.test(host)) return null;
  const [head, tail] = host.includes('::') ? host.split('::') : [host, null];
  const groups = (text: string) => (text === '' ? [] : text.split(':').map((group) => parseInt(group, 16)));
  const start = groups(head);
  const end = tail === null ? [] : groups(tail);
  const middle = tail === null ? [] : Array<number>(8 - start.length - end.length).fill(0);
  const all = [...start, ...middle, ...end];
  return all.length === 8 && all.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? all : null;
};

const privateIpv6 = (groups: number[]): boolean => {
  const [first] = groups;
  const zeroesBefore = (count: number) => groups.slice(0, count).every((group) => group === 0);
  if (zeroesBefore(7) && (groups[7] === 0 || groups[7] === 1)) return true; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d, written ::ffff:xxxx:xxxx): the IPv4 address decides.
  if (zeroesBefore(5) && groups[5] === 0xffff) return privateIpv4([groups[6] >> 8, groups[6] & 0xff]);
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80; // fc00::/7, fe80::/10
};

/** Whether a host (as `new URL(…).hostname` gives it) is loopback, private, link-local, unspecified or `localhost`. */
export const isPrivateHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4(host);
  if (v4) return privateIpv4(v4);
  const v6 = ipv6Groups(host);
  return v6 ? privateIpv6(v6) : false;
};

/** Why the outbox may not send to this URL, or null when it may. */
export const refusedDestination = (url: string, allowPrivate: boolean): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'an http(s) URL is expected';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'an http(s) URL is expected';
  if (!allowPrivate && isPrivateHost(parsed.hostname)) {
    return 'a public host is expected: loopback, private and link-local addresses and localhost are refused (SEED_OUTBOX_ALLOW_PRIVATE=true allows them)';
  }
  return null;
};
