// Addresses as Windows reports them. A firewall address filter given as `10.0.75.0/24` comes
// back from Get-NetFirewallAddressFilter as `10.0.75.0/255.255.255.0` (NetworkingDsc#404), so
// both notations, single addresses, ranges and keywords compare by what they mean.
import { formatCidr, formatIPv4, mask, parseIPv4, type Cidr } from '../net/ipv4.js';

/** A prefix length from a dotted mask, or null when the mask is not contiguous (255.0.255.0). */
function prefixOfMask(text: string): number | null {
  const m = parseIPv4(text);
  if (m === null) return null;
  for (let p = 0; p <= 32; p++) if (mask(p) === m) return p;
  return null;
}

/** `a.b.c.d/24` or `a.b.c.d/255.255.255.0` (host bits allowed, as the host may report them). */
export function parseAddressPrefix(text: string): Cidr | null {
  const [addr, suffix, extra] = text.trim().split('/');
  if (suffix === undefined || extra !== undefined) return null;
  const ip = parseIPv4(addr);
  const prefix = suffix.includes('.') ? prefixOfMask(suffix) : /^\d{1,2}$/.test(suffix) ? Number(suffix) : null;
  if (ip === null || prefix === null || prefix > 32) return null;
  return { network: (ip & mask(prefix)) >>> 0, prefix };
}

/**
 * One address filter entry in a canonical form: `Any`, keywords in lower case, `10.0.75.0/24`
 * for either prefix notation (a /32 is the address itself), ranges as `lo-hi`. Unknown text is
 * kept, in lower case.
 */
export function canonicalAddress(entry: string): string {
  const a = entry.trim();
  if (a === '*' || /^any$/i.test(a)) return 'any';
  const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(a);
  if (range) {
    const lo = parseIPv4(range[1]);
    const hi = parseIPv4(range[2]);
    if (lo !== null && hi !== null) return lo === hi ? formatIPv4(lo) : `${formatIPv4(lo)}-${formatIPv4(hi)}`;
  }
  const c = parseAddressPrefix(a);
  if (c) return c.prefix === 32 ? formatIPv4(c.network) : formatCidr(c);
  const ip = parseIPv4(a);
  if (ip !== null) return formatIPv4(ip);
  return a.toLowerCase();
}

/** Two address filters (lists, in any order and notation) that allow the same addresses. */
export function sameAddressFilter(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const key = (list: readonly string[] | undefined) => {
    const entries = (list?.length ? list : ['Any'])
      .flatMap((x) => String(x).split(','))
      .map(canonicalAddress)
      .filter(Boolean);
    return [...new Set(entries.length ? entries : ['any'])].sort().join(',');
  };
  return key(a) === key(b);
}
