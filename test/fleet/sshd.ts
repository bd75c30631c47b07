// A fleet of test hosts on this machine: one OpenSSH server per host, each on its own loopback
// address and port, with the PowerShell subsystem (the project's .tools pwsh -sshs), root login
// by a throwaway key, and all configuration in a temporary folder. Each host's sessions get its
// own simulated Windows (MOBYKIT_FLEET_SNAPSHOT: the snapshot its stubbed cmdlets answer from,
// test/fleet/New-FleetHostStub.ps1), its own journal folder (MOBYKIT_STATE_DIR) and its own
// temporary folder (TMPDIR) and its own empty home (HOME), through sshd's SetEnv. The home is the
// host's own so that a session never runs the machine's root shell start-up files: sshd starts the
// subsystem through the account's shell, and bash sources ~/.bashrc for it (on this machine that
// ran `pyenv init`, whose rehash waits 60 s on a lock a killed session left behind, every session).
// A snapshot's `mobykit.journal` (what mobykit recorded on that host) becomes the host's journal
// file, so a host that starts converged is mobykit's by identity, as on the real host.
// stop() ends every daemon and session it started.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SSHD = '/usr/sbin/sshd';

export interface FleetHost {
  name: string;
  address: string;
  port: number;
  stateDir: string;
  tmpDir: string;
  home: string;
  snapshotFile: string;
  process: ChildProcess;
  config: string;
}

export interface TestFleet {
  dir: string;
  key: string;
  knownHosts: string;
  hosts: FleetHost[];
  /** `address:port` of each host, for --computer-name. */
  names(): string[];
  /** Kills one host's daemon and every session under it (SIGKILL), as a host that dies. */
  kill(host: FleetHost): void;
  /** Stops (SIGSTOP) one host's daemon and every session under it: connections stay open, nothing answers, as a host that hangs. */
  freeze(host: FleetHost): void;
  /** pids of the processes under a host's daemon (its sessions). */
  sessions(host: FleetHost): number[];
  /** Starts a host's daemon again (after kill), on the same address, state and snapshot. */
  restart(host: FleetHost): Promise<void>;
  stop(): Promise<void>;
}

/** Why this machine cannot run the fleet, or undefined when it can. */
export function fleetUnavailable(pwsh: string): string | undefined {
  if (process.platform !== 'linux') return 'the fleet tests run OpenSSH servers on Linux';
  if (!existsSync(SSHD)) return `${SSHD} is missing: run scripts/setup-ssh-fleet.sh (apt-get install openssh-server)`;
  if (!existsSync(pwsh)) return `${pwsh} is missing: run npm run install:pwsh`;
  if (process.getuid?.() !== 0) return 'sshd needs root to log a session in';
  return undefined;
}

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  return byParent;
}

function descendants(pid: number): number[] {
  const byParent = children();
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of byParent.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function waitListening(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${err}`)), 10_000);
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
      if (/Server listening/.test(err)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}): ${err}`));
    });
  });
}

/**
 * Starts `snapshots.length` hosts, host i answering from snapshots[i]. The stub modules are
 * generated once (New-FleetHostStub.ps1) into the fleet's folder.
 */
export async function startFleet(pwsh: string, snapshots: string[]): Promise<TestFleet> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mobykit-fleet-'));
  const stop = async (hosts: FleetHost[]) => {
    for (const h of hosts) {
      for (const pid of [...descendants(h.process.pid ?? -1), h.process.pid ?? -1]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const hosts: FleetHost[] = [];
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host_key')]);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'client_key')]);
    copyFileSync(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
    const stubs = path.join(dir, 'stubs');
    execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', path.join(process.cwd(), 'test/fleet/New-FleetHostStub.ps1'), '-OutputPath', stubs], { stdio: 'pipe' });
    mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege separation folder
    const hostKey = readFileSync(path.join(dir, 'host_key.pub'), 'utf8').trim();
    const basePort = 20000 + Math.floor(Math.random() * 30000);
    const known: string[] = [];
    for (let i = 0; i < snapshots.length; i++) {
      const name = `host${i + 1}`;
      const hostDir = path.join(dir, name);
      const h = {
        name,
        address: `127.0.0.${i + 2}`,
        port: basePort + i,
        stateDir: path.join(hostDir, 'state'),
        tmpDir: path.join(hostDir, 'tmp'),
        home: path.join(hostDir, 'home'),
        snapshotFile: path.join(hostDir, 'snapshot.json'),
      };
      mkdirSync(h.tmpDir, { recursive: true });
      mkdirSync(h.home, { recursive: true });
      copyFileSync(snapshots[i], h.snapshotFile);
      const journal = (JSON.parse(readFileSync(snapshots[i], 'utf8')) as { mobykit?: { journal?: unknown } }).mobykit?.journal;
      if (journal) {
        mkdirSync(h.stateDir, { recursive: true });
        writeFileSync(path.join(h.stateDir, 'journal.json'), JSON.stringify(journal));
      }
      const config = path.join(hostDir, 'sshd_config');
      writeFileSync(
        config,
        [
          `ListenAddress ${h.address}:${h.port}`,
          `HostKey ${path.join(dir, 'host_key')}`,
          `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
          'PermitRootLogin prohibit-password',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'UsePAM no',
          'StrictModes no',
          `PidFile ${path.join(hostDir, 'sshd.pid')}`,
          `SetEnv HOME=${h.home} MOBYKIT_FLEET_SNAPSHOT=${h.snapshotFile} MOBYKIT_STATE_DIR=${h.stateDir} TMPDIR=${h.tmpDir} PSModulePath=${stubs}`,
          `Subsystem powershell ${pwsh} -sshs -NoLogo -NoProfile`,
          '',
        ].join('\n'),
      );
      const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      const host: FleetHost = { ...h, process: child, config };
      hosts.push(host);
      await waitListening(child, `sshd for ${name}`);
      known.push(`[${h.address}]:${h.port} ${hostKey}`);
    }
    writeFileSync(path.join(dir, 'known_hosts'), `${known.join('\n')}\n`);
  } catch (e) {
    await stop(hosts);
    throw e;
  }
  return {
    dir,
    key: path.join(dir, 'client_key'),
    knownHosts: path.join(dir, 'known_hosts'),
    hosts,
    names: () => hosts.map((h) => `${h.address}:${h.port}`),
    kill(host) {
      for (const pid of [host.process.pid ?? -1, ...descendants(host.process.pid ?? -1)]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
    freeze(host) {
      for (const pid of [host.process.pid ?? -1, ...descendants(host.process.pid ?? -1)]) {
        try {
          process.kill(pid, 'SIGSTOP');
        } catch {
          /* gone */
        }
      }
    },
    sessions: (host) => descendants(host.process.pid ?? -1),
    async restart(host) {
      host.process = spawn(SSHD, ['-D', '-e', '-f', host.config], { stdio: ['ignore', 'ignore', 'pipe'] });
      await waitListening(host.process, `sshd for ${host.name}`);
    },
    stop: () => stop(hosts),
  };
}

export interface FleetRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The CLI (built, dist/) against fleet hosts over SSH with the fleet's key, --json, the real pwsh,
 * the run's journal and logs in `workDir` and the share password in MOBYKIT_PASSWORD.
 * `whileRunning` gets the child once it started.
 */
export function runFleetCli(
  fleet: TestFleet,
  pwsh: string,
  args: string[],
  opts: { workDir: string; password: string; whileRunning?: (child: ChildProcess) => void },
): Promise<FleetRun> {
  const main = path.join(process.cwd(), 'dist/src/cli/main.js');
  const ssh = ['--ssh', '--ssh-user', 'root', '--ssh-key', fleet.key, '--ssh-known-hosts', fleet.knownHosts, '--json'];
  const child = spawn(process.execPath, [main, ...args, ...ssh], {
    env: { ...process.env, NODE_POWERSHELL: pwsh, MOBYKIT_STATE_DIR: opts.workDir, MOBYKIT_RUN_LOG_DIR: opts.workDir, MOBYKIT_PASSWORD: opts.password, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr!.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  opts.whileRunning?.(child);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
