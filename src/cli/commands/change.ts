// install, uninstall and plan: show the plan, ask once, apply, verify.
import { run, type RunResult } from '../../engine/run.js';
import type { Command, Plan } from '../../engine/plan.js';
import type { Snapshot } from '../../snapshot/types.js';
import { deletesDisk } from '../../resources/vm/step.js';
import { UsageError } from '../../errors.js';
import { passwordFromEnv } from '../env-password.js';
import { EXIT } from '../exit.js';
import { confirm, interactive, sharePassword } from '../prompt.js';
import { renderOutcome, renderPlan, runDocument } from '../render.js';
import type { RunContext } from '../context.js';
import type { RunLog } from '../log.js';
import { version } from '../version.js';
import { openSession } from '../session.js';
import { acquireLock } from '../../state/lock.js';
import { ensureHostStateDir } from '../../state/journal-file.js';
import { dirname } from 'node:path';
import { sameName } from '../../windows/names.js';

/**
 * Ctrl-C, SIGTERM (a service manager, `kill`) and SIGHUP (the terminal closed) during apply all
 * let the current action finish (stopping a cmdlet halfway could leave a half-made resource),
 * record it and exit 130; the next install picks up from there. A second one quits at once: the
 * journal already holds the running action as pending, so the next run settles it by looking.
 */
function stopGracefully(ctx: RunContext): () => void {
  const release = ctx.interrupts.graceful('quit');
  const announce = () => {
    const signal = String(ctx.signal.reason);
    const again = signal === 'SIGINT' ? 'Ctrl-C again' : `${signal} again`;
    process.stderr.write(`\nStopping after the current action (${signal}; ${again} to quit at once, the journal already records it)...\n`);
  };
  ctx.signal.addEventListener('abort', announce, { once: true });
  return () => {
    ctx.signal.removeEventListener('abort', announce);
    release();
  };
}

/** The run's plan and outcome in its log: the plan once, before it is applied, as text and as data. */
class PlanLog {
  private logged: Plan | undefined;
  constructor(private readonly log: RunLog) {}

  plan(plan: Plan, computer: string): void {
    if (this.logged === plan) return;
    this.logged = plan;
    this.log.section(`plan (${plan.command}, ${plan.actions.length} actions)`, renderPlan(plan, computer));
    if (plan.actions.length) this.log.section('plan as data', plan.actions.map((a) => `${a.id} ${JSON.stringify(a.params)}`).join('\n'));
  }

  result(r: RunResult, computer: string): void {
    this.plan(r.plan, computer);
    this.log.section(`result: ${r.outcome}`, renderOutcome(runDocument(r)));
  }
}

/** The ids --simulate-fail may name: the plan's actions and, for install, the undo of each. */
async function failableIds(plan: Plan, seen: Snapshot): Promise<string[]> {
  const { undoOf } = await import('../../resources/registry.js');
  const undos = plan.command === 'install' ? plan.actions.map((a) => undoOf(a, seen, plan.predicted)).flatMap((u) => ('action' in u ? [u.action.id] : [])) : [];
  return [...new Set([...plan.actions.map((a) => a.id), ...undos])];
}

/**
 * The proxy program the firewall rules allow is not mobykit's either (Docker for Windows ships
 * com.docker.proxy.exe): the snapshot says whether it is there (files.proxyProgram), on a real or
 * a simulated host alike. A rule for a program that is not there yet is harmless: a warning, before any change.
 */
function proxyWarning(plan: Plan, seen: Snapshot | undefined): string | undefined {
  const proxy = seen?.files.proxyProgram;
  if (!proxy || proxy.Exists) return undefined;
  const missing = [
    ...new Set(
      plan.actions
        .filter((a) => a.op === 'firewall.create' || a.op === 'firewall.update')
        .map((a) => (a.params as { Program: string }).Program)
        .filter((p) => sameName(p, proxy.Path)),
    ),
  ];
  if (!missing.length) return undefined;
  return (
    `Warning: ${missing.join(', ')} is not there. The firewall rules allow it once it is: it comes with Docker for Windows ` + '(or set the proxy program with --proxy-program).\n'
  );
}

export async function change(command: Command, argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const json = ctx.view === 'json';
  const dryRun = !!argv['dry-run'];
  const planFile = argv.plan as string | undefined;
  const saved = planFile ? (await import('../saved-plan.js')).readSavedPlan(planFile, command) : undefined;
  const session = await openSession(argv, ctx);
  if (saved) session.loaded.config = saved.config;
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
  const stopListening = stopGracefully(ctx);
  const planLog = new PlanLog(ctx.log);
  let computer = '';
  let seen: Snapshot | undefined;
  let shareUser = session.loaded.config.share.user ?? 'the current user';
  const failIds = (argv['simulate-fail'] as string[] | undefined) ?? [];
  try {
    const result = await run(command, session.host, session.loaded.config, {
      dryRun,
      adopt: saved ? saved.adopt : !!argv.adopt,
      keepDisk: saved ? saved.keepDisk : !!argv['keep-disk'],
      rollback: argv.rollback !== false,
      signal: ctx.signal,
      events: await ctx.progress.events(),
      async confirm(plan) {
        if (failIds.length) {
          const ids = await failableIds(plan, seen!);
          const unknown = failIds.filter((id) => !ids.includes(id));
          if (unknown.length) {
            throw new UsageError(`--simulate-fail ${unknown.join(', ')}: no such action in this plan; its ids are ${ids.join(', ')}.`);
          }
        }
        planLog.plan(plan, computer);
        const proxy = proxyWarning(plan, seen);
        if (proxy) process.stderr.write(proxy);
        if (saved) {
          (await import('../saved-plan.js')).assertSamePlan(saved, plan, computer, planFile!);
          if (!json) process.stdout.write(`${renderPlan(plan, computer)}\nApplying the saved plan ${planFile}.\n`);
          return true;
        }
        // Under --json stdout carries only the result: the plan a person approves goes to stderr.
        const shown = `${renderPlan(plan, computer)}\n`;
        if (!json) process.stdout.write(shown);
        const disk = plan.actions.find(deletesDisk);
        if (argv.yes) {
          if (disk) process.stderr.write(`Deleting ${(disk.params as { VhdPath: string }).VhdPath}: every image, container and volume in the VM goes with it (--yes).\n`);
          return true;
        }
        if (!interactive()) throw new UsageError(`Not on a terminal, so there is no one to ask: re-run with --yes to ${command}.`);
        if (json) process.stderr.write(shown);
        if (!(await confirm(`Apply these ${plan.actions.length} changes?`, ctx.signal))) return false;
        if (disk) {
          const vhdx = (disk.params as { VhdPath: string }).VhdPath;
          return confirm(
            `This DELETES the VM's disk ${vhdx}: every image, container and volume in it is lost ` + '(mobykit uninstall --keep-disk keeps it). Delete the disk?',
            ctx.signal,
          );
        }
        return true;
      },
      async secrets() {
        const stdin = !!argv['password-stdin'];
        // A rehearsal never uses the password: with no source and no terminal, a placeholder does.
        if (session.host.kind === 'simulated' && !stdin && !passwordFromEnv() && !interactive()) {
          return { sharePassword: 'rehearsal-placeholder' };
        }
        return { sharePassword: await sharePassword({ stdin, user: shareUser }) };
      },
      gathered(snapshot) {
        seen = snapshot;
        computer = snapshot.computerName;
        shareUser = session.loaded.config.share.user ?? snapshot.platform.identity.UserName;
      },
    });
    // A saved plan with changes, on a host that now needs none: the host changed too.
    if (saved && result.outcome === 'nothing-to-do') (await import('../saved-plan.js')).assertSamePlan(saved, result.plan, computer, planFile!);
    if (result.outcome === 'planned') {
      const proxy = proxyWarning(result.plan, seen);
      if (proxy) process.stderr.write(proxy);
    }
    report(result, json, computer);
    planLog.result(result, computer);
    if (argv.export) await (await import('../../export/powershell.js')).exportPlanCommand(result, String(argv.export), computer, version());
    if (argv.out && dryRun) {
      if (result.outcome === 'blocked') throw new UsageError(`--out ${String(argv.out)}: the plan is blocked, so there is nothing to save.`);
      (await import('../saved-plan.js')).writeSavedPlan(String(argv.out), result.plan, {
        computerName: computer,
        config: session.loaded.config,
        adopt: !!argv.adopt,
        keepDisk: !!argv['keep-disk'],
      });
      process.stderr.write(`Plan saved to ${String(argv.out)}: apply exactly it with mobykit ${command} --plan ${String(argv.out)}\n`);
    }
    if (result.outcome === 'interrupted') return EXIT.interrupted;
    // plan --detailed-exitcode, as terraform: 0 nothing to change, 2 changes pending, 1 error.
    if (argv['detailed-exitcode'] && result.outcome === 'planned') return EXIT.usage;
    return ['done', 'nothing-to-do', 'planned'].includes(result.outcome) ? EXIT.ok : EXIT.failed;
  } finally {
    stopListening();
    release();
    await session.finish();
  }
}

function report(result: RunResult, json: boolean, computer: string): void {
  const doc = runDocument(result);
  if (json) {
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return;
  }
  if (result.outcome === 'planned') process.stdout.write(renderPlan(result.plan, computer));
  process.stdout.write(renderOutcome(doc));
}
