// How plans, results and findings read: for people (terraform-like) and as JSON.
import chalk from 'chalk';
import type { Finding } from '../doctor/finding.js';
import type { RunResult } from '../engine/run.js';
import { summarize, type Plan } from '../engine/plan.js';
import type { Action } from '../plan/action.js';
import { STEPS } from '../steps/index.js';
import { runLog } from './log.js';

const SYMBOL = { create: chalk.green('+'), change: chalk.yellow('~'), remove: chalk.red('-') } as const;
const VERB = { create: 'create', change: 'change', remove: 'remove' } as const;

/** A value as the plan shows it: strings quoted, lists inline, nothing as (none). */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(none)';
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  // Windows paths as Windows shows them (not JSON's doubled backslashes); a control character
  // from a host value is shown as \uXXXX, never sent to the terminal.
  if (typeof v === 'string') return `"${v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
  return JSON.stringify(v);
}

/**
 * The plan, terraform-style: a legend, the actions grouped by step in the order they run, each
 * with `+` create, `~` change or `-` remove, changed properties old -> new, then a summary line.
 */
export function renderPlan(plan: { command: string; actions: Action[] }, computer: string): string {
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
  lines.push('', summaryLine(plan.actions));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(actions: Action[]): string {
  const s = summarize(actions);
  const part = (n: number, k: keyof typeof VERB, colour: (t: string) => string) => (n ? colour(`${n} to ${VERB[k]}`) : `${n} to ${VERB[k]}`);
  return `${chalk.bold('Plan:')} ${part(s.create, 'create', chalk.green)}, ${part(s.change, 'change', chalk.yellow)}, ${part(s.remove, 'remove', chalk.red)}.`;
}

function renderAction(a: Action): string[] {
  const out = [`    ${SYMBOL[a.kind]} ${a.description} ${chalk.dim(`[${a.id}]`)}`];
  const changes = a.changes ?? [];
  const width = Math.max(0, ...changes.map((c) => c.property.length));
  for (const c of changes) {
    out.push(`        ${SYMBOL.change} ${c.property.padEnd(width)}  ${chalk.red(showValue(c.from))} ${chalk.dim('->')} ${chalk.green(showValue(c.to))}`);
  }
  return out;
}

const SEVERITY = { error: chalk.red.bold('error'), warning: chalk.yellow.bold('warning'), info: chalk.cyan('note') } as const;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `    name: text`, later lines of a multi-line text indented under the first. */
function field(name: string, text: string): string {
  const pad = ' '.repeat(10);
  return `    ${chalk.dim(`${name}:`.padEnd(5))} ${text.replace(/\r?\n/g, `\n${pad}`)}`;
}

export function renderFindings(findings: Finding[]): string {
  if (!findings.length) return `${chalk.green('✓')} No problems found.\n`;
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${SEVERITY[f.severity]} ${chalk.bold(f.title)} ${chalk.dim(`[${f.id}]`)}`);
    lines.push(field('seen', f.evidence), field('why', f.why), `${field('fix', f.fix)}${f.fixedByInstall ? chalk.dim('  (or: mobykit install)') : ''}`, '');
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(`${plural(count('error'), 'error', 'errors')}, ${plural(count('warning'), 'warning', 'warnings')}, ${plural(count('info'), 'note', 'notes')}.`);
  return `${lines.join('\n')}\n`;
}

export function renderOutcome(r: RunResult): string {
  switch (r.outcome) {
    case 'nothing-to-do': return `${chalk.green('✓')} Nothing to do: the host already matches.\n`;
    case 'planned': return 'Dry run: nothing was changed.\n';
    case 'cancelled': return 'Cancelled: nothing was changed.\n';
    case 'blocked': return `${chalk.red('✗')} Stopped before changing anything:\n\n${renderFindings(r.findings)}`;
    case 'failed': return `${chalk.red('✗')} ${r.failed!.error.message}\n${failedTail(r)}`;
    case 'interrupted': return `${chalk.yellow('!')} Interrupted: ${r.applied.length} of ${r.plan.actions.length} actions were applied and recorded; `
      + (r.command === 'install' ? 'run mobykit install again to finish, or mobykit uninstall to remove them.\n' : 'run mobykit uninstall again to finish.\n');
    case 'unverified': return `${chalk.yellow('!')} Applied ${r.applied.length} actions, but verification found problems:\n\n${renderFindings(r.findings)}`;
    case 'done': return `${chalk.green('✓')} Done: ${plural(r.applied.length, 'action', 'actions')} applied and verified.\n`;
  }
}

function failedTail(r: RunResult): string {
  const rb = r.rollback;
  if (!rb) {
    return `${r.applied.length} of ${r.plan.actions.length} actions were applied; the rest were not. `
      + `Run mobykit doctor for the cause, then mobykit ${r.command} again to finish.\n`;
  }
  const lines = [`${r.applied.length} of ${r.plan.actions.length} actions had been applied; ${rb.undone.length} of them were undone.`];
  for (const n of rb.notUndone) lines.push(`  ${chalk.yellow('!')} not undone: ${n}`);
  lines.push(`Run mobykit doctor for the cause, then mobykit ${r.command} again.`);
  return `${lines.join('\n')}\n`;
}

/** The --json document: documented in the README. */
export function resultJson(r: RunResult): object {
  return {
    command: r.command,
    outcome: r.outcome,
    plan: r.plan.actions,
    applied: r.applied.map((a) => a.id),
    ...(r.failed ? { failed: { id: r.failed.action.id, message: r.failed.error.message } } : {}),
    ...(r.rollback ? { rollback: { undone: r.rollback.undone.map((a) => a.id), notUndone: r.rollback.notUndone } } : {}),
    findings: r.findings,
  };
}

let loggedPlan: Plan | undefined;

/** The plan, into the run log (colour is stripped there), once: before it is applied. */
export function logPlan(plan: Plan, computer: string): void {
  if (loggedPlan === plan) return;
  loggedPlan = plan;
  const log = runLog();
  log.section(`plan (${plan.command}, ${plan.actions.length} actions)`, renderPlan(plan, computer));
  if (plan.actions.length) log.section('plan as data', plan.actions.map((a) => `${a.id} ${JSON.stringify(a.params)}`).join('\n'));
}

/** The run's plan (unless logged already) and outcome, into the run log. */
export function logResult(r: RunResult, computer: string): void {
  logPlan(r.plan, computer);
  runLog().section(`result: ${r.outcome}`, renderOutcome(r));
}
