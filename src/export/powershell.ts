// `mobykit plan --export FILE.ps1`: the plan as a standalone PowerShell script that an
// administrator can read, review and run without Node. It performs exactly the planned actions,
// in order, by calling the MobyKit module's functions (each operation's psFunction) with each action's parameters
// as literal PowerShell values in a splatted hashtable. No user value is ever PowerShell source:
// strings are single-quoted literals (no expansion), control characters are [char] codes.
// It holds no secret: the share password is asked once at run time with Read-Host -AsSecureString.
import { writeFileSync } from 'node:fs';
import { summarize, type Plan } from '../engine/plan.js';
import type { Action } from '../plan/action.js';
import { needsSecret, operationOf } from '../resources/registry.js';
import { psCommentText, psString } from '../windows/powershell.js';
import { fill, readTemplate } from './template.js';

export const POWERSHELL_TEMPLATE = 'install.ps1.tmpl';

/** A PowerShell literal for a parameter value: strings, numbers, booleans, arrays of them. */
export function psValue(value: unknown): string {
  if (typeof value === 'string') return psString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot export the number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (value === null) return '$null';
  if (Array.isArray(value)) return `@(${value.map(psValue).join(', ')})`;
  throw new Error(`cannot export a parameter value of type ${typeof value}`);
}

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function splat(action: Action, variable: string, indent: string): string {
  const entries = Object.entries(action.params as unknown as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const lines = entries.map(([k, v]) => `${indent}    ${BARE_KEY.test(k) ? k : psString(k)} = ${psValue(v)}`);
  if (needsSecret(action)) lines.push(`${indent}    Password = $securePassword`);
  return `${indent}$${variable} = @{\n${lines.join('\n')}\n${indent}}`;
}

const SYMBOL = { create: '+', change: '~', remove: '-' } as const;

export interface ExportInfo {
  computer: string;
  version: string;
  /** When the plan was made (ISO-8601). */
  at: string;
  /** Where the MobyKit module was when the script was made: named in the error if -ModulePath is wrong. */
  modulePathHint?: string;
}

/** The script for a plan. Refuses a plan with blockers: it would fail part-way. */
export function exportPowerShell(plan: Plan, info: ExportInfo): string {
  if (plan.blockers.length) {
    throw Object.assign(new Error(`the plan cannot be applied (${plan.blockers.map((b) => b.id).join(', ')}), so it was not exported; run mobykit doctor`), { exitCode: 1 });
  }
  const actions = plan.actions;
  const n = actions.length;
  const width = Math.max(0, ...actions.map((a) => psCommentText(a.id).length));
  const s = summarize(actions);
  const listing = actions.length
    ? actions.map((a, i) => `#   ${String(i + 1).padStart(String(n).length)}. ${SYMBOL[a.kind]} ${psCommentText(a.id).padEnd(width)}  ${psCommentText(a.description)}`).join('\n')
    : '#   (no changes: the host already matched the configuration)';

  const needsPassword = actions.filter(needsSecret);
  const user = needsPassword.map((a) => (a.params as { UserName?: string }).UserName).find((u) => !!u);
  const passwordBlock = needsPassword.length
    ? [
        '# The share password, given as -SharePassword or asked once, before any change, and never written anywhere.',
        '$securePassword = $SharePassword',
        'if ($null -eq $securePassword) {',
        "    if (-not [Environment]::UserInteractive -or @([Environment]::GetCommandLineArgs() | Where-Object -FilterScript { $_ -like '-NonI*' }).Count -gt 0) {",
        "        throw 'A step needs the share password and this PowerShell cannot ask (-NonInteractive): pass it with -SharePassword <SecureString>.'",
        '    }',
        `    $securePassword = Read-Host -Prompt ${psString(`Windows password of ${user ?? 'the share user'} (for the share)`)} -AsSecureString`,
        '}',
        '# Checked in clear for a moment; the module is given the SecureString (logged bindings show only its type).',
        "$plainPassword = [System.Net.NetworkCredential]::new('', $securePassword).Password",
        "if ([string]::IsNullOrEmpty($plainPassword)) { throw 'The share password is empty; give the Windows password of the share user.' }",
        "if ($plainPassword -match '[,;\\r\\n]') { throw 'The share password contains a comma, semicolon or line break, which the cifsmount mount token cannot carry.' }",
        '$plainPassword = $null',
      ].join('\n')
    : '# No action needs the share password.';

  const steps = actions.map((a, i) => {
    const fn = operationOf(a)?.psFunction;
    if (!fn) throw new Error(`no PowerShell function performs ${JSON.stringify(a.op)}`);
    const indent = '    ';
    return [
      `${indent}# ${i + 1}/${n} ${SYMBOL[a.kind]} ${psCommentText(a.id)}`,
      `${indent}$step = ${psString(a.id)}`,
      `${indent}Write-Host -Object ${psString(`[${i + 1}/${n}] ${a.description}`)}`,
      splat(a, `action${i + 1}`, indent),
      // Intent before action, as mobykit does: the next mobykit run settles each entry by looking.
      ...(a.claims ?? []).map(
        ({ adopted, ...claim }) => `${indent}Add-MobyKitJournalEntry -Entry ${psString(JSON.stringify({ ...claim, state: adopted ? 'made' : 'pending', actionId: a.id }))}`,
      ),
      // -Confirm:$false, not only $ConfirmPreference: a module function does not see the script's preference variables.
      `${indent}${fn} @action${i + 1} -Confirm:$false`,
    ].join('\n');
  });

  return fill(
    readTemplate(POWERSHELL_TEMPLATE),
    {
      command: plan.command,
      computer: psCommentText(info.computer),
      version: psCommentText(info.version),
      at: psCommentText(info.at),
      summary: `${s.create} to create, ${s.change} to change, ${s.remove} to remove`,
      count: n,
      listing,
      modulePathHint: psString(info.modulePathHint ?? 'the ps1 folder of the mobykit package'),
      passwordBlock,
      actions: steps.length ? steps.join('\n\n') : "    Write-Host -Object 'Nothing to do: the host already matched the configuration when this script was made.'",
      doneMessage: psString(`Done: ${n} actions applied. Check the result with: mobykit doctor`),
    },
    (v) => v,
  );
}

/** Writes the script, UTF-8 with a BOM so Windows PowerShell 5.1 reads non-ASCII names right. */
export function writePowerShellExport(file: string, plan: Plan, info: ExportInfo): void {
  const text = exportPowerShell(plan, info).replace(/\r?\n/g, '\r\n');
  writeFileSync(file, `\uFEFF${text}`, 'utf8');
}

/**
 * `plan --export FILE`: after the plan is shown. A blocked plan is not exported (exit 1); an
 * empty one is, as a script that changes nothing.
 */
export async function exportPlanCommand(result: { outcome: string; plan: Plan }, file: string, computer: string, version: string): Promise<void> {
  if (result.outcome === 'blocked' || result.plan.blockers.length) {
    throw Object.assign(new Error(`not exported to ${file}: the plan cannot be applied as it stands (see above)`), { exitCode: 1 });
  }
  const { fileURLToPath } = await import('node:url');
  const modulePathHint = fileURLToPath(new URL('../../../ps1/MobyKit.psd1', import.meta.url));
  try {
    writePowerShellExport(file, result.plan, { computer, version, at: new Date().toISOString(), modulePathHint });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw Object.assign(new Error(`--export ${file}: cannot write the file (${code})`), { exitCode: 2 });
    throw e;
  }
  const n = result.plan.actions.length;
  process.stderr.write(
    `Wrote ${file}: a PowerShell script that performs these ${n} action${n === 1 ? '' : 's'}. ` +
      "Run it in an elevated PowerShell with mobykit's ps1 folder beside it, or pass -ModulePath.\n",
  );
}
