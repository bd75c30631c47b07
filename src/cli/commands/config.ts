// config show: the effective configuration, and where each value came from.
import chalk from 'chalk';
import path from 'node:path';
import { CONFIG_FILE_ENV, LOCAL_CONFIG_FILE, userConfigFile, type ConfigFileSource } from '../../config/config.js';
import { SETTINGS } from '../../config/schema.js';
import { printJson } from '../json.js';
import { EXIT } from '../exit.js';
import { loadConfigFromArgv } from '../session.js';
import type { RunContext } from '../context.js';

export interface ShownSetting {
  key: string;
  value: unknown;
  source: 'flag' | 'env' | 'file' | 'default';
  /** The flag, variable or file the value came from; null for a default. */
  from: string | null;
  flag: string;
  env: string;
  /** For a default that the host decides (null value): what decides it. */
  derived?: string;
}

export function effectiveSettings(argv: Record<string, unknown>): { file: string | null; found: ConfigFileSource | null; settings: ShownSetting[] } {
  const loaded = loadConfigFromArgv(argv);
  const flat = loaded.config as unknown as Record<string, Record<string, unknown>>;
  const settings = SETTINGS.map((s): ShownSetting => {
    const [section, name] = s.key.split('.');
    const source = loaded.sources[s.key] ?? 'default';
    const from = source === 'flag' ? `--${s.flag}` : source === 'env' ? s.env : source === 'file' ? (loaded.file ?? null) : null;
    const value = flat[section]?.[name] ?? null;
    return { key: s.key, value, source, from, flag: `--${s.flag}`, env: s.env, ...(value === null && s.derived ? { derived: s.derived } : {}) };
  });
  return { file: loaded.file ?? null, found: loaded.found ?? null, settings };
}

function shownValue(s: ShownSetting): string {
  if (s.value === null) return chalk.dim(`(${s.derived ?? 'derived from the host'})`);
  return Array.isArray(s.value) ? s.value.join(',') : typeof s.value === 'string' ? s.value : JSON.stringify(s.value);
}

function shownSource(s: ShownSetting): string {
  switch (s.source) {
    case 'flag':
      return chalk.cyan(`flag ${s.from}`);
    case 'env':
      return chalk.magenta(`env ${s.from}`);
    case 'file':
      return chalk.green(`file ${s.from}`);
    default:
      return chalk.dim('default');
  }
}

export async function config(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const shown = effectiveSettings(argv);
  if (ctx.view === 'json') {
    printJson('config show', shown);
    return EXIT.ok;
  }
  const keyWidth = Math.max(...shown.settings.map((s) => s.key.length));
  const values = shown.settings.map(shownValue);
  // Width of the value column without colour codes, capped so long paths don't push sources off-screen.
  const visible = (t: string) => t.replace(/\u001b\[[0-9;]*m/g, '').length;
  const valueWidth = Math.min(48, Math.max(...values.map(visible)));
  const lines = shown.settings.map((s, i) => {
    const v = values[i];
    const pad = ' '.repeat(Math.max(1, valueWidth - visible(v) + 1));
    return `${s.key.padEnd(keyWidth)}  ${v}${pad} ${shownSource(s)}`;
  });
  const how = {
    flag: 'given with --config',
    env: `given with ${CONFIG_FILE_ENV}`,
    'current folder': 'found in the current folder',
    'user folder': 'found in your user configuration folder',
  };
  const head = shown.file
    ? `Effective configuration (file ${shown.file}, ${how[shown.found ?? 'flag']}):`
    : `Effective configuration (no configuration file: none given with --config or ${CONFIG_FILE_ENV}, none at .${path.sep}${LOCAL_CONFIG_FILE} or ${userConfigFile()}):`;
  process.stdout.write(`${chalk.bold(head)}\n\n${lines.join('\n')}\n\n${chalk.dim('Precedence: flag > MOBYKIT_* environment variable > configuration file > default.')}\n`);
  return EXIT.ok;
}
