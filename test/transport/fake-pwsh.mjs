#!/usr/bin/env node
// A stand-in for `pwsh -NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -NoExit -Command -`
// that node-powershell spawns when NODE_POWERSHELL points at it (or at a wrapper that execs it).
// It reads script lines from stdin one at a time, as PowerShell does with `-Command -`, and
// understands exactly what mobykit's PowerShellHost sends; anything else fails as PowerShell
// would (CommandNotFoundException on stderr), so a mistake in the transport shows up.
//
// Understood lines:
//   [Console]::Out.WriteLine("<text>") / [Console]::Error.WriteLine("<text>")   node-powershell's delimiters
//   start-up statements joined by `; `: $ProgressPreference = 'SilentlyContinue',
//     [Console]::OutputEncoding = [Text.UTF8Encoding]::new($false), [Console]::Out.NewLine = "`n",
//     [Console]::Error.NewLine = "`n", Import-Module -Name '<path>' -Force
//     (or -Name ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('<b64>'))))
//   Invoke-MobyKitCall -Request '<base64 of {"function":...,"parameters":{...}}>'
//
// Like Windows PowerShell, until [Console]::OutputEncoding is set stdout is written in an 8-bit
// code page (non-ASCII comes out garbled), and lines end in CRLF until NewLine is set.
//
// Env:
//   MOBYKIT_FAKE_SNAPSHOT   snapshot file the host starts from
//   MOBYKIT_FAKE_STATE      JSON file the host state persists to between processes (read if present)
//   MOBYKIT_FAKE_DIST       root of the built JS (default: ../../dist from this file)
//   MOBYKIT_FAKE_LOG        every stdin line is appended here
//   MOBYKIT_FAKE_STDERR_ON  function: write an error record to stderr and answer ok:false
//   MOBYKIT_FAKE_FAIL_ON    function: answer ok:false ("Access is denied.") without stderr
//   MOBYKIT_FAKE_DIE_ON     function: exit(1) mid-call
//   MOBYKIT_FAKE_HANG_ON    function: never answer
//   MOBYKIT_FAKE_DELAY_MS   every call takes this long (a slow host, for Ctrl-C tests)
//   MOBYKIT_FAKE_UPTIME     Get-MobyKitVMUptime's answer for a running VM, in seconds (default 3725)
//   MOBYKIT_FAKE_ACCOUNT_PASSWORD  the password Test-MobyKitAccountPassword accepts (unset: it cannot tell, $null)
//   MOBYKIT_FAKE_CONSOLE    text the VM's console pipe gives on the first Read-MobyKitVMConsole
//   MOBYKIT_FAKE_CONSOLE_INPUT  file Write-MobyKitVMConsole appends to
//   MOBYKIT_FAKE_SCOPED     set: the gather reads only the VM, share, rules and credential it names, as the module does
import { createDecipheriv } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const env = process.env;
const here = path.dirname(fileURLToPath(import.meta.url));
const distRoot = path.resolve(env.MOBYKIT_FAKE_DIST ?? path.join(here, '..', '..', 'dist'));

const GATHER = 'Get-MobyKitHostSnapshot';
const GATHER_PARAMS = new Set([
  'SwitchName',
  'NatName',
  'FirewallRuleName',
  'TcpPort',
  'UdpPort',
  'VMName',
  'ShareName',
  'CredentialTarget',
  'SettingsDir',
  'LogDir',
  'IsoPath',
  'ProxyProgram',
  'VhdxPath',
  'Subnet',
  'HostAddress',
  'ShareUser',
  'KvpItemName',
  'EngineEndpoint',
]);

// PowerShell's own rule: `-Command -` must be the last thing on its command line.
const argv = process.argv.slice(2);
if (argv.at(-2) !== '-Command' || argv.at(-1) !== '-') {
  process.stderr.write(`fake-pwsh: expected -Command - last, got ${JSON.stringify(argv)}\n`);
  process.exit(64);
}

const session = { utf8: false, outNewLine: '\r\n', errNewLine: '\r\n', imported: false };

function encode(text) {
  if (session.utf8) return Buffer.from(text, 'utf8');
  // An OEM code page: bytes for Latin-1, '?' beyond, so a missing UTF-8 setup garbles non-ASCII.
  return Buffer.from([...text].map((ch) => (ch.codePointAt(0) <= 0xff ? ch : '?')).join(''), 'latin1');
}
const out = (line) => process.stdout.write(encode(line + session.outNewLine));
const err = (line) => process.stderr.write(encode(line + session.errNewLine));

/** An error record as Windows PowerShell's console host writes it to a redirected stderr. */
function writeErrorRecord(line, { command, message, category, target = '', reason, fqid }) {
  const text = [
    `${command} : ${message}`,
    'At line:1 char:1',
    `+ ${line}`,
    `+ ${'~'.repeat(Math.max(1, Math.min(line.length, 80)))}`,
    `    + CategoryInfo          : ${category}: (${target}:String) [${command === line.split(' ')[0] ? '' : command}], ${reason}`,
    `    + FullyQualifiedErrorId : ${fqid}`,
    '',
  ];
  for (const t of text) err(t);
}

function commandNotFound(line, word) {
  writeErrorRecord(line, {
    command: word,
    message:
      `The term '${word}' is not recognized as the name of a cmdlet, function, script file, or operable program. ` +
      'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
    category: 'ObjectNotFound',
    target: word,
    reason: 'CommandNotFoundException',
    fqid: 'CommandNotFoundException',
  });
}

// ------------------------------------------------------------------------------------------
// The simulated Windows host behind the module, with its state kept in MOBYKIT_FAKE_STATE.

let simulated;
let OPERATIONS;

async function loadHost() {
  if (simulated) return simulated;
  const { SimulatedHost } = await import(pathToFileURL(path.join(distRoot, 'src', 'host', 'simulated', 'host.js')).href);
  ({ OPERATIONS } = await import(pathToFileURL(path.join(distRoot, 'src', 'resources', 'registry.js')).href));
  const stateFile = env.MOBYKIT_FAKE_STATE;
  if (stateFile && existsSync(stateFile)) {
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    simulated = new SimulatedHost(saved.doc);
    // Keep generated ids unique across processes (the counter lives in the host's private state).
    if (simulated.state && typeof saved.seq === 'number') {
      simulated.state.seq = saved.seq;
      simulated.state.vnicOf = saved.vnicOf ?? {};
    }
  } else {
    if (!env.MOBYKIT_FAKE_SNAPSHOT) throw new Error('MOBYKIT_FAKE_SNAPSHOT is not set');
    simulated = new SimulatedHost(JSON.parse(readFileSync(env.MOBYKIT_FAKE_SNAPSHOT, 'utf8')));
  }
  return simulated;
}

function saveHost() {
  const stateFile = env.MOBYKIT_FAKE_STATE;
  if (!stateFile || !simulated) return;
  // The redacted document only: the fake never writes a password anywhere.
  const doc = { doc: simulated.current(), seq: simulated.state?.seq, vnicOf: simulated.state?.vnicOf };
  const tmp = `${stateFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(doc, null, 2));
  renameSync(tmp, stateFile);
}

const STEP = { switch: 'switch', vnic: 'switch', nat: 'nat', firewall: 'firewall', vm: 'vm', kvp: 'kvp', share: 'share', credential: 'share' };
const KIND = { create: 'create', add: 'create', write: 'create', grant: 'change', remove: 'remove', revoke: 'change' };

// The read-only and console functions (not operations): their parameters, and what they answer.
const consoles = new Map();
const QUERIES = {
  'Get-MobyKitVMUptime': [
    ['Name'],
    async (p, host) => {
      const vm = (await host.gather()).vms.find((v) => v.Name.toLowerCase() === String(p.Name).toLowerCase());
      return vm?.State === 'Running' ? Number(env.MOBYKIT_FAKE_UPTIME ?? 3725) : null;
    },
  ],
  'Test-MobyKitAccountPassword': [['UserName', 'Password'], (p) => (env.MOBYKIT_FAKE_ACCOUNT_PASSWORD === undefined ? null : p.Password === env.MOBYKIT_FAKE_ACCOUNT_PASSWORD)],
  'Read-MobyKitVMConsole': [
    ['PipeName', 'TimeoutMilliseconds', 'Interactive'],
    async (p) => {
      const key = String(p.PipeName).toLowerCase();
      if (!consoles.has(key)) {
        consoles.set(key, { interactive: !!p.Interactive, given: false });
        return '';
      }
      const c = consoles.get(key);
      if (!c.given) {
        c.given = true;
        return Buffer.from(env.MOBYKIT_FAKE_CONSOLE ?? '', 'utf8').toString('base64');
      }
      await new Promise((r) => setTimeout(r, Math.min(Number(p.TimeoutMilliseconds ?? 0), 200)));
      return '';
    },
  ],
  'Write-MobyKitVMConsole': [
    ['PipeName', 'Data'],
    (p) => {
      const c = consoles.get(String(p.PipeName).toLowerCase());
      if (!c?.interactive) throw new Error(`The console ${p.PipeName} is not open for writing (Read-MobyKitVMConsole -Interactive first)`);
      if (env.MOBYKIT_FAKE_CONSOLE_INPUT) appendFileSync(env.MOBYKIT_FAKE_CONSOLE_INPUT, Buffer.from(String(p.Data), 'base64'));
      return null;
    },
  ],
  'Close-MobyKitVMConsole': [
    ['PipeName'],
    (p) => {
      consoles.delete(String(p.PipeName).toLowerCase());
      return null;
    },
  ],
};
/** IV || AES-256-CBC(MOBYKIT_SESSION_KEY, IV, UTF-8), as the module's Unprotect-MobyKitSecret opens it. */
function unseal(sealed) {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', Buffer.from(env.MOBYKIT_SESSION_KEY ?? '', 'base64'), bytes.subarray(0, 16));
  return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
}

/** The dispatcher: one request document in, one compressed JSON line out. */
/** As Get-MobyKitHostSnapshot reads them: the VM (and any VM on the disk), share, rules and credential of the names asked for. */
function scoped(seen, p) {
  const same = (a, b) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();
  const rules = [].concat(p.FirewallRuleName ?? []);
  return {
    ...seen,
    vms: p.VMName ? seen.vms.filter((v) => same(v.Name, p.VMName) || (p.VhdxPath && v.HardDrives.some((d) => same(d.Path, p.VhdxPath)))) : seen.vms,
    smbShares: p.ShareName ? seen.smbShares.filter((s) => same(s.Name, p.ShareName)) : seen.smbShares,
    firewallRules: seen.firewallRules.filter((r) => rules.some((n) => same(n, r.Name))),
    credentials: p.CredentialTarget ? seen.credentials.filter((c) => same(c.TargetName, p.CredentialTarget)) : [],
  };
}

async function dispatch(request) {
  const fn = request.function;
  const params = { ...request.parameters };
  if (fn === GATHER) {
    const unknown = Object.keys(params).filter((k) => !GATHER_PARAMS.has(k));
    if (unknown.length) {
      return { ok: false, error: { message: `A parameter cannot be found that matches parameter name '${unknown[0]}'.`, cmdlet: GATHER, category: 'InvalidArgument' } };
    }
    const host = await loadHost();
    return { ok: true, result: env.MOBYKIT_FAKE_SCOPED ? scoped(await host.gather(), params) : await host.gather() };
  }
  const host = await loadHost();
  if (QUERIES[fn]) {
    const [allowed, answer] = QUERIES[fn];
    if (typeof request.secret === 'string') params.Password = unseal(request.secret);
    const unknown = Object.keys(params).filter((k) => !allowed.includes(k));
    if (unknown.length) {
      return { ok: false, error: { message: `A parameter cannot be found that matches parameter name '${unknown[0]}'.`, cmdlet: fn, category: 'InvalidArgument' } };
    }
    return { ok: true, result: await answer(params, host) };
  }
  // A converging function (Set-MobyKitKvpItem adds or updates) stands for several operations:
  // it does whichever applies, so the first the host accepts is the one it did.
  const ops = Object.keys(OPERATIONS).filter((o) => OPERATIONS[o].psFunction === fn);
  if (!ops.length) {
    return {
      ok: false,
      error: { message: `The term '${fn}' is not recognized as the name of a cmdlet, function, script file, or operable program.`, cmdlet: fn, category: 'ObjectNotFound' },
    };
  }
  const secrets = {};
  if ('Password' in params) {
    secrets.sharePassword = params.Password;
    delete params.Password;
  }
  // mobykit seals the password with the session key it put in this shell's environment.
  if (typeof request.secret === 'string') secrets.sharePassword = unseal(request.secret);
  try {
    for (const [i, op] of ops.entries()) {
      const [area, verb] = op.split('.');
      const action = { id: op, op, step: STEP[area] ?? area, kind: KIND[verb] ?? 'change', target: '', resource: '', description: fn, params };
      try {
        await host.apply(action, secrets);
        break;
      } catch (e) {
        if (i === ops.length - 1 || e.name !== 'HostActionError') {
          return {
            ok: false,
            error: { message: e.cmdletMessage ?? e.message, cmdlet: e.cmdlet ?? fn, category: e.name === 'HostActionError' ? 'InvalidOperation' : 'NotSpecified' },
          };
        }
      }
    }
  } finally {
    saveHost();
  }
  return { ok: true, result: null };
}

// ------------------------------------------------------------------------------------------
// The script lines.

/** Splits `a; b` on semicolons outside single-quoted strings ('' and curly quotes as PowerShell has them). */
function statements(line) {
  const parts = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const isQuote = "'\u2018\u2019\u201A\u201B".includes(ch);
    if (quoted && isQuote && "'\u2018\u2019\u201A\u201B".includes(line[i + 1] ?? '')) {
      cur += ch + line[++i];
      continue;
    }
    if (isQuote) quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (quoted) return undefined; // an unterminated string: PowerShell would wait for more input
  parts.push(cur.trim());
  return parts.filter(Boolean);
}

function unquote(literal) {
  return literal.slice(1, -1).replace(/(['\u2018\u2019\u201A\u201B])\1/g, '$1');
}

const imports = [];

function importModule(line, modulePath) {
  if (!existsSync(modulePath)) {
    writeErrorRecord(line, {
      command: 'Import-Module',
      message: `The specified module '${modulePath}' was not loaded because no valid module file was found in any module directory.`,
      category: 'ResourceUnavailable',
      target: modulePath,
      reason: 'FileNotFoundException',
      fqid: 'Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand',
    });
    return;
  }
  imports.push(modulePath);
  session.imported = true;
}

async function call(line, b64) {
  if (!session.imported) {
    commandNotFound(line, 'Invoke-MobyKitCall');
    return;
  }
  let request;
  try {
    request = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
  } catch (e) {
    out(JSON.stringify({ ok: false, error: { message: `The request is not valid JSON: ${e.message}`, cmdlet: 'Invoke-MobyKitCall', category: 'InvalidArgument' } }));
    return;
  }
  const keys = Object.keys(request ?? {})
    .sort()
    .join(',');
  if (!['function,parameters', 'function,parameters,secret'].includes(keys) || typeof request.function !== 'string' || typeof request.parameters !== 'object') {
    out(
      JSON.stringify({
        ok: false,
        error: { message: `The request must be {"function","parameters"[,"secret"]}, got keys ${keys}`, cmdlet: 'Invoke-MobyKitCall', category: 'InvalidArgument' },
      }),
    );
    return;
  }
  const fn = request.function;
  if (env.MOBYKIT_FAKE_DELAY_MS) await new Promise((r) => setTimeout(r, Number(env.MOBYKIT_FAKE_DELAY_MS)));
  if (env.MOBYKIT_FAKE_DIE_ON === fn) {
    process.stderr.write('Process is terminated due to StackOverflowException.\r\n');
    process.exit(1);
  }
  if (env.MOBYKIT_FAKE_HANG_ON === fn) {
    setInterval(() => undefined, 1 << 30);
    await new Promise(() => undefined);
  }
  if (env.MOBYKIT_FAKE_STDERR_ON === fn) {
    const message = `Simulated failure in ${fn}: the operation could not be completed.`;
    writeErrorRecord(line, { command: fn, message, category: 'NotSpecified', reason: 'WriteErrorException', fqid: `Microsoft.PowerShell.Commands.WriteErrorException,${fn}` });
    out(JSON.stringify({ ok: false, error: { message, cmdlet: fn, category: 'NotSpecified' } }));
    return;
  }
  if (env.MOBYKIT_FAKE_FAIL_ON === fn) {
    out(JSON.stringify({ ok: false, error: { message: 'Access is denied.', cmdlet: fn, category: 'PermissionDenied' } }));
    return;
  }
  let reply;
  try {
    reply = await dispatch(request);
  } catch (e) {
    reply = { ok: false, error: { message: e.message, cmdlet: fn, category: 'NotSpecified' } };
  }
  out(JSON.stringify(reply));
}

async function handle(line) {
  if (line.trim() === '') return;
  const delim = /^\[Console\]::(Out|Error)\.WriteLine\("([^"$`]*)"\)$/.exec(line);
  if (delim) {
    (delim[1] === 'Out' ? out : err)(delim[2]);
    return;
  }
  const invoke = /^Invoke-MobyKitCall -Request '([A-Za-z0-9+/=]*)'$/.exec(line);
  if (invoke) {
    await call(line, invoke[1]);
    return;
  }

  const parts = statements(line);
  if (!parts) {
    commandNotFound(line, line.split(/\s/)[0]);
    return;
  }
  for (const st of parts) {
    if (st === "$ProgressPreference = 'SilentlyContinue'") continue;
    // The start-up checks pass here (FullLanguage, a supported build, no Group Policy execution policy).
    if (st.startsWith("if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { throw (")) continue;
    if (/^\. \(\[scriptblock\]::Create\(\[Text\.Encoding\]::UTF8\.GetString\(\[Convert\]::FromBase64String\('[A-Za-z0-9+/=]*'\)\)\)\)$/.test(st)) continue;
    if (/^Assert-MobyKitSession -ModulePath /.test(st)) continue;
    if (st === '[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)') {
      session.utf8 = true;
      continue;
    }
    if (st === '[Console]::Out.NewLine = "`n"') {
      session.outNewLine = '\n';
      continue;
    }
    if (st === '[Console]::Error.NewLine = "`n"') {
      session.errNewLine = '\n';
      continue;
    }
    let m = /^Import-Module -Name ('(?:[^'\u2018\u2019\u201A\u201B]|['\u2018\u2019\u201A\u201B]{2})*') -Force$/.exec(st);
    if (m) {
      importModule(line, unquote(m[1]));
      continue;
    }
    m = /^Import-Module -Name \(\[Text\.Encoding\]::UTF8\.GetString\(\[Convert\]::FromBase64String\('([A-Za-z0-9+/=]*)'\)\)\) -Force$/.exec(st);
    if (m) {
      importModule(line, Buffer.from(m[1], 'base64').toString('utf8'));
      continue;
    }
    commandNotFound(line, st.split(/\s/)[0]); // statement-terminating: the next statement still runs
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (env.MOBYKIT_FAKE_LOG) appendFileSync(env.MOBYKIT_FAKE_LOG, `${line}\n`);
  await handle(line);
}
// End of input ends `-Command -`.
process.exit(0);
