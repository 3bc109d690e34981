/**
 * Which addresses a capture requested over the API may reach. The server fetches what a user names, so without a
 * check a user could make it load its own admin pages, the database's HTTP port, or a cloud metadata service
 * (server-side request forgery). Refused by default: loopback, private (RFC 1918, unique-local), link-local (the
 * metadata services at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges. `allow` names hosts
 * (exact names) and addresses or ranges (CIDR) that are reachable nonetheless — a test server on loopback, an
 * intranet mirror. Every request of the page is checked, not only the first (captureUrl's `allowRequest`): an image
 * or script pointing inward is never requested. A redirect inward is followed by Chromium before it can be stopped
 * (one blind request), but then the whole capture is refused and nothing it returned is kept. A name is resolved
 * here and again by Chromium; a resolver that answers differently the second time (DNS rebinding) is not caught —
 * run captures behind an egress proxy or firewall where either matters.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ImketenError } from '../domain/errors.js';

const REFUSED_V4 = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const;
const REFUSED_V6 = [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const;

function refusedRanges(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of REFUSED_V4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of REFUSED_V6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}
const REFUSED = refusedRanges();

export interface CaptureTargetPolicy {
  /** Host names, addresses and CIDR ranges reachable although private (IMKETEN_CAPTURE_ALLOW). */
  allow: readonly string[];
}

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 address it is. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

function allowedRanges(allow: readonly string[]): { names: Set<string>; ranges: BlockList } {
  const names = new Set<string>();
  const ranges = new BlockList();
  for (const entry of allow) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0) { names.add(entry.toLowerCase()); continue; }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) ranges.addAddress(address!, type);
    else ranges.addSubnet(address!, Number(prefix), type);
  }
  return { names, ranges };
}

/** The reason a URL may not be captured, or undefined when it may. Resolves the host name. */
export async function captureTargetProblem(url: string, policy: CaptureTargetPolicy): Promise<string | undefined> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `'${url.slice(0, 200)}' is not a URL`;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return `only http and https pages can be captured, not '${target.protocol}'`;
  if (target.username || target.password) return 'a URL with a user name or password is not captured';
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const { names, ranges } = allowedRanges(policy.allow);
  if (names.has(host)) return undefined;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return `the host ${host} cannot be resolved`;
  }
  for (const raw of addresses) {
    const address = unmapped(raw);
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (REFUSED.check(address, type) && !ranges.check(address, type)) {
      return `${host} is ${address}, a loopback, private, link-local or reserved address: the server does not fetch inward addresses (allow them with IMKETEN_CAPTURE_ALLOW)`;
    }
  }
  return undefined;
}

/** Throws INVALID_INPUT naming why the URL may not be captured. */
export async function assertCaptureTarget(url: string, policy: CaptureTargetPolicy): Promise<void> {
  const problem = await captureTargetProblem(url, policy);
  if (problem) throw new ImketenError('INVALID_INPUT', `Cannot capture ${url.slice(0, 500)}: ${problem}.`, [{ field: 'url', message: problem }]);
}
