// init: a commented configuration file with every setting, its default, its variable and its flag.
import { writeFileSync } from 'node:fs';
import { SETTINGS } from '../../config/schema.js';
import { UsageError } from '../../errors.js';
import { fill, readTemplate } from '../../export/template.js';
import path from 'node:path';
import { EXIT } from '../exit.js';
import { printJson } from '../json.js';
import { version } from '../version.js';
import type { RunContext } from '../context.js';

export const CONFIG_TEMPLATE = 'mobykit.config.json.tmpl';
export const DEFAULT_CONFIG_FILE = 'mobykit.config.json';

const jsonText = (s: string) => JSON.stringify(s).slice(1, -1);

/** The file's text: the template filled from the settings table, one section per config section. */
export function renderConfigFile(file: string, at = new Date().toISOString()): string {
  const sections = new Map<string, typeof SETTINGS>();
  for (const s of SETTINGS) {
    const section = s.key.split('.')[0];
    sections.set(section, [...(sections.get(section) ?? []), s]);
  }
  const blocks = [...sections].map(([section, settings]) => {
    const lines = settings.map((s) => {
      const name = s.key.split('.')[1];
      const dflt = s.default === null ? `none: ${s.derived ?? 'derived from the host'}` : JSON.stringify(s.default);
      const comment = `${s.description}. Default: ${dflt}. Environment: ${s.env}. Flag: --${s.flag}.`;
      return `    ${JSON.stringify(`// ${name}`)}: ${JSON.stringify(comment)},\n    ${JSON.stringify(name)}: ${JSON.stringify(s.default)}`;
    });
    return `  ${JSON.stringify(section)}: {\n${lines.join(',\n\n')}\n  }`;
  });
  return fill(readTemplate(CONFIG_TEMPLATE), { version: version(), at, file, sections: blocks.join(',\n') }, jsonText);
}

export async function init(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const file = (argv.output as string | undefined) ?? DEFAULT_CONFIG_FILE;
  if (file === '-') {
    if (ctx.view === 'json') throw new UsageError('--output - writes the file itself to standard output; --json does not go with it.', { help: true });
    process.stdout.write(renderConfigFile('mobykit.config.json'));
    return EXIT.ok;
  }
  const text = renderConfigFile(file);
  try {
    writeFileSync(file, text, { encoding: 'utf8', flag: argv.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists; pass --force to overwrite it, or --output to write another file.`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder; give a file name with --output.`);
    throw new UsageError(`cannot write ${file} (${code ?? (e as Error).message})`);
  }
  // Found on its own in the current folder (see findConfigFile); any other name is given with --config.
  const found = path.resolve(file) === path.resolve(DEFAULT_CONFIG_FILE);
  const use = found ? 'every mobykit command run in this folder uses it' : `use it with: mobykit install --config ${file} (or set MOBYKIT_CONFIG)`;
  if (ctx.view === 'json') printJson('init', { file: path.resolve(file), settings: SETTINGS.length, foundInThisFolder: found });
  else process.stderr.write(`Wrote ${file} with all ${SETTINGS.length} settings at their defaults.\nEdit it; ${use}.\n`);
  return EXIT.ok;
}
