// Shell completion: one protocol for every shell. The scripts ask `mobykit --get-yargs-completions
// <words so far>`; yargs answers with the commands and flags that fit, and mobykit adds the check
// ids after --skip. Words travel as arguments, never as script text.
import type { Argv } from 'yargs';

export type CompletionShell = 'powershell' | 'bash' | 'zsh';

const SCRIPTS: Record<CompletionShell, string> = {
  powershell: `# mobykit completion for PowerShell. Add it to your profile:
#   mobykit completion --shell powershell | Out-String | Add-Content -LiteralPath $PROFILE
Register-ArgumentCompleter -Native -CommandName mobykit -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | ForEach-Object { $_.Extent.Text })
    if ($wordToComplete -eq '') { $words += '' }
    & mobykit --get-yargs-completions @words 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`,
  bash: `# mobykit completion for bash. Add it to ~/.bashrc:  mobykit completion --shell bash >> ~/.bashrc
_mobykit_completions() {
    local IFS=$'\\n'
    COMPREPLY=( $(compgen -W "$(mobykit --get-yargs-completions "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)" -- "\${COMP_WORDS[COMP_CWORD]}") )
}
complete -o default -F _mobykit_completions mobykit
`,
  zsh: `#compdef mobykit
# mobykit completion for zsh. Add it to ~/.zshrc:  mobykit completion --shell zsh >> ~/.zshrc
_mobykit() {
    local -a reply
    reply=("\${(@f)$(SHELL=bash mobykit --get-yargs-completions "\${words[@]:0:CURRENT}" 2>/dev/null)}")
    compadd -- "\${reply[@]}"
}
compdef _mobykit mobykit
`,
};

export function completionScript(shell: CompletionShell): string {
  return SCRIPTS[shell];
}

/** The default shell: PowerShell on Windows, else the login shell when it is zsh, else bash. */
export function defaultShell(env: NodeJS.ProcessEnv = process.env, platform = process.platform): CompletionShell {
  if (platform === 'win32') return 'powershell';
  return /zsh/.test(env.SHELL ?? '') ? 'zsh' : 'bash';
}

/**
 * Answers --get-yargs-completions: check ids after --skip, else what yargs offers (commands,
 * then the flags of the command typed). Registered under a hidden command name.
 */
export function withCompletion<T>(y: Argv<T>, checkIds: readonly string[]): Argv<T> {
  return y.completion(
    '__complete',
    false,
    (current: string, argv: Record<string, unknown>, defaults: (cb: (err: Error | null, list?: string[]) => void) => void, done: (list: string[]) => void) => {
      const words = (argv._ as unknown[]).map(String);
      const all = process.argv.slice(process.argv.indexOf('--get-yargs-completions') + 1);
      const previous = all.at(-2);
      if (previous === '--skip' && words.includes('doctor')) {
        done(checkIds.filter((id) => id.startsWith(current)));
        return;
      }
      defaults((_err, list = []) => done(list.filter((item) => item.startsWith(current) && !item.startsWith('__complete'))));
    },
  );
}
