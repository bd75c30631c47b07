// The NetNat that lets the VM out to the internet through the host.
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext, Problem } from '../check.js';
import { formatCidr, overlaps, parseCidr } from '../../net/ipv4.js';
import { ieq, looseCidr, queryFailed } from './util.js';

function newNat(ctx: CheckContext): string {
  return `New-NetNat -Name ${psString(ctx.desired.natName)} -InternalIPInterfaceAddressPrefix ${psString(ctx.desired.subnet)}`;
}

function skip(ctx: CheckContext): boolean {
  return queryFailed(ctx, 'Get-NetNat');
}

const natMissing: Check = {
  id: 'nat.missing',
  title: 'NAT for the subnet exists',
  severity: 'error',
  why: 'Without a NetNat for its subnet the VM cannot reach the internet: image pulls and builds fail.',
  fixedByInstall: true,
  run(ctx) {
    if (skip(ctx)) return [];
    const nats = ctx.snapshot.netNats ?? [];
    if (nats.some((n) => ieq(n.Name, ctx.desired.natName))) return [];
    const others = nats.map((n) => `${n.Name} (${n.InternalIPInterfaceAddressPrefix})`);
    return [{
      evidence: `No NAT named ${ctx.desired.natName}${others.length ? `; NATs present: ${others.join(', ')}` : '; Get-NetNat returns nothing'}`,
      fix: newNat(ctx),
    }];
  },
};

const natPrefix: Check = {
  id: 'nat.prefix',
  title: 'NAT covers the subnet',
  severity: 'error',
  why: 'A NAT only translates the prefix it was created for; when that is not the VM\'s subnet, the VM gets no internet access.',
  fixedByInstall: true,
  run(ctx) {
    if (skip(ctx)) return [];
    const want = parseCidr(ctx.desired.subnet);
    if (!want) return [];
    const problems: Problem[] = [];
    for (const n of ctx.snapshot.netNats ?? []) {
      if (!ieq(n.Name, ctx.desired.natName)) continue;
      const have = looseCidr(n.InternalIPInterfaceAddressPrefix);
      if (have && have.network === want.network && have.prefix === want.prefix) continue;
      problems.push({
        evidence: `NAT ${n.Name} covers ${n.InternalIPInterfaceAddressPrefix}, expected ${ctx.desired.subnet}`,
        fix: `Remove-NetNat -Name ${psString(n.Name)} -Confirm:$false; ${newNat(ctx)}`,
      });
    }
    return problems;
  },
};

const natConflict: Check = {
  id: 'nat.conflict',
  title: 'No other NAT gets in the way',
  severity: 'error',
  why: 'Windows refuses a NAT whose prefix overlaps another NAT, and Windows 10/11 supports only one NAT at a time; a NAT left by another tool blocks this one.',
  fixedByInstall: false,
  run(ctx) {
    if (skip(ctx)) return [];
    const want = parseCidr(ctx.desired.subnet);
    const client = ctx.snapshot.platform.os.ProductType === 1;
    const problems: Problem[] = [];
    for (const n of ctx.snapshot.netNats ?? []) {
      if (ieq(n.Name, ctx.desired.natName)) continue;
      const have = looseCidr(n.InternalIPInterfaceAddressPrefix);
      const overlap = !!(want && have && overlaps(want, have));
      if (!overlap && !client) continue;
      const reasons: string[] = [];
      if (overlap) reasons.push(`overlaps ${ctx.desired.subnet}`);
      if (client) reasons.push('this Windows (ProductType 1, a client SKU) supports only one NAT');
      problems.push({
        evidence: `NAT ${n.Name} covers ${have ? formatCidr(have) : n.InternalIPInterfaceAddressPrefix}: ${reasons.join('; ')}`,
        fix: `Remove-NetNat -Name ${psString(n.Name)} -Confirm:$false (check first which tool created it: Get-NetNat -Name ${psString(n.Name)} | Format-List *)`,
      });
    }
    return problems;
  },
};

export const NAT_CHECKS: Check[] = [natMissing, natPrefix, natConflict];
