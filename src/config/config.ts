// Loads the desired state from its sources, in precedence: flags > MOBYKIT_* env > --config FILE
// > defaults. Every value is validated; all problems are reported at once, and nothing changes.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { decodeText } from '../text-file.js';
import { SETTINGS, SETTING_BY_KEY, type Setting, type Value } from './schema.js';

type Source = 'default' | 'file' | 'env' | 'flag';

export interface Config {
  switch: { name: string };
  network: { subnet: string; hostAddress: string; vmAddress: string };
  nat: { name: string };
  firewall: { tcpRuleName: string; udpRuleName: string; smbRuleName: string; program: string; profile: string; edgeTraversal: string };
  ports: { tcp: number[]; udp: number[] };
  vm: {
    name: string;
    generation: number;
    memoryStartupMB: number;
    processorCount: number | null;
    isoPath: string;
    vhdxPath: string | null;
    vhdxSizeGB: number;
    comPipe: string;
  };
  kvp: { itemName: string };
  share: { name: string; path: string; user: string | null; cachingMode: string; account: string };
  credential: { target: string };
  paths: { settingsDir: string; logDir: string };
  doctor: { minimumBuild: number };
}

export interface LoadedConfig {
  config: Config;
  /** Where each value came from, by dotted key. */
  sources: Record<string, Source>;
  file?: string;
  /** How the file was found. */
  found?: ConfigFileSource;
}

/** --config, MOBYKIT_CONFIG, ./mobykit.config.json, or the user's config folder. */
export type ConfigFileSource = 'flag' | 'env' | 'current folder' | 'user folder';

export interface ConfigInputs {
  flags?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  configFile?: string;
  found?: ConfigFileSource;
}

export const CONFIG_FILE_ENV = 'MOBYKIT_CONFIG';
export const LOCAL_CONFIG_FILE = 'mobykit.config.json';

/** %APPDATA%\mobykit\config.json; elsewhere $XDG_CONFIG_HOME (or ~/.config)/mobykit/config.json. */
export function userConfigFile(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(homedir(), 'AppData', 'Roaming'), 'mobykit', 'config.json');
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homedir(), '.config');
  return path.join(base, 'mobykit', 'config.json');
}

/** The configuration file a command uses, found on its own when --config is not given. */
export function findConfigFile(flag: string | undefined, env: Record<string, string | undefined>, cwd = process.cwd()): { file: string; found: ConfigFileSource } | undefined {
  if (flag) return { file: flag, found: 'flag' };
  if (env[CONFIG_FILE_ENV]) return { file: env[CONFIG_FILE_ENV]!, found: 'env' };
  const local = path.join(cwd, LOCAL_CONFIG_FILE);
  if (existsSync(local)) return { file: local, found: 'current folder' };
  const user = userConfigFile(env);
  if (existsSync(user)) return { file: user, found: 'user folder' };
  return undefined;
}

const fileLabel = (file: string, found?: ConfigFileSource) =>
  found === 'flag' || found === undefined ? `--config ${file}` : found === 'env' ? `${CONFIG_FILE_ENV} ${file}` : `config file ${file}`;

function coerce(setting: Setting, raw: unknown, origin: string): Value {
  const bad = (what: string) => new UsageError(`${origin}: ${JSON.stringify(raw)} is not ${what}`);
  switch (setting.type) {
    case 'string':
      if (typeof raw !== 'string') throw bad('a string');
      // " 10.0.75.1" pasted with its space must not reach PowerShell or a firewall rule.
      return raw.trim();
    case 'integer':
      // A flag typed as a number arrives as NaN when it was not one (yargs keeps no text).
      if (typeof raw === 'number' && Number.isNaN(raw)) throw new UsageError(`${origin}: not a whole number`);
      if (typeof raw === 'number') {
        if (Number.isInteger(raw)) return raw;
        throw bad('a whole number');
      }
      if (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)) return Number(raw);
      throw bad('a whole number');
    case 'ports': {
      const list = typeof raw === 'string' ? raw.split(',').map((p) => p.trim()) : Array.isArray(raw) ? raw : [raw];
      return list.map((p) => {
        if (typeof p === 'number') return p;
        if (typeof p === 'string' && /^\d+$/.test(p)) return Number(p);
        throw bad('a list of port numbers such as 53,2375');
      });
    }
  }
}

function readConfigFile(file: string, found?: ConfigFileSource): Record<string, unknown> {
  const label = fileLabel(file, found);
  let text: string;
  try {
    text = decodeText(readFileSync(file));
  } catch (e) {
    throw new UsageError(`${label}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${label}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new UsageError(`${label}: must be a JSON object such as {"switch": {"name": "DockerNAT"}}`);
  }
  const flat: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [section, body] of Object.entries(doc)) {
    if (section === '$schema' || section.startsWith('//')) continue;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      unknown.push(section);
      continue;
    }
    for (const [name, value] of Object.entries(body)) {
      if (name.startsWith('//')) continue;
      const key = `${section}.${name}`;
      if (SETTING_BY_KEY.has(key)) flat[key] = value;
      else unknown.push(key);
    }
  }
  if (unknown.length) {
    throw new UsageError(`${label}: unknown setting ${unknown.join(', ')}; known settings: ${SETTINGS.map((s) => s.key).join(', ')}`);
  }
  return flat;
}

export function loadConfig(inputs: ConfigInputs = {}): LoadedConfig {
  const fileValues = inputs.configFile ? readConfigFile(inputs.configFile, inputs.found) : {};
  const flat: Record<string, Value | null> = {};
  const sources: Record<string, Source> = {};
  const problems: string[] = [];

  for (const s of SETTINGS) {
    const flag = inputs.flags?.[s.flag];
    const env = inputs.env?.[s.env];
    try {
      if (flag !== undefined && flag !== null) {
        flat[s.key] = coerce(s, flag, `--${s.flag}`);
        sources[s.key] = 'flag';
      } else if (env !== undefined && env !== '') {
        flat[s.key] = coerce(s, env, s.env);
        sources[s.key] = 'env';
      } else if (s.key in fileValues && fileValues[s.key] !== null) {
        flat[s.key] = coerce(s, fileValues[s.key], `${s.key} in ${inputs.configFile}`);
        sources[s.key] = 'file';
      } else {
        flat[s.key] = s.default;
        sources[s.key] = 'default';
      }
    } catch (e) {
      problems.push((e as Error).message);
    }
  }

  if (!problems.length) {
    for (const s of SETTINGS) {
      const v = flat[s.key];
      if (v === null) continue;
      const msg = s.validate(v, flat);
      if (msg) problems.push(`${describeOrigin(s, sources[s.key], inputs.configFile)} ${JSON.stringify(v)} ${msg}`);
    }
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  return { config: nest(flat), sources, ...(inputs.configFile ? { file: inputs.configFile, found: inputs.found ?? 'flag' } : {}) };
}

function describeOrigin(s: Setting, source: Source, file?: string): string {
  switch (source) {
    case 'flag':
      return `--${s.flag}`;
    case 'env':
      return s.env;
    case 'file':
      return `${s.key} in ${file}`;
    default:
      return s.key;
  }
}

function nest(flat: Record<string, Value | null>): Config {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(flat)) {
    const [section, name] = key.split('.');
    (out[section] ??= {})[name] = value;
  }
  return out as unknown as Config;
}

export function defaultConfig(): Config {
  return loadConfig().config;
}
