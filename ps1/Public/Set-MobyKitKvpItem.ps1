function Set-MobyKitKvpItem {
    <#
    .SYNOPSIS
        Adds or updates the cifsmount KVP item that tells the guest how to mount the host share.
    .DESCRIPTION
        Builds the token /<MountPoint>;/<ShareName>;username=<UserName>,password=<Password>,noperm
        from data (never from script text) and sends it as a host-to-guest KVP item through
        Msvm_VirtualSystemManagementService (ModifyKvpItems when the item exists, AddKvpItems otherwise),
        waiting for the WMI job. Idempotent: an item that already holds this exact token is left
        alone. The password is never written to output, verbose messages or errors, and never
        bound to a command's parameter as text (module logging, event 4103, records bindings).
    .PARAMETER VMName
        The VM name.
    .PARAMETER ItemName
        The KVP item name, e.g. 'cifsmount'.
    .PARAMETER MountPoint
        The mount point in the guest, without its leading slash, e.g. 'c'.
    .PARAMETER ShareName
        The SMB share name, without its leading slash, e.g. 'C'.
    .PARAMETER UserName
        The user the guest connects as.
    .PARAMETER Password
        The user's password, as a SecureString (a logged parameter binding shows only its type).
        It arrives sealed through Invoke-MobyKitCall; typed at a prompt, pass
        (Read-Host -AsSecureString). It never becomes a string in PowerShell: the token, the
        CIM-XML item and every comparison stay SecureStrings until the CIM .NET call.
    .EXAMPLE
        Set-MobyKitKvpItem -VMName MobyLinuxVM -ItemName cifsmount -MountPoint c -ShareName C -UserName alice -Password $password -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$VMName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$ItemName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$MountPoint,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$ShareName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$UserName,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Password
    )

    $ErrorActionPreference = 'Stop'
    # The token is a SecureString from start to end: module logging records every parameter
    # binding, and the token holds the password (see New-MobyKitKvpDataItemXml).
    $prefix = '/{0};/{1};username={2},password=' -f $MountPoint, $ShareName, $UserName
    $token = Join-MobyKitSecureString -Part @($prefix, $Password, ',noperm')
    if ($token.Length -gt 1023) {
        # Hyper-V limits KVP data to 2048 bytes of UTF-16 with the NUL (1023 characters); the message must not carry the token.
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('The KVP item would be {0} characters long; Hyper-V allows 1023 (2048 bytes in UTF-16 with the NUL)' -f $token.Length) -Category InvalidArgument -ErrorId 'MobyKit.KvpTooLong' -TargetObject $ItemName))
    }
    $step = 'look up the VM'
    try {
        $vm = Get-MobyKitVMByName -Name $VMName
        if ($null -eq $vm) {
            throw ("VM '{0}' does not exist" -f $VMName)
        }
        $step = 'read its KVP items'
        $existing = @(Get-MobyKitKvpHostItem -VMId $vm.Id | Where-Object -FilterScript { $_.Name -ceq $ItemName })
        if ($existing.Count -gt 0 -and (Test-MobyKitSecureStringEqual -Reference $existing[0].Data -Difference $token)) {
            Write-Verbose -Message ("KVP item '{0}' of VM '{1}' is already up to date" -f $ItemName, $VMName)
            return
        }
        $method = 'AddKvpItems'
        if ($existing.Count -gt 0) {
            $method = 'ModifyKvpItems'
        }
        if ($PSCmdlet.ShouldProcess(('{0} on VM {1}' -f $ItemName, $VMName), ('Set KVP item to {0}***,noperm' -f $prefix))) {
            $step = 'build the KVP item'
            $item = New-MobyKitKvpDataItemXml -Name $ItemName -Data $token
            $step = ('call {0}' -f $method)
            Invoke-MobyKitKvpMethod -VMId $vm.Id -MethodName $method -DataItem $item
        }
    }
    catch {
        # Messages come from Hyper-V and mobykit, which never echo the item's data.
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} for KVP item '{1}' of VM '{2}'" -f $step, $ItemName, $VMName) -ErrorRecord $_ -TargetObject $ItemName))
    }
}
