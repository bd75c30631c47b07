// The whole flow, one way: gather -> plan -> apply -> gather -> verify.
import type { Config } from '../config/config.js';
import { resolveDesired, type Desired } from '../config/desired.js';
import { runChecks } from '../doctor/catalog.js';
import type { Finding } from '../doctor/finding.js';
import type { Host, Secrets } from '../host/host.js';
import { needsPassword, type Action } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import { STEPS } from '../steps/index.js';
import { applyActions, type ApplyEvents } from './apply.js';
import { Journal } from './journal.js';
import { planInstall, planUninstall, type Command, type Plan } from './plan.js';

export type Outcome = 'done' | 'nothing-to-do' | 'planned' | 'blocked' | 'cancelled' | 'failed' | 'unverified';

export interface RunOptions {
  dryRun?: boolean;
  adopt?: boolean;
  /** Asked once before any change; false cancels. */
  confirm?(plan: Plan): Promise<boolean>;
  /** Asked only when the plan needs the share password. */
  secrets?(): Promise<Secrets>;
  events?: ApplyEvents;
  /** Called with the first snapshot, before planning. */
  gathered?(seen: Snapshot): void;
}

export interface RunResult {
  command: Command;
  outcome: Outcome;
  plan: Plan;
  applied: Action[];
  failed?: { action: Action; error: Error };
  findings: Finding[];
  /** The host at the end of the run (gathered after changes, or as first seen). */
  snapshot: Snapshot;
}

/** The checks that say whether install converged. */
export const VERIFY_CHECKS = STEPS.flatMap((s) => s.verifyChecks);

export function verify(snapshot: Snapshot, desired: Desired): Finding[] {
  return runChecks({ snapshot, desired }, { only: (c) => VERIFY_CHECKS.includes(c.id) });
}

export async function run(command: Command, host: Host, config: Config, opts: RunOptions = {}): Promise<RunResult> {
  const seen = await host.gather();
  opts.gathered?.(seen);
  const desired = resolveDesired(config, seen);
  const journal = new Journal(await host.loadJournal());
  const plan = command === 'install'
    ? await planInstall(seen, desired, journal.list(), { adopt: opts.adopt })
    : await planUninstall(seen, desired, journal.list());
  const result = (outcome: Outcome, extra: Partial<RunResult> = {}): RunResult =>
    ({ command, outcome, plan, applied: [], findings: [], snapshot: seen, ...extra });

  if (plan.blockers.length) return result('blocked', { findings: plan.blockers });
  if (!plan.actions.length) return result('nothing-to-do', { findings: command === 'install' ? verify(seen, desired) : [] });
  if (opts.dryRun) return result('planned');
  if (opts.confirm && !(await opts.confirm(plan))) return result('cancelled');

  const secrets = plan.actions.some(needsPassword) && opts.secrets ? await opts.secrets() : {};
  const applied = await applyActions(host, plan.actions, secrets, journal, opts.events);
  if (applied.failed) return result('failed', { applied: applied.applied, failed: applied.failed });

  const after = await host.gather();
  const findings = command === 'install' ? verify(after, desired) : [];
  const converged = !findings.some((f) => f.severity === 'error');
  return result(converged ? 'done' : 'unverified', { applied: applied.applied, findings, snapshot: after });
}
