BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Initialize-MobyKitNativeCredential' {
    # The real type cannot share a process with the fake the other credential tests use, so it is
    # compiled in a child pwsh: the C# must compile under Add-Type, and Find must reach advapi32
    # (absent here, so the call throws rather than returning).
    It 'compiles MobyKit.NativeCredential with Add-Type, once' {
        $script = @'
Import-Module $env:MOBYKIT_TEST_MANIFEST
$module = Get-Module MobyKit
& $module { Initialize-MobyKitNativeCredential; Initialize-MobyKitNativeCredential }
$type = 'MobyKit.NativeCredential' -as [type]
'type=' + ($null -ne $type)
'methods=' + ((@($type.GetMethods() | Where-Object IsStatic | ForEach-Object Name | Sort-Object -Unique) -join ','))
'secret=' + (@('Test', 'Write' | ForEach-Object { $type.GetMethod($_).GetParameters()[2].ParameterType.Name }) -join ',')
try { [MobyKit.NativeCredential]::Find('x') } catch { 'find=' + $_.Exception.InnerException.GetType().Name }
'@
        $env:MOBYKIT_TEST_MANIFEST = $script:ModuleManifest
        $output = @(& $script:Pwsh -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { [string]$_ })
        $output | Should -Contain 'type=True'
        ($output | Where-Object { $_ -like 'methods=*' }) | Should -BeLike '*Delete*Find*Test*Write*'
        ($output | Where-Object { $_ -like 'find=*' }) | Should -BeLike 'find=*Exception'
        # The secret crosses into .NET as the SecureString itself, never as text.
        $output | Should -Contain 'secret=SecureString,SecureString'
    }
    It 'returns at once when the type is already loaded' {
        Install-FakeNativeCredential
        Mock -ModuleName MobyKit Add-Type { throw 'must not compile again' }
        InModuleScope MobyKit { Initialize-MobyKitNativeCredential }
        Should -Invoke -ModuleName MobyKit Add-Type -Times 0 -Exactly
    }
}
