// Where mobykit keeps its own files on the machine it runs on.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Per user (run logs): MOBYKIT_STATE_DIR, else %LOCALAPPDATA%\mobykit on Windows, else the XDG state directory. */
export function stateDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.MOBYKIT_STATE_DIR) return env.MOBYKIT_STATE_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'mobykit');
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'mobykit');
}

/**
 * Per host (the journal and the lock): every administrator of the machine must see the same
 * record of what mobykit made, so on Windows %ProgramData%\mobykit; elsewhere (tests,
 * rehearsals) the same directory as stateDir, so MOBYKIT_STATE_DIR keeps tests hermetic.
 */
export function hostStateDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.MOBYKIT_STATE_DIR || platform !== 'win32') return stateDir(env, platform);
  return join(env.ProgramData ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData', 'mobykit');
}

/** Where mobykit before 0.2 kept the journal (per user); carried over once into hostStateDir. */
export function legacyJournalDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  if (env.MOBYKIT_STATE_DIR || platform !== 'win32') return undefined;
  return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'mobykit');
}
