// install, uninstall and plan: show the plan, ask once, apply, verify.
import { run, type RunResult } from '../../engine/run.js';
import type { Command } from '../../engine/plan.js';
import { UsageError } from '../../errors.js';
import { passwordFromEnv } from '../env-password.js';
import { EXIT } from '../exit.js';
import { progress } from '../progress.js';
import { confirm, interactive, sharePassword } from '../prompt.js';
import { logPlan, logResult, renderOutcome, renderPlan, resultJson } from '../render.js';
import { version } from '../version.js';
import { openSession } from '../session.js';
import { acquireLock } from '../../state/lock.js';
import { ensureHostStateDir } from '../../state/journal-file.js';
import { dirname } from 'node:path';

/**
 * Ctrl-C, SIGTERM (a service manager, `kill`) and SIGHUP (the terminal closed) during apply all
 * let the current action finish (stopping a cmdlet halfway could leave a half-made resource),
 * record it and exit 130; the next install picks up from there. A second one quits at once: the
 * journal already holds the running action as pending, so the next run settles it by looking.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

class Interrupt {
  requested = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.requested) process.exit(EXIT.interrupted);
    this.requested = true;
    const again = signal === 'SIGINT' ? 'Ctrl-C again' : `${signal} again`;
    process.stderr.write(`\nStopping after the current action (${signal}; ${again} to quit at once, the journal already records it)...\n`);
  };
  constructor() { for (const s of STOP_SIGNALS) process.on(s, this.onSignal); }
  dispose() { for (const s of STOP_SIGNALS) process.off(s, this.onSignal); }
}

export async function change(command: Command, argv: Record<string, unknown>): Promise<number> {
  const json = !!argv.json;
  const dryRun = !!argv['dry-run'];
  const session = await openSession(argv);
  let release = () => {};
  try {
    if (!dryRun) {
      // The folder of the lock and journal is made (and on Windows restricted to Administrators) before the lock appears in it.
      await ensureHostStateDir(dirname(session.lockPath));
      release = acquireLock(session.lockPath, command);
    }
  } catch (e) {
    await session.finish();
    throw e;
  }
  const interrupt = new Interrupt();
  let computer = '';
  let shareUser = session.loaded.config.share.user ?? 'the current user';
  try {
    const result = await run(command, session.host, session.loaded.config, {
      dryRun,
      adopt: !!argv.adopt,
      rollback: argv.rollback !== false,
      shouldStop: () => interrupt.requested,
      events: await progress({ json }),
      async confirm(plan) {
        logPlan(plan, computer);
        if (!json) process.stdout.write(`${renderPlan(plan, computer)}\n`);
        if (argv.yes) return true;
        if (!interactive()) throw new UsageError(`Not on a terminal, so there is no one to ask: re-run with --yes to ${command}.`);
        return confirm(`Apply these ${plan.actions.length} changes?`);
      },
      async secrets() {
        const stdin = !!argv['password-stdin'];
        // A rehearsal never uses the password: with no source and no terminal, a placeholder does.
        if (session.host.kind === 'simulated' && !stdin && !passwordFromEnv() && !interactive()) {
          return { sharePassword: 'rehearsal-placeholder' };
        }
        return { sharePassword: await sharePassword({ stdin, user: shareUser }) };
      },
      gathered(seen) {
        computer = seen.computerName;
        shareUser = session.loaded.config.share.user ?? seen.platform.identity.UserName;
      },
    });
    report(result, json, computer);
    logResult(result, computer);
    if (argv.export) await (await import('../../export/powershell.js')).exportPlanCommand(result, String(argv.export), computer, version());
    if (result.outcome === 'interrupted') return EXIT.interrupted;
    return ['done', 'nothing-to-do', 'planned'].includes(result.outcome) ? EXIT.ok : EXIT.failed;
  } finally {
    interrupt.dispose();
    release();
    await session.finish();
  }
}

function report(result: RunResult, json: boolean, computer: string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(resultJson(result), null, 2)}\n`);
    return;
  }
  if (result.outcome === 'planned') process.stdout.write(renderPlan(result.plan, computer));
  process.stdout.write(renderOutcome(result));
}
