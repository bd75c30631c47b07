import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from '../src/config/config.js';
import { resolveDesired, type Desired } from '../src/config/desired.js';
import type { Snapshot } from '../src/snapshot/types.js';
import type { StepContext } from '../src/steps/step.js';

export const CANARY_PASSWORD = 'canary-Pa55word-7f3e91';

export function example(name: 'fresh-win10-pro' | 'broken' | 'converged'): Snapshot {
  return JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')) as Snapshot;
}

export function config(flags: Record<string, unknown> = {}): Config {
  return loadConfig({ flags }).config;
}

export function desiredFor(snapshot: Snapshot, flags: Record<string, unknown> = {}): Desired {
  return resolveDesired(config(flags), snapshot);
}

export function stepContext(seen: Snapshot, opts: { journal?: string[]; adopt?: boolean; flags?: Record<string, unknown> } = {}): StepContext {
  const journal = new Set((opts.journal ?? []).map((r) => r.toLowerCase()));
  return { desired: desiredFor(seen, opts.flags), seen, journaled: (r) => journal.has(r.toLowerCase()), adopt: !!opts.adopt };
}
