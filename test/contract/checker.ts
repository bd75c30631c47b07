// Holds analysed PowerShell against the cmdlet catalog: unknown commands and parameters,
// parameter sets that cannot be satisfied, cmdlets or parameters missing from one PowerShell
// edition, unqualified Hyper-V cmdlets, aliases and unknown splats.
import type { FunctionDef, Invocation, ScriptAnalysis } from './powershell-ast.js';

interface CatalogParameterRef {
  name: string;
  required: boolean;
  positional: boolean;
}
interface CatalogParameterSet {
  name: string;
  default: boolean;
  parameters: CatalogParameterRef[];
}
interface CatalogParameter {
  type: string;
  aliases: string[];
  docsets?: string[];
}
interface CatalogCmdlet {
  name: string;
  module: string;
  docsets: string[];
  aliases: string[];
  parameterSets: CatalogParameterSet[];
  parameters: Record<string, CatalogParameter>;
}
export interface Catalog {
  about?: string;
  sources: Record<string, string>;
  commonParameters: string[];
  commonParameterAliases: Record<string, string>;
  cmdlets: Record<string, CatalogCmdlet>;
}

export interface Finding {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  message: string;
}

export interface CheckOptions {
  catalog: Catalog;
  /** Functions defined in the module (commands that are not cmdlets). */
  moduleFunctions: FunctionDef[];
  /** Native executables the module may run, e.g. `bcdedit.exe`. */
  nativeExecutables: string[];
  /** Dynamic invocations allowed: `& $x` / `. $x` in the given function (null: script level). */
  dynamicInvocations: { function: string | null; text: string }[];
  /** Splats whose keys cannot be known statically, allowed in the given function. */
  dynamicSplats: { function: string; variable: string }[];
}

const SHOULD_PROCESS = ['WhatIf', 'Confirm'];
const SWITCH_COMMON = new Set(['verbose', 'debug', 'whatif', 'confirm']);

function lower(s: string): string {
  return s.toLowerCase();
}

function isCoreCmdlet(c: CatalogCmdlet): boolean {
  return !c.docsets.some((d) => d.startsWith('windows-server-'));
}

/**
 * Windows PowerShell modules PowerShell 7 reaches through the documented Windows PowerShell
 * compatibility feature (Import-Module -UseWindowsPowerShell, about_Windows_PowerShell_Compatibility),
 * each with the module function that loads it so: their docs exist for 5.1 only.
 */
const WINDOWS_COMPAT_MODULES: Record<string, string> = { 'microsoft.powershell.localaccounts': 'Import-MobyKitLocalAccountModule' };

/** Parameters of one edition the module uses only on that edition, each with where it checks. */
const EDITION_GUARDED = new Set(['import-module -usewindowspowershell']);

/** Why a cmdlet cannot be used from both Windows PowerShell 5.1 and PowerShell 7, or null. */
function editionProblem(c: CatalogCmdlet): string | null {
  const has51 = c.docsets.includes('powershell-5.1');
  const has74 = c.docsets.includes('powershell-7.4');
  const server = c.docsets.some((d) => d.startsWith('windows-server-'));
  if (!has51 && !server) return `${c.name} exists only in PowerShell 7 (docsets: ${c.docsets.join(', ')})`;
  if (!has74 && !server && !Object.hasOwn(WINDOWS_COMPAT_MODULES, lower(c.module))) return `${c.name} does not exist in PowerShell 7 (docsets: ${c.docsets.join(', ')})`;
  return null;
}

interface Resolved {
  canonical: string;
  isSwitch: boolean;
  common: boolean;
}

function resolveParameter(c: CatalogCmdlet, catalog: Catalog, given: string): Resolved | null {
  const g = lower(given);
  for (const [name, p] of Object.entries(c.parameters)) {
    if (lower(name) === g || p.aliases.some((a) => lower(a) === g)) {
      return { canonical: name, isSwitch: /SwitchParameter/i.test(p.type), common: false };
    }
  }
  for (const set of c.parameterSets) {
    for (const p of set.parameters) {
      if (lower(p.name) === g) return { canonical: p.name, isSwitch: SWITCH_COMMON.has(g), common: false };
    }
  }
  const common = catalog.commonParameters.find((p) => lower(p) === g) ?? Object.entries(catalog.commonParameterAliases).find(([a]) => lower(a) === g)?.[1];
  if (common) return { canonical: common, isSwitch: SWITCH_COMMON.has(lower(common)), common: true };
  return null;
}

function functionParameter(fn: FunctionDef, catalog: Catalog, given: string): Resolved | null {
  const g = lower(given);
  const own = fn.params.find((p) => lower(p.name) === g);
  if (own) return { canonical: own.name, isSwitch: false, common: false };
  if (!fn.hasCmdletBinding) return null;
  const common = catalog.commonParameters.find((p) => lower(p) === g) ?? Object.entries(catalog.commonParameterAliases).find(([a]) => lower(a) === g)?.[1];
  if (common) return { canonical: common, isSwitch: SWITCH_COMMON.has(lower(common)), common: true };
  if (fn.supportsShouldProcess && SHOULD_PROCESS.some((p) => lower(p) === g)) return { canonical: given, isSwitch: true, common: true };
  return null;
}

function checkInvocation(inv: Invocation, opts: CheckOptions, aliasIndex: Map<string, string>): Finding[] {
  const findings: Finding[] = [];
  const at = (severity: Finding['severity'], message: string) => findings.push({ severity, file: inv.file, line: inv.line, message });
  const { catalog } = opts;

  if (inv.dynamic) {
    const allowed = opts.dynamicInvocations.some((d) => d.function === inv.enclosingFunction && d.text === inv.dynamicText);
    if (!allowed) at('error', `dynamic invocation '${inv.operator ?? ''} ${inv.dynamicText}' in ${inv.enclosingFunction ?? 'script'} is not allowlisted`);
  }

  // Splats: keys known statically count as parameters; unknown ones must be allowlisted.
  for (const el of inv.elements) {
    if (el.kind === 'splat' && el.keys === null) {
      const allowed = opts.dynamicSplats.some((d) => d.function === inv.enclosingFunction && lower(d.variable) === lower(el.variable));
      if (!allowed) at('error', `splat @${el.variable} in ${inv.enclosingFunction ?? 'script'}: its keys are not a hashtable literal with constant keys`);
    }
  }
  if (inv.dynamic) return findings;

  const name = inv.bareName;
  const fn = opts.moduleFunctions.find((f) => lower(f.name) === lower(name));
  if (fn && !inv.module) {
    checkParameters(inv, (p) => functionParameter(fn, catalog, p), null, at);
    return findings;
  }
  if (opts.nativeExecutables.some((n) => lower(n) === lower(inv.name))) return findings;

  const cmdlet = Object.values(catalog.cmdlets).find((c) => lower(c.name) === lower(name)) ?? null;
  if (!cmdlet) {
    const target = aliasIndex.get(lower(name));
    if (target) {
      at('error', `'${name}' is an alias of ${target}: write the cmdlet's name`);
      return findings;
    }
    at('error', `'${inv.name}' is not a cmdlet in the catalog, a module function or an allowed native executable`);
    return findings;
  }
  if (inv.module && lower(inv.module) !== lower(cmdlet.module)) {
    at('error', `'${inv.name}': ${cmdlet.name} belongs to module ${cmdlet.module}, not ${inv.module}`);
  }
  if (lower(cmdlet.module) === 'hyper-v' && !inv.module) {
    at('error', `'${name}' must be module-qualified as Hyper-V\\${cmdlet.name} (VMware PowerCLI has commands with the same names)`);
  }
  const edition = editionProblem(cmdlet);
  if (edition) at('error', edition);
  const c = cmdlet;
  checkParameters(inv, (p) => resolveParameter(c, catalog, p), c, at);
  return findings;
}

function checkParameters(
  inv: Invocation,
  resolve: (given: string) => Resolved | null,
  cmdlet: CatalogCmdlet | null,
  at: (severity: Finding['severity'], message: string) => void,
): void {
  const named: Resolved[] = [];
  let positional = 0;
  let pendingValue = false;
  for (const el of inv.elements) {
    if (el.kind === 'parameter') {
      const r = resolve(el.name);
      if (!r) {
        at('error', `${inv.name}: unknown parameter -${el.name} (full parameter names or aliases only)`);
        pendingValue = !el.colonValue;
        continue;
      }
      named.push(r);
      pendingValue = !r.isSwitch && !el.colonValue;
      if (el.colonValue) pendingValue = true;
      continue;
    }
    if (el.kind === 'splat') {
      for (const key of el.keys ?? []) {
        const r = resolve(key);
        if (!r) at('error', `${inv.name}: unknown parameter ${key} (from @${el.variable})`);
        else named.push(r);
      }
      continue;
    }
    if (pendingValue) pendingValue = false;
    else positional++;
  }
  if (!cmdlet) return;

  // Parameters documented for one edition only.
  if (isCoreCmdlet(cmdlet)) {
    for (const r of named) {
      if (r.common) continue;
      const p = Object.entries(cmdlet.parameters).find(([n]) => lower(n) === lower(r.canonical))?.[1];
      const docsets = p?.docsets;
      if (!docsets || docsets.length === 0) continue;
      const missing = ['powershell-5.1', 'powershell-7.4'].filter((d) => cmdlet.docsets.includes(d) && !docsets.includes(d));
      if (missing.length && !EDITION_GUARDED.has(lower(`${cmdlet.name} -${r.canonical}`))) at('error', `${inv.name} -${r.canonical} is not available in ${missing.join(', ')}`);
    }
  }

  // Some parameter set must take every named parameter.
  const given = named.filter((r) => !r.common || SHOULD_PROCESS.some((s) => lower(s) === lower(r.canonical)));
  const givenNames = new Set(given.map((r) => lower(r.canonical)));
  const sets = cmdlet.parameterSets;
  const common = sets.filter((s) => s.name === '__AllParameterSets');
  const fitting = sets.filter((s) => {
    const names = new Set([...s.parameters, ...common.flatMap((c) => c.parameters)].map((p) => lower(p.name)));
    return [...givenNames].every((n) => names.has(n));
  });
  if (sets.length > 0 && fitting.length === 0) {
    at('error', `${inv.name}: no parameter set takes all of -${given.map((r) => r.canonical).join(', -')}`);
    return;
  }
  if (inv.receivesPipeline || fitting.length === 0) return;
  const satisfied = fitting.some((s) => {
    const params = [...s.parameters, ...common.flatMap((c) => c.parameters)];
    const missing = params.filter((p) => p.required && !givenNames.has(lower(p.name)));
    const positionalMissing = missing.filter((p) => p.positional);
    return missing.length === positionalMissing.length && positionalMissing.length <= positional;
  });
  if (!satisfied) {
    at('warning', `${inv.name}: every parameter set that fits lacks a required parameter (${fitting.map((s) => s.name).join(' | ')})`);
  }
}

function aliasIndexOf(catalog: Catalog): Map<string, string> {
  const index = new Map<string, string>();
  for (const c of Object.values(catalog.cmdlets)) for (const a of c.aliases) index.set(lower(a), c.name);
  return index;
}

export function checkAnalyses(analyses: ScriptAnalysis[], opts: CheckOptions): Finding[] {
  const aliasIndex = aliasIndexOf(opts.catalog);
  const findings: Finding[] = [];
  for (const a of analyses) {
    for (const p of a.parseProblems) findings.push({ severity: 'error', file: a.file, line: p.line, message: `parse ${p.kind}: ${p.text}` });
    for (const inv of a.invocations) findings.push(...checkInvocation(inv, opts, aliasIndex));
  }
  return findings;
}

export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}: ${f.severity}: ${f.message}`).join('\n');
}
