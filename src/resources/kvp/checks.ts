// The KVP host item that tells the VM how to mount the shared drive:
// `/<mount>;/<share>;username=<user>,password=<secret>,noperm` (the snapshot shows the secret as ***).
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext } from '../../doctor/check.js';
import type { KvpItem, VM } from '../../snapshot/types.js';
import { MARKER, redactedCifsToken } from '../../config/desired.js';
import { primaryVm, unreadable } from '../../doctor/checks/util.js';
import { sameName } from '../../windows/names.js';

interface CifsMount {
  mountPoint: string;
  shareName: string;
  userName: string;
  options: Record<string, string>;
}

/** Parses a cifsmount token; null when it does not have the three `;`-separated parts. */
function parseCifsMount(data: string): CifsMount | null {
  const m = /^\/([^;/]+);\/([^;/]+);(.+)$/.exec(data.trim());
  if (!m) return null;
  const options: Record<string, string> = {};
  for (const part of m[3].split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) options[part.trim().toLowerCase()] = '';
    else options[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1);
  }
  return { mountPoint: m[1], shareName: m[2], userName: options.username ?? '', options };
}

/** The VM the checks look at (they run only once vm.missing passed). */
function theVm(ctx: CheckContext): VM {
  return primaryVm(ctx, MARKER)!;
}

function item(ctx: CheckContext, vm: VM): KvpItem | undefined {
  return (vm.KvpHostExchangeItems ?? []).find((i) => sameName(i.Name, ctx.desired.kvp.itemName));
}

/**
 * PowerShell (5.1 or 7) that adds or rewrites the item through mobykit's module, asking for the
 * password hidden: the Msvm_VirtualSystemManagementService dance is in Set-MobyKitKvpItem. The
 * password goes from Read-Host to -Password as a SecureString: as text it would be refused by the
 * parameter's type, and with module logging on it would be recorded.
 */
function kvpFix(ctx: CheckContext, vmName: string): string {
  const k = ctx.desired.kvp;
  const fn = 'Set-MobyKitKvpItem';
  return [
    "Import-Module '<mobykit folder>\\ps1\\MobyKit.psd1'",
    `${fn} -VMName ${psString(vmName)} -ItemName ${psString(k.itemName)} -MountPoint ${psString(k.mountPoint)} -ShareName ${psString(k.shareName)} -UserName ${psString(k.userName)} ` +
      `-Password (Read-Host -AsSecureString -Prompt ${psString(`Password of ${k.userName}`)})`,
  ].join('; ');
}

const cifsmount: Check = {
  id: 'kvp.cifsmount',
  title: 'VM has the mount item',
  severity: 'error',
  why: 'The VM mounts the shared drive with what the KVP item tells it (share, user, password); without the item, volumes from Windows folders are empty.',
  fixedByInstall: true,
  verifies: 'kvp',
  needs: ['vm.missing'],
  run(ctx) {
    const vm = theVm(ctx);
    if (item(ctx, vm)) return [];
    const failed = unreadable(ctx, 'Msvm_KvpExchangeComponentSettingData');
    if (failed) return failed;
    const names = (vm.KvpHostExchangeItems ?? []).map((i) => i.Name);
    return [
      {
        title: `VM ${vm.Name} has no mount item ${ctx.desired.kvp.itemName}`,
        evidence: `${vm.Name} has no KVP host item ${ctx.desired.kvp.itemName}${names.length ? ` (items: ${names.join(', ')})` : ''}`,
        fix: kvpFix(ctx, vm.Name),
      },
    ];
  },
};

const cifsmountFormat: Check = {
  id: 'kvp.cifsmount-format',
  title: 'Mount item names the share and user',
  severity: 'error',
  why: 'A mount item with the wrong drive, share or user makes the VM mount the wrong thing or fail to log in to the share.',
  fixedByInstall: true,
  verifies: 'kvp',
  needs: ['kvp.cifsmount'],
  run(ctx) {
    const vm = theVm(ctx);
    const it = item(ctx, vm)!;
    const k = ctx.desired.kvp;
    const expected = redactedCifsToken(k);
    const parsed = parseCifsMount(it.Data ?? '');
    const issues: string[] = [];
    if (!parsed) {
      issues.push(`it is not of the form ${expected}`);
    } else {
      if (parsed.mountPoint !== k.mountPoint) issues.push(`mount point /${parsed.mountPoint}, expected /${k.mountPoint}`);
      if (!sameName(parsed.shareName, k.shareName)) issues.push(`share ${parsed.shareName}, expected ${k.shareName}`);
      if (!sameName(parsed.userName, k.userName)) issues.push(`user ${parsed.userName || '(none)'}, expected ${k.userName}`);
      if (!('password' in parsed.options) || parsed.options.password === '') issues.push('no password');
      if (!('noperm' in parsed.options)) issues.push('no noperm option');
    }
    if (issues.length === 0) return [];
    return [
      {
        title: `The mount item ${it.Name} on VM ${vm.Name} is wrong`,
        evidence: `${it.Name} is ${it.Data}: ${issues.join('; ')}`,
        fix: kvpFix(ctx, vm.Name),
      },
    ];
  },
};

export const KVP_CHECKS: Check[] = [cifsmount, cifsmountFormat];
