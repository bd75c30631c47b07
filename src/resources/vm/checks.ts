// The Linux VM: there once, configured as desired, running, booting the ISO, with a usable
// disk, COM1 on the pipe, the KVP integration service, a network adapter on the switch and an address.
import { psString } from '../../windows/powershell.js';
import { notChecked, type Check, type CheckContext, type Problem } from '../../doctor/check.js';
import type { VM } from '../../snapshot/types.js';
import { integrationService, KVP_SERVICE_ID, TIME_SYNC_SERVICE_ID } from '../../windows/integration.js';
import { MARKER } from '../../config/desired.js';
import { contains, parseCidr, parseIPv4 } from '../../net/ipv4.js';
import { absent, mb, primaryVm, unreadable, vmsNamed } from '../../doctor/checks/util.js';
import { samePath } from '../../windows/paths.js';
import { sameName } from '../../windows/names.js';
import { findCom1 } from '../../windows/com-port.js';

/** The checks on the VM look at one that exists (vm.missing passed, so Get-VM answered). */
const VM_NEEDS = ['vm.missing'];

/** The VM the checks look at (they run only once vm.missing passed). */
function theVm(ctx: CheckContext): VM {
  return primaryVm(ctx, MARKER)!;
}

const enableService = (vmName: string, id: string) => `Get-VMIntegrationService -VMName ${psString(vmName)} | Where-Object { $_.Id -like '*${id}' } | Enable-VMIntegrationService`;

const vmMissing: Check = {
  id: 'vm.missing',
  title: 'Linux VM exists',
  severity: 'error',
  why: 'Docker runs inside the Linux VM; until it exists there is no Docker engine to talk to.',
  fixedByInstall: true,
  verifies: 'vm',
  needs: ['platform.hyperv-module', 'service.vmms'],
  run(ctx) {
    const failed = unreadable(ctx, 'Get-VM');
    if (failed) return failed;
    if (vmsNamed(ctx).length > 0) return [];
    const v = ctx.desired.vm;
    const n = psString(v.name);
    const steps = [
      ctx.snapshot.files?.vhdx?.Exists && samePath(ctx.snapshot.files.vhdx.Path, v.vhdxPath) ? '' : `New-VHD -Path ${psString(v.vhdxPath)} -SizeBytes ${v.vhdxSizeBytes} -Dynamic`,
      `New-VM -Name ${n} -Generation ${v.generation} -MemoryStartupBytes ${v.memoryStartupBytes} -VHDPath ${psString(v.vhdxPath)} -SwitchName ${psString(ctx.desired.switchName)}`,
      `Set-VM -Name ${n} -ProcessorCount ${v.processorCount} -CheckpointType Disabled -Notes ${psString(MARKER)}`,
      `Add-VMDvdDrive -VMName ${n} -Path ${psString(v.isoPath)}`,
      v.generation === 2 ? `Set-VMFirmware -VMName ${n} -EnableSecureBoot Off -FirstBootDevice (Get-VMDvdDrive -VMName ${n})` : '',
      `Set-VMComPort -VMName ${n} -Number 1 -Path ${psString(v.comPipe)}`,
      enableService(v.name, KVP_SERVICE_ID),
      `Start-VM -Name ${n}`,
    ].filter(Boolean);
    return [{ title: `VM ${v.name} does not exist`, evidence: `No VM named ${v.name}`, fix: steps.join('; ') }];
  },
};

/** Several VMs of the configured name: doctor reports it, install stops on it (step.ts). */
export function duplicateVms(ctx: CheckContext): Problem | undefined {
  const list = vmsNamed(ctx);
  if (list.length < 2) return undefined;
  const keep = primaryVm(ctx, MARKER)!;
  return {
    title: `${list.length} VMs are named ${ctx.desired.vm.name}`,
    evidence: `${list.length} VMs are named ${ctx.desired.vm.name}: ${list.map((v) => `${v.Id} (${v.State}${v.Notes?.includes(MARKER) ? ', mobykit' : ''})`).join(', ')}`,
    fix: list
      .filter((v) => v !== keep)
      .map((v) => `Get-VM -Id ${psString(v.Id)} | Remove-VM -Force`)
      .join('; '),
  };
}

export const vmDuplicate: Check & { blocker: true } = {
  id: 'vm.duplicate',
  title: 'VM name is unique',
  severity: 'error',
  why: 'Two VMs with the same name make every -VMName ambiguous: commands act on both or fail, and the wrong VM may be started.',
  fixedByInstall: false,
  blocker: true,
  verifies: 'vm',
  needs: VM_NEEDS,
  run(ctx) {
    const duplicate = duplicateVms(ctx);
    return duplicate ? [duplicate] : [];
  },
};

export const vmConfig: Check & { blocker: true } = {
  id: 'vm.config',
  title: 'VM has the configured generation, memory and CPUs',
  severity: 'warning',
  why: 'A VM whose generation, startup memory or processor count differs from the configuration boots differently or runs short of resources.',
  fixedByInstall: true,
  blocker: true,
  verifies: 'vm',
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
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
    const n = psString(vm.Name);
    let fix: string;
    if (vm.Generation !== v.generation) {
      fix = `The generation of a VM cannot be changed; recreate it: Stop-VM -Name ${n} -TurnOff; Remove-VM -Name ${n} -Force; mobykit install`;
    } else {
      const running = vm.State === 'Running';
      fix = `${running ? `Stop-VM -Name ${n}; ` : ''}Set-VM -Name ${n} ${set.join(' ')}${running ? `; Start-VM -Name ${n}` : ''}`;
    }
    return [
      {
        title: `VM ${vm.Name} differs from the configuration`,
        severity: vm.Generation !== v.generation ? 'error' : undefined,
        evidence: `${vm.Name}: ${diffs.join(', ')}`,
        fix,
      },
    ];
  },
};

const vmState: Check = {
  id: 'vm.state',
  title: 'VM is running',
  severity: 'error',
  why: 'Docker commands go to the engine inside the VM; while the VM is not running they all fail.',
  fixedByInstall: true,
  verifies: 'vm',
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    if (vm.State === 'Running') return [];
    const n = psString(vm.Name);
    const fix = /^paused$/i.test(vm.State) ? `Resume-VM -Name ${n}` : `Start-VM -Name ${n}`;
    return [{ title: `VM ${vm.Name} is not running`, evidence: `${vm.Name} is ${vm.State}`, fix }];
  },
};

const vmBootIso: Check = {
  id: 'vm.boot-iso',
  title: 'VM boots the ISO',
  severity: 'error',
  why: 'The VM boots its Linux from the ISO in its DVD drive; without it the VM has nothing to boot.',
  fixedByInstall: true,
  verifies: 'vm',
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    const v = ctx.desired.vm;
    const n = psString(vm.Name);
    const problems: Problem[] = [];
    const dvds = vm.DvdDrives ?? [];
    if (!dvds.some((d) => samePath(d.Path, v.isoPath))) {
      const seen = dvds.length ? dvds.map((d) => d.Path ?? 'empty').join(', ') : 'no DVD drive';
      problems.push({
        title: `VM ${vm.Name} does not boot the ISO`,
        evidence: `${vm.Name} has ${seen}, expected ${v.isoPath}`,
        fix: dvds.length ? `Set-VMDvdDrive -VMName ${n} -Path ${psString(v.isoPath)}` : `Add-VMDvdDrive -VMName ${n} -Path ${psString(v.isoPath)}`,
      });
    }
    // Whether the ISO file is there is files.boot-iso's to say, VM or not.
    return problems;
  },
};

const BAD_ATTRIBUTES = ['Compressed', 'Encrypted', 'SparseFile'];
const ATTRIBUTE_FIX: Record<string, (p: string) => string> = {
  Compressed: (p) => `compact.exe /U ${psString(p)}`,
  Encrypted: (p) => `cipher.exe /D ${psString(p)}`,
  SparseFile: (p) => `fsutil.exe sparse setflag ${psString(p)} 0`,
};

const vmDisk: Check = {
  id: 'vm.disk',
  title: 'VM disk is present and usable',
  severity: 'error',
  why: 'Hyper-V cannot use a virtual disk that is missing, or that NTFS keeps compressed, encrypted or sparse ("virtual hard disk files must be uncompressed and unencrypted and must not be sparse").',
  fixedByInstall: false,
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    const v = ctx.desired.vm;
    const problems: Problem[] = [];
    const file = ctx.snapshot.files?.vhdx;
    const known = file && samePath(file.Path, v.vhdxPath);
    if (known && !file.Exists) {
      problems.push({
        title: `The VM disk ${file.Path} is missing`,
        evidence: `The VHDX ${file.Path} does not exist`,
        fix: `New-VHD -Path ${psString(v.vhdxPath)} -SizeBytes ${v.vhdxSizeBytes} -Dynamic (an empty disk: images and containers are lost), or restore the file from a backup`,
      });
      return problems;
    }
    const differencing = (vm.HardDrives ?? []).filter((h) => /\.avhdx$/i.test(h.Path));
    if (differencing.length && vm.Snapshots?.length) {
      return notChecked("needs vm.checkpoints: the VM runs on its checkpoints' differencing disk until they are merged");
    }
    if (differencing.length) {
      // A checkpoint put the VM on a differencing disk: merging is the fix, never attaching the parent.
      problems.push({
        title: `VM ${vm.Name} runs on a checkpoint's differencing disk`,
        evidence: `${vm.Name} has ${differencing.map((h) => h.Path).join(', ')}: checkpoints sit on top of ${v.vhdxPath}`,
        fix: checkpointFix(vm),
      });
    } else if (!(vm.HardDrives ?? []).some((h) => samePath(h.Path, v.vhdxPath))) {
      const seen = (vm.HardDrives ?? []).map((h) => h.Path);
      problems.push({
        title: `VM ${vm.Name} does not use the disk ${v.vhdxPath}`,
        evidence: `${vm.Name} has ${seen.length ? seen.join(', ') : 'no hard disk'}, expected ${v.vhdxPath}`,
        fix: `Add-VMHardDiskDrive -VMName ${psString(vm.Name)} -Path ${psString(v.vhdxPath)}`,
      });
    }
    if (known) {
      const bad = (file.Attributes ?? []).filter((a) => BAD_ATTRIBUTES.some((b) => sameName(a, b)));
      if (bad.length) {
        const stop = vm.State === 'Running' ? `Stop-VM -Name ${psString(vm.Name)}; ` : '';
        problems.push({
          title: `The VM disk ${file.Path} is ${bad.join(', ').toLowerCase()}`,
          evidence: `The VHDX ${file.Path} has Attributes ${(file.Attributes ?? []).join(', ')}`,
          fix: stop + bad.map((a) => ATTRIBUTE_FIX[BAD_ATTRIBUTES.find((b) => sameName(a, b))!](file.Path)).join('; '),
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
  verifies: 'vm',
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    const want = ctx.desired.vm.comPipe;
    const com1 = findCom1(vm.ComPorts);
    if (com1 && sameName(com1.Path, want)) return [];
    return [
      {
        title: `COM1 of VM ${vm.Name} is not on the pipe`,
        evidence: `${vm.Name}: COM 1 is ${com1?.Path ? `on ${com1.Path}` : 'not connected'}, expected ${want}`,
        fix: `Set-VMComPort -VMName ${psString(vm.Name)} -Number 1 -Path ${psString(want)}`,
      },
    ];
  },
};

const vmKvpService: Check = {
  id: 'vm.kvp-service',
  title: 'Key-Value Pair Exchange is enabled',
  severity: 'error',
  why: "The VM learns how to mount the shared drive through Hyper-V's Key-Value Pair Exchange, and reports its IP address through it; without it drives are not mounted.",
  fixedByInstall: true,
  verifies: 'vm',
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    const n = psString(vm.Name);
    const enable = enableService(vm.Name, KVP_SERVICE_ID);
    const svc = integrationService(vm, KVP_SERVICE_ID);
    if (!svc) {
      const failed = unreadable(ctx, 'Get-VMIntegrationService');
      if (failed) return failed;
      return [
        {
          title: `VM ${vm.Name} has no Key-Value Pair Exchange`,
          evidence: `${vm.Name} lists no integration service with Id ...${KVP_SERVICE_ID} (Key-Value Pair Exchange)`,
          fix: enable,
        },
      ];
    }
    if (!svc.Enabled) return [{ title: `Key-Value Pair Exchange is off on VM ${vm.Name}`, evidence: `${vm.Name}: ${svc.Name} is disabled`, fix: enable }];
    if (vm.State === 'Running' && !sameName(svc.PrimaryStatusDescription, 'OK')) {
      return [
        {
          title: `Key-Value Pair Exchange on VM ${vm.Name} does not answer`,
          evidence: `${vm.Name}: ${svc.Name} is enabled but reports ${svc.PrimaryStatusDescription || 'no status'}`,
          fix: `Restart-VM -Name ${n} -Force`,
        },
      ];
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
  verifies: 'vm',
  needs: ['vm.missing', 'switch.missing'],
  run(ctx) {
    const vm = theVm(ctx);
    const sw = ctx.desired.switchName;
    const adapters = vm.NetworkAdapters ?? [];
    if (adapters.some((a) => sameName(a.SwitchName, sw))) return [];
    const seen = adapters.length ? adapters.map((a) => `${a.Name} on ${a.SwitchName ?? 'no switch'}`).join(', ') : 'no network adapter';
    return [
      {
        title: `VM ${vm.Name} is not connected to switch ${sw}`,
        evidence: `${vm.Name} has ${seen}, expected an adapter on ${sw}`,
        fix: adapters.length
          ? `Connect-VMNetworkAdapter -VMName ${psString(vm.Name)} -Name ${psString(adapters[0].Name)} -SwitchName ${psString(sw)}`
          : `Add-VMNetworkAdapter -VMName ${psString(vm.Name)} -SwitchName ${psString(sw)}`,
      },
    ];
  },
};

const vmAddress: Check = {
  id: 'vm.address',
  title: 'VM has an address in the subnet',
  severity: 'warning',
  why: 'A running VM without an address in the subnet cannot be reached by Docker; usually its network did not come up.',
  fixedByInstall: false,
  // Addresses are reported through KVP, over the adapter on the switch, by a running VM.
  needs: ['vm.state', 'vm.network', 'vm.kvp-service'],
  run(ctx) {
    const vm = theVm(ctx);
    const sw = ctx.desired.switchName;
    const onSwitch = (vm.NetworkAdapters ?? []).filter((a) => sameName(a.SwitchName, sw));
    const subnet = parseCidr(ctx.desired.subnet);
    if (!subnet) return [];
    const ips = onSwitch.flatMap((a) => a.IPAddresses ?? []);
    if (
      ips.some((ip) => {
        const n = parseIPv4(ip);
        return n !== null && contains(subnet, n);
      })
    )
      return [];
    return [
      {
        title: `VM ${vm.Name} has no address in ${ctx.desired.subnet}`,
        evidence: `${vm.Name} is Running and reports ${ips.length ? ips.join(', ') : 'no IP address'}; none is in ${ctx.desired.subnet}`,
        fix: `Restart-VM -Name ${psString(vm.Name)} -Force (if it stays without an address, read its console: mobykit console)`,
      },
    ];
  },
};

/** Merge every checkpoint into the disk and keep new ones from being made: never attach the parent. */
function checkpointFix(vm: VM): string {
  const n = psString(vm.Name);
  const auto = vm.AutomaticCheckpointsEnabled !== undefined ? ' -AutomaticCheckpointsEnabled $false' : '';
  return (
    `Get-VMSnapshot -VMName ${n} | Remove-VMSnapshot; Set-VM -Name ${n} -CheckpointType Disabled${auto}` +
    ' (Hyper-V merges the .avhdx files into the disk; wait until Get-VM shows no merge in progress. Never attach the parent .vhdx by hand: it breaks the chain)'
  );
}

const vmSecureBoot: Check = {
  id: 'vm.secure-boot',
  title: 'Secure Boot is off on the VM',
  severity: 'error',
  why: "With Secure Boot on (the default for a generation 2 VM) the firmware refuses the Linux ISO's boot loader, so the VM never starts Linux; Docker's own VM turns it off.",
  fixedByInstall: false,
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    if (vm.Generation !== 2) return [];
    if (!vm.Firmware) return unreadable(ctx, 'Get-VMFirmware') ?? absent('Firmware section for the VM');
    if (vm.Firmware.SecureBoot !== 'On') return [];
    const n = psString(vm.Name);
    const running = vm.State !== 'Off';
    return [
      {
        title: `Secure Boot is on for VM ${vm.Name}: the Linux ISO will not boot`,
        evidence: `${vm.Name} is generation 2 with SecureBoot On (template ${vm.Firmware.SecureBootTemplate ?? 'unknown'})`,
        fix: `${running ? `Stop-VM -Name ${n} -TurnOff; ` : ''}Set-VMFirmware -VMName ${n} -EnableSecureBoot Off${running ? `; Start-VM -Name ${n}` : ''}`,
      },
    ];
  },
};

const vmCheckpoints: Check = {
  id: 'vm.checkpoints',
  title: 'The VM has no checkpoints',
  severity: 'warning',
  why: "A checkpoint moves the VM onto a differencing disk (.avhdx) on top of its .vhdx: the disk mobykit manages is no longer the one the VM writes, uninstall cannot remove it cleanly, and the chain breaks if the parent is touched. Docker's VM disables checkpoints.",
  fixedByInstall: false,
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    if (vm.Snapshots === undefined && vm.CheckpointType === undefined) {
      return unreadable(ctx, 'Get-VMSnapshot') ?? absent('CheckpointType or Snapshots for the VM');
    }
    const snaps = vm.Snapshots ?? [];
    if (snaps.length) {
      return [
        {
          severity: 'error',
          title: `VM ${vm.Name} has ${snaps.length} checkpoint${snaps.length > 1 ? 's' : ''}`,
          evidence: `${vm.Name} has checkpoints ${snaps.map((x) => `${x.Name} (${x.CreationTime})`).join(', ')}`,
          fix: checkpointFix(vm),
        },
      ];
    }
    const enabled = (vm.CheckpointType !== undefined && vm.CheckpointType !== 'Disabled') || vm.AutomaticCheckpointsEnabled === true;
    if (!enabled) return [];
    const n = psString(vm.Name);
    const auto = vm.AutomaticCheckpointsEnabled !== undefined ? ' -AutomaticCheckpointsEnabled $false' : '';
    return [
      {
        title: `Checkpoints are enabled on VM ${vm.Name}`,
        evidence: `${vm.Name} has CheckpointType ${vm.CheckpointType ?? 'unknown'}, AutomaticCheckpointsEnabled ${vm.AutomaticCheckpointsEnabled ?? 'unknown'}`,
        fix: `Set-VM -Name ${n} -CheckpointType Disabled${auto}`,
      },
    ];
  },
};

const vmTimeSync: Check = {
  id: 'vm.time-sync',
  title: 'Time Synchronization is on for the VM',
  severity: 'warning',
  why: 'Without Hyper-V\'s Time Synchronization the VM\'s clock drifts, above all after the PC sleeps: TLS to registries fails ("certificate is not yet valid") and builds see files from the future.',
  fixedByInstall: false,
  needs: VM_NEEDS,
  run(ctx) {
    const vm = theVm(ctx);
    const svc = integrationService(vm, TIME_SYNC_SERVICE_ID);
    if (!svc) return unreadable(ctx, 'Get-VMIntegrationService') ?? notChecked(`${vm.Name} lists no integration service with Id ...${TIME_SYNC_SERVICE_ID} (Time Synchronization)`);
    if (svc.Enabled) return [];
    return [
      {
        title: `Time Synchronization is off on VM ${vm.Name}`,
        evidence: `${vm.Name}: ${svc.Name} is disabled`,
        fix: enableService(vm.Name, TIME_SYNC_SERVICE_ID),
      },
    ];
  },
};

export const VM_CHECKS: Check[] = [
  vmMissing,
  vmDuplicate,
  vmConfig,
  vmState,
  vmSecureBoot,
  vmCheckpoints,
  vmBootIso,
  vmDisk,
  vmComPort,
  vmKvpService,
  vmTimeSync,
  vmNetwork,
  vmAddress,
];
