// The errors Windows answers mobykit's changes with, matched to the doctor check that looks at
// their cause and what to do (as minikube's reason package does for its drivers). Each pattern is
// the text Windows (or the simulated host, which speaks the same words) writes in English; an
// error that matches nothing is shown as it is, with "run mobykit doctor".

import { sameName } from './names.js';

export interface KnownError {
  /** The error's text, as the cmdlet writes it. */
  pattern: RegExp;
  /** Only for errors of these cmdlets (or APIs); any cmdlet when absent. */
  cmdlets?: readonly string[];
  /** The doctor check whose finding explains the cause (`mobykit doctor` shows it with the exact fix). */
  check: string;
  /** What to do, for people. */
  advice: string;
}

export const KNOWN_ERRORS: readonly KnownError[] = [
  {
    // Windows System Error 87: a prefix WinNAT cannot take (MicrosoftDocs/Virtualization-Documentation#361).
    pattern: /The parameter is incorrect/i,
    cmdlets: ['New-NetNat'],
    check: 'nat.conflict',
    advice: 'WinNAT refuses a second NAT on the host and a prefix that overlaps an address on another adapter: remove the other NAT, or choose another subnet with --subnet.',
  },
  {
    pattern: /The service cannot be started, either because it is disabled/i,
    cmdlets: ['New-NetNat'],
    check: 'nat.missing',
    advice: 'The WinNAT service is disabled: Set-Service -Name winnat -StartupType Manual, then run mobykit install again.',
  },
  {
    // Windows System Error 5010, e.g. WgServerforWindows#160.
    pattern: /The object already exists/i,
    cmdlets: ['New-NetIPAddress'],
    check: 'vnic.address-conflict',
    advice: 'Another adapter holds the host address: remove it there, or choose another subnet with --subnet and --host-address.',
  },
  {
    // New-VMSwitch with the switch driver broken (pluralsight/PS-AutoLab-Env#132).
    pattern: /Failed while (creating virtual Ethernet switch|adding virtual Ethernet switch connections)/i,
    check: 'switch.missing',
    advice: 'Hyper-V could not make the virtual switch: restart the Hyper-V Virtual Machine Management service (Restart-Service vmms) or Windows, then run mobykit install again.',
  },
  {
    // Start-VM with the hypervisor not launched at boot (MicrosoftDocs/Virtualization-Documentation#1432).
    pattern: /hypervisor is not running/i,
    check: 'platform.hypervisor-launch',
    advice: 'The hypervisor did not start with Windows: bcdedit /set hypervisorlaunchtype auto, enable virtualization in the firmware, and restart.',
  },
  {
    // kubernetes/minikube#9279, docker/for-win#4470.
    pattern: /one of the Hyper-V components is not running/i,
    check: 'platform.hyperv-feature',
    advice: 'Part of Hyper-V is not enabled: Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All, then restart.',
  },
  {
    pattern: /Not enough memory (in the system to start the virtual machine|resources are available)/i,
    check: 'platform.memory',
    advice: 'Windows has too little free memory for the VM: close programs or stop other VMs, or give the VM less memory with --vm-memory.',
  },
  {
    // The boot ISO (or a disk) is not where the VM looks for it: ERROR_FILE_NOT_FOUND 0x80070002.
    pattern: /The system cannot find the file specified|The operation failed because the file was not found|0x80070002/i,
    cmdlets: ['Start-VM', 'New-VM', 'Add-VMDvdDrive', 'Set-VMDvdDrive', 'Set-VM'],
    check: 'vm.boot-iso',
    advice: 'A file the VM needs is missing, usually the boot ISO: point mobykit at it with --iso (vm.isoPath), then run mobykit install again.',
  },
  {
    // ERROR_FILE_EXISTS 0x80070050 and ERROR_ALREADY_EXISTS 183: a disk is already at the VHDX path.
    pattern: /The file exists|0x80070050|Cannot create a file when that file already exists/i,
    cmdlets: ['New-VM', 'New-VHD'],
    check: 'vm.disk',
    advice: 'A disk is already at the VHDX path and mobykit never overwrites one: move it away or choose another path with --vhdx.',
  },
  {
    pattern: /exceeds the \d+ logical processors/i,
    check: 'vm.config',
    advice: 'The VM asks for more processors than the host has: lower --vm-cpus.',
  },
  {
    pattern: /Hyper-V was unable to find a virtual machine with name/i,
    check: 'vm.missing',
    advice: 'The VM is gone (removed while mobykit ran?): run mobykit install again.',
  },
  {
    pattern: /Hyper-V was unable to find a virtual switch with name/i,
    check: 'switch.missing',
    advice: 'The switch is gone (removed while mobykit ran?): run mobykit install again.',
  },
  {
    // Windows error 1332 from New-SmbShare / Grant-SmbShareAccess (hashicorp/vagrant#3253, docker/for-win#898).
    pattern: /No mapping between account names and security IDs was done/i,
    check: 'share.account',
    advice: "Windows knows no account by the share user's name on this machine: give it as COMPUTER\\user (or AzureAD\\user) with --share-user.",
  },
  {
    pattern: /The service has not been started/i,
    cmdlets: ['New-SmbShare', 'Set-SmbShare', 'Grant-SmbShareAccess', 'Revoke-SmbShareAccess'],
    check: 'service.lanmanserver',
    advice: 'The Server service (LanmanServer) is stopped: Start-Service LanmanServer, then run mobykit install again.',
  },
  {
    pattern: /The device or directory does not exist/i,
    cmdlets: ['New-SmbShare'],
    check: 'share.path',
    advice: 'The folder to share does not exist: create it or choose another with --share-path.',
  },
  {
    // Hyper-V's own refusal to a user outside Hyper-V Administrators (MicrosoftDocs/windows-powershell-docs#2801).
    pattern: /You do not have the required permission to complete this task/i,
    check: 'platform.privileges',
    advice: 'Hyper-V refused this user: run mobykit from an elevated PowerShell, or join Hyper-V Administrators and sign in again.',
  },
  {
    // E_ACCESSDENIED 0x80070005, Windows error 5: no elevated token, or a policy in the way.
    pattern: /Access is denied|0x80070005/i,
    check: 'platform.privileges',
    advice: 'Windows refused the change: run mobykit from an elevated PowerShell (Run as administrator); if it already is, a group policy or endpoint protection blocks it.',
  },
  {
    pattern: /is not recognized as the name of a cmdlet/i,
    check: 'platform.hyperv-module',
    advice: 'A PowerShell module mobykit needs is not installed: Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell.',
  },
];

/** The known error a failure's text matches, if any: the first entry that fits wins. */
export function knownError(message: string, cmdlet?: string): KnownError | undefined {
  return KNOWN_ERRORS.find((k) => k.pattern.test(message) && (!k.cmdlets || (cmdlet !== undefined && k.cmdlets.some((c) => sameName(c, cmdlet)))));
}
