// The integration services New-VM gives every VM, with the component GUIDs Hyper-V uses in their
// Ids (`Microsoft:<VMID>\<component>`, a backslash as MobyLinux.ps1 and K2s show). Guest Service
// Interface starts disabled, the rest enabled. Services are known by Id: their Names are localized.
import type { IntegrationService, VM } from '../../snapshot/types.js';
import { KVP_SERVICE_ID, TIME_SYNC_SERVICE_ID } from '../../windows/integration.js';

const STANDARD: [name: string, component: string, enabled: boolean][] = [
  ['Guest Service Interface', '6C09BB55-D683-4DA0-8931-C9BF705F6480', false],
  ['Heartbeat', '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', true],
  ['Key-Value Pair Exchange', KVP_SERVICE_ID, true],
  ['Shutdown', '9F8233AC-BE49-4C79-8EE3-E7E1985B2077', true],
  ['Time Synchronization', TIME_SYNC_SERVICE_ID, true],
  ['VSS', '5CED1297-4598-4915-A5FC-AD21BB4D02A4', true],
];

/** Status is only reported while the VM runs (and the service is enabled). */
function statusOf(running: boolean, enabled: boolean): string {
  return running && enabled ? 'OK' : '';
}

export function standardServices(vmId: string): IntegrationService[] {
  return STANDARD.map(([Name, component, Enabled]) => ({
    Name,
    Id: `Microsoft:${vmId.toUpperCase()}\\${component}`,
    Enabled,
    PrimaryStatusDescription: statusOf(false, Enabled),
  }));
}

export function refreshStatuses(vm: VM): void {
  for (const s of vm.IntegrationServices) s.PrimaryStatusDescription = statusOf(vm.State === 'Running', s.Enabled);
}
