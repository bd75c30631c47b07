// Windows paths as Windows compares them: case-insensitive, either slash, no trailing separator,
// well-known folder variables expanded. One form for doctor and plan alike, so a path that
// differs only by a trailing backslash is neither healthy to one nor replaced by the other.
import { nameKey } from './names.js';

const ENV_PATHS: Record<string, string> = {
  '%programfiles%': 'C:\\Program Files',
  '%programfiles(x86)%': 'C:\\Program Files (x86)',
  '%programw6432%': 'C:\\Program Files',
  '%systemroot%': 'C:\\Windows',
  '%windir%': 'C:\\Windows',
  '%systemdrive%': 'C:',
};

/** A Windows path in a comparable form: Windows' case-insensitive key, backslashes, well-known variables expanded, no trailing slash. */
function pathKey(p: string | null | undefined): string {
  if (!p) return '';
  let s = p
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\//g, '\\');
  s = s.replace(/^%[^%]+%/, (v) => ENV_PATHS[v.toLowerCase()] ?? v);
  s = s.replace(/\\+$/, '');
  return nameKey(s);
}

export function samePath(a: string | null | undefined, b: string | null | undefined): boolean {
  return pathKey(a) === pathKey(b);
}
