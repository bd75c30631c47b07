// The whole flow, one way: gather -> plan -> apply -> gather -> verify. The journal is settled
// against every look at the host (src/state/journal.ts).
import type { Config } from '../config/config.js';
import { passwordProblem, resolveDesired, type Desired } from '../config/desired.js';
import { UsageError } from '../errors.js';
import { CHECK_BY_ID, diagnose, type NotCheckedRef } from '../doctor/catalog.js';
import type { Finding } from '../doctor/finding.js';
import type { Host, Secrets } from '../host/host.js';
import type { Action } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import { Journal, scopeOf, type JournalDoc } from '../state/journal.js';
import { applyActions, type ApplyEvents } from './apply.js';
import { needsSecret, undoOf } from '../resources/registry.js';
import { planInstall, planUninstall, type Command, type Plan } from './plan.js';
import { sameName } from '../windows/names.js';

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
  /** Looked at between actions: once aborted (Ctrl-C, SIGTERM, SIGHUP), the run stops after the current one. */
  signal?: AbortSignal;
  /** Called with the first snapshot, before planning. */
  gathered?(seen: Snapshot): void;
}

interface RollbackResult {
  undone: Action[];
  /** Changes left on the host, each said in words; never counted as undone. */
  notUndone: string[];
  /** Why no rollback could run at all (the PowerShell session died, and a new one too). */
  notAttempted?: string;
}

export interface RunResult {
  command: Command;
  outcome: Outcome;
  plan: Plan;
  applied: Action[];
  failed?: { action: Action; error: Error };
  /** After a failure: the undo actions applied, and what could not be undone. */
  rollback?: RollbackResult;
  findings: Finding[];
  /** What the journal learned or forgot by looking, and what was left alone because it is not mobykit's. */
  notes: string[];
  /** Install's verify checks that could not look (a query denied): not verified, not passed. */
  notVerified?: NotCheckedRef[];
  /** What doctor still reports that install does not fix (a port held by another program). */
  remaining?: Finding[];
}

/** How a note about a resource that is not mobykit's begins. */
export const LEFT_ALONE = 'left alone: ';

/** The names an install ran with, which decide what an uninstall looks at: every other setting stays as given. */
const NAMING_KEYS: [keyof Config, string][] = [
  ['switch', 'name'],
  ['network', 'subnet'],
  ['network', 'hostAddress'],
  ['network', 'vmAddress'],
  ['nat', 'name'],
  ['firewall', 'tcpRuleName'],
  ['firewall', 'udpRuleName'],
  ['firewall', 'smbRuleName'],
  ['vm', 'name'],
  ['vm', 'vhdxPath'],
  ['kvp', 'itemName'],
  ['share', 'name'],
  ['share', 'path'],
  ['credential', 'target'],
  ['share', 'account'],
];

function withInstalledNames(config: Config, settings: Config): { config: Config; differences: string[] } {
  const merged = structuredClone(config) as unknown as Record<string, Record<string, unknown>>;
  const recorded = settings as unknown as Record<string, Record<string, unknown> | undefined>;
  const differences: string[] = [];
  for (const [section, key] of NAMING_KEYS) {
    const value = recorded[section]?.[key];
    if (typeof value !== 'string' || value === merged[section][key]) continue;
    differences.push(`${section}.${key} ${JSON.stringify(value)} (given: ${JSON.stringify(merged[section][key])})`);
    merged[section][key] = value;
  }
  return { config: merged as unknown as Config, differences };
}

/**
 * A host gathers by the configured names. When the configuration renamed something since the
 * install (the journal keeps the names it used), what mobykit made under the old names is looked
 * at too, so install can replace it; whether it is mobykit's is still decided by its identity.
 */
async function gatherWithInstalled(host: Host, config: Config, installed?: Config): Promise<Snapshot> {
  const seen = await host.gather(config);
  const renamed = installed && withInstalledNames(config, installed);
  if (!renamed?.differences.length) return seen;
  const old = await host.gather(renamed.config);
  const add = <T>(mine: T[], theirs: T[], key: (x: T) => string) => [...mine, ...theirs.filter((x) => !mine.some((y) => sameName(key(y), key(x))))];
  return {
    ...seen,
    vms: add(seen.vms, old.vms, (v) => v.Id),
    firewallRules: add(seen.firewallRules, old.firewallRules, (r) => r.Name),
    smbShares: add(seen.smbShares, old.smbShares, (sh) => sh.Name),
    credentials: add(seen.credentials, old.credentials, (c) => c.TargetName),
    errors: add(seen.errors, old.errors, (e) => `${e.Source}: ${e.Message}`),
  };
}

/**
 * Unset in the configuration, the VM's disk is the one mobykit made for its VM (the journal), not
 * the one a new VM name would give: a renamed VM keeps its disk and everything on it.
 */
export function withJournaledDisk(config: Config, journal: Pick<JournalDoc, 'entries'>): Config {
  if (config.vm.vhdxPath != null) return config;
  const disks = journal.entries.filter((e) => e.kind === 'disk' && e.state === 'made' && e.id.Path);
  return disks.length === 1 ? { ...config, vm: { ...config.vm, vhdxPath: disks[0].id.Path! } } : config;
}

/** Install's verification, told apart: what failed, what could not be verified, what else doctor reports. */
function verifyInstall(snapshot: Snapshot, desired: Desired): Pick<RunResult, 'findings' | 'notVerified' | 'remaining'> {
  const all = diagnose({ snapshot, desired });
  const verified = (id: string) => CHECK_BY_ID.get(id)?.verifies !== undefined;
  return {
    findings: all.findings.filter((f) => verified(f.id)),
    notVerified: all.notChecked.filter((c) => verified(c.id)),
    remaining: all.findings.filter((f) => !verified(f.id) && f.severity !== 'info'),
  };
}

export async function run(command: Command, host: Host, config: Config, opts: RunOptions = {}): Promise<RunResult> {
  const loaded = await host.loadJournal();
  const journal = new Journal(loaded);
  const notes = [...(loaded.notes ?? [])];
  // Uninstall removes what the journal owns, under the names the install used, whatever flags it is given.
  let effective = withJournaledDisk(config, loaded);
  if (command === 'uninstall' && journal.settings) {
    const { config: installed, differences } = withInstalledNames(effective, journal.settings);
    effective = installed;
    if (differences.length) notes.push(`uninstall looks where mobykit installed: ${differences.join(', ')}`);
  }
  const seen = await gatherWithInstalled(host, effective, command === 'install' ? journal.settings : undefined);
  opts.gathered?.(seen);
  const desired = resolveDesired(effective, seen);
  const scope = scopeOf(desired);
  const before = JSON.stringify(journal.toDoc());
  notes.push(...journal.reconcile(seen, scope).map((n) => `journal: ${n}`));
  // What was settled or forgotten is saved at once (under the lock), unless this is only a plan.
  if (!opts.dryRun && JSON.stringify(journal.toDoc()) !== before) await host.saveJournal(journal.toDoc());
  const started = journal.toDoc();

  const plan = command === 'install' ? await planInstall(seen, desired, started, { adopt: opts.adopt }) : await planUninstall(seen, desired, started, { keepDisk: opts.keepDisk });
  notes.push(...plan.leftAlone.map((n) => `${LEFT_ALONE}${n}`));
  const result = (outcome: Outcome, extra: Partial<RunResult> = {}): RunResult => ({ command, outcome, plan, applied: [], findings: [], notes, ...extra });

  if (plan.blockers.length) return result('blocked', { findings: plan.blockers });
  if (!plan.actions.length) return result('nothing-to-do', command === 'install' ? verifyInstall(seen, desired) : {});
  if (opts.dryRun) return result('planned');
  if (opts.confirm && !(await opts.confirm(plan))) return result('cancelled');

  const secrets = plan.actions.some(needsSecret) && opts.secrets ? await opts.secrets() : {};
  const tooLong = secrets.sharePassword === undefined ? undefined : passwordProblem(desired.kvp, secrets.sharePassword);
  if (tooLong) throw new UsageError(tooLong);
  if (command === 'install') journal.setSettings(config);
  const applied = await applyActions(host, plan.actions, secrets, journal, opts.events, opts.signal);
  if (applied.failed) {
    const rollingBack = command === 'install' && opts.rollback !== false;
    const rollback =
      rollingBack && applied.applied.length ? await rollBack(host, effective, applied.applied, applied.failed.action, seen, secrets, started, scope, opts.events) : undefined;
    // Nothing to undo: the journal still goes back to its start, less what the failed cmdlet left.
    if (rollingBack && !applied.applied.length) await restoreJournal(host, effective, started, [applied.failed.action], scope, []);
    return result('failed', { applied: applied.applied, failed: applied.failed, ...(rollback ? { rollback } : {}) });
  }
  if (applied.applied.length < plan.actions.length) return result('interrupted', { applied: applied.applied });

  let after: Snapshot;
  try {
    after = await host.gather(effective);
  } catch (e) {
    return result('unverified', {
      applied: applied.applied,
      findings: [
        {
          id: 'run.unverified',
          severity: 'error',
          title: 'Every action was applied, but the host could not be looked at again',
          evidence: (e as Error).message,
          why: 'Without a second look mobykit cannot confirm the result.',
          fix: 'Run mobykit doctor (and mobykit install again if it finds something).',
          fixedByInstall: true,
        },
      ],
    });
  }
  journal.reconcile(after, scope);
  const checked = command === 'install' ? verifyInstall(after, desired) : { findings: await leftovers(after, desired, started, journal, opts.keepDisk) };
  await saveQuietly(host, journal.toDoc(), notes);
  const converged = !checked.findings.some((f) => f.severity === 'error');
  return result(converged ? 'done' : 'unverified', { applied: applied.applied, ...checked });
}

/** The run's work is done: a journal that cannot be saved now is said, and the next run settles by looking. */
async function saveQuietly(host: Host, doc: JournalDoc, notes: string[]): Promise<void> {
  try {
    await host.saveJournal(doc);
  } catch (e) {
    notes.push(`journal: ${(e as Error).message}; the next run settles it by looking at the host`);
  }
}

/**
 * Uninstall is verified by planning it again with the ownership it started from: anything still
 * planned was not removed, and goes back into the journal so the next uninstall removes it.
 */
async function leftovers(after: Snapshot, desired: Desired, started: JournalDoc, journal: Journal, keepDisk?: boolean): Promise<Finding[]> {
  const again = await planUninstall(after, desired, started, { keepDisk });
  journal.keepFrom(
    started,
    again.actions.flatMap((a) => a.releases ?? []),
  );
  return again.actions.map((a) => ({
    id: 'uninstall.leftover',
    severity: 'error',
    title: `${a.target} is still there`,
    evidence: `Still planned: ${a.description}`,
    why: 'Something put it back, or Windows did not finish removing it.',
    fix: 'Run mobykit uninstall again; mobykit doctor shows its state.',
    fixedByInstall: false,
  }));
}

/** A look at the host for the rollback; a dead or timed-out PowerShell session is replaced once. */
async function lookAgain(host: Host, scope: Config): Promise<Snapshot> {
  try {
    return await host.gather(scope);
  } catch (first) {
    if (!host.reopen) throw first;
    await host.reopen();
    return host.gather(scope);
  }
}

/**
 * Undoes `done` in reverse order, each undo derived from what the change overwrote. The journal
 * goes back to exactly how the run found it, except for what this run made and could not take
 * back (or the failing action left half-made): that stays recorded, so uninstall finds it.
 */
async function rollBack(
  host: Host,
  config: Config,
  done: Action[],
  failedAction: Action,
  before: Snapshot,
  secrets: Secrets,
  started: JournalDoc,
  scope: ReturnType<typeof scopeOf>,
  events: ApplyEvents = {},
): Promise<RollbackResult> {
  let now: Snapshot;
  try {
    now = await lookAgain(host, config);
  } catch (e) {
    return { undone: [], notUndone: done.map((a) => a.description), notAttempted: `the host could not be reached to roll back: ${(e as Error).message}` };
  }
  const undone: Action[] = [];
  const notUndone: string[] = [];
  const kept: Action[] = [failedAction];
  for (const action of [...done].reverse()) {
    const undo = undoOf(action, before, now);
    if ('impossible' in undo) {
      notUndone.push(undo.impossible);
      kept.push(action);
      continue;
    }
    events.start?.(undo.action, undone.length, done.length);
    const began = Date.now();
    try {
      await host.apply(undo.action, secrets);
      undone.push(undo.action);
      notUndone.push(...undo.caveats);
      events.done?.(undo.action, Date.now() - began);
    } catch (e) {
      notUndone.push(`${undo.action.description}: ${(e as Error).message}`);
      kept.push(action);
      events.failed?.(undo.action, e as Error, Date.now() - began);
    }
  }
  await restoreJournal(host, config, started, kept, scope, notUndone);
  return { undone, notUndone };
}

/** The journal as the run found it, plus what `kept` actions made and still exists. */
async function restoreJournal(host: Host, config: Config, started: JournalDoc, kept: Action[], scope: ReturnType<typeof scopeOf>, notUndone: string[]): Promise<void> {
  const journal = new Journal(started);
  for (const a of kept) {
    const made = (a.claims ?? []).filter((c) => !c.adopted);
    journal.claim(made, a.id);
    journal.confirm(a.id);
  }
  try {
    journal.reconcile(await host.gather(config), scope);
  } catch {
    // Unsettled entries stay pending; the next run settles them by looking.
  }
  try {
    await host.saveJournal(journal.toDoc());
  } catch (e) {
    notUndone.push(`the journal could not be put back (${(e as Error).message}); the next run settles it by looking`);
  }
}
