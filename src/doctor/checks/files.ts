// Directories, Toolbox leftovers that can be migrated, and queries that failed while gathering.
import type { Check, CheckContext, Problem } from '../check.js';
import type { FileEntry } from '../../snapshot/types.js';
import { q } from './util.js';

function dirCheck(id: string, title: string, why: string, pick: (ctx: CheckContext) => FileEntry | undefined): Check {
  return {
    id, title, why, severity: 'info', fixedByInstall: false,
    run(ctx) {
      const e = pick(ctx);
      if (!e || e.Exists || !e.Path) return [];
      // A path still holding %VAR% (a snapshot taken elsewhere) is expanded by the fix itself: PowerShell
      // never expands cmd syntax, so -Path '%APPDATA%\Docker' would create a folder named %APPDATA%.
      const target = /%[^%\\]+%/.test(e.Path) ? `([Environment]::ExpandEnvironmentVariables(${q(e.Path)}))` : q(e.Path);
      return [{ evidence: `${e.Path} does not exist`, fix: `New-Item -ItemType Directory -Force -Path ${target}` }];
    },
  };
}

const logDir = dirCheck(
  'files.log-dir', 'Log directory exists',
  'Docker for Windows writes its logs here, and `mobykit logs` reads them; until it exists there is no log to look at when something goes wrong.',
  (ctx) => ctx.snapshot.files?.logDir,
);

const settingsDir = dirCheck(
  'files.settings-dir', 'Settings directory exists',
  'Docker for Windows keeps its settings here; if Docker has run on this machine before, a missing folder means its settings are gone or the path is set wrong.',
  (ctx) => ctx.snapshot.files?.settingsDir,
);

const toolbox: Check = {
  id: 'toolbox.migration',
  title: 'Docker Toolbox disk can be migrated',
  severity: 'info',
  why: 'A Docker Toolbox machine still holds your images and containers in a VirtualBox disk; they can be copied to the Hyper-V VM\'s disk before it is first used.',
  fixedByInstall: false,
  run(ctx) {
    const f = ctx.snapshot.files;
    if (!f || f.vhdx?.Exists) return []; // migration never overwrites an existing disk
    return (f.toolboxMachines ?? [])
      .filter((m) => m.DiskPath)
      .map((m) => ({
        evidence: `Toolbox machine ${m.Name} has ${m.DiskPath}; ${f.vhdx?.Path ?? ctx.desired.vm.vhdxPath} does not exist yet`,
        fix: 'mobykit migrate-toolbox',
      }));
  },
};

const ELEVATE = /access is denied|access denied|0x80070005|requires elevation|not have (the )?(required )?permission|unauthori[sz]ed/i;

const errors: Check = {
  id: 'snapshot.errors',
  title: 'Every query succeeded while gathering',
  severity: 'warning',
  why: 'A query that failed leaves its part of the snapshot empty, so the checks that depend on it could not look.',
  fixedByInstall: false,
  run(ctx) {
    return (ctx.snapshot.errors ?? []).map((e): Problem => ({
      evidence: `${e.Source}: ${e.Message}`,
      fix: ELEVATE.test(e.Message)
        ? 'Run mobykit doctor again from an elevated PowerShell (right-click > Run as administrator)'
        : `Run ${e.Source} in PowerShell to see the full error, fix what it reports, then run mobykit doctor again`,
    }));
  },
};

export const FILES_CHECKS: Check[] = [logDir, settingsDir, toolbox, errors];
