// mobykit's version, from the package.json of the package this module belongs to (dist/src/cli ->
// the package root), else ./package.json. Read once, cheaply: `mobykit --version` needs only this.
import { readFileSync } from 'node:fs';

function readVersion(): string {
  const candidates = [new URL('../../../package.json', import.meta.url), new URL('../../package.json', import.meta.url), `${process.cwd()}/package.json`];
  for (const c of candidates) {
    try {
      const pkg = JSON.parse(readFileSync(c, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mobykit' && pkg.version) return pkg.version;
    } catch {
      /* try the next */
    }
  }
  return 'unknown';
}

let cached: string | undefined;
export function version(): string {
  cached ??= readVersion();
  return cached;
}
