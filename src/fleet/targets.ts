// The hosts a fleet run acts on: --computer-name A,B,... and --inventory FILE (one host a line,
// `#` comments; or JSON with per-host setting overrides). A host is NAME or NAME:PORT (an IPv6
// address in brackets: [::1]:5986); every name is checked before anything connects.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { nameKey } from '../windows/names.js';

export interface Target {
  /** As the user wrote it (the report's key). */
  computerName: string;
  /** What New-PSSession connects to. */
  address: string;
  port?: number;
  /** Per-host settings, by flag name (vm-name, subnet, ...), over the run's own. */
  settings: Record<string, string>;
}

const NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252})|\[[0-9A-Fa-f:.]+\])$/;

/** One host from its written form; a clear error names the value otherwise. */
export function parseTarget(written: string, where: string, settings: Record<string, string> = {}): Target {
  const text = written.trim();
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(text);
  const address = m?.[1] ?? '';
  const port = m?.[2] === undefined ? undefined : Number(m[2]);
  if (!NAME.test(address) || (port !== undefined && (port < 1 || port > 65535))) {
    throw new UsageError(`${where}: ${JSON.stringify(written)} is not a host: give a computer name, an IPv4 address or [IPv6 address], optionally :PORT (1-65535)`);
  }
  return { computerName: text, address: address.replace(/^\[(.*)\]$/, '$1'), ...(port === undefined ? {} : { port }), settings };
}

/** The text form: one host a line, `#` starts a comment, blank lines ignored. */
export function parseInventoryText(text: string, file: string): Target[] {
  const targets: Target[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const host = line.replace(/#.*$/, '').trim();
      if (host) targets.push(parseTarget(host, `${file} line ${i + 1}`));
    });
  return targets;
}

/**
 * The JSON form: { "hosts": [ "DEV-01", { "computerName": "DEV-02", "settings": { "vm-name": "x" } } ] }
 * (or the array alone). Setting values are strings, as on the command line, and validated there.
 */
export function parseInventoryJson(doc: unknown, file: string): Target[] {
  const list = Array.isArray(doc) ? doc : (doc as { hosts?: unknown } | null)?.hosts;
  if (!Array.isArray(list)) throw new UsageError(`${file}: a JSON inventory is an array of hosts or { "hosts": [...] }`);
  return list.map((entry, i) => {
    const where = `${file} hosts[${i}]`;
    if (typeof entry === 'string') return parseTarget(entry, where);
    const e = entry as { computerName?: unknown; settings?: unknown } | null;
    if (!e || typeof e.computerName !== 'string') throw new UsageError(`${where}: give a string or { "computerName": "...", "settings": { ... } }`);
    const settings: Record<string, string> = {};
    if (e.settings !== undefined) {
      if (typeof e.settings !== 'object' || e.settings === null || Array.isArray(e.settings))
        throw new UsageError(`${where}.settings: must be an object of setting flags to values`);
      for (const [k, v] of Object.entries(e.settings)) {
        if (typeof v !== 'string' && typeof v !== 'number') throw new UsageError(`${where}.settings.${k}: must be a string or a number, not ${JSON.stringify(v)}`);
        settings[k] = String(v);
      }
    }
    return parseTarget(e.computerName, where, settings);
  });
}

function readInventory(file: string): Target[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--inventory ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (/^\uFEFF?\s*[[{]/.test(text)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new UsageError(`--inventory ${file}: not valid JSON (${(e as Error).message})`);
    }
    return parseInventoryJson(doc, file);
  }
  return parseInventoryText(text, file);
}

/** Every target of the run, each once (the first mention wins); none when neither option is given. */
export function readTargets(argv: Record<string, unknown>): Target[] {
  const names = ([] as unknown[])
    .concat(argv['computer-name'] ?? [])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const targets = [...names.map((n) => parseTarget(n, '--computer-name')), ...(typeof argv.inventory === 'string' ? readInventory(argv.inventory) : [])];
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = nameKey(t.computerName);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
