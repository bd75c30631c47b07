// The inbound rules that let the VM reach the proxy, and whether SMB (TCP 445) from the VM to
// the host address is allowed. The snapshot holds only the rules mobykit manages, so the SMB
// check can only say that none of those allows it.
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext, NotChecked, Problem } from '../../doctor/check.js';
import type { FirewallRule } from '../../snapshot/types.js';
import type { FirewallRuleParams } from '../../plan/action.js';
import { contains, parseIPv4 } from '../../net/ipv4.js';
import { parseAddressPrefix } from '../../windows/address.js';
import { index, unreadable, vnicName } from '../../doctor/checks/util.js';
import { sameName, nameKey } from '../../windows/names.js';
import { ruleDifferences } from './rule.js';

const NEEDS = ['service.firewall'];

function unread(ctx: CheckContext) {
  return unreadable(ctx, 'Get-NetFirewallRule');
}

/**
 * The one fix for a rule mobykit manages, the same in every check and in install's blockers:
 * create it with every property install gives it, or set every one of them on the existing rule.
 */
export function firewallRuleFix(r: FirewallRuleParams, exists: boolean): string {
  const filter = (flag: string, values: string[]) =>
    values.length === 1 && sameName(values[0], 'Any') ? (exists ? ` -${flag} Any` : '') : ` -${flag} ${values.map(psString).join(',')}`;
  const common =
    ` -Direction Inbound -Action Allow -Protocol ${r.Protocol} -Program ${psString(r.Program)} -Profile ${psString(r.Profile)}` +
    ` -EdgeTraversalPolicy ${psString(r.EdgeTraversalPolicy)}` +
    `${filter('LocalPort', r.LocalPort)}${filter('LocalAddress', r.LocalAddress)}${filter('RemoteAddress', r.RemoteAddress)}`;
  return exists
    ? `Set-NetFirewallRule -Name ${psString(r.Name)} -Enabled True${common}`
    : `New-NetFirewallRule -Name ${psString(r.Name)} -DisplayName ${psString(r.DisplayName)}${common} -Group ${psString(r.Group)} -Description ${psString(r.Description)}`;
}

function existing(ctx: CheckContext, name: string): FirewallRule | undefined {
  return index(ctx).rulesByName.get(nameKey(name));
}

function isSmbRule(ctx: CheckContext, r: { Name: string }): boolean {
  return sameName(r.Name, ctx.desired.config.firewall.smbRuleName);
}

/** Which of a rule's properties differ from what install gives it (the table install's plan reads). */
function differing(want: FirewallRuleParams, r: FirewallRule): Set<string> {
  return new Set(ruleDifferences(want, r).map((c) => c.property));
}

/** The problems `of` finds in each configured rule that exists; "not checked" when the rules could not be read. */
function eachRule(ctx: CheckContext, of: (want: FirewallRuleParams, r: FirewallRule) => Problem[]): Problem[] | NotChecked {
  return (
    unread(ctx) ??
    ctx.desired.firewallRules.flatMap((want) => {
      const r = existing(ctx, want.Name);
      return r ? of(want, r) : [];
    })
  );
}

/**
 * The properties each check weighs; firewall.settings weighs the rest, so every difference install
 * would change is reported by one check. The SMB rule's filters are firewall.smb's: it tells
 * whether the VM's SMB traffic gets through before calling a rule too broad.
 */
const ENABLED_AND_ALLOWING = ['Enabled', 'Direction', 'Action'];
const PROXY_PROGRAM = ['Program'];
const SMB_FILTERS = ['Program', 'RemoteAddress', 'LocalAddress', 'LocalPort'];

const missing: Check = {
  id: 'firewall.missing',
  title: "mobykit's firewall rules exist",
  severity: 'error',
  why: 'The VM reaches the proxy (DNS, DHCP, the Docker API) and the shared drive (SMB) through the Windows firewall; without an allow rule those requests are dropped.',
  fixedByInstall: true,
  verifies: 'firewall',
  needs: NEEDS,
  run(ctx) {
    return (
      unread(ctx) ??
      ctx.desired.firewallRules
        .filter((r) => !existing(ctx, r.Name))
        .map((r) => ({ title: `Firewall rule ${r.Name} does not exist`, evidence: `No firewall rule named ${r.Name} (${r.Protocol})`, fix: firewallRuleFix(r, false) }))
    );
  },
};

const disabled: Check = {
  id: 'firewall.disabled',
  title: "mobykit's firewall rules are enabled and allow",
  severity: 'error',
  why: "A disabled (or blocking) rule lets the firewall drop the VM's DNS, DHCP and Docker API traffic to the proxy, or its SMB mount.",
  fixedByInstall: true,
  verifies: 'firewall',
  needs: NEEDS,
  run(ctx) {
    return eachRule(ctx, (want, r) => {
      const smb = isSmbRule(ctx, r);
      const differs = differing(want, r);
      const problems: Problem[] = [];
      if (differs.has('Enabled')) {
        problems.push({
          title: `Firewall rule ${r.Name} is disabled`,
          evidence: `Firewall rule ${r.Name} is disabled`,
          fix: smb ? firewallRuleFix(want, true) : `Enable-NetFirewallRule -Name ${psString(r.Name)}`,
        });
      }
      if (differs.has('Action') || differs.has('Direction')) {
        problems.push({
          title: `Firewall rule ${r.Name} is ${r.Direction} ${r.Action}, not Inbound Allow`,
          evidence: `Firewall rule ${r.Name} is ${r.Direction} ${r.Action}, expected Inbound Allow`,
          fix: smb ? firewallRuleFix(want, true) : `Set-NetFirewallRule -Name ${psString(r.Name)} -Direction Inbound -Action Allow`,
        });
      }
      return problems;
    });
  },
};

const program: Check = {
  id: 'firewall.program',
  title: 'Proxy firewall rules allow the proxy program',
  severity: 'error',
  why: "The proxy rules let only the proxy program through; a rule left pointing at an old install path does not cover the proxy, so the VM's DNS, DHCP and Docker API requests are dropped.",
  fixedByInstall: true,
  verifies: 'firewall',
  needs: NEEDS,
  run(ctx) {
    // firewall.smb weighs the SMB rule
    return eachRule(ctx, (want, r) =>
      isSmbRule(ctx, want) || !differing(want, r).has('Program')
        ? []
        : [
            {
              title: `Firewall rule ${r.Name} does not allow the proxy`,
              evidence: `Firewall rule ${r.Name} allows ${r.Program || 'no program'}, expected ${want.Program}`,
              fix: `Set-NetFirewallRule -Name ${psString(r.Name)} -Program ${psString(want.Program)}`,
            },
          ],
    );
  },
};

// ---- SMB reachability ------------------------------------------------------------------

function listOf(v: string[] | string | undefined | null): string[] {
  if (v == null) return ['Any'];
  const arr = Array.isArray(v) ? v : [v];
  const out = arr
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  return out.length ? out : ['Any'];
}

function portCovers(spec: string[] | undefined, port: number): boolean {
  return listOf(spec).some((p) => {
    if (sameName(p, 'Any') || p === '*') return true;
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(p);
    if (m) return port >= Number(m[1]) && port <= Number(m[2]);
    return Number(p) === port;
  });
}

/** Whether an address filter entry covers the address: Any, an IP, a CIDR, a mask, a range, LocalSubnet. */
function addressCovers(spec: string[] | undefined, ip: number, localSubnet: boolean): boolean {
  return listOf(spec).some((a) => {
    if (sameName(a, 'Any') || a === '*') return true;
    if (sameName(a, 'LocalSubnet') || sameName(a, 'LocalSubnet4')) return localSubnet;
    const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(a);
    if (range) {
      const lo = parseIPv4(range[1]);
      const hi = parseIPv4(range[2]);
      return lo !== null && hi !== null && ip >= lo && ip <= hi;
    }
    // 10.0.75.0/24 and 10.0.75.0/255.255.255.0 (as Windows reports it) alike.
    const c = parseAddressPrefix(a);
    if (c) return contains(c, ip);
    return parseIPv4(a) === ip;
  });
}

function protocolIsTcp(p: string | undefined): boolean {
  return p == null || sameName(p, 'TCP') || p === '6' || sameName(p, 'Any');
}

function programCoversSmb(p: string | undefined | null): boolean {
  // SMB is served by the kernel ("System"), so a rule scoped to another executable does not cover it.
  return !p || sameName(p, 'Any') || sameName(p, 'System');
}

function profileCovers(profile: string | undefined, category: string | undefined): boolean {
  if (!profile || !category) return true;
  const parts = profile.split(/[,\s]+/);
  const want = category === 'DomainAuthenticated' ? 'Domain' : category;
  return parts.some((p) => sameName(p, 'Any') || sameName(p, 'All') || sameName(p, want));
}

function coversSmb(r: FirewallRule, host: number, vm: number, category: string | undefined): boolean {
  return (
    r.Enabled &&
    r.Direction === 'Inbound' &&
    protocolIsTcp(r.Protocol) &&
    portCovers(r.LocalPort, 445) &&
    programCoversSmb(r.Program) &&
    addressCovers(r.LocalAddress, host, true) &&
    addressCovers(r.RemoteAddress, vm, true) &&
    profileCovers(r.Profile, category)
  );
}

/** What mobykit's own SMB rule allows beyond what the VM needs: each a warning at most. */
function broaderThanNeeded(r: FirewallRule, want: FirewallRuleParams): string[] {
  const differs = differing(want, r);
  const more: string[] = [];
  if (differs.has('Program')) more.push(`Program ${r.Program || 'Any'} (needed: ${want.Program})`);
  for (const p of ['RemoteAddress', 'LocalAddress', 'LocalPort'] as const) {
    if (differs.has(p)) more.push(`${p} ${listOf(r[p]).join(',')} (needed: ${want[p].join(',')})`);
  }
  return more;
}

const smb: Check = {
  id: 'firewall.smb',
  title: 'SMB from the VM to the host is allowed',
  severity: 'warning',
  why: 'The VM mounts the shared drive over SMB (TCP 445) at the host address; if the firewall drops that, volume mounts fail with "A firewall is blocking file sharing".',
  fixedByInstall: true,
  verifies: 'firewall',
  needs: NEEDS,
  run(ctx) {
    const failed = unread(ctx);
    if (failed) return failed;
    const d = ctx.desired;
    const host = parseIPv4(d.hostAddress);
    const vm = parseIPv4(d.vmAddress);
    if (host === null || vm === null) return [];
    const category = index(ctx).profileByAlias.get(nameKey(vnicName(ctx)))?.NetworkCategory;
    const rules = ctx.snapshot.firewallRules ?? [];
    const want = d.firewallRules.find((r) => isSmbRule(ctx, r))!;
    const own = existing(ctx, want.Name);
    const problems: Problem[] = [];
    let allowed = false;
    for (const r of rules) {
      if (!coversSmb(r, host, vm, category)) continue;
      if (r.Action === 'Block') {
        problems.push({
          severity: 'error',
          title: `Firewall rule ${r.Name} blocks the VM's SMB mount`,
          evidence: `Firewall rule ${r.Name} blocks TCP 445 from ${d.vmAddress} to ${d.hostAddress}`,
          fix: isSmbRule(ctx, r) ? firewallRuleFix(want, true) : `Disable-NetFirewallRule -Name ${psString(r.Name)}`,
        });
      } else {
        allowed = true;
      }
    }
    if (problems.length) return problems;
    if (allowed) {
      // It works; mobykit's own rule may still open more than the VM needs (Program Any, say).
      const more = own && own.Action === 'Allow' && own.Enabled ? broaderThanNeeded(own, want) : [];
      return more.length
        ? [
            {
              title: `Firewall rule ${own!.Name} allows more than the VM needs`,
              evidence: `${own!.Name} allows ${more.join('; ')}`,
              fix: firewallRuleFix(want, true),
            },
          ]
        : [];
    }
    const names = rules.slice(0, 5).map((r) => r.Name);
    const seen = rules.length === 0 ? 'no rules' : `${rules.length} rule(s): ${names.join(', ')}${rules.length > 5 ? ', ...' : ''}`;
    return [
      {
        title: "The firewall blocks the VM's SMB mount",
        evidence:
          `None of the firewall rules seen (${seen}: mobykit's and the built-in File and Printer Sharing (SMB-In) rule) ` + `allows TCP 445 from ${d.subnet} to ${d.hostAddress}`,
        fix: firewallRuleFix(want, !!own),
      },
    ];
  },
};

const settings: Check = {
  id: 'firewall.settings',
  title: "mobykit's firewall rules have the settings install gives them",
  severity: 'warning',
  why: "Install gives each rule a protocol, a profile, an edge traversal policy and, for the proxy rules, the port and address filters Any; a rule changed since may drop the VM's traffic on another network profile or port, or let in more than it needs.",
  fixedByInstall: true,
  verifies: 'firewall',
  needs: NEEDS,
  run(ctx) {
    return eachRule(ctx, (want, r) => {
      const weighedElsewhere = [...ENABLED_AND_ALLOWING, ...(isSmbRule(ctx, want) ? SMB_FILTERS : PROXY_PROGRAM)];
      const rest = ruleDifferences(want, r).filter((c) => !weighedElsewhere.includes(c.property));
      return rest.length
        ? [
            {
              title: `Firewall rule ${r.Name} differs from what install sets`,
              evidence: `${r.Name}: ${rest.map((c) => `${c.property} is ${JSON.stringify(c.from)}, expected ${JSON.stringify(c.to)}`).join('; ')}`,
              fix: firewallRuleFix(want, true),
            },
          ]
        : [];
    });
  },
};

export const FIREWALL_CHECKS: Check[] = [missing, disabled, program, settings, smb];
