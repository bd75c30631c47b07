# The simulated Windows of one fleet test host, inside each of its PowerShell sessions. Every
# platform stub module (New-FleetHostStub.ps1) dot-sources this file when the session first loads
# it; from then on the host's state is its snapshot file ($env:MOBYKIT_FLEET_SNAPSHOT, the format
# of ../shared/spec/host-snapshot.md):
# - a stub command (Hyper-V\New-VM, NetNat\Get-NetNat ...) still binds its arguments against the
#   documented signature, then answers through the same table the Pester tests use: the read
#   mocks of test/ps/support/SnapshotMocks.ps1 and the changes of SnapshotChanges.ps1, recorded
#   here by a small stand-in for Pester's Mock (a filter chooses among several, latest first);
# - the state is read from the file before every call and, after a call that changes the host,
#   written back through a temporary file and a rename, so a session killed mid-write leaves the
#   old state or the new one, never half of one.
# What this Linux PowerShell cannot do is replaced in the MobyKit module's own scope, as Pester's
# Mock -ModuleName does, and only there:
# - Get-MobyKitProcessIdentity and Get-MobyKitProcessUser ([WindowsIdentity] exists only on
#   Windows): the snapshot's platform.identity answers (which account, whether it is an administrator);
# - Invoke-MobyKitKvpCimMethod (CimSession.InvokeMethod needs WMI): the item goes into the VM's
#   KvpHostExchangeItems, its data redacted by the module's own ConvertTo-MobyKitRedactedKvpData,
#   as the gather reports it (the state file never holds the password);
# - the Windows cmdlets the read mocks answer for files, registry and processes (Test-Path,
#   Get-ItemProperty, Get-ChildItem, Get-Process ...): a proxy with the cmdlet's own parameters
#   answers through a matching mock, and otherwise calls the real cmdlet (the journal and the lock
#   are real files in the host's MOBYKIT_STATE_DIR);
# - ConvertFrom-MobyKitSid and ConvertTo-MobyKitSid (SecurityIdentifier.Translate asks Windows'
#   account database): Everyone is S-1-1-0, as English Windows names it; other names do not resolve;
# - Import-MobyKitLocalAccountModule (Import-Module -UseWindowsPowerShell needs Windows
#   PowerShell 5.1): the LocalAccounts stub module is imported instead, its cmdlets answering from
#   and changing the snapshot's localAccounts; a new account gets a SID as Windows makes one; the
#   password Set-LocalUser is given is written beside the state file, never into it, for the tests;
# - Credential Manager (CredWrite and friends are advapi32 P/Invoke): the in-memory fake type of
#   SimulatedWindows.ps1, loaded from the snapshot's credentials before each call and saved after
#   each change (no secret is kept: a stored one never matches, as mobykit cannot read it either).
# Get-Date is the one read mock left out: the host keeps the real clock (the module waits on it).
if ($null -ne (Get-Variable -Name MobyKitFleetHost -Scope Global -ErrorAction Ignore)) { return }
$global:MobyKitFleetHost = @{ StatePath = $env:MOBYKIT_FLEET_SNAPSHOT; Mocks = New-Object System.Collections.Generic.List[hashtable] }

function global:Mock {
    # Records what SnapshotMocks.ps1 and SnapshotChanges.ps1 register; the latest comes first.
    param([string]$ModuleName, [Parameter(Position = 0)][string]$CommandName, [Parameter(Position = 1)][scriptblock]$MockWith = {}, [scriptblock]$ParameterFilter)
    $global:MobyKitFleetHost.Mocks.Insert(0, @{ Name = ($CommandName -split '\\')[-1]; Body = $MockWith; Filter = $ParameterFilter })
}

function global:Read-MobyKitFleetState {
    $state = [System.IO.File]::ReadAllText($global:MobyKitFleetHost.StatePath) | ConvertFrom-Json -DateKind String
    $global:MobyKitTestSnapshot = $state
    $global:MobyKitTestFiles = $state.files
    [MobyKit.NativeCredential]::Store.Clear()
    # A host whose sessions are network logons (SSH with a key, WinRM without CredSSP) has no
    # Credential Manager: every Cred* call fails with 1312, ERROR_NO_SUCH_LOGON_SESSION. The state
    # says so in a key of its own, outside the snapshot format: fleetHost.credentialManagerError.
    $fleet = $state.PSObject.Properties['fleetHost']
    [MobyKit.NativeCredential]::FailWith = $(if ($null -ne $fleet -and $null -ne $fleet.Value.PSObject.Properties['credentialManagerError']) { [int]$fleet.Value.credentialManagerError } else { 0 })
    foreach ($credential in @($state.credentials)) {
        if ($null -ne $credential) { [MobyKit.NativeCredential]::Store[$credential.TargetName] = [string[]]@($credential.UserName, '', $credential.Comment, $credential.Type) }
    }
}

function global:Save-MobyKitFleetState {
    $state = $global:MobyKitTestSnapshot
    $state.credentials = @(foreach ($entry in [MobyKit.NativeCredential]::Store.GetEnumerator()) { [ordered]@{ TargetName = $entry.Key; UserName = $entry.Value[0]; Type = $entry.Value[3]; Comment = $entry.Value[2] } })
    $path = $global:MobyKitFleetHost.StatePath
    $temporary = '{0}.{1}.tmp' -f $path, [System.Guid]::NewGuid().ToString('N')
    [System.IO.File]::WriteAllText($temporary, (ConvertTo-Json -InputObject $state -Depth 40), [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temporary, $path, $true)
}

function global:Invoke-MobyKitFleetBlock {
    # Runs a mock's filter or body as Pester does: every parameter of the command is a variable.
    param($MobyKitFleetBlock, $MobyKitFleetBound, $MobyKitFleetNames, $MobyKitFleetArguments)
    foreach ($MobyKitFleetName in $MobyKitFleetNames) {
        # Assigned, not through $(...), which would unroll a one-item array into its item.
        $MobyKitFleetValue = $null
        if ($MobyKitFleetBound.ContainsKey($MobyKitFleetName)) { $MobyKitFleetValue = $MobyKitFleetBound[$MobyKitFleetName] }
        Set-Variable -Name $MobyKitFleetName -Value $MobyKitFleetValue
    }
    # And $PSBoundParameters and $PesterBoundParameters hold the command's bound parameters, as in a Pester mock.
    $PSBoundParameters.Clear()
    foreach ($MobyKitFleetName in $MobyKitFleetBound.Keys) { $PSBoundParameters[$MobyKitFleetName] = $MobyKitFleetBound[$MobyKitFleetName] }
    $PesterBoundParameters = $PSBoundParameters
    . $MobyKitFleetBlock @MobyKitFleetArguments
}

function global:Invoke-MobyKitFleetCommand {
    param([string]$Command, $Bound, [string[]]$ParameterName, [object[]]$Arguments = @(), [string]$Real)
    Update-MobyKitFleetModule
    Read-MobyKitFleetState
    $mocks = @($global:MobyKitFleetHost.Mocks | Where-Object -FilterScript { $_.Name -eq $Command })
    $chosen = $null
    foreach ($mock in @($mocks | Where-Object -FilterScript { $null -ne $_.Filter })) {
        if (Invoke-MobyKitFleetBlock $mock.Filter $Bound $ParameterName $Arguments) { $chosen = $mock; break }
    }
    if ($null -eq $chosen) { $chosen = @($mocks | Where-Object -FilterScript { $null -eq $_.Filter })[0] }
    if ($null -eq $chosen) {
        if ($Real) { return (& $Real @Bound) }
        throw ('the fleet test host does not simulate {0} (no answer in test/ps/support/SnapshotMocks.ps1 or SnapshotChanges.ps1)' -f $Command)
    }
    Invoke-MobyKitFleetBlock $chosen.Body $Bound $ParameterName $Arguments
    if ($Command -in $global:MobyKitSnapshotChangeCommands) { Save-MobyKitFleetState }
    # The share account's password, which only the account database holds, goes beside the state
    # (<state>.account-password), outside it: the tests look for it where it must never be.
    if ($Command -eq 'Set-LocalUser' -and $null -ne $global:MobyKitTestAccountPassword) {
        [System.IO.File]::WriteAllText(('{0}.account-password' -f $global:MobyKitFleetHost.StatePath), $global:MobyKitTestAccountPassword)
        $global:MobyKitTestAccountPassword = $null
    }
}

function global:Update-MobyKitFleetModule {
    # Puts the replacements into the MobyKit module's scope, once per import of the module.
    $module = @(Get-Module -Name MobyKit)[0]
    if ($null -eq $module -or $null -ne $module.SessionState.PSVariable.Get('MobyKitFleetReplaced')) { return }
    $definitions = [ordered]@{}
    foreach ($name in @($global:MobyKitFleetHost.Mocks | ForEach-Object -Process { $_.Name } | Sort-Object -Unique)) {
        $real = @(Get-Command -Name $name -CommandType Cmdlet -ErrorAction Ignore)[0]
        $own = $module.ExportedCommands[$name]
        if ($null -eq $own) { $own = & $module { param($n) Get-Command -Name $n -CommandType Function -ErrorAction Ignore | Where-Object -FilterScript { $_.ModuleName -eq 'MobyKit' } } $name }
        $command = $(if ($null -ne $real) { $real } else { $own })
        if ($null -eq $command) { continue }
        $metadata = [System.Management.Automation.CommandMetadata]::new($command)
        $realName = $(if ($null -ne $real) { '{0}\{1}' -f $real.ModuleName, $name } else { '' })
        $definitions[$name] = '{0} param({1}) Invoke-MobyKitFleetCommand -Command ''{2}'' -Bound $PSBoundParameters -ParameterName @({3}) -Real ''{4}''' -f
            [System.Management.Automation.ProxyCommand]::GetCmdletBindingAttribute($metadata), [System.Management.Automation.ProxyCommand]::GetParamBlock($metadata), $name,
            (($metadata.Parameters.Keys | ForEach-Object -Process { "'$_'" }) -join ','), $realName
    }
    $definitions['Get-MobyKitProcessUser'] = 'param() Read-MobyKitFleetState; [string]$global:MobyKitTestSnapshot.platform.identity.UserName'
    $definitions['Get-MobyKitProcessIdentity'] = 'param() Read-MobyKitFleetState; $i = $global:MobyKitTestSnapshot.platform.identity; [ordered]@{ UserName = [string]$i.UserName; IsAdministrator = [bool]$i.IsAdministrator; IsHyperVAdministrator = [bool]$i.IsHyperVAdministrator }'
    # The account database: Everyone, as English Windows names it.
    $definitions['ConvertFrom-MobyKitSid'] = 'param([string]$Sid) if ($Sid -eq ''S-1-1-0'') { ''Everyone'' }'
    $definitions['ConvertTo-MobyKitSid'] = 'param([string]$AccountName) if ($AccountName -eq ''Everyone'') { ''S-1-1-0'' }'
    # The LocalAccounts cmdlets: on pwsh 7 the module imports them with -UseWindowsPowerShell, a
    # Windows PowerShell 5.1 process; here the stub module (the documented signatures, answering
    # from the host's localAccounts) is imported as it is.
    $definitions['Import-MobyKitLocalAccountModule'] = 'param() Import-Module -Name Microsoft.PowerShell.LocalAccounts -ErrorAction Stop'
    $definitions['Invoke-MobyKitKvpCimMethod'] = @'
param($InputObject, [string]$MethodName, $TargetSystem, [System.Security.SecureString]$DataItem)
$xml = [xml][System.Net.NetworkCredential]::new('', $DataItem).Password
$value = { param($n) [string]@($xml.INSTANCE.PROPERTY | Where-Object -FilterScript { $_.NAME -eq $n })[0].VALUE }
$name = & $value 'Name'
$redacted = ConvertTo-MobyKitRedactedKvpData -Data ([System.Net.NetworkCredential]::new('', (& $value 'Data')).SecurePassword)
Set-MobyKitFleetKvpItem -VMId ([guid]$TargetSystem.Name) -MethodName $MethodName -Name $name -Data $redacted
'@
    & $module {
        param($Definitions)
        foreach ($name in $Definitions.Keys) { Set-Item -LiteralPath ('function:script:{0}' -f $name) -Value ([scriptblock]::Create($Definitions[$name])) }
        $script:MobyKitFleetReplaced = $true
    } $definitions
}

function global:Set-MobyKitFleetKvpItem {
    # What Hyper-V's KVP methods do to the VM's host items; ReturnValue 0 as a finished call.
    param([guid]$VMId, [string]$MethodName, [string]$Name, [string]$Data)
    Read-MobyKitFleetState
    $vm = @($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript { [guid]$_.Id -eq $VMId })[0]
    $others = @($vm.KvpHostExchangeItems | Where-Object -FilterScript { $null -ne $_ -and $_.Name -cne $Name })
    $exists = @($vm.KvpHostExchangeItems | Where-Object -FilterScript { $null -ne $_ -and $_.Name -ceq $Name }).Count -gt 0
    # 32773: invalid parameter (add of an existing item, modify or remove of a missing one), as Hyper-V answers.
    if (($MethodName -eq 'AddKvpItems') -eq $exists) { return [pscustomobject]@{ ReturnValue = 32773; Job = $null } }
    if ($MethodName -ne 'RemoveKvpItems') { $others = @($others) + [pscustomobject]@{ Name = $Name; Data = $Data; Source = 0 } }
    $vm.KvpHostExchangeItems = $others
    Save-MobyKitFleetState
    [pscustomobject]@{ ReturnValue = 0; Job = $null }
}

. (Join-Path -Path $PSScriptRoot -ChildPath '../ps/support/SimulatedWindows.ps1')
$null = Register-MobyKitSnapshotMock -Snapshot ([System.IO.File]::ReadAllText($global:MobyKitFleetHost.StatePath) | ConvertFrom-Json -DateKind String)
Register-MobyKitSnapshotChange
$global:MobyKitFleetHost.Mocks.RemoveAll({ param($m) $m.Name -eq 'Get-Date' }) | Out-Null
# A process the snapshot does not list is one of this machine's (another mobykit holding the
# host's lock is one): the real Get-Process answers for it.
Mock Get-Process { Microsoft.PowerShell.Management\Get-Process -Id $Id -ErrorAction SilentlyContinue } -ParameterFilter { $null -ne $Id -and @($global:MobyKitTestSnapshot.processes | Where-Object -FilterScript { $_.Id -in @($Id) }).Count -eq 0 }
[MobyKit.NativeCredential]::Reading = [Action] { Read-MobyKitFleetState }
[MobyKit.NativeCredential]::Changed = [Action] { Save-MobyKitFleetState }
# This host's C: drive, a folder of its own with Windows' default VHD folder (Test-Path and
# Remove-Item on a path no mock answers for reach it).
$drive = Join-Path -Path (Split-Path -Parent $global:MobyKitFleetHost.StatePath) -ChildPath 'C'
$null = New-Item -ItemType Directory -Path (Join-Path -Path $drive -ChildPath 'Users/Public/Documents/Hyper-V/Virtual hard disks') -Force
$null = New-PSDrive -Name C -PSProvider FileSystem -Root $drive -Scope Global
$global:MobyKitStubHandler = {
    param([string]$Command, $Bound)
    $stub = @(Get-Command -Name $Command -CommandType Function -ErrorAction Ignore)[0]
    $arguments = @()
    if ($Command -like '*.exe') { $arguments = @($Bound.Arguments) }
    Invoke-MobyKitFleetCommand -Command $Command -Bound $Bound -ParameterName @($stub.Parameters.Keys) -Arguments $arguments
}
