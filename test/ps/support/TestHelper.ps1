# Dot-sourced by every test file in BeforeAll:  BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }
# - StrictMode Latest in the test and inside the MobyKit module (the module itself asks for 1.0).
# - The platform stubs (generated from the cmdlet catalog, see New-PlatformStub.ps1), once per run.
# - The MobyKit module from ps1/, freshly imported.
# - Helpers that build what Windows returns and the JSON reply Invoke-MobyKitCall writes.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../../..')).Path
$script:ModuleManifest = Join-Path -Path $script:RepoRoot -ChildPath 'ps1/MobyKit.psd1'
# This pwsh's launcher, for tests that need a child shell (the dotnet tool runs under 'dotnet').
$script:Pwsh = $env:MOBYKIT_PWSH
if ([string]::IsNullOrEmpty($script:Pwsh)) { $script:Pwsh = Join-Path -Path $script:RepoRoot -ChildPath '.tools/pwsh/pwsh' }

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

function global:New-MobyKitSealedSecret {
    <#
    .SYNOPSIS
        What mobykit's sealSecret (src/host/powershell/host.ts) sends: base64 of IV || AES-256-CBC(key, IV, UTF-8).
    #>
    param([Parameter(Mandatory = $true)][byte[]]$Key, [Parameter(Mandatory = $true)][string]$Text)
    $aes = [System.Security.Cryptography.Aes]::Create()
    $aes.Key = $Key
    $aes.GenerateIV()
    $plain = [System.Text.Encoding]::UTF8.GetBytes($Text)
    $cipher = $aes.CreateEncryptor().TransformFinalBlock($plain, 0, $plain.Length)
    [System.Convert]::ToBase64String([byte[]]($aes.IV + $cipher))
}

function global:New-MobyKitTestRequest {
    <#
    .SYNOPSIS
        The -Request value src/host/powershell/host.ts sends (base64 of UTF-8 JSON). With -Secret,
        the password travels sealed as mobykit sends it, under a session key given to the module.
    #>
    param(
        [Parameter(Mandatory = $true)][string]$Function,
        [System.Collections.IDictionary]$Parameters = @{},
        [string]$Secret
    )
    $document = [ordered]@{ function = $Function; parameters = $Parameters }
    if ($PSBoundParameters.ContainsKey('Secret')) {
        $key = [byte[]](1..32)
        & (Get-Module -Name 'MobyKit') { param($Key) $script:MobyKitSessionKey = $Key } $key
        $document['secret'] = New-MobyKitSealedSecret -Key $key -Text $Secret
    }
    $json = ConvertTo-Json -InputObject $document -Depth 20 -Compress
    [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
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
    $lines = @(MobyKit\Invoke-MobyKitCall -Request (New-MobyKitTestRequest -Function $Function -Parameters $Parameters))
    if ($lines.Count -ne 1) { throw ('Invoke-MobyKitCall wrote {0} lines, not one' -f $lines.Count) }
    return (ConvertFrom-Json -InputObject $lines[0])
}

. (Join-Path -Path $PSScriptRoot -ChildPath 'SimulatedWindows.ps1')

function global:ConvertTo-CanonicalJson {
    <#
    .SYNOPSIS
        JSON with every object's keys sorted, so two documents compare equal whatever their order.
    #>
    param([AllowNull()]$InputObject)
    function Sort-Keys($value) {
        if ($null -eq $value) { return $null }
        if ($value -is [System.Collections.IDictionary]) {
            $sorted = [ordered]@{}
            foreach ($key in @($value.Keys | ForEach-Object { [string]$_ } | Sort-Object -CaseSensitive)) { $sorted[$key] = Sort-Keys $value[$key] }
            return $sorted
        }
        if ($value -is [System.Management.Automation.PSCustomObject]) {
            $sorted = [ordered]@{}
            foreach ($property in @($value.PSObject.Properties | Sort-Object -Property Name -CaseSensitive)) { $sorted[$property.Name] = Sort-Keys $property.Value }
            return $sorted
        }
        if ($value -is [System.Collections.IList] -and $value -isnot [string]) { return , @(foreach ($element in $value) { , (Sort-Keys $element) }) }
        return $value
    }
    return (ConvertTo-Json -InputObject (Sort-Keys $InputObject) -Depth 40 -Compress)
}

function global:ConvertTo-MobyKitCaseParameter {
    # A case's params (parsed JSON) as the hashtable Invoke-MobyKitRequest sends.
    param($Parameters)
    $table = [ordered]@{}
    foreach ($property in $Parameters.PSObject.Properties) { $table[$property.Name] = $property.Value }
    return $table
}
