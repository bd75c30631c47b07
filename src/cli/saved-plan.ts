// `plan --out FILE` saves a plan; `install --plan FILE` (or `uninstall --plan FILE`) applies exactly
// it. The file holds the configuration the plan was made with and its actions (no secret: the
// password is asked when the plan is applied). Applying plans again against the host as it is
// now; any difference means the host changed since, and nothing is done.
import { isDeepStrictEqual } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Config } from '../config/config.js';
import type { Plan } from '../engine/plan.js';
import { SETTINGS } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { Action } from '../plan/action.js';
import { FORMAT_VERSION } from './json.js';
import { sameName } from '../windows/names.js';

export const SAVED_PLAN_KIND = 'mobykit.plan';

export interface SavedPlan {
  kind: typeof SAVED_PLAN_KIND;
  formatVersion: number;
  command: Plan['command'];
  computerName: string;
  createdAt: string;
  adopt: boolean;
  keepDisk: boolean;
  config: Config;
  actions: Action[];
}

export function writeSavedPlan(file: string, plan: Plan, extra: { computerName: string; config: Config; adopt: boolean; keepDisk: boolean }): void {
  const doc: SavedPlan = {
    kind: SAVED_PLAN_KIND,
    formatVersion: FORMAT_VERSION,
    command: plan.command,
    computerName: extra.computerName,
    createdAt: new Date().toISOString(),
    adopt: extra.adopt,
    keepDisk: extra.keepDisk,
    config: extra.config,
    actions: plan.actions,
  };
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
}

export function readSavedPlan(file: string, command: Plan['command']): SavedPlan {
  let doc: SavedPlan;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as SavedPlan;
  } catch (e) {
    throw new UsageError(`--plan ${file}: cannot read a plan from it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); make one with mobykit plan --out FILE.`);
  }
  if (doc?.kind !== SAVED_PLAN_KIND || doc.formatVersion !== FORMAT_VERSION || !Array.isArray(doc.actions) || typeof doc.config !== 'object') {
    throw new UsageError(`--plan ${file}: not a mobykit plan (version ${FORMAT_VERSION}); make one with mobykit plan --out FILE.`);
  }
  if (doc.command !== command) throw new UsageError(`--plan ${file} is a plan to ${doc.command}; run mobykit ${doc.command} --plan ${file}.`);
  return doc;
}

/** Flags that say what a plan is made from: with --plan FILE the saved plan says it, so giving one contradicts it. */
const PLAN_MAKERS = ['config', ...SETTINGS.map((s) => s.flag), 'adopt', 'keep-disk', 'dry-run', 'computer-name', 'inventory'];

/**
 * `install --plan FILE` applies the plan as saved: its configuration, --adopt and --keep-disk, on
 * the one computer it was made for. A flag that would change any of that is refused, naming it,
 * rather than silently ignored. (--yes, --json, --password-stdin, --no-rollback and the rehearsal
 * flags still mean what they say.)
 */
export function refuseContradictions(argv: Record<string, unknown>): void {
  if (argv.plan === undefined) return;
  const given = PLAN_MAKERS.filter((flag) => argv[flag] !== undefined);
  if (!given.length) return;
  throw new UsageError(
    `--plan ${String(argv.plan)} applies the saved plan exactly as it was made (its configuration, --adopt and --keep-disk, for one computer), ` +
      `so it cannot be combined with ${given.map((f) => `--${f}`).join(', ')}. Leave ${given.length > 1 ? 'them' : 'it'} out, or make a new plan with ` +
      `${given.length > 1 ? 'them' : 'it'}: mobykit plan --out FILE.`,
    { help: true },
  );
}

/** Refuses when planning again gives anything but the saved actions. */
export function assertSamePlan(saved: SavedPlan, now: Plan, computerName: string, file: string): void {
  if (!sameName(saved.computerName, computerName)) {
    throw Object.assign(new Error(`--plan ${file} was made for ${saved.computerName}, and this is ${computerName}: nothing was changed.`), { exitCode: 1 });
  }
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(now.actions)), saved.actions)) return;
  const ids = (as: Action[]) => as.map((a) => a.id).join(', ') || '(nothing)';
  throw Object.assign(
    new Error(
      `The host changed since the plan in ${file} was made (${saved.createdAt}): it planned ${ids(saved.actions)}; ` +
        `now the plan is ${ids(now.actions)}. Nothing was changed; run mobykit plan again.`,
    ),
    { exitCode: 1 },
  );
}
