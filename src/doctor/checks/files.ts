// Directories, Toolbox leftovers that can be migrated, and queries that failed while gathering.
import { psString } from '../../windows/powershell.js';
import { notChecked, type Check, type CheckContext, type Problem } from '../check.js';
import type { Desired } from '../../config/desired.js';
import type { FileEntry, GatheredFor } from '../../snapshot/types.js';
import { sameName, sameNameList } from '../../windows/names.js';

function dirCheck(id: string, title: string, what: string, why: string, pick: (ctx: CheckContext) => FileEntry | undefined): Check {
  return {
    id,
    title,
    why,
    severity: 'info',
    fixedByInstall: false,
    run(ctx) {
      const e = pick(ctx);
      if (!e || e.Exists || !e.Path) return [];
      // A path still holding %VAR% (a snapshot taken elsewhere) is expanded by the fix itself: PowerShell
      // never expands cmd syntax, so -Path '%APPDATA%\Docker' would create a folder named %APPDATA%.
      const target = /%[^%\\]+%/.test(e.Path) ? `([Environment]::ExpandEnvironmentVariables(${psString(e.Path)}))` : psString(e.Path);
      return [{ title: `The ${what} ${e.Path} does not exist`, evidence: `${e.Path} does not exist`, fix: `New-Item -ItemType Directory -Force -Path ${target}` }];
    },
  };
}

const logDir = dirCheck(
  'files.log-dir',
  'Log directory exists',
  'log directory',
  'Docker for Windows writes its logs here, and `mobykit logs` reads them; until it exists there is no log to look at when something goes wrong.',
  (ctx) => ctx.snapshot.files?.logDir,
);

const settingsDir = dirCheck(
  'files.settings-dir',
  'Settings directory exists',
  'settings directory',
  'Docker for Windows keeps its settings here; if Docker has run on this machine before, a missing folder means its settings are gone or the path is set wrong.',
  (ctx) => ctx.snapshot.files?.settingsDir,
);

const toolbox: Check = {
  id: 'toolbox.migration',
  title: 'Docker Toolbox disk can be migrated',
  severity: 'info',
  why: "A Docker Toolbox machine still holds your images and containers in a VirtualBox disk; they can be copied to the Hyper-V VM's disk before it is first used.",
  fixedByInstall: false,
  run(ctx) {
    const f = ctx.snapshot.files;
    if (!f || f.vhdx?.Exists) return []; // migration never overwrites an existing disk
    return (f.toolboxMachines ?? [])
      .filter((m) => m.DiskPath)
      .map((m) => ({
        title: `Docker Toolbox machine ${m.Name} can be moved to Hyper-V`,
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
  why: 'A query that failed leaves its part of the snapshot empty, so the checks that depend on it could not look (they are listed as not checked).',
  fixedByInstall: false,
  run(ctx) {
    return (ctx.snapshot.errors ?? []).map((e): Problem => ({
      title: `A query failed while gathering: ${e.Source}`,
      evidence: `${e.Source}: ${e.Message}`,
      fix: ELEVATE.test(e.Message)
        ? 'Run mobykit doctor again from an elevated PowerShell (right-click > Run as administrator)'
        : `Run ${e.Source} in PowerShell to see the full error, fix what it reports, then run mobykit doctor again`,
    }));
  },
};

/** What a snapshot was gathered for, as the desired state of the configuration in force says it. */
function scopeOf(d: Desired): GatheredFor {
  return {
    switchName: d.switchName,
    natName: d.natName,
    subnet: d.subnet,
    hostAddress: d.hostAddress,
    firewallRules: d.firewallRules.map((r) => r.Name),
    tcpPorts: d.ports.tcp,
    udpPorts: d.ports.udp,
    vmName: d.vm.name,
    kvpItem: d.kvp.itemName,
    shareName: d.share.name,
    shareUser: d.share.account,
    credentialTarget: d.credential.target,
  };
}

/** `switchName: DockerNAT (gathered) vs MobyNet (asked)` for every scope value that differs. */
function scopeDifferences(gathered: GatheredFor, asked: GatheredFor): string[] {
  const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? sameNameList(a.map(String), b.map(String)) : sameName(String(a), String(b)));
  const show = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v));
  return (Object.keys(asked) as (keyof GatheredFor)[])
    .filter((k) => gathered[k] !== undefined && !same(gathered[k], asked[k]))
    .map((k) => `${k} ${show(gathered[k])} (gathered) vs ${show(asked[k])} (asked)`);
}

const scope: Check = {
  id: 'snapshot.scope',
  title: 'The snapshot was gathered for this configuration',
  severity: 'warning',
  why: 'A snapshot holds only what it was gathered for (the rules, ports, VM and share of one configuration); checked against other names, resources look missing that are merely unread.',
  fixedByInstall: false,
  run(ctx) {
    const g = ctx.snapshot.gatheredFor;
    if (!g) return notChecked('the snapshot does not say what it was gathered for (it was gathered by an older mobykit)');
    const diffs = scopeDifferences(g, scopeOf(ctx.desired));
    if (!diffs.length) return [];
    return [
      {
        title: 'The snapshot was gathered for other names than the ones checked',
        evidence: diffs.join('; '),
        fix: 'Run mobykit doctor --from FILE without those flags (it then uses the names the snapshot was gathered for), or gather a new snapshot with them: mobykit snapshot -o FILE',
      },
    ];
  },
};

/**
 * What mobykit does not make, checked before anything needs it: the boot ISO (before a VM exists;
 * vm.boot-iso checks the VM's own drive) and the proxy program the firewall rules allow. Both come
 * with Docker for Windows.
 */
const FROM_DOCKER = 'It comes with Docker for Windows (in C:\\Program Files\\Docker\\Docker\\Resources); mobykit does not make it.';

const bootIso: Check = {
  id: 'files.boot-iso',
  title: 'The boot ISO is there',
  severity: 'error',
  why: `The VM boots MobyLinux from this ISO: without it install cannot make or start the VM. ${FROM_DOCKER}`,
  fixedByInstall: false,
  run(ctx) {
    const iso = ctx.snapshot.files?.bootIso;
    if (!iso || !sameName(iso.Path, ctx.desired.vm.isoPath)) return notChecked(`the snapshot did not look at ${ctx.desired.vm.isoPath}`);
    if (iso.Exists) return [];
    return [
      {
        title: `The boot ISO ${iso.Path} is not there`,
        evidence: `${iso.Path} does not exist`,
        fix: 'Install Docker for Windows, or point mobykit at a MobyLinux ISO you have: --iso <path to the .iso> (vm.isoPath in the configuration)',
      },
    ];
  },
};

const proxyProgram: Check = {
  id: 'files.proxy-program',
  title: 'The proxy program is there',
  severity: 'warning',
  why: `The firewall rules let the Docker proxy (com.docker.proxy.exe) forward the engine's ports from the VM to Windows; without it docker on Windows cannot reach the engine. ${FROM_DOCKER}`,
  fixedByInstall: false,
  run(ctx) {
    const program = ctx.desired.config.firewall.program;
    if (/^(Any|System)$/i.test(program)) return [];
    const seen = ctx.snapshot.files?.proxyProgram;
    if (!seen || !sameName(seen.Path, program)) return notChecked(`the snapshot does not say whether ${program} is there (it was gathered by an older mobykit)`);
    if (seen.Exists) return [];
    return [
      {
        title: `The proxy program ${program} is not there`,
        evidence: `${program} does not exist`,
        fix: 'Install Docker for Windows, or name the proxy program you run: --proxy-program <path to the .exe> (firewall.program in the configuration)',
      },
    ];
  },
};

export const FILES_CHECKS: Check[] = [bootIso, proxyProgram, logDir, settingsDir, toolbox, scope, errors];
