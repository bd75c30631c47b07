// IPv4 and CIDR arithmetic: overlap and membership are decided by numbers, never by strings.

export interface Cidr {
  network: number;
  prefix: number;
}

const OCTETS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseIPv4(text: string): number | null {
  const m = OCTETS.exec(text.trim());
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p, i) => p > 255 || (m[i + 1].length > 1 && m[i + 1].startsWith('0')))) return null;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

export function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses `a.b.c.d/p`. With `strict`, host bits must be zero (as New-NetNat requires). */
export function parseCidr(text: string, strict = true): Cidr | null {
  const [addr, len, extra] = text.trim().split('/');
  if (extra !== undefined || len === undefined || !/^\d{1,2}$/.test(len)) return null;
  const ip = parseIPv4(addr);
  const prefix = Number(len);
  if (ip === null || prefix > 32) return null;
  const network = (ip & mask(prefix)) >>> 0;
  if (strict && network !== ip) return null;
  return { network, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.network)}/${c.prefix}`;
}

export function broadcast(c: Cidr): number {
  return (c.network | ~mask(c.prefix)) >>> 0;
}

export function contains(c: Cidr, ip: number): boolean {
  return (ip & mask(c.prefix)) >>> 0 === c.network;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const p = Math.min(a.prefix, b.prefix);
  return (a.network & mask(p)) >>> 0 === (b.network & mask(p)) >>> 0;
}

/** The subnet an address with a prefix length lies in, e.g. 10.0.75.1/24 -> 10.0.75.0/24. */
export function subnetOf(ip: number, prefix: number): Cidr {
  return { network: (ip & mask(prefix)) >>> 0, prefix };
}
