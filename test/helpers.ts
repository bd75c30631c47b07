import { Journal, parseJournal, scopeOf } from '../src/state/journal.js';
import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from '../src/config/config.js';
import { resolveDesired, type Desired } from '../src/config/desired.js';
import type { Snapshot } from '../src/snapshot/types.js';
import type { StepContext } from '../src/plan/step.js';

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

/** `journal`: resources in the first journal format (`nat:DockerNAT`), settled against `seen` as a run would. */
export function stepContext(seen: Snapshot, opts: { journal?: string[]; adopt?: boolean; flags?: Record<string, unknown> } = {}): StepContext {
  const desired = desiredFor(seen, opts.flags);
  const owned = new Journal(
    parseJournal(
      (opts.journal ?? []).map((resource) => ({ resource, actionId: 'test', at: '' })),
      'test',
    ),
  );
  owned.reconcile(seen, scopeOf(desired));
  return { desired, seen, owned, adopt: !!opts.adopt };
}
