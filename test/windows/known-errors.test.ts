import assert from 'node:assert/strict';
import { CHECK_BY_ID, runChecks } from '../../src/doctor/catalog.js';
import { HostActionError, knownFailure } from '../../src/host/host.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { run } from '../../src/engine/run.js';
import { renderOutcome, runDocument } from '../../src/cli/render.js';
import { makeAction, type Action, type Op, type OpParams } from '../../src/plan/action.js';
import { KNOWN_ERRORS, knownError } from '../../src/windows/known-errors.js';
import { CANARY_PASSWORD, config, desiredFor, example } from '../helpers.js';

describe('known Windows errors', () => {
  it('names only checks the catalog has', () => {
    assert.deepEqual(
      KNOWN_ERRORS.map((k) => k.check).filter((id) => !CHECK_BY_ID.has(id)),
      [],
    );
  });

  // The exact text real Windows answers with, from the threads named beside each.
  const real: [cmdlet: string, message: string, check: string][] = [
    // MicrosoftDocs/Virtualization-Documentation#361 (Windows System Error 87)
    ['New-NetNat', 'The parameter is incorrect.', 'nat.conflict'],
    // pluralsight/PS-AutoLab-Env#132
    [
      'New-VMSwitch',
      "Failed while creating virtual Ethernet switch.\nSwitch create failed, name = 'FFB8E8DC-E335-4B2E-A38E-7CB8689C3279', friendly name = 'LabNet': Not found (0x80041002).",
      'switch.missing',
    ],
    // MicrosoftDocs/Virtualization-Documentation#1432
    [
      'Start-VM',
      "'minikube' failed to start.\nVirtual machine 'minikube' could not be started because the hypervisor is not running.\n'minikube' failed to start. (Virtual machine ID EBF8EB00-EA3C-4C82-A9A6-808787A25DB0)",
      'platform.hypervisor-launch',
    ],
    // kubernetes/minikube#9279
    ['Start-VM', "'minikube' failed to start.\nFailed to start the virtual machine 'minikube' because one of the Hyper-V components is not running.", 'platform.hyperv-feature'],
    // MicrosoftDocs/windows-powershell-docs#2801, pawelgnatowski/WSL2-Network-Fix#4
    [
      'New-VM',
      "You do not have the required permission to complete this task. Contact the administrator of the authorization policy for the computer 'DEV-PC'.",
      'platform.privileges',
    ],
    // hashicorp/vagrant#3253, docker/for-win#898 (Windows error 1332)
    ['New-SmbShare', 'No mapping between account names and security IDs was done.', 'share.account'],
    // Windows System Error 5010 (WgServerforWindows#160, in English)
    ['New-NetIPAddress', 'The object already exists.', 'vnic.address-conflict'],
    ['Set-NetFirewallRule', 'Access is denied.', 'platform.privileges'],
    ['Start-VM', "'MobyLinuxVM' failed to start.\nGeneral access denied error (0x80070005).", 'platform.privileges'],
    ['Start-VM', 'The operation failed because the file was not found.', 'vm.boot-iso'],
    ['New-VM', 'Cannot create a file when that file already exists.', 'vm.disk'],
  ];
  for (const [cmdlet, message, check] of real) {
    it(`${cmdlet}: "${message.split('\n').at(-1)!.slice(0, 60)}" -> ${check}`, () => {
      assert.equal(knownError(message, cmdlet)?.check, check);
    });
  }

  it('matches a text only for the cmdlets it is known from, and nothing unknown', () => {
    assert.equal(knownError('The parameter is incorrect.', 'Set-VM'), undefined);
    assert.equal(knownError('The parameter is incorrect.'), undefined);
    assert.equal(knownError('Something nobody has seen before.', 'New-NetNat'), undefined);
  });

  // The simulated host refuses in the same words: each refusal is matched to the check that finds its cause.
  const action = <O extends Op>(op: O, params: OpParams[O]) => makeAction({ step: 'nat', op, kind: 'create', target: 't', resource: 'r', description: op, params }) as Action;
  async function refusal<O extends Op>(host: SimulatedHost, op: O, params: OpParams[O]): Promise<HostActionError> {
    try {
      await host.apply(action(op, params), { sharePassword: CANARY_PASSWORD });
    } catch (e) {
      assert.ok(e instanceof HostActionError);
      return e;
    }
    return assert.fail(`${op} was not refused`);
  }

  it("the simulator's WinNAT refusal of a second NAT is nat.conflict, which doctor reports on that host", async () => {
    const seen = example('fresh-win10-pro');
    seen.netNats.push({ Name: 'WinNAT', InternalIPInterfaceAddressPrefix: '172.20.0.0/16', Active: true });
    const e = await refusal(new SimulatedHost(seen), 'nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' });
    assert.equal(knownFailure(e)?.check, 'nat.conflict');
    assert.ok(runChecks({ snapshot: seen, desired: desiredFor(seen) }).some((f) => f.id === 'nat.conflict'));
  });

  it("the simulator's other refusals: an address held elsewhere, too little memory, an injected denial", async () => {
    const held = example('fresh-win10-pro');
    held.netIPAddresses.push({ InterfaceAlias: 'Wi-Fi', InterfaceIndex: 7, IPAddress: '10.0.75.1', PrefixLength: 24, AddressFamily: 'IPv4', PrefixOrigin: 'Dhcp' });
    const host = new SimulatedHost(held);
    await host.apply(action('switch.create', { Name: 'DockerNAT', Notes: '' }), {});
    const address = await refusal(host, 'vnic.set-address', { SwitchName: 'DockerNAT', InterfaceAlias: 'vEthernet (DockerNAT)', IPAddress: '10.0.75.1', PrefixLength: 24 });
    assert.equal(knownFailure(address)?.check, 'vnic.address-conflict', address.message);

    const full = example('converged');
    full.vms[0].State = 'Off';
    full.platform.os.FreePhysicalMemory = 1024;
    const memory = await refusal(new SimulatedHost(full), 'vm.start', { Name: full.vms[0].Name });
    assert.equal(knownFailure(memory)?.check, 'platform.memory', memory.message);

    const denied = await refusal(new SimulatedHost(example('fresh-win10-pro'), { failActions: ['nat.create'] }), 'nat.create', {
      Name: 'DockerNAT',
      InternalIPInterfaceAddressPrefix: '10.0.75.0/24',
    });
    assert.equal(knownFailure(denied)?.check, 'platform.privileges');
  });

  it('a failed install says what the error means and which check to read, on screen and in --json', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'), { failActions: ['nat.create'] });
    const r = await run('install', host, config(), { secrets: async () => ({ sharePassword: CANARY_PASSWORD }) });
    assert.equal(r.outcome, 'failed');
    const text = renderOutcome(runDocument(r)).replace(/\u001b\[[0-9;]*m/g, '');
    assert.match(
      text,
      /✗ nat\.create failed in New-NetNat: Access is denied\.\n {2}Windows refused the change: run mobykit from an elevated PowerShell[^\n]*\(mobykit doctor: platform\.privileges\)\n/,
    );
    assert.deepEqual(runDocument(r), {
      ...runDocument(r),
      failed: {
        id: 'nat.create',
        message: 'nat.create failed in New-NetNat: Access is denied.',
        check: 'platform.privileges',
        advice: KNOWN_ERRORS.find((k) => k.check === 'platform.privileges' && k.pattern.test('Access is denied.'))!.advice,
      },
    });
  });
});
