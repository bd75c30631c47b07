// The inbound rules that let the VM reach the proxy, and whether SMB (TCP 445) from the VM to
// the host address is allowed. The snapshot holds only the rules mobykit manages, so the SMB
// check can only say that none of those allows it.
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext, Problem } from '../check.js';
import type { FirewallRule } from '../../snapshot/types.js';
import type { FirewallRuleParams } from '../../plan/action.js';
import { FIREWALL_GROUP, MARKER } from '../../config/desired.js';
import { contains, parseCidr, parseIPv4 } from '../../net/ipv4.js';
import { ieq, index, lc, normPath, queryFailed } from './util.js';

function skip(ctx: CheckContext): boolean {
  return queryFailed(ctx, 'Get-NetFirewallRule');
}

function newRuleFix(r: FirewallRuleParams): string {
  const filter = (flag: string, values: string[]) => (values.length === 1 && ieq(values[0], 'Any') ? '' : ` -${flag} ${values.map(psString).join(',')}`);
  return `New-NetFirewallRule -Name ${psString(r.Name)} -DisplayName ${psString(r.DisplayName)} -Direction Inbound -Action Allow` +
    ` -Protocol ${r.Protocol} -Program ${psString(r.Program)} -Profile ${psString(r.Profile)} -EdgeTraversalPolicy ${psString(r.EdgeTraversalPolicy)}` +
    `${filter('LocalPort', r.LocalPort)}${filter('LocalAddress', r.LocalAddress)}${filter('RemoteAddress', r.RemoteAddress)}` +
    ` -Group ${psString(r.Group)} -Description ${psString(r.Description)}`;
}

function existing(ctx: CheckContext, name: string): FirewallRule | undefined {
  return index(ctx).rulesByName.get(lc(name));
}

const missing: Check = {
  id: 'firewall.missing',
  title: 'mobykit\'s firewall rules exist',
  severity: 'error',
  why: 'The VM reaches the proxy (DNS, DHCP, the Docker API) and the shared drive (SMB) through the Windows firewall; without an allow rule those requests are dropped.',
  fixedByInstall: true,
  run(ctx) {
    if (skip(ctx)) return [];
    return ctx.desired.firewallRules
      .filter((r) => !existing(ctx, r.Name))
      .map((r) => ({ evidence: `No firewall rule named ${r.Name} (${r.Protocol})`, fix: newRuleFix(r) }));
  },
};

const disabled: Check = {
  id: 'firewall.disabled',
  title: 'Proxy firewall rules are enabled',
  severity: 'error',
  why: 'A disabled (or blocking) rule lets the firewall drop the VM\'s DNS, DHCP and Docker API traffic to the proxy.',
  fixedByInstall: true,
  run(ctx) {
    if (skip(ctx)) return [];
    const problems: Problem[] = [];
    for (const want of ctx.desired.firewallRules) {
      const r = existing(ctx, want.Name);
      if (!r) continue;
      if (!r.Enabled) problems.push({ evidence: `Firewall rule ${r.Name} is disabled`, fix: `Enable-NetFirewallRule -Name ${psString(r.Name)}` });
      if (r.Action === 'Block' || r.Direction === 'Outbound') {
        problems.push({
          evidence: `Firewall rule ${r.Name} is ${r.Direction} ${r.Action}, expected Inbound Allow`,
          fix: `Set-NetFirewallRule -Name ${psString(r.Name)} -Direction Inbound -Action Allow`,
        });
      }
    }
    return problems;
  },
};

const program: Check = {
  id: 'firewall.program',
  title: 'Proxy firewall rules allow the proxy program',
  severity: 'error',
  why: 'A firewall rule for a program only lets that exact executable through; a rule left pointing at an old install path does not cover the proxy.',
  fixedByInstall: true,
  run(ctx) {
    if (skip(ctx)) return [];
    const problems: Problem[] = [];
    for (const want of ctx.desired.firewallRules) {
      const r = existing(ctx, want.Name);
      if (!r || normPath(r.Program) === normPath(want.Program)) continue;
      problems.push({
        evidence: `Firewall rule ${r.Name} allows ${r.Program || 'no program'}, expected ${want.Program}`,
        fix: `Set-NetFirewallRule -Name ${psString(r.Name)} -Program ${psString(want.Program)}`,
      });
    }
    return problems;
  },
};

// ---- SMB reachability ------------------------------------------------------------------

function listOf(v: string[] | string | undefined | null): string[] {
  if (v == null) return ['Any'];
  const arr = Array.isArray(v) ? v : [v];
  const out = arr.flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return out.length ? out : ['Any'];
}

function portCovers(spec: string[] | undefined, port: number): boolean {
  return listOf(spec).some((p) => {
    if (ieq(p, 'Any') || p === '*') return true;
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(p);
    if (m) return port >= Number(m[1]) && port <= Number(m[2]);
    return Number(p) === port;
  });
}

/** Whether an address filter entry covers the address: Any, an IP, a CIDR, a mask, a range, LocalSubnet. */
function addressCovers(spec: string[] | undefined, ip: number, localSubnet: boolean): boolean {
  return listOf(spec).some((a) => {
    if (ieq(a, 'Any') || a === '*') return true;
    if (ieq(a, 'LocalSubnet') || ieq(a, 'LocalSubnet4')) return localSubnet;
    const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(a);
    if (range) {
      const lo = parseIPv4(range[1]);
      const hi = parseIPv4(range[2]);
      return lo !== null && hi !== null && ip >= lo && ip <= hi;
    }
    const slash = a.indexOf('/');
    if (slash > 0) {
      const suffix = a.slice(slash + 1);
      if (suffix.includes('.')) {
        const m = parseIPv4(suffix);
        if (m === null) return false;
        const net = parseIPv4(a.slice(0, slash));
        return net !== null && ((net & m) >>> 0) === ((ip & m) >>> 0);
      }
      const c = parseCidr(a, false);
      return c !== null && contains(c, ip);
    }
    return parseIPv4(a) === ip;
  });
}

function protocolIsTcp(p: string | undefined): boolean {
  return p == null || ieq(p, 'TCP') || p === '6' || ieq(p, 'Any');
}

function programCoversSmb(p: string | undefined | null): boolean {
  // SMB is served by the kernel ("System"), so a rule scoped to another executable does not cover it.
  return !p || ieq(p, 'Any') || ieq(p, 'System');
}

function profileCovers(profile: string | undefined, category: string | undefined): boolean {
  if (!profile || !category) return true;
  const parts = profile.split(/[,\s]+/).map(lc);
  if (parts.includes('any') || parts.includes('all')) return true;
  const want = category === 'DomainAuthenticated' ? 'domain' : lc(category);
  return parts.includes(want);
}

function coversSmb(ctx: CheckContext, r: FirewallRule, host: number, vm: number, category: string | undefined): boolean {
  return r.Enabled && r.Direction === 'Inbound' && protocolIsTcp(r.Protocol) && portCovers(r.LocalPort, 445) &&
    programCoversSmb(r.Program) && addressCovers(r.LocalAddress, host, true) &&
    addressCovers(r.RemoteAddress, vm, true) && profileCovers(r.Profile, category);
}

const smb: Check = {
  id: 'firewall.smb',
  title: 'SMB from the VM to the host is allowed',
  severity: 'warning',
  why: 'The VM mounts the shared drive over SMB (TCP 445) at the host address; if the firewall drops that, volume mounts fail with "A firewall is blocking file sharing".',
  fixedByInstall: true,
  run(ctx) {
    if (skip(ctx)) return [];
    const d = ctx.desired;
    const host = parseIPv4(d.hostAddress);
    const vm = parseIPv4(d.vmAddress);
    if (host === null || vm === null) return [];
    const category = index(ctx).profileByAlias.get(lc(d.vnicAlias))?.NetworkCategory;
    const rules = ctx.snapshot.firewallRules ?? [];
    const problems: Problem[] = [];
    let allowed = false;
    for (const r of rules) {
      if (!coversSmb(ctx, r, host, vm, category)) continue;
      if (r.Action === 'Block') {
        problems.push({
          severity: 'error',
          evidence: `Firewall rule ${r.Name} blocks TCP 445 from ${d.vmAddress} to ${d.hostAddress}`,
          fix: `Disable-NetFirewallRule -Name ${psString(r.Name)}`,
        });
      } else {
        allowed = true;
      }
    }
    if (allowed || problems.length) return problems;
    const names = rules.slice(0, 5).map((r) => r.Name);
    const seen = rules.length === 0 ? 'no rules' : `${rules.length} rule(s): ${names.join(', ')}${rules.length > 5 ? ', ...' : ''}`;
    const scope = `-Direction Inbound -Action Allow -Protocol TCP -LocalPort 445 -LocalAddress ${psString(d.hostAddress)} -RemoteAddress ${psString(d.subnet)} -Profile Any`;
    const own = existing(ctx, d.config.firewall.smbRuleName);
    const fix = own
      ? `Set-NetFirewallRule -Name ${psString(own.Name)} -Enabled True -Program Any ${scope}`
      : `New-NetFirewallRule -Name ${psString(d.config.firewall.smbRuleName)} -DisplayName ${psString(d.config.firewall.smbRuleName)} ${scope} -Group ${psString(FIREWALL_GROUP)} -Description ${psString(`${MARKER}: lets the VM mount the shared drive`)}`;
    return [{
      evidence: `None of the firewall rules seen (${seen}: mobykit's and the built-in File and Printer Sharing (SMB-In) rule) ` +
        `allows TCP 445 from ${d.subnet} to ${d.hostAddress}`,
      fix,
    }];
  },
};

export const FIREWALL_CHECKS: Check[] = [missing, disabled, program, smb];
