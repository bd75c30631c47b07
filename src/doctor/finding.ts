export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable check id, e.g. `nat.prefix`; users search for it and skip it with --skip. */
  id: string;
  severity: Severity;
  /** The problem in plain words, e.g. "VM MobyLinuxVM is not running". */
  title: string;
  /** The values seen, quoted. */
  evidence: string;
  why: string;
  /** The exact PowerShell (or Windows settings step) that fixes it, with the user's names. */
  fix: string;
  /** Whether `mobykit install` fixes this kind of problem (the catalog's fact). */
  fixedByInstall: boolean;
  /**
   * The mobykit command that would really fix it on this host (`mobykit install`, or
   * `mobykit install --adopt` when the resource is not mobykit's); absent when none would.
   */
  installCommand?: string;
}
