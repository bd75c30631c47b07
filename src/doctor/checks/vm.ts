// The Linux VM: there once, configured as desired, running, booting the ISO, with a usable
// disk, COM1 on the pipe, the KVP integration service, a network adapter on the switch and an address.
import type { Check, CheckContext, Problem } from '../check.js';
import type { VM } from '../../snapshot/types.js';
import { MARKER } from '../../config/desired.js';
import { contains, parseCidr, parseIPv4 } from '../../net/ipv4.js';
import { desiredSwitches, hyperVUsable, ieq, mb, primaryVm, q, queryFailed, samePath, vmsNamed } from './util.js';

/** Hyper-V's Key-Value Pair Exchange integration service, whatever the display language. */
export const KVP_SERVICE_ID = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';

function usable(ctx: CheckContext): boolean {
  return hyperVUsable(ctx) && !queryFailed(ctx, 'Get-VM');
}

/** The VM the checks look at, when there is one to look at. */
function theVm(ctx: CheckContext): VM | undefined {
  return usable(ctx) ? primaryVm(ctx, MARKER) : undefined;
}

export function kvpService(vm: VM) {
  return (vm.IntegrationServices ?? []).find((s) => s.Id?.toUpperCase().endsWith(KVP_SERVICE_ID));
}

const vmMissing: Check = {
  id: 'vm.missing',
  title: 'Linux VM exists',
  severity: 'error',
  why: 'Docker runs inside the Linux VM; until it exists there is no Docker engine to talk to.',
  fixedByInstall: true,
  run(ctx) {
    if (!usable(ctx) || vmsNamed(ctx).length > 0) return [];
    const v = ctx.desired.vm;
    const n = q(v.name);
    const steps = [
      ctx.snapshot.files?.vhdx?.Exists && samePath(ctx.snapshot.files.vhdx.Path, v.vhdxPath)
        ? ''
        : `New-VHD -Path ${q(v.vhdxPath)} -SizeBytes ${v.vhdxSizeBytes} -Dynamic`,
      `New-VM -Name ${n} -Generation ${v.generation} -MemoryStartupBytes ${v.memoryStartupBytes} -VHDPath ${q(v.vhdxPath)} -SwitchName ${q(ctx.desired.switchName)}`,
      `Set-VM -Name ${n} -ProcessorCount ${v.processorCount} -Notes ${q(MARKER)}`,
      `Add-VMDvdDrive -VMName ${n} -Path ${q(v.isoPath)}`,
      v.generation === 2 ? `Set-VMFirmware -VMName ${n} -EnableSecureBoot Off -FirstBootDevice (Get-VMDvdDrive -VMName ${n})` : '',
      `Set-VMComPort -VMName ${n} -Number 1 -Path ${q(v.comPipe)}`,
      `Get-VMIntegrationService -VMName ${n} | Where-Object { $_.Id -like '*${KVP_SERVICE_ID}' } | Enable-VMIntegrationService`,
      `Start-VM -Name ${n}`,
    ].filter(Boolean);
    return [{ evidence: `No VM named ${v.name}`, fix: steps.join('; ') }];
  },
};

const vmDuplicate: Check = {
  id: 'vm.duplicate',
  title: 'VM name is unique',
  severity: 'error',
  why: 'Two VMs with the same name make every -VMName ambiguous: commands act on both or fail, and the wrong VM may be started.',
  fixedByInstall: false,
  run(ctx) {
    if (!usable(ctx)) return [];
    const list = vmsNamed(ctx);
    if (list.length < 2) return [];
    const keep = primaryVm(ctx, MARKER)!;
    return [{
      evidence: `${list.length} VMs are named ${ctx.desired.vm.name}: ${list.map((v) => `${v.Id} (${v.State}${v.Notes?.includes(MARKER) ? ', mobykit' : ''})`).join(', ')}`,
      fix: list.filter((v) => v !== keep).map((v) => `Get-VM -Id ${q(v.Id)} | Remove-VM -Force`).join('; '),
    }];
  },
};

const vmConfig: Check = {
  id: 'vm.config',
  title: 'VM has the configured generation, memory and CPUs',
  severity: 'warning',
  why: 'A VM whose generation, startup memory or processor count differs from the configuration boots differently or runs short of resources.',
  fixedByInstall: true,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm) return [];
    const v = ctx.desired.vm;
    const diffs: string[] = [];
    const set: string[] = [];
    if (vm.Generation !== v.generation) diffs.push(`Generation ${vm.Generation} -> ${v.generation}`);
    if (vm.MemoryStartup !== v.memoryStartupBytes) {
      diffs.push(`MemoryStartup ${mb(vm.MemoryStartup)} -> ${mb(v.memoryStartupBytes)}`);
      set.push(`-MemoryStartupBytes ${v.memoryStartupBytes}`);
    }
    if (vm.ProcessorCount !== v.processorCount) {
      diffs.push(`ProcessorCount ${vm.ProcessorCount} -> ${v.processorCount}`);
      set.push(`-ProcessorCount ${v.processorCount}`);
    }
    if (diffs.length === 0) return [];
    const n = q(vm.Name);
    let fix: string;
    if (vm.Generation !== v.generation) {
      fix = `The generation of a VM cannot be changed; recreate it: Stop-VM -Name ${n} -TurnOff; Remove-VM -Name ${n} -Force; mobykit install`;
    } else {
      const running = vm.State === 'Running';
      fix = `${running ? `Stop-VM -Name ${n}; ` : ''}Set-VM -Name ${n} ${set.join(' ')}${running ? `; Start-VM -Name ${n}` : ''}`;
    }
    return [{
      severity: vm.Generation !== v.generation ? 'error' : undefined,
      evidence: `${vm.Name}: ${diffs.join(', ')}`,
      fix,
    }];
  },
};

const vmState: Check = {
  id: 'vm.state',
  title: 'VM is running',
  severity: 'error',
  why: 'Docker commands go to the engine inside the VM; while the VM is not running they all fail.',
  fixedByInstall: true,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm || vm.State === 'Running') return [];
    const n = q(vm.Name);
    const fix = /^paused$/i.test(vm.State) ? `Resume-VM -Name ${n}` : `Start-VM -Name ${n}`;
    return [{ evidence: `${vm.Name} is ${vm.State}`, fix }];
  },
};

const vmBootIso: Check = {
  id: 'vm.boot-iso',
  title: 'VM boots the ISO',
  severity: 'error',
  why: 'The VM boots its Linux from the ISO in its DVD drive; without it the VM has nothing to boot.',
  fixedByInstall: true,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm) return [];
    const v = ctx.desired.vm;
    const n = q(vm.Name);
    const problems: Problem[] = [];
    const dvds = vm.DvdDrives ?? [];
    if (!dvds.some((d) => samePath(d.Path, v.isoPath))) {
      const seen = dvds.length ? dvds.map((d) => d.Path ?? 'empty').join(', ') : 'no DVD drive';
      problems.push({
        evidence: `${vm.Name} has ${seen}, expected ${v.isoPath}`,
        fix: dvds.length ? `Set-VMDvdDrive -VMName ${n} -Path ${q(v.isoPath)}` : `Add-VMDvdDrive -VMName ${n} -Path ${q(v.isoPath)}`,
      });
    }
    const iso = ctx.snapshot.files?.bootIso;
    if (iso && samePath(iso.Path, v.isoPath) && !iso.Exists) {
      problems.push({
        evidence: `The ISO ${iso.Path} does not exist`,
        fix: `Reinstall to restore ${iso.Path}, or point mobykit at an existing ISO: mobykit install --iso <path to the .iso>`,
      });
    }
    return problems;
  },
};

const BAD_ATTRIBUTES = ['Compressed', 'Encrypted', 'SparseFile'];
const ATTRIBUTE_FIX: Record<string, (p: string) => string> = {
  Compressed: (p) => `compact.exe /U ${q(p)}`,
  Encrypted: (p) => `cipher.exe /D ${q(p)}`,
  SparseFile: (p) => `fsutil.exe sparse setflag ${q(p)} 0`,
};

const vmDisk: Check = {
  id: 'vm.disk',
  title: 'VM disk is present and usable',
  severity: 'error',
  why: 'Hyper-V cannot use a virtual disk that is missing, or that NTFS keeps compressed, encrypted or sparse ("virtual hard disk files must be uncompressed and unencrypted and must not be sparse").',
  fixedByInstall: false,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm) return [];
    const v = ctx.desired.vm;
    const problems: Problem[] = [];
    const file = ctx.snapshot.files?.vhdx;
    const known = file && samePath(file.Path, v.vhdxPath);
    if (known && !file.Exists) {
      problems.push({
        evidence: `The VHDX ${file.Path} does not exist`,
        fix: `New-VHD -Path ${q(v.vhdxPath)} -SizeBytes ${v.vhdxSizeBytes} -Dynamic (an empty disk: images and containers are lost), or restore the file from a backup`,
      });
      return problems;
    }
    if (!(vm.HardDrives ?? []).some((h) => samePath(h.Path, v.vhdxPath))) {
      const seen = (vm.HardDrives ?? []).map((h) => h.Path);
      problems.push({
        evidence: `${vm.Name} has ${seen.length ? seen.join(', ') : 'no hard disk'}, expected ${v.vhdxPath}`,
        fix: `Add-VMHardDiskDrive -VMName ${q(vm.Name)} -Path ${q(v.vhdxPath)}`,
      });
    }
    if (known) {
      const bad = (file.Attributes ?? []).filter((a) => BAD_ATTRIBUTES.some((b) => ieq(a, b)));
      if (bad.length) {
        const stop = vm.State === 'Running' ? `Stop-VM -Name ${q(vm.Name)}; ` : '';
        problems.push({
          evidence: `The VHDX ${file.Path} has Attributes ${(file.Attributes ?? []).join(', ')}`,
          fix: stop + bad.map((a) => ATTRIBUTE_FIX[BAD_ATTRIBUTES.find((b) => ieq(a, b))!](file.Path)).join('; '),
        });
      }
    }
    return problems;
  },
};

const vmComPort: Check = {
  id: 'vm.com-port',
  title: 'COM1 is connected to the pipe',
  severity: 'warning',
  why: 'The VM writes its console and boot log to COM1; `mobykit console` streams them from the named pipe to diagnose a VM that does not come up.',
  fixedByInstall: true,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm) return [];
    const want = ctx.desired.vm.comPipe;
    const com1 = (vm.ComPorts ?? []).find((c) => ieq(c.Name.replace(/\s+/g, ''), 'COM1'));
    if (com1 && ieq(com1.Path, want)) return [];
    return [{
      evidence: `${vm.Name}: COM 1 is ${com1?.Path ? `on ${com1.Path}` : 'not connected'}, expected ${want}`,
      fix: `Set-VMComPort -VMName ${q(vm.Name)} -Number 1 -Path ${q(want)}`,
    }];
  },
};

const vmKvpService: Check = {
  id: 'vm.kvp-service',
  title: 'Key-Value Pair Exchange is enabled',
  severity: 'error',
  why: 'The VM learns how to mount the shared drive through Hyper-V\'s Key-Value Pair Exchange, and reports its IP address through it; without it drives are not mounted.',
  fixedByInstall: true,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm) return [];
    const n = q(vm.Name);
    const enable = `Get-VMIntegrationService -VMName ${n} | Where-Object { $_.Id -like '*${KVP_SERVICE_ID}' } | Enable-VMIntegrationService`;
    const svc = kvpService(vm);
    if (!svc) {
      return [{ evidence: `${vm.Name} lists no integration service with Id ...${KVP_SERVICE_ID} (Key-Value Pair Exchange)`, fix: enable }];
    }
    if (!svc.Enabled) return [{ evidence: `${vm.Name}: ${svc.Name} is disabled`, fix: enable }];
    if (vm.State === 'Running' && !ieq(svc.PrimaryStatusDescription, 'OK')) {
      return [{
        evidence: `${vm.Name}: ${svc.Name} is enabled but reports ${svc.PrimaryStatusDescription || 'no status'}`,
        fix: `Restart-VM -Name ${n} -Force`,
      }];
    }
    return [];
  },
};

const vmNetwork: Check = {
  id: 'vm.network',
  title: 'VM has an adapter on the switch',
  severity: 'error',
  why: 'The VM reaches Windows, the NAT and the shared drive only through a network adapter connected to the internal switch.',
  fixedByInstall: true,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm || desiredSwitches(ctx).length === 0) return [];
    const sw = ctx.desired.switchName;
    const adapters = vm.NetworkAdapters ?? [];
    if (adapters.some((a) => ieq(a.SwitchName, sw))) return [];
    const seen = adapters.length ? adapters.map((a) => `${a.Name} on ${a.SwitchName ?? 'no switch'}`).join(', ') : 'no network adapter';
    return [{
      evidence: `${vm.Name} has ${seen}, expected an adapter on ${sw}`,
      fix: adapters.length
        ? `Connect-VMNetworkAdapter -VMName ${q(vm.Name)} -Name ${q(adapters[0].Name)} -SwitchName ${q(sw)}`
        : `Add-VMNetworkAdapter -VMName ${q(vm.Name)} -SwitchName ${q(sw)}`,
    }];
  },
};

const vmAddress: Check = {
  id: 'vm.address',
  title: 'VM has an address in the subnet',
  severity: 'warning',
  why: 'A running VM without an address in the subnet cannot be reached by Docker; usually its network did not come up.',
  fixedByInstall: false,
  run(ctx) {
    const vm = theVm(ctx);
    if (!vm || vm.State !== 'Running') return [];
    const sw = ctx.desired.switchName;
    const onSwitch = (vm.NetworkAdapters ?? []).filter((a) => ieq(a.SwitchName, sw));
    if (onSwitch.length === 0) return []; // vm.network reports it
    const kvp = kvpService(vm);
    if (!kvp || !kvp.Enabled) return []; // addresses are reported through KVP; vm.kvp-service reports it
    const subnet = parseCidr(ctx.desired.subnet);
    if (!subnet) return [];
    const ips = onSwitch.flatMap((a) => a.IPAddresses ?? []);
    if (ips.some((ip) => { const n = parseIPv4(ip); return n !== null && contains(subnet, n); })) return [];
    return [{
      evidence: `${vm.Name} is Running and reports ${ips.length ? ips.join(', ') : 'no IP address'}; none is in ${ctx.desired.subnet}`,
      fix: `Restart-VM -Name ${q(vm.Name)} -Force (if it stays without an address, read the VM console: mobykit console)`,
    }];
  },
};

export const VM_CHECKS: Check[] = [
  vmMissing, vmDuplicate, vmConfig, vmState, vmBootIso, vmDisk, vmComPort, vmKvpService, vmNetwork, vmAddress,
];
