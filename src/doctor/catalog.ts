// The one table of doctor checks, in the order a person would look: can this Windows run
// Hyper-V, are the services up, then the network, NAT, ports, firewall, VM, KVP, share, files.
import { toFindings, type Check, type CheckContext } from './check.js';
import type { Finding } from './finding.js';
import { PLATFORM_CHECKS } from './checks/platform.js';
import { SERVICE_CHECKS } from './checks/services.js';
import { NETWORK_CHECKS } from './checks/network.js';
import { NAT_CHECKS } from './checks/nat.js';
import { PORT_CHECKS } from './checks/ports.js';
import { FIREWALL_CHECKS } from './checks/firewall.js';
import { VM_CHECKS } from './checks/vm.js';
import { KVP_CHECKS } from './checks/kvp.js';
import { SHARE_CHECKS } from './checks/share.js';
import { FILES_CHECKS } from './checks/files.js';

export const CHECKS: Check[] = [
  ...PLATFORM_CHECKS,
  ...SERVICE_CHECKS,
  ...NETWORK_CHECKS,
  ...NAT_CHECKS,
  ...PORT_CHECKS,
  ...FIREWALL_CHECKS,
  ...VM_CHECKS,
  ...KVP_CHECKS,
  ...SHARE_CHECKS,
  ...FILES_CHECKS,
];

export const CHECK_BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export interface RunOptions {
  /** Check ids to leave out (`doctor --skip`); an unknown id is an error. */
  skip?: string[];
  /** Keep only the checks this accepts (e.g. install's verify step keeps fixedByInstall ones). */
  only?: (c: Check) => boolean;
}

export function runChecks(ctx: CheckContext, opts: RunOptions = {}): Finding[] {
  const skip = new Set<string>();
  const unknown: string[] = [];
  for (const raw of opts.skip ?? []) {
    const id = raw.trim();
    if (!id) continue;
    if (CHECK_BY_ID.has(id)) skip.add(id);
    else unknown.push(id);
  }
  if (unknown.length) {
    throw new Error(
      `Unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')} in --skip; valid ids: ${CHECKS.map((c) => c.id).join(', ')}`,
    );
  }
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (skip.has(check.id)) continue;
    if (opts.only && !opts.only(check)) continue;
    let problems;
    try {
      problems = check.run(ctx);
    } catch (e) {
      // A snapshot from a user's machine can hold anything; one check failing must not hide the others.
      problems = [{
        severity: 'warning' as const,
        evidence: `The check itself failed on this snapshot: ${(e as Error).message}`,
        fix: 'Report this with the snapshot (mobykit doctor --from FILE reproduces it)',
      }];
    }
    findings.push(...toFindings(check, problems));
  }
  return findings;
}

export function findingsExitCode(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
