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
import { undoOf } from './rollback.js';
import type { JournalEntry } from '../host/host.js';
import { planInstall, planUninstall, type Command, type Plan } from './plan.js';

export type Outcome = 'done' | 'nothing-to-do' | 'planned' | 'blocked' | 'cancelled' | 'failed' | 'unverified' | 'interrupted';

export interface RunOptions {
  dryRun?: boolean;
  adopt?: boolean;
  /** uninstall: keep the disk of the VM mobykit made. */
  keepDisk?: boolean;
  /** Asked once before any change; false cancels. */
  confirm?(plan: Plan): Promise<boolean>;
  /** Asked only when the plan needs the share password. */
  secrets?(): Promise<Secrets>;
  events?: ApplyEvents;
  /** Undo this run's actions when one fails (install only); default true. */
  rollback?: boolean;
  /** Polled between actions: true stops after the current one (Ctrl-C). */
  shouldStop?(): boolean;
  /** Called with the first snapshot, before planning. */
  gathered?(seen: Snapshot): void;
}

export interface RunResult {
  command: Command;
  outcome: Outcome;
  plan: Plan;
  applied: Action[];
  failed?: { action: Action; error: Error };
  /** After a failure: the undo actions applied, and what could not be undone. */
  rollback?: { undone: Action[]; notUndone: string[] };
  findings: Finding[];
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
    : await planUninstall(seen, desired, journal.list(), { keepDisk: opts.keepDisk });
  const result = (outcome: Outcome, extra: Partial<RunResult> = {}): RunResult =>
    ({ command, outcome, plan, applied: [], findings: [], ...extra });

  if (plan.blockers.length) return result('blocked', { findings: plan.blockers });
  if (!plan.actions.length) return result('nothing-to-do', { findings: command === 'install' ? verify(seen, desired) : [] });
  if (opts.dryRun) return result('planned');
  if (opts.confirm && !(await opts.confirm(plan))) return result('cancelled');

  const secrets = plan.actions.some(needsPassword) && opts.secrets ? await opts.secrets() : {};
  const started = journal.list();
  const applied = await applyActions(host, plan.actions, secrets, journal, opts.events, opts.shouldStop);
  if (applied.failed) {
    const rollback = command === 'install' && opts.rollback !== false && applied.applied.length
      ? await rollBack(host, applied.applied, seen, secrets, journal, started, opts.events) : undefined;
    return result('failed', { applied: applied.applied, failed: applied.failed, ...(rollback ? { rollback } : {}) });
  }
  if (applied.applied.length < plan.actions.length) return result('interrupted', { applied: applied.applied });

  const after = await host.gather();
  const findings = command === 'install' ? verify(after, desired) : await leftovers(host, after, desired, journal, started, opts.keepDisk);
  const converged = !findings.some((f) => f.severity === 'error');
  return result(converged ? 'done' : 'unverified', { applied: applied.applied, findings });
}

/**
 * Uninstall is verified by planning it again with the ownership it started from: anything still
 * planned was not removed, and goes back into the journal so the next uninstall removes it.
 */
async function leftovers(host: Host, after: Snapshot, desired: Desired, journal: Journal, started: JournalEntry[], keepDisk?: boolean): Promise<Finding[]> {
  const again = await planUninstall(after, desired, started, { keepDisk });
  if (!again.actions.length) return [];
  const left = new Set(again.actions.map((a) => a.resource.toLowerCase()));
  journal.restore(started.filter((e) => left.has(e.resource.toLowerCase())));
  await host.saveJournal(journal.list());
  return again.actions.map((a) => ({
    id: 'uninstall.leftover', severity: 'error', title: `${a.target} is still there`, evidence: `Still planned: ${a.description}`,
    why: 'Something put it back, or Windows did not finish removing it.', fix: 'Run mobykit uninstall again; mobykit doctor shows its state.',
    fixedByInstall: false,
  }));
}

/** Undoes `done` in reverse order. When all of it is undone, the journal is as the run found it. */
async function rollBack(host: Host, done: Action[], before: Snapshot, secrets: Secrets, journal: Journal,
  started: JournalEntry[], events: ApplyEvents = {}): Promise<{ undone: Action[]; notUndone: string[] }> {
  const now = await host.gather();
  const undone: Action[] = [];
  const notUndone: string[] = [];
  for (const action of [...done].reverse()) {
    const undo = undoOf(action, before, now);
    if ('impossible' in undo) {
      notUndone.push(undo.impossible);
      continue;
    }
    events.start?.(undo.action, undone.length, done.length);
    const began = Date.now();
    try {
      await host.apply(undo.action, secrets);
      journal.record(undo.action);
      undone.push(undo.action);
      if (undo.caveat) notUndone.push(undo.caveat);
      events.done?.(undo.action, Date.now() - began);
    } catch (e) {
      notUndone.push(`${undo.action.description}: ${(e as Error).message}`);
      events.failed?.(undo.action, e as Error, Date.now() - began);
    }
  }
  await host.saveJournal(notUndone.length ? journal.list() : started);
  return { undone, notUndone };
}
