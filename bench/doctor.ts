// How long all doctor checks take on a large host: 10,000 listeners, 2,000 firewall rules,
// 500 adapters (each with an address, a route, a profile and a binding).
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/config.js';
import { resolveDesired } from '../src/config/desired.js';
import type { CheckContext } from '../src/doctor/check.js';
import { runChecks } from '../src/doctor/catalog.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { convergedSnapshot } from '../test/doctor/fixtures.js';

export const TARGET_MS = 100;

function bigSnapshot(listeners = 10_000, rules = 2_000, adapters = 500): Snapshot {
  const s = convergedSnapshot();
  for (let i = 0; i < adapters; i++) {
    const alias = `Ethernet ${i + 2}`;
    const third = i % 250;
    const second = 100 + Math.floor(i / 250);
    s.netAdapters.push({ Name: alias, InterfaceDescription: `Adapter #${i}`, ifIndex: 100 + i, Status: 'Up', MacAddress: '00-00-00-00-00-00' });
    s.netIPAddresses.push({ InterfaceAlias: alias, InterfaceIndex: 100 + i, IPAddress: `172.${second}.${third}.5`, PrefixLength: 24, AddressFamily: 'IPv4', PrefixOrigin: 'Dhcp' });
    s.netIPInterfaces.push({ InterfaceAlias: alias, AddressFamily: 'IPv4', Dhcp: 'Enabled' });
    s.netRoutes.push({ DestinationPrefix: `172.${second}.${third}.0/24`, InterfaceAlias: alias, NextHop: '0.0.0.0' });
    s.netConnectionProfiles.push({ InterfaceAlias: alias, NetworkCategory: 'Public' });
    s.netAdapterBindings.push({ Name: alias, ComponentID: 'ms_server', Enabled: i % 2 === 0 });
  }
  const base = s.firewallRules[0];
  for (let i = 0; i < rules; i++) {
    s.firewallRules.push({ ...base, Name: `Rule ${i}`, DisplayName: `Rule ${i}`, Program: `C:\\Apps\\app${i}.exe`, LocalPort: [String(10000 + i)] });
  }
  for (let i = 0; i < listeners; i++) {
    const pid = 10_000 + (i % 400);
    const port = i % 10 === 0 ? 53 : 20_000 + i; // some on the proxy's port, on loopback
    const list = i % 2 ? s.tcpListeners : s.udpEndpoints;
    list.push({ LocalAddress: port === 53 ? '127.0.0.1' : '0.0.0.0', LocalPort: port, OwningProcess: pid });
  }
  for (let i = 0; i < 400; i++) s.processes.push({ Id: 10_000 + i, ProcessName: `app${i}`, Path: `C:\\Apps\\app${i}.exe` });
  return s;
}

export async function benchDoctor(): Promise<string> {
  const snapshot = bigSnapshot();
  const desired = resolveDesired(loadConfig().config, snapshot);
  const runs = 7;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const ctx: CheckContext = { snapshot, desired }; // a fresh context: the index is rebuilt each run
    const t0 = performance.now();
    findings = runChecks(ctx).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `doctor checks on ${n(10_000)} listeners/${n(2_000)} rules/${n(500)} adapters: ${median.toFixed(1)} ms ` + `(median of ${runs}, ${findings} findings; target < ${TARGET_MS} ms)`
  );
}
