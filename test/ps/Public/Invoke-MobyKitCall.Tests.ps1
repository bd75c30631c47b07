BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function Invoke-Raw([string]$Request) {
        $lines = @(MobyKit\Invoke-MobyKitCall -Request $Request)
        $lines.Count | Should -Be 1
        ConvertFrom-Json -InputObject $lines[0]
    }
    function ConvertTo-Request([string]$Json) { [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($Json)) }
}

Describe 'Invoke-MobyKitCall' {
    It 'runs an exported function with the JSON parameters splatted, answering {"ok":true,"result":...} on one line' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'DockerNAT'; InternalIPInterfaceAddressPrefix = '10.0.75.0/24' } }
        Mock -ModuleName MobyKit NetNat\New-NetNat { }
        $lines = @(MobyKit\Invoke-MobyKitCall -Request (ConvertTo-Request '{"function":"New-MobyKitNat","parameters":{"Name":"DockerNAT","InternalIPInterfaceAddressPrefix":"10.0.75.0/24","Unused":null}}') -Verbose)
        $lines | Should -Be @('{"ok":true,"result":null}')
        Should -Invoke -ModuleName MobyKit NetNat\New-NetNat -Times 0 -Exactly
    }
    It 'refuses a request that is not base64 JSON' {
        $reply = Invoke-Raw '%%%'
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike 'The request is not base64-encoded UTF-8 JSON*'
        $reply.error.cmdlet | Should -Be 'Invoke-MobyKitCall'
    }
    It 'refuses a request without a string "function", and non-object parameters' {
        (Invoke-Raw (ConvertTo-Request '[1,2]')).error.message | Should -Be 'The request must be a JSON object with a string "function"'
        (Invoke-Raw (ConvertTo-Request '{"function":7}')).error.message | Should -Be 'The request must be a JSON object with a string "function"'
        $reply = Invoke-Raw (ConvertTo-Request '{"function":"New-MobyKitNat","parameters":[1]}')
        $reply.error.message | Should -Be 'The request "parameters" must be a JSON object'
        $reply.error.category | Should -Be 'InvalidArgument'
    }
    It 'refuses anything but the module''s exported functions (itself, private helpers, other commands)' -ForEach @(
        @{ Function = 'Invoke-MobyKitCall' }, @{ Function = 'New-MobyKitErrorRecord' }, @{ Function = 'Remove-Item' }, @{ Function = 'Get-VM' }
    ) {
        $reply = Invoke-Raw (ConvertTo-Request (ConvertTo-Json -Compress @{ function = $Function; parameters = @{} }))
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be ("'{0}' is not a function this module exports" -f $Function)
    }
    It 'carries hostile and non-ASCII values as data, both ways' {
        $name = "Dock'er`"NAT`$(whoami);`u{2019}`u{00e9}`u{4e2d}`u{1F600}"
        Mock -ModuleName MobyKit NetNat\Get-NetNat { }
        Mock -ModuleName MobyKit NetNat\New-NetNat { Invoke-WindowsRefusal New-NetNat ("refused: " + $Name) InvalidArgument }
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitNat' -Parameters @{ Name = $name; InternalIPInterfaceAddressPrefix = '10.0.75.0/24' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be ("Could not create NAT '{0}': refused: {0}" -f $name)
        Should -Invoke -ModuleName MobyKit NetNat\New-NetNat -Times 1 -Exactly -ParameterFilter { $Name -ceq $name }
    }
    It 'never prompts: a ConfirmImpact High removal runs under the default $ConfirmPreference' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit SmbShare\Remove-SmbShare { }
        $ConfirmPreference = 'High'
        (Invoke-MobyKitRequest -Function 'Remove-MobyKitShare' -Parameters @{ Name = 'C' }).ok | Should -BeTrue
        Should -Invoke -ModuleName MobyKit SmbShare\Remove-SmbShare -Times 1 -Exactly
    }
}
