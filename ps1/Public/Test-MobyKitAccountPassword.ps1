function Test-MobyKitAccountPassword {
    <#
    .SYNOPSIS
        Whether Windows accepts this password for the account: $true, $false, or $null when it cannot tell.
    .DESCRIPTION
        Asks the account's authority (this computer for a local account, the domain otherwise)
        through PrincipalContext.ValidateCredentials, which logs nobody on. A Microsoft account
        or an unreachable domain controller gives $null: mobykit then says it could not check.
    .PARAMETER UserName
        DOMAIN\user, COMPUTER\user or a bare user name (this computer).
    .PARAMETER Password
        The password, as a SecureString: module logging records a parameter binding's value, which
        for a SecureString is only its type name. mobykit sends it sealed through Invoke-MobyKitCall,
        which unseals it into a SecureString; it is never output.
    .EXAMPLE
        Test-MobyKitAccountPassword -UserName 'DEV-PC\alice' -Password $password
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$UserName,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Password
    )

    $ErrorActionPreference = 'Stop'
    $authority = $env:COMPUTERNAME
    $name = $UserName
    $slash = $UserName.IndexOf('\')
    if ($slash -ge 0) {
        $authority = $UserName.Substring(0, $slash)
        $name = $UserName.Substring($slash + 1)
    }
    $context = $null
    try {
        Add-Type -AssemblyName System.DirectoryServices.AccountManagement
        if ($authority -eq '.' -or $authority -eq $env:COMPUTERNAME) {
            $context = New-Object -TypeName System.DirectoryServices.AccountManagement.PrincipalContext -ArgumentList ([System.DirectoryServices.AccountManagement.ContextType]::Machine)
        }
        else {
            $context = New-Object -TypeName System.DirectoryServices.AccountManagement.PrincipalContext -ArgumentList ([System.DirectoryServices.AccountManagement.ContextType]::Domain), $authority
        }
        return [bool]$context.ValidateCredentials($name, [System.Net.NetworkCredential]::new('', $Password).Password)
    }
    catch {
        Write-Verbose -Message ('Could not check the password of {0}: {1}' -f $UserName, $_.Exception.Message)
        return $null
    }
    finally {
        if ($null -ne $context) {
            $context.Dispose()
        }
    }
}
