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

function global:Invoke-WindowsRefusal {
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

function global:Write-WindowsError {
    <#
    .SYNOPSIS
        Writes a non-terminating error the way a CDXML cmdlet does for "not found" (the caller's
        -ErrorAction SilentlyContinue -ErrorVariable collects it). Use in a mock body.
    #>
    param(
        [Parameter(Mandatory = $true, Position = 0)][string]$Message,
        [Parameter(Position = 1)][string]$Category = 'ObjectNotFound'
    )
    # Pester runs mock bodies with the test's Stop preference; the cmdlet's caller asked for
    # SilentlyContinue, so the record goes to the error stream without stopping or printing.
    $ErrorActionPreference = 'SilentlyContinue'
    Write-Error -Message $Message -Category $Category
}

function global:Install-FakeNativeCredential {
    <#
    .SYNOPSIS
        Stands in for MobyKit.NativeCredential (Credential Manager through advapi32, Windows-only):
        an in-memory store with the same static methods, so the credential functions' branches run.
        Once defined in a process it stays (the real type is compiled in a child process by the
        Initialize-MobyKitNativeCredential test). [MobyKit.NativeCredential]::Reset() empties it;
        ::FailWith = 1312 makes every call throw Win32Exception(1312) as a network logon does.
    #>
    if ($null -ne ('MobyKit.NativeCredential' -as [type])) {
        if ($null -eq [MobyKit.NativeCredential].GetField('FailWith')) { throw 'The real MobyKit.NativeCredential is loaded in this process; the fake cannot replace it' }
        [MobyKit.NativeCredential]::Reset()
        return
    }
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
namespace MobyKit {
    public sealed class CredentialInfo { public string TargetName; public string UserName; public string Type; public string Comment; }
    public static class NativeCredential {
        public static int FailWith;
        public static int Writes;
        public static Dictionary<string, string[]> Store = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        public static void Reset() { Store.Clear(); FailWith = 0; Writes = 0; }
        static void Check() { if (FailWith != 0) { throw new System.ComponentModel.Win32Exception(FailWith); } }
        public static CredentialInfo[] Find(string target) {
            Check();
            List<CredentialInfo> found = new List<CredentialInfo>();
            string[] v;
            if (Store.TryGetValue(target, out v)) { CredentialInfo i = new CredentialInfo(); i.TargetName = target; i.UserName = v[0]; i.Comment = v[2]; i.Type = v[3]; found.Add(i); }
            return found.ToArray();
        }
        // The real type takes the secret as a SecureString; the fake keeps it as text for the tests to read.
        static string Plain(System.Security.SecureString secret) {
            if (secret == null) { return ""; }
            IntPtr p = System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(secret);
            try { return System.Runtime.InteropServices.Marshal.PtrToStringUni(p, secret.Length); }
            finally { System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(p); }
        }
        public static bool Test(string target, string userName, System.Security.SecureString secret, string comment) {
            Check();
            string[] v;
            if (!Store.TryGetValue(target, out v) || v[3] != "Generic") { return false; }
            return v[0] == userName && v[1] == Plain(secret) && (v[2] ?? "") == (comment ?? "");
        }
        public static void Write(string target, string userName, System.Security.SecureString secret, string comment) {
            Check(); Writes++; Store[target] = new string[] { userName, Plain(secret), comment, "Generic" };
        }
        public static bool Delete(string target) {
            Check();
            string[] v;
            if (!Store.TryGetValue(target, out v) || v[3] != "Generic") { return false; }
            return Store.Remove(target);
        }
    }
}
'@
}

. (Join-Path -Path $PSScriptRoot -ChildPath 'SnapshotMocks.ps1')

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
