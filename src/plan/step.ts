// A step module manages one kind of resource, DSC-style: from what it wants (Desired) and what
// it sees (a snapshot) it plans the actions that converge the host and the actions that remove what
// mobykit made. The doctor checks that verify it name it (Check.verifies).
import type { Desired } from '../config/desired.js';
import type { Finding } from '../doctor/finding.js';
import type { Action, StepName } from './action.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Journal } from '../state/journal.js';
import { psString } from '../windows/powershell.js';
import { sameName } from '../windows/names.js';

export interface StepContext {
  desired: Desired;
  seen: Snapshot;
  /** What mobykit owns, by identity (Ids, prefixes, paths, exact markers), never by name alone. */
  owned: Journal;
  /** --adopt: take over same-named resources mobykit did not make (each is listed in the plan). */
  adopt: boolean;
  /** uninstall --keep-disk: remove the VM but keep the disk mobykit made for it. */
  keepDisk?: boolean;
  /** The actions the steps before this one planned. */
  planned?: readonly Action[];
}

interface StepPlan {
  actions: Action[];
  /** Why this step cannot go ahead without harming something that is not mobykit's. */
  blockers: Finding[];
}

export interface Step {
  name: StepName;
  title: string;
  install(ctx: StepContext): StepPlan;
  /** Removes what the journal owns that still carries its identity, whatever the configuration names. */
  uninstall(ctx: StepContext): Action[];
  /** Same-named resources of the configuration that uninstall leaves alone, each with why. */
  leftAlone(ctx: StepContext): string[];
}

export function named<T extends { Name: string }>(list: T[], name: string): T[] {
  return list.filter((x) => sameName(x.Name, name));
}

/** A same-named resource mobykit did not make and would have to change: install stops here. */
export function ownershipBlocker(step: StepName, what: string, evidence: string, manualFix: string): Finding {
  return {
    id: `ownership.${step}`,
    severity: 'error',
    title: `${what} exists and was not made by mobykit`,
    evidence,
    why: 'mobykit never changes or removes what it did not make without being told to.',
    fix: `Either take it over with \`mobykit install --adopt\`, choose another name in the configuration, or fix it yourself: ${manualFix}`,
    fixedByInstall: false,
  };
}

/** A rename that would give mobykit's resource the name of one it did not make: install stops here (--adopt takes that one over). */
export function renameBlocker(what: string, evidence: string, manualFix: string, flag: string, oldName: string): Finding {
  return {
    id: 'ownership.rename',
    severity: 'error',
    title: `${what} exists and was not made by mobykit`,
    evidence: `${evidence}, which the configuration now names like this one`,
    why: 'mobykit never changes, takes over or removes what it did not make without being told to, and a rename does not tell it to.',
    fix: `Keep the old name (--${flag} ${psString(oldName)}), take it over with \`mobykit install --adopt\`, or ${manualFix}`,
    fixedByInstall: false,
  };
}

export function blocker(id: string, title: string, evidence: string, why: string, fix: string): Finding {
  return { id, severity: 'error', title, evidence, why, fix, fixedByInstall: false };
}
