// A check is a pure function of a snapshot and the desired state: no I/O. doctor runs them all;
// install runs them as its verify step. The catalog (doctor/catalog.ts) is the one table of checks.
import type { Desired } from '../config/desired.js';
import type { StepName } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Finding, Severity } from './finding.js';

export interface CheckContext {
  snapshot: Snapshot;
  desired: Desired;
}

/** One problem a check found. `fix` is exact PowerShell with the user's names filled in. */
export interface Problem {
  evidence: string;
  fix: string;
  severity?: Severity;
  /** The problem in plain words ("VM MobyLinuxVM is not running"); the check's title when absent. */
  title?: string;
}

/** The check could not look: its data is absent or its query failed. `reason` says which. */
export interface NotChecked {
  notChecked: string;
}

export function notChecked(reason: string): NotChecked {
  return { notChecked: reason };
}

export function isNotChecked(r: Problem[] | NotChecked): r is NotChecked {
  return !Array.isArray(r);
}

export interface Check {
  id: string;
  /** What the check looks at, for `doctor --list`. */
  title: string;
  severity: Severity;
  why: string;
  // A check's roles, each said here once:
  /** `mobykit install` fixes this kind of problem (where the resource is mobykit's or adopted). */
  fixedByInstall: boolean;
  /** Install cannot work at all on this machine while it reports an error: the planner stops first. */
  preflight?: true;
  /** The install step whose result it verifies: install's verify step and `status` run it. */
  verifies?: StepName;
  /** A step stops install on it, in its words (blockerFrom): install must not go ahead while it stands. */
  blocker?: true;
  /**
   * Checks whose failure makes this one meaningless (Hyper-V off, the VM missing): when one of
   * them reports an error or could not run, this one is reported as "not checked: needs <id>".
   * Each needed check comes earlier in the catalog.
   */
  needs?: string[];
  run(ctx: CheckContext): Problem[] | NotChecked;
}

/**
 * A problem a step meets while planning, raised as a blocker in the check's own words (id, why,
 * severity): what stops install is what doctor reports.
 */
export function blockerFrom(check: Check & { blocker: true }, problem: Problem): Finding {
  // Install does not fix what stops it.
  return { ...toFindings(check, [problem])[0], fixedByInstall: false };
}

export function toFindings(check: Check, problems: Problem[]): Finding[] {
  return problems.map((p) => ({
    id: check.id,
    severity: p.severity ?? check.severity,
    title: p.title ?? check.title,
    evidence: p.evidence,
    why: check.why,
    fix: p.fix,
    fixedByInstall: check.fixedByInstall,
  }));
}
