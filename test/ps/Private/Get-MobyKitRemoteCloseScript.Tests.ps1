BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Get-MobyKitRemoteCloseScript' {
    It 'is fixed script text that parses, every value arriving as a parameter' {
        $text = InModuleScope MobyKit { Get-MobyKitRemoteCloseScript }
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($text, [ref]$tokens, [ref]$errors)
        $errors | Should -BeNullOrEmpty
        @($ast.ParamBlock.Parameters.Name.VariablePath.UserPath) | Should -Be @('Session', 'Folder', 'Clean')
    }
}
