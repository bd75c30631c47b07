// The internal switch mobykit makes (Internal, marked, one of its name).
import { psString } from '../../windows/powershell.js';
import { type Check, type CheckContext } from '../../doctor/check.js';
import { MARKER } from '../../config/desired.js';
import { desiredSwitches, primarySwitch, unreadable } from '../../doctor/checks/util.js';

/** Hyper-V must be there and answering before switches can be looked at. */
const HYPERV = ['platform.hyperv-module', 'service.vmms'];

function newSwitchFix(ctx: CheckContext): string {
  const d = ctx.desired;
  return (
    `New-VMSwitch -Name ${psString(d.switchName)} -SwitchType Internal -Notes ${psString(MARKER)}; ` +
    `New-NetIPAddress -InterfaceAlias ${psString(d.vnicAlias)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`
  );
}

const switchMissing: Check = {
  id: 'switch.missing',
  title: 'Internal switch exists',
  severity: 'error',
  why: 'The VM talks to Windows over an internal Hyper-V switch; without it the VM has no network and Docker cannot reach it.',
  fixedByInstall: true,
  verifies: 'switch',
  needs: HYPERV,
  run(ctx) {
    const failed = unreadable(ctx, 'Get-VMSwitch');
    if (failed) return failed;
    if (desiredSwitches(ctx).length > 0) return [];
    const names = (ctx.snapshot.vmSwitches ?? []).map((s) => `${s.Name} (${s.SwitchType})`);
    return [
      {
        title: `Switch ${ctx.desired.switchName} does not exist`,
        evidence: `No switch named ${ctx.desired.switchName}${names.length ? `; switches present: ${names.join(', ')}` : '; there are no switches'}`,
        fix: newSwitchFix(ctx),
      },
    ];
  },
};

const switchType: Check = {
  id: 'switch.type',
  title: 'Switch is Internal',
  severity: 'error',
  why: "Only an Internal switch gives Windows its own adapter on the VM's network; an External or Private switch does not fit the NAT and the shared drive.",
  fixedByInstall: false,
  verifies: 'switch',
  needs: ['switch.missing'],
  run(ctx) {
    const list = desiredSwitches(ctx);
    if (list.length === 0 || list.some((s) => s.SwitchType === 'Internal')) return [];
    const s = list[0];
    return [
      {
        title: `Switch ${s.Name} is ${s.SwitchType}, not Internal`,
        evidence: `Switch ${s.Name} is ${s.SwitchType}, expected Internal`,
        fix: `Set-VMSwitch -Name ${psString(s.Name)} -SwitchType Internal`,
      },
    ];
  },
};

const switchDuplicate: Check = {
  id: 'switch.duplicate',
  title: 'Switch name is unique',
  severity: 'error',
  why: 'Two switches with the same name make every -SwitchName ambiguous; Hyper-V cmdlets then act on both or fail.',
  fixedByInstall: false,
  verifies: 'switch',
  needs: ['switch.missing'],
  run(ctx) {
    const list = desiredSwitches(ctx);
    if (list.length < 2) return [];
    const keep = primarySwitch(ctx, MARKER)!;
    const extra = list.filter((s) => s !== keep);
    return [
      {
        title: `${list.length} switches are named ${ctx.desired.switchName}`,
        evidence: `${list.length} switches are named ${ctx.desired.switchName}: ${list.map((s) => `${s.Id} (${s.SwitchType}${s.Notes?.includes(MARKER) ? ', mobykit' : ''})`).join(', ')}`,
        fix: extra.map((s) => `Get-VMSwitch -Id ${psString(s.Id)} | Remove-VMSwitch -Force`).join('; '),
      },
    ];
  },
};

export const SWITCH_CHECKS: Check[] = [switchMissing, switchType, switchDuplicate];
