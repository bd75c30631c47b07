# What a Windows host does that this (Linux) PowerShell cannot, for the tests that stand in for one:
# errors as Windows cmdlets raise them, a Credential Manager in memory, and a host snapshot that
# the platform commands read (SnapshotMocks.ps1) and change (SnapshotChanges.ps1). Dot-sourced by
# TestHelper.ps1 (Pester) and by the fleet tests' simulated hosts (test/fleet/FleetHost.ps1), which
# need it without Pester or the module.

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
        Reading and Changed (Actions, null unless set) run before every call and after every
        change: the fleet tests' hosts (test/fleet/FleetHost.ps1) load and save their vault there.
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
        public static Action Reading;
        public static Action Changed;
        public static Dictionary<string, string[]> Store = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        public static void Reset() { Store.Clear(); FailWith = 0; Writes = 0; }
        static void Check() { if (Reading != null) { Reading(); } if (FailWith != 0) { throw new System.ComponentModel.Win32Exception(FailWith); } }
        static void Done() { if (Changed != null) { Changed(); } }
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
            Check(); Writes++; Store[target] = new string[] { userName, Plain(secret), comment, "Generic" }; Done();
        }
        public static bool Delete(string target) {
            Check();
            string[] v;
            if (!Store.TryGetValue(target, out v) || v[3] != "Generic") { return false; }
            bool removed = Store.Remove(target); Done(); return removed;
        }
    }
}
'@
}

. (Join-Path -Path $PSScriptRoot -ChildPath 'SnapshotMocks.ps1')
. (Join-Path -Path $PSScriptRoot -ChildPath 'SnapshotChanges.ps1')
