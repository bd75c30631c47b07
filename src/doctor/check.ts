// A check is a pure function of a snapshot and the desired state: no I/O. doctor runs them all;
// install runs them as its verify step. The catalog (doctor/catalog.ts) is the one table of checks.
import type { Desired } from '../config/desired.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Finding, Severity } from './finding.js';

export interface CheckContext { snapshot: Snapshot; desired: Desired }

/** One problem a check found. `fix` is exact PowerShell with the user's names filled in. */
export interface Problem {
  evidence: string;
  fix: string;
  severity?: Severity;
  /** The problem in plain words ("VM MobyLinuxVM is not running"); the check's title when absent. */
  title?: string;
}

/** The check could not look: its data is absent or its query failed. `reason` says which. */
export interface NotChecked { notChecked: string }

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
  fixedByInstall: boolean;
  /**
   * Checks whose failure makes this one meaningless (Hyper-V off, the VM missing): when one of
   * them reports an error or could not run, this one is reported as "not checked: needs <id>".
   * Each needed check comes earlier in the catalog.
   */
  needs?: string[];
  run(ctx: CheckContext): Problem[] | NotChecked;
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
