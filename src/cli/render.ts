// How plans, results and findings read: for people (terraform-like) and as JSON.
import chalk from 'chalk';
import type { Finding } from '../doctor/finding.js';
import type { Outcome, RunResult } from '../engine/run.js';
import { summarize, type Plan } from '../engine/plan.js';
import type { Action } from '../plan/action.js';
import { describeEntry } from '../state/journal.js';
import { LEFT_ALONE } from '../engine/run.js';
import { STEPS } from '../resources/steps.js';
import { knownFailure } from '../host/host.js';
import { plainText, plainValue } from '../windows/text.js';
import { renderFindingList } from './doctor-view.js';
import { FORMAT_VERSION } from './json.js';
import type { Command } from '../engine/plan.js';
import type { NotCheckedRef } from '../doctor/catalog.js';

const SYMBOL = { create: chalk.green('+'), change: chalk.yellow('~'), remove: chalk.red('-') } as const;
const VERB = { create: 'create', change: 'change', remove: 'remove' } as const;

/** A value as the plan shows it: strings quoted, lists inline, nothing as (none). */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(none)';
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  // Windows paths as Windows shows them (JSON's doubled backslashes undone); control characters
  // stay JSON's visible \uXXXX escapes, and plainValue shows those JSON leaves (C1, bidi).
  if (typeof v === 'string') return plainValue(JSON.stringify(v).replace(/\\\\/g, '\\'));
  return plainValue(JSON.stringify(v));
}

/**
 * The plan, terraform-style: a legend, the actions grouped by step in the order they run, each
 * with `+` create, `~` change or `-` remove, changed properties old -> new, then a summary line.
 */
export function renderPlan(plan: { command: string; actions: Action[] } & Partial<Pick<Plan, 'adoptions' | 'leftAlone'>>, computer: string): string {
  const where = computer || 'the host';
  if (!plan.actions.length) return `No changes: ${where} already matches the configuration.\n`;
  const lines = [
    `mobykit ${plan.command} will make these changes to ${chalk.bold(where)}:`,
    '',
    `  ${chalk.dim('Symbols:')} ${SYMBOL.create} ${chalk.dim('create')}  ${SYMBOL.change} ${chalk.dim('change')}  ${SYMBOL.remove} ${chalk.dim('remove')}`,
  ];
  // Steps in the order the plan runs them (uninstall runs them in reverse).
  const order = [...new Set(plan.actions.map((a) => a.step))];
  const titles = new Map(STEPS.map((s) => [s.name, s.title]));
  for (const step of order) {
    const actions = plan.actions.filter((a) => a.step === step);
    lines.push('', chalk.bold(`  ${titles.get(step) ?? step}`));
    for (const a of actions) lines.push(...renderAction(a));
  }
  if (plan.adoptions?.length) {
    lines.push('', chalk.bold('  --adopt takes over (mobykit will own them, and uninstall will remove them):'));
    for (const c of plan.adoptions) lines.push(`    ${SYMBOL.change} ${plainText(describeEntry(c))}`);
  }
  if (plan.leftAlone?.length) {
    lines.push('', chalk.bold("  Left alone (not mobykit's):"));
    for (const n of plan.leftAlone) lines.push(`    ${chalk.dim('·')} ${plainText(n)}`);
  }
  lines.push('', summaryLine(plan.actions));
  return `${lines.join('\n')}\n`;
}

function summaryLine(actions: Action[]): string {
  const s = summarize(actions);
  const part = (n: number, k: keyof typeof VERB, colour: (t: string) => string) => (n ? colour(`${n} to ${VERB[k]}`) : `${n} to ${VERB[k]}`);
  return `${chalk.bold('Plan:')} ${part(s.create, 'create', chalk.green)}, ${part(s.change, 'change', chalk.yellow)}, ${part(s.remove, 'remove', chalk.red)}.`;
}

function renderAction(a: Action): string[] {
  const out = [`    ${SYMBOL[a.kind]} ${plainText(a.description)} ${chalk.dim(`[${plainValue(a.id)}]`)}`];
  const changes = a.changes ?? [];
  const width = Math.max(0, ...changes.map((c) => c.property.length));
  for (const c of changes) {
    out.push(`        ${SYMBOL.change} ${plainValue(c.property).padEnd(width)}  ${chalk.red(showValue(c.from))} ${chalk.dim('->')} ${chalk.green(showValue(c.to))}`);
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Findings (install's blockers and verification) as doctor shows them, then their count. */
function renderFindings(findings: Finding[]): string {
  if (!findings.length) return `${chalk.green('✓')} No problems found.\n`;
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return (
    `${renderFindingList(findings).join('\n')}\n` +
    `${plural(count('error'), 'error', 'errors')}, ${plural(count('warning'), 'warning', 'warnings')}, ${plural(count('info'), 'note', 'notes')}.\n`
  );
}

/**
 * What a run leaves to the user, like brew's caveats: the checks install could not verify (a
 * query denied) and the problems doctor still reports that install does not fix.
 */
function caveats(r: RunDocument): string {
  const out: string[] = [];
  const unverified = (r.notVerified ?? []).map((c) => `  ${chalk.yellow('!')} ${c.id}: ${plainText(c.reason)}`);
  if (unverified.length) out.push('Not verified:', ...unverified);
  const remaining = (r.remaining ?? []).map(
    (f) => `  ${f.severity === 'error' ? chalk.red('✗') : chalk.yellow('!')} ${f.severity} ${plainText(f.title)} [${f.id}]\n      fix: ${plainText(f.fix)}`,
  );
  if (remaining.length) out.push('mobykit doctor still reports (install does not fix these):', ...remaining);
  return out.length ? `${out.join('\n')}\n` : '';
}

/** What the journal settled or forgot, and what was left alone and why: said on every outcome. */
function renderNotes(r: RunDocument): string {
  // What was left alone is in the plan, when the plan was shown.
  const planShown = r.plan.length > 0 && r.outcome !== 'blocked';
  return r.notes
    .filter((n) => !(planShown && n.startsWith(LEFT_ALONE)))
    .map((n) => `${chalk.cyan('note')} ${plainText(n)}\n`)
    .join('');
}

/** The outcome for people, rendered from the --json document itself: the two views cannot say different things. */
export function renderOutcome(r: RunDocument): string {
  return renderNotes(r) + renderResult(r);
}

function renderResult(r: RunDocument): string {
  switch (r.outcome) {
    case 'nothing-to-do':
      return `${chalk.green('✓')} Nothing to do: the host already matches.\n${caveats(r)}`;
    case 'planned':
      return 'Dry run: nothing was changed.\n';
    case 'cancelled':
      return 'Cancelled: nothing was changed.\n';
    case 'blocked':
      return `${chalk.red('✗')} Stopped before changing anything:\n\n${renderFindings(r.findings)}`;
    case 'failed':
      return `${chalk.red('✗')} ${plainText(r.failed!.message)}\n${advice(r.failed!)}${failedTail(r)}`;
    case 'interrupted':
      return (
        `${chalk.yellow('!')} Interrupted: ${r.applied.length} of ${r.plan.length} actions were applied and recorded; ` +
        (r.command === 'install' ? 'run mobykit install again to finish, or mobykit uninstall to remove them.\n' : 'run mobykit uninstall again to finish.\n')
      );
    case 'unverified':
      return `${chalk.yellow('!')} Applied ${plural(r.applied.length, 'action', 'actions')}, but verification found problems:\n\n${renderFindings(r.findings)}${caveats(r)}`;
    case 'done': {
      const applied = `${plural(r.applied.length, 'action', 'actions')} applied`;
      if (r.command === 'install' && r.notVerified?.length)
        return `${chalk.yellow('!')} Done: ${applied}; ${plural(r.notVerified.length, 'check', 'checks')} could not verify the result.\n${caveats(r)}`;
      return `${chalk.green('✓')} Done: ${applied} and verified.\n${caveats(r)}`;
    }
  }
}

/** What a known Windows error means and what to do, on its own line. */
function advice(failed: FailureDocument): string {
  return failed.advice ? `  ${failed.advice} (mobykit doctor: ${failed.check})\n` : '';
}

/** A failed action in the --json documents: the known error's check and advice when it is one. */
export interface FailureDocument {
  id: string;
  message: string;
  check?: string;
  advice?: string;
}

export function failureJson(failed: { action: Action; error: Error }): FailureDocument {
  const known = knownFailure(failed.error);
  return { id: failed.action.id, message: failed.error.message, ...(known ? { check: known.check, advice: known.advice } : {}) };
}

function failedTail(r: RunDocument): string {
  const rb = r.rollback;
  const again = `mobykit ${r.command} again`;
  if (!rb) {
    return `${r.applied.length} of ${r.plan.length} actions were applied; the rest were not. ` + `Run mobykit doctor for the cause, then ${again} to finish.\n`;
  }
  if (rb.notAttempted) {
    const applied = new Set(r.applied);
    return [
      `Nothing was rolled back: ${rb.notAttempted}.`,
      'Applied, and still on the host (recorded in the journal):',
      ...r.plan.filter((a) => applied.has(a.id)).map((a) => `  ${SYMBOL[a.kind]} ${a.description}`),
      'Not applied:',
      ...r.plan.filter((a) => !applied.has(a.id)).map((a) => `  ${chalk.dim('·')} ${a.description}`),
      `Run mobykit doctor, then ${again} to finish, or mobykit uninstall to remove what was made.`,
      '',
    ].join('\n');
  }
  const lines = [`${r.applied.length} of ${r.plan.length} actions had been applied; ${rb.undone.length} of them were undone.`];
  for (const n of rb.notUndone) lines.push(`  ${chalk.yellow('!')} not undone: ${plainText(n)}`);
  lines.push(`Run mobykit doctor for the cause, then ${again}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * The --json document of install, uninstall and plan (documented in the README), a versioned
 * public form: the human view renders from it (renderOutcome).
 */
export interface RunDocument {
  formatVersion: number;
  command: Command;
  outcome: Outcome;
  plan: Action[];
  /** Ids of the actions applied, in order. */
  applied: string[];
  failed?: FailureDocument;
  notApplied?: string[];
  rollback?: { undone: string[]; notUndone: string[]; notAttempted?: string };
  adoptions: string[];
  notes: string[];
  findings: Finding[];
  notVerified?: NotCheckedRef[];
  remaining?: Finding[];
}

export function runDocument(r: RunResult): RunDocument {
  return {
    formatVersion: FORMAT_VERSION,
    command: r.command,
    outcome: r.outcome,
    plan: r.plan.actions,
    applied: r.applied.map((a) => a.id),
    ...(r.failed ? { failed: failureJson(r.failed) } : {}),
    ...(r.failed || r.outcome === 'interrupted' ? { notApplied: r.plan.actions.filter((a) => !r.applied.includes(a)).map((a) => a.id) } : {}),
    ...(r.rollback
      ? { rollback: { undone: r.rollback.undone.map((a) => a.id), notUndone: r.rollback.notUndone, ...(r.rollback.notAttempted ? { notAttempted: r.rollback.notAttempted } : {}) } }
      : {}),
    adoptions: r.plan.adoptions.map((c) => describeEntry(c)),
    notes: r.notes,
    findings: r.findings,
    ...(r.notVerified ? { notVerified: r.notVerified } : {}),
    ...(r.remaining ? { remaining: r.remaining } : {}),
  };
}
