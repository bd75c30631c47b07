// Builders for the actions the tests apply, with the parameters mobykit's plan would pass.
import { makeAction, type Action, type Op, type OpParams, type StepName } from '../../../src/plan/action.js';
import { ISO_PATH, VHDX_PATH } from './fixture.js';

const STEP: Record<string, StepName> = {
  switch: 'switch',
  vnic: 'switch',
  nat: 'nat',
  firewall: 'firewall',
  vm: 'vm',
  kvp: 'kvp',
  share: 'share',
  credential: 'share',
};

export function act<O extends Op>(op: O, params: OpParams[O], target?: string): Action {
  const kind = /remove|revoke/.test(op) ? 'remove' : /create|add|write/.test(op) ? 'create' : 'change';
  return makeAction({
    step: STEP[op.split('.')[0]],
    op,
    kind,
    target: target ?? op,
    resource: `${op.split('.')[0]}:${target ?? ''}`,
    description: `test ${op}`,
    params,
    multi: target !== undefined,
  }) as Action;
}

export const MARK = 'Managed by mobykit';
export const VNIC = 'vEthernet (DockerNAT)';

export const createSwitch = (name = 'DockerNAT') => act('switch.create', { Name: name, Notes: MARK });
export const setAddress = (ip = '10.0.75.1', prefix = 24, alias = VNIC) =>
  act('vnic.set-address', { SwitchName: 'DockerNAT', InterfaceAlias: alias, IPAddress: ip, PrefixLength: prefix });
export const createNat = (prefix = '10.0.75.0/24', name = 'DockerNAT') => act('nat.create', { Name: name, InternalIPInterfaceAddressPrefix: prefix });

const vmParams: OpParams['vm.create'] = {
  Name: 'MobyLinuxVM',
  Generation: 2,
  AttachExistingVhd: false,
  MemoryStartupBytes: 2048 * 1024 * 1024,
  ProcessorCount: 2,
  VhdPath: VHDX_PATH,
  VhdSizeBytes: 60 * 1024 ** 3,
  IsoPath: ISO_PATH,
  SwitchName: 'DockerNAT',
  ComPipe: '\\\\.\\pipe\\dockerMobyLinuxVM-com1',
  Notes: MARK,
};
export const createVm = (over: Partial<OpParams['vm.create']> = {}) => act('vm.create', { ...vmParams, ...over });

export const kvpParams: OpParams['kvp.add'] = {
  VMName: 'MobyLinuxVM',
  ItemName: 'cifsmount',
  MountPoint: 'c',
  ShareName: 'C',
  UserName: 'alice',
};

export const shareParams: OpParams['share.create'] = {
  Name: 'C',
  Path: 'C:\\',
  CachingMode: 'None',
  FullAccess: 'DEV-PC\\alice',
  Description: MARK,
};
