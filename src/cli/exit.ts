// Exit codes: 0 done or healthy, 1 doctor found errors or a change failed, 2 usage or bad input,
// 130 interrupted.
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export function exitWith(error: unknown): void {
  const e = error as Error & { exitCode?: number };
  process.stderr.write(`mobykit: ${e?.message ?? String(error)}\n`);
  process.exitCode = typeof e?.exitCode === 'number' ? e.exitCode : EXIT.failed;
}
