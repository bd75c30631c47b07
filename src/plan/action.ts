// An action is plain data: what will change, on which resource, with which parameters.
// A plan is a list of them, rendered for people or as JSON and applied exactly as shown.
// Parameter names match the PowerShell module's parameters (ps1/), which take them as data.
import type { Claim, Release } from '../state/journal.js';

export type StepName = 'switch' | 'nat' | 'firewall' | 'vm' | 'kvp' | 'share';
export type ActionKind = 'create' | 'change' | 'remove';

export interface Change {
  property: string;
  from: unknown;
  to: unknown;
}

export interface FirewallRuleParams {
  Name: string;
  DisplayName: string;
  Protocol: 'TCP' | 'UDP';
  Program: string;
  Profile: string;
  EdgeTraversalPolicy: string;
  Direction: 'Inbound';
  Action: 'Allow';
  Group: string;
  Description: string;
  /** The rule's filters, each ['Any'] or a list of ports, addresses or CIDR prefixes. */
  LocalPort: string[];
  LocalAddress: string[];
  RemoteAddress: string[];
  /** 'False' only to put back a rule that was disabled (rollback); mobykit's rules are enabled. */
  Enabled?: 'True' | 'False';
}

/** The parameters of every operation, by operation name. */
export interface OpParams {
  'switch.create': { Name: string; Notes: string };
  'switch.remove': { Name: string; Id: string };
  /** The vNIC is found through its switch (SwitchName); InterfaceAlias is its usual name, for people. */
  'vnic.set-address': { SwitchName: string; InterfaceAlias: string; IPAddress: string; PrefixLength: number };
  'vnic.remove-address': { SwitchName: string; InterfaceAlias: string; IPAddress: string };
  'nat.create': { Name: string; InternalIPInterfaceAddressPrefix: string };
  'nat.remove': { Name: string };
  'firewall.create': FirewallRuleParams;
  'firewall.update': FirewallRuleParams;
  'firewall.remove': { Name: string };
  'vm.create': {
    Name: string;
    Generation: number;
    MemoryStartupBytes: number;
    ProcessorCount: number;
    VhdPath: string;
    VhdSizeBytes: number;
    IsoPath: string;
    SwitchName: string;
    ComPipe: string;
    Notes: string;
    /** Build the VM around the disk already at VhdPath (after migrate-toolbox) instead of a new one. */
    AttachExistingVhd: boolean;
  };
  'vm.configure': {
    Name: string;
    MemoryStartupBytes?: number;
    ProcessorCount?: number;
    IsoPath?: string;
    ComPipe?: string;
    SwitchName?: string;
    EnableKvp?: boolean;
  };
  'vm.start': { Name: string };
  'vm.stop': { Name: string; TimeoutSeconds: number };
  /** The VM is found by its Id (the journal's identity), never by Name alone: Name must still be its name. */
  'vm.rename': { Name: string; Id: string; NewName: string };
  /** VhdPath '' keeps the disk: mobykit deletes only a disk it created. */
  'vm.remove': { Name: string; VhdPath: string };
  'kvp.add': { VMName: string; ItemName: string; MountPoint: string; ShareName: string; UserName: string };
  'kvp.modify': { VMName: string; ItemName: string; MountPoint: string; ShareName: string; UserName: string };
  'kvp.remove': { VMName: string; ItemName: string };
  'share.create': { Name: string; Path: string; CachingMode: string; FullAccess: string; Description: string };
  'share.update': { Name: string; CachingMode: string };
  'share.grant': { Name: string; AccountName: string };
  'share.revoke': { Name: string; AccountName: string };
  'share.remove': { Name: string };
  'credential.write': { TargetName: string; UserName: string; Comment: string };
  'credential.remove': { TargetName: string };
  /** mobykit's local share account (--share-account local): Description is mobykit's marker. */
  'account.create': { Name: string; Description: string };
  /** A new random password made on the host, given in one call to the account, the share grant, the credential and the token. */
  'account.set': { UserName: string; Description: string; ShareName: string; TargetName: string; Comment: string; VMName: string; ItemName: string; MountPoint: string };
  /** The account is found by the SID mobykit recorded, never by name. */
  'account.remove': { Sid: string };
}

export type Op = keyof OpParams;

export interface Action<O extends Op = Op> {
  /** Stable id: the operation, and `:target` where a step manages several resources. */
  id: string;
  op: O;
  step: StepName;
  kind: ActionKind;
  /** The resource acted on, as a person would name it. */
  target: string;
  /** Ownership key of the resource (e.g. `nat:DockerNAT`): create records it, remove forgets it. */
  resource: string;
  description: string;
  params: OpParams[O];
  /** For `change` actions: the properties that differ, old -> new. */
  changes?: Change[];
  /** What mobykit will own once this action ran: recorded pending before it, settled by looking after. */
  claims?: Claim[];
  /** What mobykit stops owning once this removal succeeded. */
  releases?: Release[];
}

export function makeAction<O extends Op>(a: {
  step: StepName;
  op: O;
  kind: ActionKind;
  target: string;
  resource: string;
  description: string;
  params: OpParams[O];
  multi?: boolean;
  changes?: Change[];
  claims?: Claim[];
  releases?: Release[];
}): Action<O> {
  const id = a.multi ? `${a.op}:${a.target}` : a.op;
  const { step, op, kind, target, resource, description, params } = a;
  return {
    id,
    op,
    step,
    kind,
    target,
    resource,
    description,
    params,
    ...(a.changes ? { changes: a.changes } : {}),
    ...(a.claims?.length ? { claims: a.claims } : {}),
    ...(a.releases?.length ? { releases: a.releases } : {}),
  };
}

/** The resources an action takes over from someone else (--adopt), for the plan to list. */
export function adoptions(action: Action): Claim[] {
  return (action.claims ?? []).filter((c) => c.adopted);
}
