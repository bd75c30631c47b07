BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

# The one function the other KVP tests replace: CIM cannot connect off Windows, so its call to
# Hyper-V is exercised on Windows only (README: "What Linux cannot check").
Describe 'Invoke-MobyKitKvpCimMethod' {
    It 'hands the item on through .NET calls only: the one command it runs is New-Object, with a type name' {
        $definition = InModuleScope MobyKit { (Get-Command -Name Invoke-MobyKitKvpCimMethod -CommandType Function).ScriptBlock.Ast }
        $commands = @($definition.Body.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true))
        @($commands | ForEach-Object -Process { $_.GetCommandName() } | Sort-Object -Unique) | Should -Be @('New-Object')
        $commands[0].Extent.Text | Should -Be 'New-Object -TypeName Microsoft.Management.Infrastructure.CimMethodParametersCollection'
    }
    It 'where CIM cannot load (here, off Windows), fails without a word of the item' -Skip:$IsWindows {
        $thrown = $null
        try {
            InModuleScope MobyKit {
                $item = [System.Net.NetworkCredential]::new('', '<INSTANCE>password=Cim-Canary</INSTANCE>').SecurePassword
                Invoke-MobyKitKvpCimMethod -InputObject ([pscustomobject]@{ Name = 'vmms' }) -MethodName AddKvpItems -TargetSystem ([pscustomobject]@{ Name = 'vm' }) -DataItem $item
            }
        }
        catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty
        ($thrown | Out-String) | Should -Not -BeLike '*Cim-Canary*'
    }
}
