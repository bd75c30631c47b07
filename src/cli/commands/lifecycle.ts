// After install: status, start, stop, password and console act on what install made; docker-env
// says how to reach the engine in the VM. What is mobykit's is what uninstall would remove (one
// source of truth: the uninstall plan), so these commands never act on anyone else's resources.
import chalk from 'chalk';
import { resolveDesired, type Desired } from '../../config/desired.js';
import { CHECK_BY_ID, runChecks } from '../../doctor/catalog.js';
import { applyActions } from '../../engine/apply.js';
import { Journal } from '../../state/journal.js';
import { planUninstall } from '../../engine/plan.js';
import { failureAdvice, type Host } from '../../host/host.js';
import type { Action, StepName } from '../../plan/action.js';
import type { Snapshot, VM } from '../../snapshot/types.js';
import { STEPS } from '../../resources/steps.js';
import { writeToken } from '../../resources/kvp/step.js';
import { writeCredential } from '../../resources/share/step.js';
import { named } from '../../plan/step.js';
import { start as startAction, stop as stopAction } from '../../resources/vm/step.js';
import { redactKvpData } from '../../snapshot/validate.js';
import { acquireLock } from '../../state/lock.js';
import { UsageError } from '../../errors.js';
import { isLocalShareAccount } from '../../config/schema.js';
import { EXIT } from '../exit.js';
import type { RunContext } from '../context.js';
import { confirm, interactive, sharePassword } from '../prompt.js';
import { failureJson, renderPlan } from '../render.js';
import { plainText } from '../../windows/text.js';
import { loadConfigFromArgv, openSession, type Session } from '../session.js';
import { printJson } from '../json.js';
import { sameName } from '../../windows/names.js';
import { findCom1 } from '../../windows/com-port.js';

/** The port the engine in the VM listens on (Docker for Windows' VM: dockerd -H tcp://0.0.0.0:2375). */
export const ENGINE_PORT = 2375;

export interface ResourceStatus {
  step: StepName;
  /** What it is, as a person names it: `switch DockerNAT`. */
  resource: string;
  present: boolean;
  /** mobykit made it (uninstall would remove it). */
  mobykit: boolean;
  healthy: boolean;
  /** What the verify checks found wrong, by title. */
  problems: string[];
}

export interface VmStatus {
  name: string;
  present: boolean;
  state: string | null;
  /** Seconds since it started; null when it is not running or the host cannot tell (the simulated one). */
  uptimeSeconds: number | null;
  /** The VM's IPv4 address as its integration services report it. */
  address: string | null;
  /** The COM1 pipe `mobykit console` reads. */
  console: string | null;
}

export interface HostStatus {
  computerName: string;
  simulated: boolean;
  resources: ResourceStatus[];
  vm: VmStatus;
  /** Where docker reaches the engine (the configured VM address). */
  dockerHost: string;
}

/** Whether each step's resource is there, as a person would name it. */
const PRESENCE: Record<StepName, (s: Snapshot, d: Desired) => { resource: string; present: boolean }> = {
  switch: (s, d) => ({ resource: `switch ${d.switchName} (host address ${d.hostAddress}/${d.prefixLength})`, present: named(s.vmSwitches, d.switchName).length > 0 }),
  nat: (s, d) => ({ resource: `NAT ${d.natName} (${d.subnet})`, present: named(s.netNats, d.natName).length > 0 }),
  firewall: (s, d) => ({
    resource: `firewall rules ${d.firewallRules.map((r) => r.Name).join(', ')}`,
    present: d.firewallRules.every((r) => named(s.firewallRules, r.Name).length > 0),
  }),
  share: (s, d) => ({
    resource: `share ${d.share.name} (${d.share.path}) and credential "${d.credential.target}"`,
    present: named(s.smbShares, d.share.name).length > 0 && s.credentials.some((c) => sameName(c.TargetName, d.credential.target)),
  }),
  vm: (s, d) => ({ resource: `VM ${d.vm.name}`, present: named(s.vms, d.vm.name).length > 0 }),
  kvp: (s, d) => ({
    resource: `KVP token ${d.kvp.itemName}`,
    present: named(s.vms, d.vm.name).some((vm) => vm.KvpHostExchangeItems.some((i) => i.Name === d.kvp.itemName)),
  }),
};

const ipv4 = (vm: VM | undefined) => vm?.NetworkAdapters.flatMap((a) => a.IPAddresses).find((ip) => /^\d+\.\d+\.\d+\.\d+$/.test(ip)) ?? null;

/** The steps (and the actions) uninstall would take: exactly what is mobykit's on this host. */
async function mobykitOwn(seen: Snapshot, desired: Desired, host: Host): Promise<Action[]> {
  return (await planUninstall(seen, desired, await host.loadJournal())).actions;
}

export async function hostStatus(seen: Snapshot, desired: Desired, host: Host): Promise<HostStatus> {
  const own = await mobykitOwn(seen, desired, host);
  const findings = runChecks({ snapshot: seen, desired }, { only: (c) => c.verifies !== undefined });
  const resources = STEPS.map((step): ResourceStatus => {
    const problems = findings.filter((f) => CHECK_BY_ID.get(f.id)?.verifies === step.name && f.severity !== 'info');
    return {
      step: step.name,
      ...PRESENCE[step.name](seen, desired),
      // A KVP item on mobykit's VM goes with the VM.
      mobykit: own.some((a) => a.step === step.name || (step.name === 'kvp' && a.op === 'vm.remove')),
      healthy: !problems.some((f) => f.severity === 'error'),
      problems: problems.map((f) => f.title),
    };
  });
  const [vm] = named(seen.vms, desired.vm.name);
  const uptimeSeconds = vm?.State === 'Running' && host.vmUptime ? await host.vmUptime(vm.Name) : null;
  return {
    computerName: seen.computerName,
    simulated: host.kind === 'simulated',
    resources,
    vm: {
      name: desired.vm.name,
      present: !!vm,
      state: vm?.State ?? null,
      uptimeSeconds,
      address: ipv4(vm),
      console: findCom1(vm?.ComPorts)?.Path || null,
    },
    dockerHost: `tcp://${desired.vmAddress}:${ENGINE_PORT}`,
  };
}

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d ? `${d}d` : '', h ? `${h}h` : '', `${m}m`].filter(Boolean).join(' ');
}

export function renderStatus(s: HostStatus): string {
  const yes = (b: boolean, good: string, bad: string) => (b ? chalk.green(good) : chalk.red(bad));
  const lines = [chalk.bold(`mobykit on ${s.computerName}${s.simulated ? ' (simulated host)' : ''}`), ''];
  for (const r of s.resources) {
    const state = !r.present ? chalk.red('missing') : `${yes(r.healthy, 'healthy', 'unhealthy')}, ${r.mobykit ? "mobykit's" : chalk.yellow('not made by mobykit')}`;
    lines.push(`  ${r.present && r.healthy ? chalk.green('✓') : chalk.red('✗')} ${r.resource}: ${state}`);
    if (r.present) for (const p of new Set(r.problems)) lines.push(`      ${chalk.dim(p)}`);
  }
  const vm = s.vm;
  lines.push('', `  VM ${vm.name}: ${vm.present ? vm.state : chalk.red('not there')}`);
  if (vm.present) {
    const up = vm.uptimeSeconds !== null ? duration(vm.uptimeSeconds) : s.simulated ? 'not known on a simulated host' : '-';
    lines.push(`    uptime:  ${up}`, `    address: ${vm.address ?? '(none reported yet)'}`, `    console: ${vm.console ?? '(no COM1 pipe)'}`);
  }
  lines.push(`    engine:  ${s.dockerHost}  (mobykit docker-env)`);
  return `${lines.join('\n')}\n`;
}

/** Healthy when every resource is there and healthy and the VM runs. */
export const statusHealthy = (s: HostStatus) => s.resources.every((r) => r.present && r.healthy) && s.vm.state === 'Running';

async function withSession<T>(argv: Record<string, unknown>, ctx: RunContext, work: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(argv, ctx);
  try {
    return await work(session);
  } finally {
    await session.finish();
  }
}

export async function status(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  return withSession(argv, ctx, async ({ host, loaded }) => {
    const seen = await host.gather();
    const s = await hostStatus(seen, resolveDesired(loaded.config, seen), host);
    if (ctx.view === 'json') printJson('status', s);
    else process.stdout.write(renderStatus(s));
    return statusHealthy(s) ? EXIT.ok : EXIT.failed;
  });
}

/** The VM, when it is mobykit's; else an error that says why nothing will be done. */
async function ownVm(host: Host, seen: Snapshot, desired: Desired): Promise<VM> {
  const [vm] = named(seen.vms, desired.vm.name);
  if (!vm) throw new UsageError(`There is no VM ${desired.vm.name} on ${seen.computerName}: run mobykit install first (or pass the --config it was installed with).`);
  if (!(await mobykitOwn(seen, desired, host)).some((a) => a.op === 'vm.remove')) {
    throw new UsageError(`VM ${vm.Name} was not made by mobykit, so mobykit leaves it alone: use Hyper-V Manager, or take it over with mobykit install --adopt.`);
  }
  return vm;
}

async function power(argv: Record<string, unknown>, ctx: RunContext, which: 'start' | 'stop'): Promise<number> {
  const json = ctx.view === 'json';
  const timeout = argv.timeout as number | undefined;
  if (timeout !== undefined && !(Number.isInteger(timeout) && timeout >= 0 && timeout <= 3600)) {
    throw new UsageError(`--timeout ${String(timeout)}: give whole seconds from 0 to 3600.`);
  }
  return withSession(argv, ctx, async ({ host, loaded, lockPath }) => {
    const release = acquireLock(lockPath, which);
    try {
      const seen = await host.gather();
      const desired = resolveDesired(loaded.config, seen);
      const vm = await ownVm(host, seen, desired);
      const already = which === 'start' ? vm.State === 'Running' : vm.State === 'Off';
      let outcome: 'done' | 'nothing-to-do' = 'nothing-to-do';
      if (!already) {
        const action = which === 'start' ? startAction(vm.Name) : stopAction(vm.Name, timeout === undefined ? '' : ` (turned off after ${timeout} s)`, timeout);
        const journal = new Journal(await host.loadJournal());
        const result = await applyActions(host, [action], {}, journal, await ctx.progress.events());
        if (result.failed) throw result.failed.error;
        outcome = 'done';
      }
      const after = named((await host.gather()).vms, vm.Name)[0];
      const state = after?.State ?? 'gone';
      if (json) printJson(which, { outcome, vm: { name: vm.Name, state, address: ipv4(after) } });
      else process.stdout.write(already ? `VM ${vm.Name} is already ${vm.State}.\n` : `${chalk.green('✓')} VM ${vm.Name} is ${state}.\n`);
      return EXIT.ok;
    } finally {
      release();
    }
  });
}

export const start = (argv: Record<string, unknown>, ctx: RunContext) => power(argv, ctx, 'start');
export const stop = (argv: Record<string, unknown>, ctx: RunContext) => power(argv, ctx, 'stop');

export type ShellKind = 'powershell' | 'cmd' | 'bash';

/** The lines that point docker at the engine, for one shell; the address and port are validated numbers. */
export function dockerEnvLines(dockerHost: string, shell: ShellKind): string {
  switch (shell) {
    case 'powershell':
      return `$Env:DOCKER_HOST = '${dockerHost}'\n# To use it: mobykit docker-env | Invoke-Expression\n`;
    case 'cmd':
      return `SET DOCKER_HOST=${dockerHost}\nREM To use it: @FOR /f "tokens=*" %i IN ('mobykit docker-env --shell cmd') DO @%i\n`;
    case 'bash':
      return `export DOCKER_HOST='${dockerHost}'\n# To use it: eval "$(mobykit docker-env --shell bash)"\n`;
  }
}

export async function dockerEnv(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const { config } = loadConfigFromArgv(argv);
  const dockerHost = `tcp://${config.network.vmAddress}:${ENGINE_PORT}`;
  const shell = (argv.shell as ShellKind | undefined) ?? (process.platform === 'win32' ? 'powershell' : 'bash');
  if (ctx.view === 'json') printJson('docker-env', { shell, variables: { DOCKER_HOST: dockerHost } });
  else process.stdout.write(dockerEnvLines(dockerHost, shell));
  return EXIT.ok;
}

/**
 * Puts a new share password everywhere it lives, in one plan: the KVP token the VM mounts the
 * share with, and the Credential Manager entry. Windows checks it first where it can.
 */
export async function password(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const json = ctx.view === 'json';
  // Nobody knows the share account's password, so nobody can type a new one: install makes it on the host.
  const given = loadConfigFromArgv(argv).config;
  if (isLocalShareAccount(given.share.account ?? 'user')) {
    throw new UsageError(
      `mobykit password does not apply with --share-account local: the share account's password is made on the host and known to nobody. Remove the ${given.kvp.itemName} token of VM ${given.vm.name} and run mobykit install --share-account local: it makes a new one and writes it everywhere.`,
    );
  }
  return withSession(argv, ctx, async ({ host, loaded, lockPath }) => {
    const release = acquireLock(lockPath, 'password');
    try {
      const seen = await host.gather();
      const desired = resolveDesired(loaded.config, seen);
      const own = await mobykitOwn(seen, desired, host);
      const actions: Action[] = [];
      const [vm] = named(seen.vms, desired.vm.name);
      const item = vm?.KvpHostExchangeItems.find((i) => i.Name === desired.kvp.itemName);
      const vmMine = own.some((a) => a.op === 'vm.remove');
      if (vm && (vmMine || own.some((a) => a.op === 'kvp.remove'))) actions.push(writeToken(desired, item ? redactKvpData(item.Data) : undefined));
      const credential = seen.credentials.find((c) => sameName(c.TargetName, desired.credential.target));
      if (credential && own.some((a) => a.op === 'credential.remove')) actions.push(writeCredential(desired, 'change', credential.UserName));
      if (!actions.length) {
        throw new UsageError(
          `Nothing of mobykit's on ${seen.computerName} holds the share password (no VM ${desired.vm.name} or credential "${desired.credential.target}" that mobykit made): run mobykit install.`,
        );
      }
      const plan = { command: 'password', actions };
      const account = desired.share.account;
      if (!json) process.stdout.write(`${renderPlan(plan, seen.computerName)}\n`);
      else process.stderr.write(`${renderPlan(plan, seen.computerName)}\n`);
      const canCheck = !!host.checkPassword && !argv['no-verify'] && argv.verify !== false;
      const secret = await sharePassword({ stdin: !!argv['password-stdin'], user: account, env: false, twice: !canCheck });
      if (canCheck) {
        const ok = await ctx.progress.activity(`Checking the password of ${account} with Windows`, () => host.checkPassword!(account, { sharePassword: secret }));
        if (ok === false) {
          throw Object.assign(
            new Error(
              `Windows does not accept this password for ${account}: nothing was changed. ` +
                '(If Windows cannot check it, e.g. for a Microsoft account, --no-verify stores it unchecked.)',
            ),
            { exitCode: EXIT.failed },
          );
        }
        if (ok === null) process.stderr.write(`Windows could not check the password of ${account}; storing it as given.\n`);
      } else if (host.kind === 'simulated') {
        process.stderr.write('Simulated host: the password is not checked against Windows.\n');
      }
      if (!argv.yes) {
        if (!interactive()) throw new UsageError('Not on a terminal, so there is no one to ask: re-run with --yes to store the password.');
        if (!(await confirm(`Apply these ${actions.length} changes?`, ctx.signal))) {
          if (json) printJson('password', { outcome: 'cancelled', plan: actions, applied: [] });
          else process.stdout.write('Cancelled: nothing was changed.\n');
          return EXIT.failed;
        }
      }
      const journal = new Journal(await host.loadJournal());
      const result = await applyActions(host, actions, { sharePassword: secret }, journal, await ctx.progress.events());
      const outcome = result.failed ? 'failed' : 'done';
      if (json) {
        printJson('password', { outcome, plan: actions, applied: result.applied.map((a) => a.id), ...(result.failed ? { failed: failureJson(result.failed) } : {}) });
      } else if (result.failed) {
        const advice = failureAdvice(result.failed.error);
        process.stdout.write(
          `${chalk.red('✗')} ${plainText(result.failed.error.message)}\n${advice ? `  ${advice}\n` : ''}${result.applied.length} of ${actions.length} updated; run mobykit password again.\n`,
        );
      } else {
        const places = actions.map((a) => (a.step === 'kvp' ? `the ${a.target} token of VM ${desired.vm.name}` : `the Credential Manager entry "${a.target}"`));
        process.stdout.write(
          `${chalk.green('✓')} The share password of ${account} is updated in ${places.join(' and ')}. ` +
            'The VM uses it the next time it mounts the share (mobykit stop, then mobykit start).\n',
        );
      }
      return result.failed ? EXIT.failed : EXIT.ok;
    } finally {
      release();
    }
  });
}

// Everything but newline, carriage return and tab: a read-only console shows text, never control sequences.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Streams the VM's COM1 pipe (the Linux console: boot messages, a login prompt). Read-only unless
 * --interactive, where keystrokes go to the VM and Ctrl-] ends the session.
 */
export async function vmConsole(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const interactiveMode = !!argv.interactive;
  if (ctx.view === 'json') throw new UsageError("console streams the VM's output as it comes; there is no --json document for it.", { help: true });
  return withSession(argv, ctx, async ({ host, loaded }) => {
    const seen = await host.gather();
    const desired = resolveDesired(loaded.config, seen);
    const [vm] = named(seen.vms, desired.vm.name);
    if (!vm) throw new UsageError(`There is no VM ${desired.vm.name} on ${seen.computerName}: run mobykit install first.`);
    const pipe = findCom1(vm.ComPorts)?.Path;
    if (!pipe) throw new UsageError(`VM ${vm.Name} has no COM1 pipe: mobykit install sets it to ${desired.vm.comPipe}.`);
    if (vm.State !== 'Running') throw new UsageError(`VM ${vm.Name} is ${vm.State}: its console is silent. Start it with mobykit start.`);
    if (!host.console) {
      process.stdout.write(
        `Simulated host: VM ${vm.Name} is ${vm.State} and its console is on ${pipe}, but a rehearsal has no pipe to read.\n` +
          'On Windows, mobykit console streams it here (read-only; --interactive to type into it).\n',
      );
      return EXIT.ok;
    }
    const io = host.console;
    process.stderr.write(`Console of VM ${vm.Name} (${pipe}), ${interactiveMode ? 'interactive: Ctrl-] ends it' : 'read-only: Ctrl-C ends it'}.\n`);
    // Ctrl-C ends a read-only console; Ctrl-] an interactive one.
    let ended = false;
    let input: Buffer[] = [];
    const release = ctx.interrupts.graceful('wait');
    const stdin = process.stdin;
    const onKey = (chunk: Buffer) => {
      if (chunk.includes(0x1d)) {
        ended = true;
        return;
      }
      input.push(chunk);
    };
    if (interactiveMode && stdin.isTTY) {
      stdin.setRawMode(true);
      stdin.resume();
      stdin.on('data', onKey);
    }
    try {
      // The first read opens the pipe: read-only unless --interactive.
      await io.read(pipe, 0, interactiveMode);
      while (!ended && !ctx.signal.aborted) {
        if (input.length) {
          const data = Buffer.concat(input);
          input = [];
          await io.write(pipe, data);
        }
        const out = await io.read(pipe, 300, interactiveMode);
        if (out.length) process.stdout.write(interactiveMode ? out : out.toString('utf8').replace(CONTROL, ''));
      }
    } finally {
      release();
      if (interactiveMode && stdin.isTTY) {
        stdin.off('data', onKey);
        stdin.setRawMode(false);
        stdin.pause();
      }
      await io.close(pipe).catch(() => undefined);
    }
    process.stderr.write('\nConsole closed.\n');
    return interactiveMode ? EXIT.ok : EXIT.interrupted;
  });
}
