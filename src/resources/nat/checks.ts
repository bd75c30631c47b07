// The NetNat that lets the VM out to the internet through the host.
import { psString } from '../../windows/powershell.js';
import type { Desired } from '../../config/desired.js';
import type { NetNat } from '../../snapshot/types.js';
import type { Check, CheckContext, Problem } from '../../doctor/check.js';
import { formatCidr, overlaps, parseCidr } from '../../net/ipv4.js';
import { looseCidr, unreadable } from '../../doctor/checks/util.js';
import { sameName } from '../../windows/names.js';

function newNat(ctx: CheckContext): string {
  return `New-NetNat -Name ${psString(ctx.desired.natName)} -InternalIPInterfaceAddressPrefix ${psString(ctx.desired.subnet)}`;
}

/** NetNat is Hyper-V's networking: on a Windows without Hyper-V the platform checks say it all. */
const HYPERV_NETWORKING = ['platform.hyperv-feature'];

function unread(ctx: CheckContext) {
  return unreadable(ctx, 'Get-NetNat');
}

/** Whether a NAT translates exactly the subnet (Windows may report the prefix with host bits): install's plan and doctor decide it here. */
export function natCoversSubnet(n: NetNat, subnet: string): boolean {
  const want = looseCidr(subnet);
  const have = looseCidr(n.InternalIPInterfaceAddressPrefix);
  return !!want && !!have && want.network === have.network && want.prefix === have.prefix;
}

const natMissing: Check = {
  id: 'nat.missing',
  title: 'NAT for the subnet exists',
  severity: 'error',
  why: 'Without a NetNat for its subnet the VM cannot reach the internet: image pulls and builds fail.',
  fixedByInstall: true,
  verifies: 'nat',
  needs: HYPERV_NETWORKING,
  run(ctx) {
    const failed = unread(ctx);
    if (failed) return failed;
    const nats = ctx.snapshot.netNats ?? [];
    if (nats.some((n) => sameName(n.Name, ctx.desired.natName))) return [];
    const others = nats.map((n) => `${n.Name} (${n.InternalIPInterfaceAddressPrefix})`);
    return [
      {
        title: `NAT ${ctx.desired.natName} does not exist`,
        evidence: `No NAT named ${ctx.desired.natName}${others.length ? `; NATs present: ${others.join(', ')}` : '; Get-NetNat returns nothing'}`,
        fix: newNat(ctx),
      },
    ];
  },
};

const natPrefix: Check = {
  id: 'nat.prefix',
  title: 'NAT covers the subnet',
  severity: 'error',
  why: "A NAT only translates the prefix it was created for; when that is not the VM's subnet, the VM gets no internet access.",
  fixedByInstall: true,
  verifies: 'nat',
  needs: HYPERV_NETWORKING,
  run(ctx) {
    const failed = unread(ctx);
    if (failed) return failed;
    const problems: Problem[] = [];
    for (const n of ctx.snapshot.netNats ?? []) {
      if (!sameName(n.Name, ctx.desired.natName) || natCoversSubnet(n, ctx.desired.subnet)) continue;
      problems.push({
        title: `NAT ${n.Name} covers ${n.InternalIPInterfaceAddressPrefix}, not ${ctx.desired.subnet}`,
        evidence: `NAT ${n.Name} covers ${n.InternalIPInterfaceAddressPrefix}, expected ${ctx.desired.subnet}`,
        fix: `Remove-NetNat -Name ${psString(n.Name)} -Confirm:$false; ${newNat(ctx)}`,
      });
    }
    return problems;
  },
};

/** Another NAT in the way of the configured one: doctor reports it, install stops on it (step.ts). */
export function natInTheWay(desired: Desired, n: NetNat): Problem {
  const want = parseCidr(desired.subnet);
  const have = looseCidr(n.InternalIPInterfaceAddressPrefix);
  const overlap = !!(want && have && overlaps(want, have));
  const prefix = have ? formatCidr(have) : n.InternalIPInterfaceAddressPrefix;
  return {
    title: `Another NAT, ${n.Name}, is in the way`,
    evidence: `NAT ${n.Name} covers ${prefix}: ${overlap ? `it overlaps ${desired.subnet}; ` : ''}Windows supports only one NAT per host`,
    fix: `Remove-NetNat -Name ${psString(n.Name)} -Confirm:$false (check first which tool created it: Get-NetNat -Name ${psString(n.Name)} | Format-List *)`,
  };
}

export const natConflict: Check & { blocker: true } = {
  id: 'nat.conflict',
  title: 'No other NAT gets in the way',
  severity: 'error',
  why: 'Windows supports one NAT network per host (Windows 10/11 and Windows Server 2016 alike; the NAT Docker or Windows containers make through HNS counts), and refuses one that overlaps another: a NAT left by another tool blocks this one or leaves WinNAT in an unknown state.',
  fixedByInstall: false,
  blocker: true,
  verifies: 'nat',
  needs: HYPERV_NETWORKING,
  run(ctx) {
    const failed = unread(ctx);
    if (failed) return failed;
    return (ctx.snapshot.netNats ?? []).filter((n) => !sameName(n.Name, ctx.desired.natName)).map((n) => natInTheWay(ctx.desired, n));
  },
};

export const NAT_CHECKS: Check[] = [natMissing, natPrefix, natConflict];
