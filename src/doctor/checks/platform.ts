// Can this Windows run the Hyper-V VM at all? Edition, build, the Hyper-V feature and module,
// firmware virtualization, the hypervisor launch type, nested virtualization, VirtualBox,
// leftover Toolbox variables, privileges and free memory.
import { psString } from '../../windows/powershell.js';
import { notChecked, type Check, type CheckContext } from '../check.js';
import { absent, isHomeEdition, mb, primaryVm, unreadable } from './util.js';
import { MARKER } from '../../config/desired.js';
import { sameName } from '../../windows/names.js';

const VM_MODEL = /virtual machine|vmware|virtualbox|kvm|qemu|xen|hvm domu|parallels|bochs|standard pc \(/i;

function isClient(ctx: CheckContext): boolean {
  return ctx.snapshot.platform.os.ProductType === 1;
}

function enableHyperVFix(ctx: CheckContext): string {
  return isClient(ctx)
    ? 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All; Restart-Computer'
    : 'Install-WindowsFeature -Name Hyper-V -IncludeManagementTools -Restart';
}

/** Windows itself runs in a VM whose processors do not show virtualization extensions. */
function nestedWithoutExtensions(ctx: CheckContext): boolean {
  const p = ctx.snapshot.platform;
  const cs = p.computerSystem;
  const inVm = VM_MODEL.test(cs?.Model ?? '') || VM_MODEL.test(cs?.Manufacturer ?? '');
  if (!inVm) return false;
  const procs = p.processors ?? [];
  return procs.length > 0 && procs.some((x) => !x.VirtualizationFirmwareEnabled || !x.SecondLevelAddressTranslationExtensions);
}

const edition: Check = {
  id: 'platform.edition',
  title: 'Windows edition supports Hyper-V',
  severity: 'error',
  why: 'Windows Home does not include Hyper-V, so the Linux VM cannot be created. Pro, Enterprise and Education (and Windows Server) can run it.',
  fixedByInstall: false,
  preflight: true,
  run(ctx) {
    const p = ctx.snapshot.platform;
    if (!isHomeEdition(ctx)) return [];
    return [
      {
        title: `${p.os.Caption || 'This Windows'} has no Hyper-V`,
        evidence: `EditionID is ${p.editionId} (${p.os.Caption})`,
        fix: 'Upgrade to Windows Pro, Enterprise or Education: Settings > System > Activation > Change product key (or Upgrade your edition of Windows in the Microsoft Store)',
      },
    ];
  },
};

const build: Check = {
  id: 'platform.build',
  title: 'Windows build is recent enough',
  severity: 'error',
  why: "Windows 10 before build 14393 (1607) lacks the Hyper-V NAT (NetNat) the VM relies on, and ships PowerShell 5.0, which cannot load mobykit's module.",
  fixedByInstall: false,
  run(ctx) {
    const os = ctx.snapshot.platform.os;
    const n = Number.parseInt(os.BuildNumber, 10);
    if (!Number.isFinite(n)) return unreadable(ctx, 'Win32_OperatingSystem') ?? notChecked(`BuildNumber ${JSON.stringify(os.BuildNumber)} is not a number`);
    if (n >= ctx.desired.minimumBuild) return [];
    return [
      {
        title: `Windows build ${os.BuildNumber} is too old`,
        evidence: `BuildNumber is ${os.BuildNumber} (${os.Caption} ${os.Version}); at least ${ctx.desired.minimumBuild} is needed`,
        fix: `Install the Windows updates: Settings > Update & Security > Windows Update > Check for updates (until winver shows build ${ctx.desired.minimumBuild} or later)`,
      },
    ];
  },
};

/** `5.1.19041.1` -> [5, 1]; null when it is not a version. */
function majorMinor(version: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

const powershell: Check = {
  id: 'platform.powershell',
  title: 'PowerShell is 5.1 or later',
  severity: 'error',
  why: "mobykit's PowerShell module needs Windows PowerShell 5.1 (or PowerShell 7); PowerShell 5.0 and older refuse to import it, so every command fails at start-up.",
  fixedByInstall: false,
  run(ctx) {
    const ps = ctx.snapshot.platform.powershell;
    const v = majorMinor(ps?.PSVersion ?? '');
    if (!v) return notChecked(`PSVersion ${JSON.stringify(ps?.PSVersion ?? '')} is not a version`);
    if (v[0] > 5 || (v[0] === 5 && v[1] >= 1)) return [];
    return [
      {
        title: `PowerShell ${ps.PSVersion} is too old for mobykit`,
        evidence: `PSVersion is ${ps.PSVersion} (${ps.PSEdition}); 5.1 or later is needed`,
        fix: 'Install Windows Management Framework 5.1 (https://aka.ms/wmf51download), or update Windows to build 14393 or later, which includes it; then open a new PowerShell',
      },
    ];
  },
};

const hypervFeature: Check = {
  id: 'platform.hyperv-feature',
  title: 'Hyper-V feature is enabled',
  severity: 'error',
  why: 'The Linux VM runs on Hyper-V; the Windows feature Microsoft-Hyper-V must be enabled, and enabling it takes a restart.',
  fixedByInstall: false,
  preflight: true,
  needs: ['platform.edition'],
  run(ctx) {
    const features = ctx.snapshot.platform.optionalFeatures ?? [];
    const f = features.find((x) => sameName(x.FeatureName, 'Microsoft-Hyper-V'));
    if (!f) {
      if (features.length === 0) return unreadable(ctx, 'Get-WindowsOptionalFeature') ?? notChecked('the snapshot lists no optional features');
      return [{ title: 'Hyper-V is not installed', evidence: 'Microsoft-Hyper-V is not among the optional features', fix: enableHyperVFix(ctx) }];
    }
    switch (f.State) {
      case 'Enabled':
        return [];
      case 'EnablePending':
        return [
          { title: 'Hyper-V waits for a restart', evidence: 'Microsoft-Hyper-V is EnablePending: it is turned on but Windows has not restarted yet', fix: 'Restart-Computer' },
        ];
      case 'DisablePending':
        return [{ title: 'Hyper-V is being turned off', evidence: 'Microsoft-Hyper-V is DisablePending: it will be turned off at the next restart', fix: enableHyperVFix(ctx) }];
      default:
        return [{ title: 'Hyper-V is turned off', evidence: `Microsoft-Hyper-V is ${f.State}`, fix: enableHyperVFix(ctx) }];
    }
  },
};

const hypervModule: Check = {
  id: 'platform.hyperv-module',
  title: 'Hyper-V PowerShell module is available',
  severity: 'error',
  why: 'mobykit drives Hyper-V through its PowerShell module (Get-VM, New-VMSwitch, ...); without it nothing can be created or inspected.',
  fixedByInstall: false,
  preflight: true,
  needs: ['platform.hyperv-feature'], // enabling Hyper-V with -All brings the module
  run(ctx) {
    if (ctx.snapshot.platform.hyperVModuleAvailable !== false) return [];
    return (
      unreadable(ctx, 'Get-Module') ?? [
        {
          title: 'The Hyper-V PowerShell module is missing',
          evidence: 'Get-Module -ListAvailable Hyper-V returns nothing',
          fix: isClient(ctx) ? 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell' : 'Install-WindowsFeature -Name Hyper-V-PowerShell',
        },
      ]
    );
  },
};

const firmware: Check = {
  id: 'platform.virtualization-firmware',
  title: 'Virtualization is enabled in the firmware',
  severity: 'error',
  why: "Hyper-V needs the processor's virtualization extensions (Intel VT-x or AMD-V), which are switched on in the BIOS/UEFI setup.",
  fixedByInstall: false,
  run(ctx) {
    const p = ctx.snapshot.platform;
    // With the hypervisor running, Win32_Processor reports these as false; that says nothing.
    if (p.computerSystem?.HypervisorPresent) return [];
    if (nestedWithoutExtensions(ctx)) return []; // platform.nested-virtualization explains it
    const off = (p.processors ?? []).filter((x) => !x.VirtualizationFirmwareEnabled);
    if (off.length === 0) return [];
    return [
      {
        title: 'Virtualization is turned off in the firmware',
        evidence: `${off[0].Name}: VirtualizationFirmwareEnabled is false`,
        fix: 'Restart into the BIOS/UEFI setup (Settings > Update & Security > Recovery > Advanced startup > UEFI Firmware Settings) and enable Intel Virtualization Technology (VT-x) or AMD SVM',
      },
    ];
  },
};

const launch: Check = {
  id: 'platform.hypervisor-launch',
  title: 'The hypervisor starts with Windows',
  severity: 'error',
  why: 'Hyper-V can be installed and still not run: with hypervisorlaunchtype Off in the boot configuration, or until Windows restarts after it was enabled; then VMs cannot start ("the hypervisor is not running").',
  fixedByInstall: false,
  // With virtualization off in the firmware no hypervisor can run: that check names the cause.
  needs: ['platform.hyperv-feature', 'platform.virtualization-firmware'],
  run(ctx) {
    const p = ctx.snapshot.platform;
    if (p.hypervisorLaunchType === 'Off') {
      return [
        {
          title: 'The hypervisor is switched off in the boot configuration',
          evidence: 'bcdedit /enum {current} shows hypervisorlaunchtype Off',
          fix: 'bcdedit /set hypervisorlaunchtype auto; Restart-Computer',
        },
      ];
    }
    if (p.hypervisorLaunchType !== 'Auto') return unreadable(ctx, 'bcdedit') ?? notChecked('the hypervisor launch type is unknown (bcdedit /enum {current} did not show it)');
    if (p.computerSystem.HypervisorPresent || unreadable(ctx, 'Win32_ComputerSystem')) return [];
    // Firmware virtualization is on (the check this one needs passed), so the hypervisor would
    // start at the next boot: Windows has not restarted since Hyper-V or the launch type changed.
    return [
      {
        title: 'No hypervisor is running: Windows needs a restart',
        evidence: 'Hyper-V is Enabled and hypervisorlaunchtype is Auto, but HypervisorPresent is false (virtualization is on in the firmware): a restart is pending',
        fix: 'Restart-Computer',
      },
    ];
  },
};

const nested: Check = {
  id: 'platform.nested-virtualization',
  title: 'Nested virtualization is exposed to this Windows VM',
  severity: 'error',
  why: 'This Windows is itself a virtual machine; Hyper-V can only run inside it when the outer hypervisor passes the virtualization extensions through.',
  fixedByInstall: false,
  run(ctx) {
    if (!nestedWithoutExtensions(ctx)) return [];
    const cs = ctx.snapshot.platform.computerSystem;
    const proc = ctx.snapshot.platform.processors[0];
    const name = ctx.snapshot.computerName;
    const missing = [
      !proc.VirtualizationFirmwareEnabled ? 'VirtualizationFirmwareEnabled false' : '',
      !proc.SecondLevelAddressTranslationExtensions ? 'SecondLevelAddressTranslationExtensions false' : '',
    ]
      .filter(Boolean)
      .join(', ');
    let fix: string;
    if (/vmware/i.test(`${cs.Manufacturer} ${cs.Model}`)) {
      fix = `On the VMware host, power off this VM (${name}) and tick Virtualize Intel VT-x/EPT or AMD-V/RVI under Processors (vhv.enable = "TRUE" in the .vmx)`;
    } else if (/virtualbox/i.test(`${cs.Manufacturer} ${cs.Model}`)) {
      fix = `On the VirtualBox host, with this VM off: VBoxManage modifyvm ${psString(name)} --nested-hw-virt on`;
    } else {
      fix = `On the outer Hyper-V host, with this VM off (use its name there if it differs from ${name}): Stop-VM -Name ${psString(name)}; Set-VMProcessor -VMName ${psString(name)} -ExposeVirtualizationExtensions $true; Start-VM -Name ${psString(name)}`;
    }
    return [
      { title: 'This Windows VM cannot run Hyper-V inside it', evidence: `Windows runs in a VM (${cs.Manufacturer} ${cs.Model}); processor ${proc.Name} shows ${missing}`, fix },
    ];
  },
};

const virtualbox: Check = {
  id: 'platform.virtualbox',
  title: 'VirtualBox is not in the way',
  severity: 'warning',
  why: 'Docker Toolbox VMs run on VirtualBox, which stops working (or crawls) once Hyper-V is on.',
  fixedByInstall: false,
  run(ctx) {
    const vb = ctx.snapshot.platform.virtualBox;
    if (!vb || !vb.InstallDir) return [];
    return [
      {
        title: 'VirtualBox is installed and will not work alongside Hyper-V',
        evidence: `VirtualBox is installed in ${vb.InstallDir}`,
        fix: 'Move the Toolbox machine to Hyper-V with `mobykit migrate-toolbox`, then uninstall Oracle VM VirtualBox (Settings > Apps); to boot once with VirtualBox usable instead: bcdedit /set hypervisorlaunchtype off; Restart-Computer',
      },
    ];
  },
};

const OWN_ENDPOINT = /^(npipe:|tcp:\/\/(localhost|127\.0\.0\.1|\[::1\]):2375\/?$)/i;

const dockerHostEnv: Check = {
  id: 'platform.docker-host-env',
  title: 'No leftover DOCKER_HOST',
  severity: 'warning',
  why: 'A DOCKER_HOST left by Docker Toolbox points the docker CLI at the old VirtualBox machine instead of this VM.',
  fixedByInstall: false,
  run(ctx) {
    const env = ctx.snapshot.platform.environment ?? {};
    const entry = Object.entries(env).find(([k]) => sameName(k, 'DOCKER_HOST'));
    if (!entry || !entry[1]) return [];
    const value = entry[1];
    const own = [ctx.desired.hostAddress, ctx.desired.vmAddress].map((a) => `tcp://${a}:2375`);
    if (OWN_ENDPOINT.test(value) || own.some((o) => sameName(value.replace(/\/$/, ''), o))) return [];
    const toolboxVars = Object.keys(env).filter((k) => /^DOCKER_(HOST|TLS_VERIFY|CERT_PATH|MACHINE_NAME)$/i.test(k));
    const fix = toolboxVars.map((k) => `[Environment]::SetEnvironmentVariable(${psString(k)}, $null, 'User'); Remove-Item -Path ${psString(`Env:${k}`)}`).join('; ');
    return [{ title: 'DOCKER_HOST points the docker CLI elsewhere', evidence: `DOCKER_HOST is ${value}`, fix }];
  },
};

const controlledFolderAccess: Check = {
  id: 'platform.controlled-folder-access',
  title: 'Controlled Folder Access lets Hyper-V and Docker write',
  severity: 'warning',
  why: "Defender's Controlled Folder Access blocks programs it does not know from writing to protected folders (Documents, Public Documents where the VM disk lives): Hyper-V cannot write the VM's disk and Docker cannot write its settings.",
  fixedByInstall: false,
  run(ctx) {
    const p = ctx.snapshot.platform;
    if (!('defender' in p) || p.defender === undefined) return unreadable(ctx, 'Get-MpPreference') ?? absent('platform.defender section');
    if (p.defender === null || p.defender.EnableControlledFolderAccess !== 1) return [];
    const programs = ['C:\\Windows\\System32\\vmms.exe', 'C:\\Windows\\System32\\vmwp.exe', ctx.desired.config.firewall.program];
    return [
      {
        title: 'Controlled Folder Access is on and can block Hyper-V and Docker',
        evidence: 'Get-MpPreference: EnableControlledFolderAccess is 1 (on)',
        fix:
          programs.map((x) => `Add-MpPreference -ControlledFolderAccessAllowedApplications ${psString(x)}`).join('; ') +
          ' (or turn it off: Set-MpPreference -EnableControlledFolderAccess Disabled)',
      },
    ];
  },
};

const privileges: Check = {
  id: 'platform.privileges',
  title: 'Running with enough privileges',
  severity: 'error',
  why: 'Creating switches, NAT, firewall rules and shares needs an elevated PowerShell; Hyper-V Administrators can at least manage VMs.',
  fixedByInstall: false,
  preflight: true,
  run(ctx) {
    const id = ctx.snapshot.platform.identity;
    if (id.IsAdministrator || id.IsHyperVAdministrator) return [];
    return [
      {
        title: 'mobykit is not running elevated',
        evidence: `${id.UserName} is neither elevated (Administrators) nor a member of Hyper-V Administrators`,
        fix: `Run mobykit from an elevated PowerShell (right-click > Run as administrator); to manage VMs without elevation: Add-LocalGroupMember -SID 'S-1-5-32-578' -Member ${psString(id.UserName)} (then sign out and in)`,
      },
    ];
  },
};

const memory: Check = {
  id: 'platform.memory',
  title: 'Enough free memory to start the VM',
  severity: 'warning',
  why: 'Hyper-V refuses to start a VM when there is less free memory than its startup memory ("Not enough memory in the system to start the virtual machine").',
  fixedByInstall: false,
  run(ctx) {
    const vm = primaryVm(ctx, MARKER);
    if (vm && vm.State === 'Running') return [];
    const need = vm?.MemoryStartup ?? ctx.desired.vm.memoryStartupBytes;
    const freeKiB = ctx.snapshot.platform.os.FreePhysicalMemory;
    if (!Number.isFinite(freeKiB) || freeKiB * 1024 >= need) return [];
    const freeMB = Math.floor(freeKiB / 1024);
    const fits = Math.max(512, Math.floor(freeMB / 256) * 256);
    return [
      {
        title: `Not enough free memory to start VM ${ctx.desired.vm.name}`,
        evidence: `${freeMB} MB free (FreePhysicalMemory ${freeKiB} KiB); the VM ${ctx.desired.vm.name} starts with ${mb(need)}`,
        fix: `Close programs to free at least ${mb(need - freeKiB * 1024)}, or give the VM less memory: mobykit install --vm-memory ${fits}`,
      },
    ];
  },
};

export const PLATFORM_CHECKS: Check[] = [
  edition,
  build,
  powershell,
  hypervFeature,
  hypervModule,
  firmware,
  launch,
  nested,
  virtualbox,
  dockerHostEnv,
  controlledFolderAccess,
  privileges,
  memory,
];
