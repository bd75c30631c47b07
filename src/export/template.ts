// Templates (templates/*.tmpl): `{{name}}` is replaced by the value escaped for the output's
// language, `{{{name}}}` by a fragment the caller has already rendered safely. Replacement is one
// pass: a value that itself holds `{{x}}` is never expanded. An unknown name is a bug: it throws.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a template lives: the package's templates/ folder, found by walking up from this module
 * (dist/src/export -> package root), else ./templates (a build in another outDir, run from the repo).
 */
function templatePath(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates', name);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const local = path.resolve('templates', name);
  if (existsSync(local)) return local;
  throw new Error(`mobykit's template ${name} is missing (looked in the package's templates/ folder); reinstall mobykit`);
}

export function readTemplate(name: string): string {
  return readFileSync(templatePath(name), 'utf8');
}

export function fill(template: string, values: Record<string, string | number>, escape: (s: string) => string): string {
  return template.replace(/\{\{(\{)?\s*([A-Za-z][\w.]*)\s*\}?\}\}/g, (whole, raw: string | undefined, name: string) => {
    if (!(name in values)) throw new Error(`template placeholder ${whole} has no value`);
    const v = String(values[name]);
    return raw ? v : escape(v);
  });
}
