BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Invoke-MobyKitNativeTool' {
    It 'runs the call with the OEM code page as the output encoding, then puts the session''s encoding and line endings back' {
        $before = [Console]::OutputEncoding
        [Console]::OutputEncoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
        [Console]::Out.NewLine = "`n"
        try {
            $seen = InModuleScope MobyKit { Invoke-MobyKitNativeTool -ToolCall { [Console]::OutputEncoding.CodePage } }
            $seen | Should -Be ([System.Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage)
            [Console]::OutputEncoding.CodePage | Should -Be 65001
            [Console]::Out.NewLine | Should -Be "`n"
        }
        finally { [Console]::OutputEncoding = $before }
    }
    It 'puts the encoding back when the call fails' {
        $before = [Console]::OutputEncoding.CodePage
        { InModuleScope MobyKit { Invoke-MobyKitNativeTool -ToolCall { throw 'bcdedit failed' } } } | Should -Throw -ExpectedMessage 'bcdedit failed'
        [Console]::OutputEncoding.CodePage | Should -Be $before
    }
}
