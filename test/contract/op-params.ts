// Reads the keys of every OpParams entry from src/plan/action.ts's source text (the types do
// not exist at run time, and that file is not ours to change).
import fs from 'node:fs';
import path from 'node:path';

export interface OpKeys {
  op: string;
  keys: { name: string; optional: boolean }[];
}

function keysOf(body: string): { name: string; optional: boolean }[] {
  return [...body.matchAll(/(\w+)(\??)\s*:/g)].map((m) => ({ name: m[1], optional: m[2] === '?' }));
}

export function readOpParams(file = path.join('src', 'plan', 'action.ts')): OpKeys[] {
  const source = fs.readFileSync(file, 'utf8');
  const interfaces = new Map<string, string>();
  for (const m of source.matchAll(/export interface (\w+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)) interfaces.set(m[1], m[2]);
  const opParams = interfaces.get('OpParams');
  if (!opParams) throw new Error(`no OpParams interface in ${file}`);
  const out: OpKeys[] = [];
  for (const m of opParams.matchAll(/'([\w.-]+)'\s*:\s*(\{[^}]*\}|\w+)\s*;/g)) {
    const [, op, type] = m;
    if (type.startsWith('{')) out.push({ op, keys: keysOf(type.slice(1, -1)) });
    else {
      const named = interfaces.get(type);
      if (!named) throw new Error(`OpParams['${op}'] refers to ${type}, which is not an interface in ${file}`);
      out.push({ op, keys: keysOf(named) });
    }
  }
  return out;
}
