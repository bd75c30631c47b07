// Where mobykit keeps its own files on the machine it runs on.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** MOBYKIT_STATE_DIR, else %LOCALAPPDATA%\mobykit on Windows, else the XDG state directory. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MOBYKIT_STATE_DIR) return env.MOBYKIT_STATE_DIR;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'mobykit');
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'mobykit');
}
