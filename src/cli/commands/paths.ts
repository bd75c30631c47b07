// Settings hold Windows paths such as %LOCALAPPDATA%\Docker; commands that read local files
// expand them from this process's environment.
import { UsageError } from '../../errors.js';
import { sameName } from '../../windows/names.js';

export function expandWindowsPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.replace(/%([A-Za-z_][A-Za-z0-9_]*)%/g, (_, name: string) => {
    const key = Object.keys(env).find((k) => sameName(k, name));
    if (!key || !env[key]) throw new UsageError(`${path}: the environment variable %${name}% is not set here; give the folder explicitly.`);
    return env[key]!;
  });
}
