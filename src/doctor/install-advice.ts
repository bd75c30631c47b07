// Whether `mobykit install` would really fix a finding on this host. The catalog says which
// kinds of problem install fixes; here each step is asked, with the journal, whether it would
// act or stop: on a resource mobykit did not make it stops (then `install --adopt` is the
// command), and on anything else that blocks it no mobykit command is offered at all.
import type { Desired } from '../config/desired.js';
import { Journal, scopeOf, type JournalDoc } from '../state/journal.js';
import type { StepName } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import { STEPS } from '../resources/steps.js';
import { CHECK_BY_ID, type Diagnosis } from './catalog.js';

/** The step that makes what a check looks at, by the check id's area. */
const STEP_OF_AREA: Record<string, StepName> = {
  switch: 'switch',
  vnic: 'switch',
  nat: 'nat',
  firewall: 'firewall',
  share: 'share',
  credential: 'share',
  vm: 'vm',
  kvp: 'kvp',
};

export const INSTALL = 'mobykit install';
export const INSTALL_ADOPT = 'mobykit install --adopt';

/** Sets `installCommand` on the findings install would fix on this host (in place). */
export function adviseInstall(d: Diagnosis, snapshot: Snapshot, desired: Desired, journal: JournalDoc): void {
  const fixable = d.findings.filter((f) => f.fixedByInstall);
  if (!fixable.length) return;
  // Install stops before planning anything while a preflight check fails.
  if (d.findings.some((f) => f.severity === 'error' && CHECK_BY_ID.get(f.id)?.preflight)) return;
  const owned = new Journal(journal);
  owned.reconcile(snapshot, scopeOf(desired)); // as install settles it before planning
  const verdict = new Map<StepName, string | undefined>();
  const commandFor = (name: StepName): string | undefined => {
    if (verdict.has(name)) return verdict.get(name);
    const step = STEPS.find((s) => s.name === name)!;
    const plan = (adopt: boolean) => step.install({ desired, seen: snapshot, owned, adopt });
    const blockers = plan(false).blockers;
    let command: string | undefined = INSTALL;
    if (blockers.length) {
      const onlyOwnership = blockers.every((b) => b.id.startsWith('ownership.')) && plan(true).blockers.length === 0;
      command = onlyOwnership ? INSTALL_ADOPT : undefined;
    }
    verdict.set(name, command);
    return command;
  };
  for (const f of fixable) {
    const step = STEP_OF_AREA[f.id.slice(0, f.id.indexOf('.'))];
    const command = step ? commandFor(step) : undefined;
    if (command) f.installCommand = command;
  }
}
