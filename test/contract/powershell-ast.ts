// Static view of PowerShell source through tree-sitter: parse errors, function definitions
// (param block, CmdletBinding, comment-based help) and every command invocation with the
// parameters it is given, including the keys of splatted hashtable literals.
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';

type SyntaxNode = Parser.SyntaxNode;

interface ParseProblem {
  line: number;
  kind: 'ERROR' | 'MISSING';
  text: string;
}

/** One element after the command name, in order. */
type CommandElement = { kind: 'parameter'; name: string; colonValue: boolean } | { kind: 'argument'; text: string } | { kind: 'splat'; variable: string; keys: string[] | null };

export interface Invocation {
  file: string;
  line: number;
  /** The command as written, e.g. `Hyper-V\New-VM`, `Get-Date`, `bcdedit.exe`; '' when dynamic. */
  name: string;
  /** The module qualifier (`Hyper-V` in `Hyper-V\New-VM`), if any. */
  module: string | null;
  /** The name without its module qualifier. */
  bareName: string;
  /** `&` or `.` when the command is invoked through an operator. */
  operator: '&' | '.' | null;
  /** True when the command name is an expression (`& $command`, `. $file.FullName`). */
  dynamic: boolean;
  /** The source text of the dynamic command expression. */
  dynamicText: string;
  elements: CommandElement[];
  /** The enclosing function's name, null at script level. */
  enclosingFunction: string | null;
  /** True when the command follows a `|` (it may receive parameters from the pipeline). */
  receivesPipeline: boolean;
}

interface ParamDecl {
  name: string;
  mandatory: boolean;
}

export interface FunctionDef {
  file: string;
  line: number;
  name: string;
  hasCmdletBinding: boolean;
  supportsShouldProcess: boolean;
  params: ParamDecl[];
  /** The text of the comment-based help block (`<# .SYNOPSIS ... #>`), if any. */
  help: string | null;
}

export interface ScriptAnalysis {
  file: string;
  parseProblems: ParseProblem[];
  functions: FunctionDef[];
  invocations: Invocation[];
  /** The root node's S-expression, for exploring the grammar. */
  sexp: () => string;
}

let parser: Parser | null = null;
function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(PowerShell as unknown as Parser.Language);
  }
  return parser;
}

function parsePowerShell(source: string): Parser.Tree {
  // Sources over 32 KiB need an explicit buffer size with the Node binding.
  return getParser().parse(source, undefined, { bufferSize: Math.max(64 * 1024, source.length * 4) });
}

function walk(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

function ancestor(node: SyntaxNode, type: string): SyntaxNode | null {
  let current = node.parent;
  while (current) {
    if (current.type === type) return current;
    current = current.parent;
  }
  return null;
}

function functionNameOf(fn: SyntaxNode): string {
  return fn.children.find((c) => c.type === 'function_name')?.text ?? '';
}

/** A string or bare-word literal's value, null when it is not a constant. */
function literalText(node: SyntaxNode): string | null {
  const text = node.text.trim();
  if (/^[A-Za-z_][\w-]*$/.test(text)) return text;
  const single = /^'((?:[^']|'')*)'$/.exec(text);
  if (single) return single[1].replace(/''/g, "'");
  const double = /^"([^"$`]*)"$/.exec(text);
  if (double) return double[1];
  return null;
}

/** The keys of a hashtable literal `@{ ... }`; null if any key is not a constant. */
function hashKeys(hash: SyntaxNode): string[] | null {
  const keys: string[] = [];
  const body = hash.children.find((c) => c.type === 'hash_literal_body');
  if (!body) return keys;
  for (const entry of body.children.filter((c) => c.type === 'hash_entry')) {
    const keyNode = entry.children.find((c) => c.type === 'key_expression');
    const key = keyNode ? literalText(keyNode) : null;
    if (key === null) return null;
    keys.push(key);
  }
  return keys;
}

/** If an expression node is just a hashtable literal (through the grammar's wrappers), that literal. */
function asHashLiteral(node: SyntaxNode): SyntaxNode | null {
  let current: SyntaxNode = node;
  for (;;) {
    if (current.type === 'hash_literal_expression') return current;
    const named = current.namedChildren;
    if (named.length !== 1 || named[0].text.trim() !== current.text.trim()) return null;
    current = named[0];
  }
}

interface SplatScope {
  keys: Map<string, Set<string> | null>;
}

/** Collects `$v = @{...}`, `$v.Key = ...` and `$v['Key'] = ...` in one function (or script level). */
function collectHashAssignments(scopeRoot: SyntaxNode, inScope: (n: SyntaxNode) => boolean): SplatScope {
  const keys = new Map<string, Set<string> | null>();
  const add = (variable: string, newKeys: string[] | null) => {
    const name = variable.toLowerCase();
    if (newKeys === null) {
      keys.set(name, null);
      return;
    }
    if (keys.has(name) && keys.get(name) === null) return;
    const set = keys.get(name) ?? new Set<string>();
    for (const k of newKeys) set.add(k);
    keys.set(name, set);
  };
  walk(scopeRoot, (node) => {
    if (node.type !== 'assignment_expression' || !inScope(node)) return;
    const left = node.children.find((c) => c.type === 'left_assignment_expression');
    const opIndex = node.children.findIndex((c) => c.type === 'assignement_operator');
    const right = opIndex >= 0 ? node.children[opIndex + 1] : undefined;
    if (!left || !right) return;
    const leftText = left.text.trim();
    const plain = /^\$(?:[\w]+:)?(\w+)$/.exec(leftText);
    if (plain) {
      const hash = asHashLiteral(right);
      if (hash) add(plain[1], hashKeys(hash));
      else if (keys.has(plain[1].toLowerCase())) add(plain[1], null);
      return;
    }
    const member = /^\$(\w+)\.(\w+)$/.exec(leftText);
    if (member) {
      if (keys.has(member[1].toLowerCase())) add(member[1], [member[2]]);
      return;
    }
    const element = /^\$(\w+)\[\s*(.+?)\s*\]$/.exec(leftText);
    if (element && keys.has(element[1].toLowerCase())) {
      const key = /^'([^']*)'$|^"([^"$`]*)"$/.exec(element[2]);
      add(element[1], key ? [key[1] ?? key[2]] : null);
    }
  });
  return { keys };
}

function isRedirectionToken(text: string): boolean {
  // The grammar reads `3>$null` as a generic token.
  return /^[1-6*]?>>?/.test(text);
}

function commandElements(command: SyntaxNode, scope: SplatScope): CommandElement[] {
  const out: CommandElement[] = [];
  const elements = command.children.find((c) => c.type === 'command_elements');
  if (!elements) return out;
  const children = elements.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'command_argument_sep' || child.type === 'redirection' || child.type === 'comment') continue;
    if (child.type === 'command_parameter') {
      const name = child.text.replace(/^-/, '').replace(/:$/, '');
      const next = children[i + 1];
      const colonValue = child.text.endsWith(':') || (next?.type === 'command_argument_sep' && next.text.trim() === ':');
      out.push({ kind: 'parameter', name, colonValue });
      continue;
    }
    const text = child.text.trim();
    if (child.type === 'generic_token' && isRedirectionToken(text)) continue;
    const splat = /^@(\w+)$/.exec(text);
    if (splat) {
      const known = scope.keys.get(splat[1].toLowerCase());
      out.push({ kind: 'splat', variable: splat[1], keys: known ? [...known] : null });
      continue;
    }
    out.push({ kind: 'argument', text });
  }
  return out;
}

function helpOf(fn: SyntaxNode): string | null {
  const isHelp = (n: SyntaxNode | null) => !!n && n.type === 'comment' && /^<#[\s\S]*\.SYNOPSIS[\s\S]*#>$/.test(n.text);
  for (const child of fn.children) if (isHelp(child)) return child.text;
  const block = fn.children.find((c) => c.type === 'script_block');
  if (block) for (const child of block.children) if (isHelp(child)) return child.text;
  let previous = fn.previousSibling;
  while (previous && previous.type === 'comment') {
    if (isHelp(previous)) return previous.text;
    previous = previous.previousSibling;
  }
  return null;
}

function attributeName(attribute: SyntaxNode): string {
  return attribute.children.find((c) => c.type === 'attribute_name')?.text ?? '';
}

function attributeArguments(attribute: SyntaxNode): Map<string, string | null> {
  const args = new Map<string, string | null>();
  const list = attribute.children.find((c) => c.type === 'attribute_arguments');
  if (!list) return args;
  for (const arg of list.children.filter((c) => c.type === 'attribute_argument')) {
    const name = arg.children.find((c) => c.type === 'simple_name');
    if (!name) continue;
    const eq = arg.children.findIndex((c) => c.type === '=');
    args.set(
      name.text.toLowerCase(),
      eq >= 0
        ? arg.children
            .slice(eq + 1)
            .map((c) => c.text)
            .join('')
            .trim()
        : null,
    );
  }
  return args;
}

function functionDef(fn: SyntaxNode, file: string): FunctionDef {
  const block = fn.children.find((c) => c.type === 'script_block');
  const paramBlock = block?.children.find((c) => c.type === 'param_block') ?? null;
  let hasCmdletBinding = false;
  let supportsShouldProcess = false;
  const params: ParamDecl[] = [];
  if (paramBlock) {
    const attrs = paramBlock.children.find((c) => c.type === 'attribute_list');
    for (const attr of attrs?.children.filter((c) => c.type === 'attribute') ?? []) {
      if (attributeName(attr).toLowerCase() !== 'cmdletbinding') continue;
      hasCmdletBinding = true;
      const args = attributeArguments(attr);
      if (args.has('supportsshouldprocess')) {
        const value = args.get('supportsshouldprocess');
        supportsShouldProcess = value === null || value === undefined || value.toLowerCase() === '$true';
      }
    }
    const list = paramBlock.children.find((c) => c.type === 'parameter_list');
    for (const p of list?.children.filter((c) => c.type === 'script_parameter') ?? []) {
      const variable = p.children.find((c) => c.type === 'variable');
      if (!variable) continue;
      let mandatory = false;
      const pAttrs = p.children.find((c) => c.type === 'attribute_list');
      for (const attr of pAttrs?.children.filter((c) => c.type === 'attribute') ?? []) {
        if (attributeName(attr).toLowerCase() !== 'parameter') continue;
        const args = attributeArguments(attr);
        if (args.has('mandatory')) {
          const value = args.get('mandatory');
          mandatory = value === null || value === undefined || value.toLowerCase() === '$true';
        }
      }
      params.push({ name: variable.text.replace(/^\$/, ''), mandatory });
    }
  }
  return {
    file,
    line: fn.startPosition.row + 1,
    name: functionNameOf(fn),
    hasCmdletBinding,
    supportsShouldProcess,
    params,
    help: helpOf(fn),
  };
}

export function analyzePowerShell(source: string, file: string): ScriptAnalysis {
  const tree = parsePowerShell(source);
  const root = tree.rootNode;
  const parseProblems: ParseProblem[] = [];
  walk(root, (n) => {
    if (n.type === 'ERROR') parseProblems.push({ line: n.startPosition.row + 1, kind: 'ERROR', text: n.text.slice(0, 80) });
    else if (n.isMissing) parseProblems.push({ line: n.startPosition.row + 1, kind: 'MISSING', text: n.type });
  });

  const functionNodes: SyntaxNode[] = [];
  walk(root, (n) => {
    if (n.type === 'function_statement') functionNodes.push(n);
  });
  const functions = functionNodes.map((fn) => functionDef(fn, file));

  // Splat scopes: each function, and the script level (outside every function).
  const scopes = new Map<number, SplatScope>();
  const scopeOf = (n: SyntaxNode): SyntaxNode | null => ancestor(n, 'function_statement');
  for (const fn of functionNodes)
    scopes.set(
      fn.id,
      collectHashAssignments(fn, (n) => scopeOf(n)?.id === fn.id),
    );
  const scriptScope = collectHashAssignments(root, (n) => scopeOf(n) === null);

  const invocations: Invocation[] = [];
  walk(root, (node) => {
    if (node.type !== 'command') return;
    const fn = scopeOf(node);
    const scope = fn ? scopes.get(fn.id)! : scriptScope;
    const operatorNode = node.children.find((c) => c.type === 'command_invokation_operator');
    const nameNode = node.children.find((c) => c.type === 'command_name');
    const nameExpr = node.children.find((c) => c.type === 'command_name_expr');
    const operator = operatorNode ? (operatorNode.text.trim() as '&' | '.') : null;
    let name = '';
    let dynamic = false;
    let dynamicText = '';
    if (nameNode) name = nameNode.text;
    else if (nameExpr) {
      const constant = literalText(nameExpr);
      if (constant !== null && !nameExpr.text.trim().startsWith('$')) name = constant;
      else {
        dynamic = true;
        dynamicText = nameExpr.text.trim();
      }
    }
    const slash = name.lastIndexOf('\\');
    const isPath = /[/:]/.test(name) || name.startsWith('.');
    const module = slash > 0 && !isPath ? name.slice(0, slash) : null;
    const bareName = module ? name.slice(slash + 1) : name;
    let receivesPipeline = false;
    for (let s = node.previousSibling; s; s = s.previousSibling) if (s.type === '|') receivesPipeline = true;
    invocations.push({
      file,
      line: node.startPosition.row + 1,
      name,
      module,
      bareName,
      operator,
      dynamic,
      dynamicText,
      elements: commandElements(node, scope),
      enclosingFunction: fn ? functionNameOf(fn) : null,
      receivesPipeline,
    });
  });

  return { file, parseProblems, functions, invocations, sexp: () => root.toString() };
}
