// gather -> PLAN. Each step plans against the host as the steps before it will have left it:
// the simulated model predicts every action's effect, so a plan that would fail on the real
// cmdlets (an overlapping NAT, an address held elsewhere) stops here, before anything changes.
import type { Desired } from '../config/desired.js';
import { runChecks } from '../doctor/catalog.js';
import type { Finding } from '../doctor/finding.js';
import { failureAdvice, HostActionError } from '../host/host.js';
import { SimulatedHost } from '../host/simulated/host.js';
import { adoptions, type Action } from '../plan/action.js';
import { OPERATIONS } from '../resources/registry.js';
import type { Snapshot } from '../snapshot/types.js';
import { STEPS } from '../resources/steps.js';
import type { Step, StepContext } from '../plan/step.js';
import { Journal, scopeOf, type Claim, type JournalDoc } from '../state/journal.js';

export type Command = 'install' | 'uninstall';

export interface Plan {
  command: Command;
  actions: Action[];
  /** Reasons the plan must not be applied; empty when it may. */
  blockers: Finding[];
  /** The host as the plan is predicted to leave it. */
  predicted: Snapshot;
  /** Resources of someone else's this plan takes over (--adopt), each named. */
  adoptions: Claim[];
  /** Same-named resources the plan leaves alone because they are not mobykit's, each with why. */
  leftAlone: string[];
}

export interface PlanOptions {
  adopt?: boolean;
  keepDisk?: boolean;
}

// A stand-in secret for prediction only: the model needs one to apply KVP and credential actions.
const PREDICTION_SECRETS = { sharePassword: 'prediction-only' };

export async function planInstall(seen: Snapshot, desired: Desired, journal: JournalDoc, opts: PlanOptions = {}): Promise<Plan> {
  const preflight = runChecks({ snapshot: seen, desired }, { only: (c) => !!c.preflight }).filter((f) => f.severity === 'error');
  return withElevation(await plan('install', STEPS, (step, ctx) => step.install(ctx), seen, desired, journal, opts, preflight), seen);
}

export async function planUninstall(seen: Snapshot, desired: Desired, journal: JournalDoc, opts: PlanOptions = {}): Promise<Plan> {
  return withElevation(await plan('uninstall', [...STEPS].reverse(), (step, ctx) => ({ actions: step.uninstall(ctx), blockers: [] }), seen, desired, journal, opts, []), seen);
}

function withElevation(p: Plan, seen: Snapshot): Plan {
  const id = seen.platform.identity;
  if (id.IsAdministrator || !id.IsHyperVAdministrator || p.blockers.some((b) => b.id === 'platform.privileges')) return p;
  const needAdmin = [...new Set(p.actions.filter((a) => OPERATIONS[a.op].privilege === 'administrator').map((a) => a.op))];
  if (!needAdmin.length) return p;
  return {
    ...p,
    blockers: [
      ...p.blockers,
      {
        id: 'platform.privileges',
        severity: 'error',
        title: 'This plan needs an elevated Administrator',
        evidence: `${id.UserName} is a member of Hyper-V Administrators but not elevated; the plan includes ${needAdmin.join(', ')}`,
        why: 'Hyper-V Administrators may manage switches and VMs, but host addresses, NAT, firewall rules and SMB shares need an elevated Administrator.',
        fix: 'Run mobykit again from an elevated PowerShell (right-click > Run as administrator).',
        fixedByInstall: false,
      },
    ],
  };
}

async function plan(
  command: Command,
  steps: readonly Step[],
  stepPlan: (s: Step, ctx: StepContext) => { actions: Action[]; blockers: Finding[] },
  seen: Snapshot,
  desired: Desired,
  journal: JournalDoc,
  opts: PlanOptions,
  preflight: Finding[],
): Promise<Plan> {
  const model = new SimulatedHost(seen);
  const owned = new Journal(journal);
  const scope = scopeOf(desired);
  const actions: Action[] = [];
  const blockers = [...preflight];
  const leftAlone = command === 'uninstall' ? steps.flatMap((s) => s.leftAlone({ desired, seen, owned, adopt: false })) : [];
  const done = (list: Action[]): Plan => ({ command, actions: list, blockers, predicted: model.current(), adoptions: list.flatMap(adoptions), leftAlone });
  for (const step of steps) {
    const ctx: StepContext = { desired, seen: model.current(), owned, adopt: !!opts.adopt, keepDisk: !!opts.keepDisk, planned: [...actions] };
    const result = stepPlan(step, ctx);
    blockers.push(...result.blockers);
    for (const action of result.actions) {
      try {
        await model.apply(action, PREDICTION_SECRETS);
      } catch (e) {
        if (!(e instanceof HostActionError)) throw e;
        // Once something already blocks the plan, later failures are mostly its consequences.
        if (!blockers.length)
          blockers.push({
            id: 'plan.predicted-failure',
            severity: 'error',
            title: `${action.description} would fail`,
            evidence: e.message,
            why: 'Windows would refuse this change, so mobykit stops before making any.',
            fix: failureAdvice(e) || 'Run `mobykit doctor` for the cause and its fix.',
            fixedByInstall: false,
          });
        return done([...actions, action]);
      }
      // The model shows what each claim becomes (the new switch's or VM's Id) for the steps after it.
      owned.claim(action.claims ?? [], action.id);
      owned.release(action.releases ?? []);
      owned.reconcile(model.current(), scope);
      actions.push(action);
    }
  }
  return done(actions);
}

export function summarize(actions: Action[]): { create: number; change: number; remove: number } {
  const count = (k: string) => actions.filter((a) => a.kind === k).length;
  return { create: count('create'), change: count('change'), remove: count('remove') };
}
