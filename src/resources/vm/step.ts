// The Linux VM: boots the ISO, COM1 on a named pipe, Key-Value Pair Exchange on, on the switch.
import { psString } from '../../windows/powershell.js';
import { MARKER } from '../../config/desired.js';
import { blockerFrom } from '../../doctor/check.js';
import { duplicateVms, vmConfig, vmDuplicate } from './checks.js';
import type { Finding } from '../../doctor/finding.js';
import { makeAction, type Action, type Change, type OpParams } from '../../plan/action.js';
import type { VM } from '../../snapshot/types.js';
import { kvpEnabled } from '../../windows/integration.js';
import { blocker, named, ownershipBlocker, type Step, type StepContext } from '../../plan/step.js';
import { sameName } from '../../windows/names.js';
import { samePath } from '../../windows/paths.js';
import { findCom1 } from '../../windows/com-port.js';

const STOP_TIMEOUT_SECONDS = 60;

export const vmResource = (name: string) => `vm:${name}`;
export const isMineVM = (ctx: StepContext, vm: VM) => ctx.owned.ownsVM(vm);

function configureChanges(ctx: StepContext, vm: VM): { params: OpParams['vm.configure']; changes: Change[]; needsOff: boolean } {
  const w = ctx.desired.vm;
  const params: OpParams['vm.configure'] = { Name: vm.Name };
  const changes: Change[] = [];
  let needsOff = false;
  if (vm.MemoryStartup !== w.memoryStartupBytes) {
    params.MemoryStartupBytes = w.memoryStartupBytes;
    changes.push({ property: 'MemoryStartup', from: vm.MemoryStartup, to: w.memoryStartupBytes });
    needsOff = true;
  }
  if (vm.ProcessorCount !== w.processorCount) {
    params.ProcessorCount = w.processorCount;
    changes.push({ property: 'ProcessorCount', from: vm.ProcessorCount, to: w.processorCount });
    needsOff = true;
  }
  if (!vm.DvdDrives.some((d) => samePath(d.Path, w.isoPath))) {
    params.IsoPath = w.isoPath;
    changes.push({ property: 'DvdDrives', from: vm.DvdDrives.map((d) => d.Path), to: [w.isoPath] });
  }
  const com1 = findCom1(vm.ComPorts);
  if (!sameName(com1?.Path, w.comPipe)) {
    params.ComPipe = w.comPipe;
    changes.push({ property: 'COM1', from: com1?.Path ?? null, to: w.comPipe });
  }
  if (!vm.NetworkAdapters.some((a) => sameName(a.SwitchName, ctx.desired.switchName))) {
    params.SwitchName = ctx.desired.switchName;
    changes.push({ property: 'SwitchName', from: vm.NetworkAdapters.map((a) => a.SwitchName), to: ctx.desired.switchName });
  }
  if (!kvpEnabled(vm)) {
    params.EnableKvp = true;
    changes.push({ property: 'Key-Value Pair Exchange', from: 'Disabled', to: 'Enabled' });
  }
  return { params, changes, needsOff };
}

/** The disk goes only when the journal says mobykit created it for this very VM (by Id) and the VM still uses it. */
function removeVm(ctx: StepContext, vm: VM): Action {
  const made = ctx.owned.diskOf(vm);
  const disk = made && !ctx.keepDisk ? made : '';
  // A kept disk leaves the journal with its VM: from then on it is the user's (install --adopt builds on it).
  const kept = made ? 'its disk is kept: --keep-disk' : 'its disk is kept: mobykit did not make it';
  return makeAction({
    step: 'vm',
    op: 'vm.remove',
    kind: 'remove',
    target: vm.Name,
    resource: vmResource(vm.Name),
    description: disk
      ? `Remove VM ${vm.Name} (${vm.Id}) and the disk mobykit made for it: DELETE its disk ${disk} (every image, container and volume in the VM)`
      : `Remove VM ${vm.Name} (${vm.Id}; ${kept})`,
    params: { Name: vm.Name, VhdPath: disk },
    releases: [{ kind: 'vm', id: { Name: vm.Name, Id: vm.Id } }],
  });
}

/** A plan action that deletes a VM disk, and with it the images, containers and volumes on it. */
export const deletesDisk = (a: Action): boolean => a.op === 'vm.remove' && !!(a.params as OpParams['vm.remove']).VhdPath;

const sharesName = (ctx: StepContext, vm: VM) => named(ctx.seen.vms, vm.Name).length > 1;

/** mobykit's VM (by its journaled Id) under another name than the configuration's: the configuration renamed it. */
function renamedVm(ctx: StepContext): VM | undefined {
  const mine = ctx.seen.vms.filter((vm) => isMineVM(ctx, vm));
  const elsewhere = mine.filter((vm) => !sameName(vm.Name, ctx.desired.vm.name));
  return mine.length === 1 && elsewhere.length === 1 ? elsewhere[0] : undefined;
}

/** A disk some other VM uses is never built on, even with --adopt (only VMs the snapshot saw can be checked). */
const diskUsers = (ctx: StepContext, path: string) => ctx.seen.vms.filter((v) => v.HardDrives.some((d) => samePath(d.Path, path)));

export const start = (name: string) =>
  makeAction({ step: 'vm', op: 'vm.start', kind: 'change', target: name, resource: vmResource(name), description: `Start VM ${name}`, params: { Name: name } });
export const stop = (name: string, why: string, timeoutSeconds = STOP_TIMEOUT_SECONDS) =>
  makeAction({
    step: 'vm',
    op: 'vm.stop',
    kind: 'change',
    target: name,
    resource: vmResource(name),
    description: `Stop VM ${name}${why}`,
    params: { Name: name, TimeoutSeconds: timeoutSeconds },
  });

/**
 * mobykit does not make the boot ISO: Docker for Windows ships it. A plan that creates, points at
 * or starts a VM on a missing ISO stops here, saying where the ISO comes from.
 */
function missingIso(ctx: StepContext): Finding | undefined {
  const iso = ctx.seen.files.bootIso;
  if (!samePath(iso.Path, ctx.desired.vm.isoPath) || iso.Exists) return undefined;
  return blocker(
    'preflight.boot-iso',
    `The boot ISO ${iso.Path} is not there`,
    `${iso.Path} does not exist`,
    'The VM boots MobyLinux from this ISO. mobykit does not make it: it comes with Docker for Windows (Resources\\mobylinux.iso in its install folder).',
    'Install Docker for Windows, or point mobykit at a MobyLinux ISO you have: --iso <path to the .iso> (vm.isoPath in the configuration).',
  );
}

export const vmStep: Step = {
  name: 'vm',
  title: 'Linux VM',

  install(ctx) {
    const w = ctx.desired.vm;
    const vms = named(ctx.seen.vms, w.name);
    const duplicate = duplicateVms({ snapshot: ctx.seen, desired: ctx.desired });
    if (duplicate) return { actions: [], blockers: [blockerFrom(vmDuplicate, duplicate)] };
    const old = renamedVm(ctx);
    if (old && vms[0]) {
      return {
        actions: [],
        blockers: [
          {
            ...ownershipBlocker(
              'vm',
              `VM ${vms[0].Name}`,
              `VM ${vms[0].Name} (${vms[0].Id}) is not in mobykit's journal; mobykit's VM is ${old.Name} (${old.Id}), which the configuration now names ${w.name}`,
              `Rename-VM -Name ${psString(vms[0].Name)} -NewName 'something-else'`,
            ),
            fix: `Rename that VM (Rename-VM -Name ${psString(vms[0].Name)} -NewName 'something-else'), or keep mobykit's VM's name: --vm-name ${psString(old.Name)}. mobykit never gives its VM the name of one it did not make, even with --adopt.`,
          },
        ],
      };
    }
    // Renamed in the configuration: mobykit's VM is renamed in place (its disk, images and KVP items stay), then converged under its new name.
    const rename = old
      ? [
          makeAction({
            step: 'vm',
            op: 'vm.rename',
            kind: 'change',
            target: old.Name,
            resource: vmResource(old.Name),
            description: `Rename VM ${old.Name} (${old.Id}), which mobykit made, to ${w.name}: its disk and everything on it stay`,
            params: { Name: old.Name, Id: old.Id, NewName: w.name },
            changes: [{ property: 'Name', from: old.Name, to: w.name }],
          }),
        ]
      : [];
    const vm = old ? { ...old, Name: w.name } : vms[0];
    if (!vm) {
      const disk = ctx.seen.files.vhdx;
      const attach = disk.Exists && samePath(disk.Path, w.vhdxPath);
      const users = attach ? diskUsers(ctx, w.vhdxPath) : [];
      if (users.length) {
        return {
          actions: [],
          blockers: [
            blocker(
              'ownership.vm',
              `The disk at ${w.vhdxPath} belongs to another VM`,
              users.map((v) => `VM ${v.Name} (${v.Id}) uses ${w.vhdxPath}`).join('; '),
              'A disk in use by another VM is never built on or taken over, even with --adopt.',
              `Choose another path with --vhdx, or detach it from that VM first (Get-VMHardDiskDrive -VMName ${psString(users[0].Name)})`,
            ),
          ],
        };
      }
      if (attach && !ctx.adopt) {
        return {
          actions: [],
          blockers: [
            blocker(
              'ownership.vm',
              `A disk already exists at ${w.vhdxPath}`,
              `${w.vhdxPath} exists and no VM named ${w.name} uses it`,
              "mobykit never overwrites a disk: it may hold someone's data (a disk from migrate-toolbox, or an earlier VM).",
              `Build the VM around it with \`mobykit install --adopt\`, move it away (Move-Item -LiteralPath ${psString(w.vhdxPath)} -Destination <elsewhere>), or choose another path with --vhdx`,
            ),
          ],
        };
      }
      const create = makeAction({
        step: 'vm',
        op: 'vm.create',
        kind: 'create',
        target: w.name,
        resource: vmResource(w.name),
        description:
          `Create generation ${w.generation} VM ${w.name} (${w.memoryStartupBytes / 2 ** 20} MB, ${w.processorCount} CPU) booting ${w.isoPath}, ` +
          `${attach ? `on the existing disk ${w.vhdxPath} (adopted: uninstall keeps it)` : `${w.vhdxSizeBytes / 2 ** 30} GB disk`}, COM1 on ${w.comPipe}, Key-Value Pair Exchange on`,
        params: {
          Name: w.name,
          Generation: w.generation,
          MemoryStartupBytes: w.memoryStartupBytes,
          ProcessorCount: w.processorCount,
          VhdPath: w.vhdxPath,
          VhdSizeBytes: w.vhdxSizeBytes,
          IsoPath: w.isoPath,
          SwitchName: ctx.desired.switchName,
          ComPipe: w.comPipe,
          Notes: MARKER,
          AttachExistingVhd: attach,
        },
        claims: [
          { kind: 'vm', id: { Name: w.name }, before: { ids: vms.map((v) => v.Id) } },
          // The disk is mobykit's only when this VM creates it.
          ...(!attach ? [{ kind: 'disk' as const, id: { VMName: w.name, Path: w.vhdxPath }, before: { diskExisted: false } }] : []),
        ],
      });
      const iso = missingIso(ctx);
      if (iso) return { actions: [], blockers: [iso] };
      return { blockers: [], actions: [create, start(w.name)] };
    }
    const mine = isMineVM(ctx, vm) || ctx.adopt;
    if (vm.Generation !== w.generation) {
      // The catalog's why; the fix depends on whose VM it is, which only the step knows.
      return {
        actions: [],
        blockers: [
          blockerFrom(vmConfig, {
            severity: 'error',
            title: `VM ${vm.Name} is generation ${vm.Generation}, expected ${w.generation}`,
            evidence: `Generation ${vm.Generation}`,
            fix: mine
              ? 'Run `mobykit uninstall`, then `mobykit install`'
              : `Rename the VM (Rename-VM -Name ${psString(vm.Name)} -NewName 'old') or set --vm-generation ${vm.Generation}`,
          }),
        ],
      };
    }
    const { params, changes, needsOff } = configureChanges(ctx, vm);
    const running = vm.State === 'Running';
    if (!mine && (changes.length || !running)) {
      return {
        actions: [],
        blockers: [
          ownershipBlocker(
            'vm',
            `VM ${vm.Name}`,
            [...changes.map((c) => `${c.property} is ${JSON.stringify(c.from)}, expected ${JSON.stringify(c.to)}`), ...(running ? [] : [`it is ${vm.State}`])].join('; '),
            `Start-VM -Name ${psString(vm.Name)}`,
          ),
        ],
      };
    }
    const actions: Action[] = [...rename];
    if (changes.length) {
      if (needsOff && running) actions.push(stop(vm.Name, ' to change memory or processors'));
      actions.push(
        makeAction({ step: 'vm', op: 'vm.configure', kind: 'change', target: vm.Name, resource: vmResource(vm.Name), description: `Reconfigure VM ${vm.Name}`, params, changes }),
      );
    }
    if (!running || (needsOff && changes.length)) actions.push(start(vm.Name));
    const iso = actions.length > rename.length ? missingIso(ctx) : undefined;
    if (iso) return { actions: [], blockers: [iso] };
    // --adopt on a VM mobykit did not make: the first change takes it over (its disk stays the user's).
    if (actions.length && !isMineVM(ctx, vm)) {
      actions[0].claims = [{ kind: 'vm', id: { Name: vm.Name, Id: vm.Id }, adopted: true }];
      actions[0].description += ` (adopting VM ${vm.Name}, ${vm.Id}; its disk stays yours)`;
    }
    return { actions, blockers: [] };
  },

  uninstall(ctx) {
    // The module's VM functions act by name and refuse a name two VMs share: such a VM waits (see leftAlone).
    return ctx.seen.vms.filter((vm) => isMineVM(ctx, vm) && !sharesName(ctx, vm)).flatMap((vm) => [...(vm.State === 'Off' ? [] : [stop(vm.Name, '')]), removeVm(ctx, vm)]);
  },

  leftAlone(ctx) {
    const w = ctx.desired.vm;
    const vms = named(ctx.seen.vms, w.name)
      .filter((vm) => !isMineVM(ctx, vm))
      .map((vm) => `VM ${vm.Name} (${vm.Id}): not made by mobykit (the journal has no VM with this Id)`);
    const disk = ctx.seen.files.vhdx;
    const diskKept =
      disk.Exists && samePath(disk.Path, w.vhdxPath) && !ctx.seen.vms.some((vm) => isMineVM(ctx, vm) && ctx.owned.diskOf(vm) && samePath(ctx.owned.diskOf(vm), disk.Path))
        ? [`disk ${disk.Path}: not created by mobykit for a VM it still owns`]
        : [];
    const shared = ctx.seen.vms
      .filter((vm) => isMineVM(ctx, vm) && sharesName(ctx, vm))
      .map(
        (vm) =>
          `VM ${vm.Name} (${vm.Id}) is mobykit's, but another VM has the same name and mobykit acts on VMs by name: ` +
          `rename the other one (Get-VM -Id <its Id> | Rename-VM -NewName <new name>) and run uninstall again`,
      );
    return [...vms, ...shared, ...diskKept];
  },
};
