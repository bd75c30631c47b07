// Loads and analyses the PowerShell module in ps1/ (paths relative to the repository root).
import fs from 'node:fs';
import path from 'node:path';
import { analyzePowerShell, type ScriptAnalysis } from './powershell-ast.js';
import type { Catalog, CheckOptions } from './checker.js';

export const PS1_DIR = 'ps1';
export const CATALOG_FIXTURE = path.join('test', 'fixtures', 'cmdlet-catalog.json');

export function listModuleFiles(dir = PS1_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listModuleFiles(full);
      return /\.(ps1|psm1|psd1)$/i.test(entry.name) ? [full] : [];
    })
    .sort();
}

let cache: ScriptAnalysis[] | null = null;
export function analyseModule(): ScriptAnalysis[] {
  if (!cache) cache = listModuleFiles().map((file) => analyzePowerShell(fs.readFileSync(file, 'utf8'), file));
  return cache;
}

export function loadCatalog(): Catalog {
  return JSON.parse(fs.readFileSync(CATALOG_FIXTURE, 'utf8')) as Catalog;
}

/** What the module may do beyond calling catalog cmdlets and its own functions. */
export function moduleCheckOptions(catalog: Catalog, analyses: ScriptAnalysis[]): CheckOptions {
  return {
    catalog,
    moduleFunctions: analyses.flatMap((a) => a.functions),
    nativeExecutables: ['bcdedit.exe', 'netsh.exe', 'icacls.exe'], // icacls: the state folder's ACL (Initialize-MobyKitStateDir)
    dynamicInvocations: [
      // MobyKit.psm1 dot-sources its Public/ and Private/ files.
      { function: null, text: '$file.FullName' },
      // The dispatcher runs the allowlisted exported function it resolved.
      { function: 'Invoke-MobyKitCall', text: '$target' },
      // The snapshot runs each query block through one error-recording helper.
      { function: 'Invoke-MobyKitSnapshotQuery', text: '$SnapshotQuery' },
      // bcdedit and netsh run with the OEM code page as the console's output encoding.
      { function: 'Invoke-MobyKitNativeTool', text: '$ToolCall' },
    ],
    // The dispatcher's own splat: the request's parameters, checked by PowerShell's binder.
    // ConvertFrom-MobyKitJson: -DateKind (PowerShell 7.5+), passed only where ConvertFrom-Json has it; the catalog is 7.4's.
    dynamicSplats: [
      { function: 'Invoke-MobyKitCall', variable: 'invokeParameters' },
      { function: 'ConvertFrom-MobyKitJson', variable: 'dateKind' },
    ],
  };
}
