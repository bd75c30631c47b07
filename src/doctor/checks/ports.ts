// The ports the proxy listens on (DNS 53, DHCP 67, Docker API 2375): held by another program,
// or inside a range Windows has excluded (often reserved by winnat/Hyper-V).
import type { Check, CheckContext, Problem } from '../check.js';
import type { Listener, Process } from '../../snapshot/types.js';
import { parseIPv4 } from '../../net/ipv4.js';
import { absent, index, unreadable } from './util.js';
import { samePath } from '../../windows/paths.js';
import { sameName } from '../../windows/names.js';

type Proto = 'TCP' | 'UDP';

function isProxy(ctx: CheckContext, p: Process | undefined): boolean {
  if (!p) return false;
  const program = ctx.desired.config.firewall.program;
  if (p.Path) return samePath(p.Path, program);
  const base = program.slice(program.lastIndexOf('\\') + 1).replace(/\.exe$/i, '');
  return sameName(p.ProcessName, base);
}

/**
 * The proxy also serves the Docker API (TCP, not DNS or DHCP) on localhost, for the docker CLI
 * on this PC: there a program on 127.0.0.1 (a dockerd on 127.0.0.1:2375) is in the way too.
 */
function servedLocally(proto: Proto, port: number): boolean {
  return proto === 'TCP' && port !== 53 && port !== 67;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

function blocks(ctx: CheckContext, proto: Proto, l: Listener): boolean {
  const a = l.LocalAddress.trim();
  if (a === '0.0.0.0' || a === '::' || a === '[::]') return true;
  if (LOOPBACK.test(a)) return servedLocally(proto, l.LocalPort);
  const ip = parseIPv4(a);
  return ip !== null && ip === parseIPv4(ctx.desired.hostAddress);
}

function endpoint(l: Listener): string {
  return l.LocalAddress.includes(':') ? `[${l.LocalAddress}]:${l.LocalPort}` : `${l.LocalAddress}:${l.LocalPort}`;
}

function holderFix(proto: Proto, port: number, pid: number, p: Process | undefined, ctx: CheckContext): string {
  const flag = proto === 'TCP' ? '--tcp-ports' : '--udp-ports';
  const others = (proto === 'TCP' ? ctx.desired.ports.tcp : ctx.desired.ports.udp).filter((x) => x !== port);
  // The VM looks for DNS and DHCP on their standard ports; only other ports can move.
  const alt =
    port === 53 || port === 67
      ? `the VM needs ${proto} ${port} itself, so it must be freed`
      : `or let the proxy use other ports: mobykit install ${flag} ${[...others, port + 10000].join(',')}`;
  const name = p?.ProcessName ?? '';
  if (pid === 4 || sameName(name, 'System')) {
    return `The port is held by a kernel driver (http.sys or SMB); find the owner with netsh http show servicestate, ${alt}`;
  }
  if (sameName(name, 'svchost')) {
    return `See which service it is: tasklist /svc /fi "PID eq ${pid}". For Internet Connection Sharing (SharedAccess): Stop-Service -Name 'SharedAccess'; Set-Service -Name 'SharedAccess' -StartupType Manual; ${alt}`;
  }
  if (sameName(name, 'dns')) {
    return `The DNS Server role listens on port ${port}: Stop-Service -Name 'DNS'; Set-Service -Name 'DNS' -StartupType Disabled; ${alt}`;
  }
  if (/^(dockerd|com\.docker\.|vpnkit|docker)/i.test(name)) {
    return `Another Docker is running: quit Docker Desktop (or Stop-Process -Id ${pid}), ${alt}`;
  }
  return `Stop-Process -Id ${pid}${p?.Path ? ` (${p.Path})` : ''}, ${alt}`;
}

const portInUse: Check = {
  id: 'port.in-use',
  title: 'Proxy ports are free',
  severity: 'error',
  why: 'The proxy answers DNS, DHCP and Docker API requests from the VM on these ports (and the Docker API on localhost for this PC); when another program holds one, the VM gets no address or name resolution, or docker talks to the wrong engine.',
  fixedByInstall: false,
  run(ctx) {
    const failed = unreadable(ctx, 'Get-NetTCPConnection', 'Get-NetUDPEndpoint');
    if (failed) return failed;
    const ix = index(ctx);
    const problems: Problem[] = [];
    const scan = (proto: Proto, ports: number[], byPort: Map<number, Listener[]>) => {
      for (const port of new Set(ports)) {
        const seen = new Set<number>();
        for (const l of byPort.get(port) ?? []) {
          if (!blocks(ctx, proto, l)) continue;
          const p = ix.processById.get(l.OwningProcess);
          if (isProxy(ctx, p)) continue;
          if (seen.has(l.OwningProcess)) continue;
          seen.add(l.OwningProcess);
          const who = p ? `${p.ProcessName} (PID ${l.OwningProcess})` : `PID ${l.OwningProcess}`;
          problems.push({
            title: `${proto} port ${port} is held by ${p?.ProcessName ?? `process ${l.OwningProcess}`}`,
            evidence: `${proto} ${endpoint(l)} is held by ${who}${p?.Path ? `, ${p.Path}` : ''}`,
            fix: holderFix(proto, port, l.OwningProcess, p, ctx),
          });
        }
      }
    };
    scan('TCP', ctx.desired.ports.tcp, ix.tcpByPort);
    scan('UDP', ctx.desired.ports.udp, ix.udpByPort);
    return problems;
  },
};

const portExcluded: Check = {
  id: 'port.excluded',
  title: 'Proxy ports are not excluded',
  severity: 'error',
  why: 'Windows refuses to let any program listen on a port inside an excluded port range; Hyper-V and winnat reserve such ranges at boot.',
  fixedByInstall: false,
  run(ctx) {
    if (!ctx.snapshot.excludedPortRanges) return absent('excludedPortRanges section');
    const ranges = ctx.snapshot.excludedPortRanges;
    if (ranges.length === 0) return unreadable(ctx, 'netsh') ?? [];
    const problems: Problem[] = [];
    const scan = (proto: Proto, ports: number[]) => {
      for (const port of new Set(ports)) {
        for (const r of ranges) {
          if (!sameName(r.Protocol, proto) || port < r.StartPort || port > r.EndPort) continue;
          const p = proto.toLowerCase();
          problems.push({
            title: `${proto} port ${port} is reserved by Windows`,
            evidence: `${proto} ${port} is inside the excluded range ${r.StartPort}-${r.EndPort}`,
            fix:
              `net stop winnat; netsh int ipv4 add excludedportrange protocol=${p} startport=${port} numberofports=1; net start winnat` +
              ` (if the range is an administered one, marked * in netsh int ipv4 show excludedportrange protocol=${p}: ` +
              `netsh int ipv4 delete excludedportrange protocol=${p} startport=${r.StartPort} numberofports=${r.EndPort - r.StartPort + 1})`,
          });
          break;
        }
      }
    };
    scan('TCP', ctx.desired.ports.tcp);
    scan('UDP', ctx.desired.ports.udp);
    return problems;
  },
};

export const PORT_CHECKS: Check[] = [portInUse, portExcluded];
