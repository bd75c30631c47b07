# Dot-sourced by every test file in BeforeAll:  BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }
# - StrictMode Latest in the test and inside the MobyKit module (the module itself asks for 1.0).
# - The platform stubs (generated from the cmdlet catalog, see New-PlatformStub.ps1), once per run.
# - The MobyKit module from ps1/, freshly imported.
# - Helpers that build what Windows returns and the JSON reply Invoke-MobyKitCall writes.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../..')).Path
$script:ModuleManifest = Join-Path -Path $script:RepoRoot -ChildPath 'ps1/MobyKit.psd1'

if ($null -eq (Get-Module -Name 'Hyper-V')) {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'New-PlatformStub.ps1')
    $stubDir = $env:MOBYKIT_STUB_DIR
    if ([string]::IsNullOrEmpty($stubDir)) {
        $stubDir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-stubs-{0}' -f [System.Guid]::NewGuid().ToString('N'))
    }
    $null = New-MobyKitPlatformStub -ModuleRoot (Join-Path -Path $script:RepoRoot -ChildPath 'ps1') `
        -CatalogPath (Join-Path -Path $script:RepoRoot -ChildPath 'test/fixtures/cmdlet-catalog.json') -OutputPath $stubDir
}

Import-Module -Name $script:ModuleManifest -Force -ErrorAction Stop
. (Get-Module -Name 'MobyKit') { Set-StrictMode -Version Latest }

function Invoke-WindowsRefusal {
    <#
    .SYNOPSIS
        Fails the way a Windows cmdlet does under -ErrorAction Stop: a terminating error whose
        InvocationInfo names that cmdlet, with Windows' message and category. Use in a mock:
        Mock -ModuleName MobyKit Hyper-V\New-VMSwitch { Invoke-WindowsRefusal New-VMSwitch 'message' ObjectNotFound }
    #>
    param(
        [Parameter(Mandatory = $true, Position = 0)][ValidatePattern('^[A-Za-z]+-[A-Za-z]+$')][string]$Cmdlet,
        [Parameter(Mandatory = $true, Position = 1)][string]$Message,
        [Parameter(Position = 2)][string]$Category = 'NotSpecified',
        [string]$ErrorId = 'WindowsError'
    )
    # A throwaway advanced function with the cmdlet's name, so the record carries that name as
    # Windows' does (the name is fixed test text, checked above, never a host value).
    $throwing = [scriptblock]::Create(('function {0} {{ [CmdletBinding()] param($Record) $PSCmdlet.ThrowTerminatingError($Record) }}; {0} -Record $args[0]' -f $Cmdlet))
    $record = New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @(
        (New-Object -TypeName System.Exception -ArgumentList @($Message)), $ErrorId, [System.Management.Automation.ErrorCategory]$Category, $null)
    & $throwing $record
}

function Invoke-MobyKitRequest {
    <#
    .SYNOPSIS
        Calls Invoke-MobyKitCall the way src/host/powershell/host.ts does (base64 of UTF-8 JSON)
        and returns the parsed reply line.
    #>
    param(
        [Parameter(Mandatory = $true)][string]$Function,
        [System.Collections.IDictionary]$Parameters = @{}
    )
    $json = ConvertTo-Json -InputObject ([ordered]@{ function = $Function; parameters = $Parameters }) -Depth 20 -Compress
    $lines = @(MobyKit\Invoke-MobyKitCall -Request ([System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))))
    if ($lines.Count -ne 1) { throw ('Invoke-MobyKitCall wrote {0} lines, not one' -f $lines.Count) }
    return (ConvertFrom-Json -InputObject $lines[0])
}
