// The Windows services mobykit needs: Hyper-V's VM management, the SMB server and the firewall.
import { psString } from '../../windows/powershell.js';
import type { Check } from '../check.js';
import { unreadable } from './util.js';
import { sameName } from '../../windows/names.js';

function serviceCheck(o: { id: string; name: string; display: string; title: string; why: string; needs?: string[]; preflight?: true; missingFix: string }): Check {
  return {
    id: o.id,
    title: o.title,
    severity: 'error',
    why: o.why,
    fixedByInstall: false,
    ...(o.preflight ? { preflight: o.preflight } : {}),
    needs: o.needs,
    run(ctx) {
      const failed = unreadable(ctx, 'Get-Service');
      if (failed) return failed;
      const svc = (ctx.snapshot.services ?? []).find((s) => sameName(s.Name, o.name));
      if (!svc) return [{ title: `The ${o.display} service (${o.name}) is not installed`, evidence: `Service ${o.name} (${o.display}) is not installed`, fix: o.missingFix }];
      if (svc.Status === 'Running') return [];
      const enable = sameName(svc.StartType, 'Disabled') ? `Set-Service -Name ${psString(svc.Name)} -StartupType Automatic; ` : '';
      return [
        {
          title: `The ${o.display} service (${svc.Name}) is ${svc.Status.toLowerCase()}`,
          evidence: `Service ${svc.Name} (${o.display}) is ${svc.Status}, StartType ${svc.StartType}`,
          fix: `${enable}Start-Service -Name ${psString(svc.Name)}`,
        },
      ];
    },
  };
}

export const SERVICE_CHECKS: Check[] = [
  serviceCheck({
    id: 'service.vmms',
    name: 'vmms',
    display: 'Hyper-V Virtual Machine Management',
    title: 'Hyper-V Virtual Machine Management service is running',
    why: 'vmms is the Hyper-V service that creates, starts and reports on VMs; without it every Hyper-V cmdlet fails.',
    needs: ['platform.hyperv-feature'], // the platform checks report Hyper-V itself
    preflight: true,
    missingFix: 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All; Restart-Computer',
  }),
  serviceCheck({
    id: 'service.lanmanserver',
    name: 'LanmanServer',
    display: 'Server',
    needs: ['platform.edition'], // on Windows Home nothing of mobykit can work: the edition says it
    title: 'Server (SMB) service is running',
    why: 'The Server service (LanmanServer) serves the shared drive to the VM over SMB; when it is stopped, volume mounts fail.',
    missingFix: 'Turn on File and Printer Sharing for Microsoft Networks: Control Panel > Network and Sharing Center > Change adapter settings > the adapter > Properties',
  }),
  serviceCheck({
    id: 'service.firewall',
    name: 'MpsSvc',
    display: 'Windows Defender Firewall',
    needs: ['platform.edition'],
    title: 'Windows Firewall service is running',
    why: 'Firewall rules cannot be created or read while the Windows Firewall service (MpsSvc) is stopped, and Windows blocks much traffic without it.',
    missingFix: 'sfc /scannow (the Windows Defender Firewall service is part of Windows and should always be installed)',
  }),
];
