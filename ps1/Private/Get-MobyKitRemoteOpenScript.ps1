function Get-MobyKitRemoteOpenScript {
    <#
    .SYNOPSIS
        The script a runspace runs to open one remote session and deliver the module (Invoke-MobyKitRemoteBatch).
    .DESCRIPTION
        Fixed text: every value (host, user, key file, the module's files, the session key)
        arrives as an argument. Returns { id, session, folder, version }; on any failure the
        remote folder and the session are removed and the error is thrown.
    .EXAMPLE
        $pipeline.AddScript((Get-MobyKitRemoteOpenScript))
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    return @'
param($Open, $Password, $Files, $Version, $Key)
$ErrorActionPreference = 'Stop'
$sessionParameters = @{ ErrorAction = 'Stop' }
if ([string]$Open['Transport'] -eq 'SSH') {
    $sessionParameters['HostName'] = [string]$Open['ComputerName']
    $sessionParameters['SSHTransport'] = $true
    if ($Open['UserName']) { $sessionParameters['UserName'] = [string]$Open['UserName'] }
    if ($Open['KeyFilePath']) { $sessionParameters['KeyFilePath'] = [string]$Open['KeyFilePath'] }
    if ($Open['KnownHostsFile']) { $sessionParameters['Options'] = @{ UserKnownHostsFile = [string]$Open['KnownHostsFile'] } }
}
else {
    $sessionParameters['ComputerName'] = [string]$Open['ComputerName']
    if ($Open['UserName'] -and $null -ne $Password) {
        $sessionParameters['Credential'] = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList ([string]$Open['UserName']), $Password
    }
}
if ([int]$Open['Port'] -gt 0) { $sessionParameters['Port'] = [int]$Open['Port'] }
if ([string]$Open['Transport'] -eq 'SSH') {
    # PowerShell's SSH transport can abort this whole process (SIGABRT, an exception in its ssh
    # stderr reader thread) when ssh exits at once, as it does for a host that refuses the
    # connection: every other host's session would die with it. Such a host is found with a
    # plain TCP connection first, and no ssh is started for it.
    $port = 22
    if ([int]$Open['Port'] -gt 0) { $port = [int]$Open['Port'] }
    $probe = New-Object -TypeName System.Net.Sockets.TcpClient
    try {
        try {
            $answered = $probe.ConnectAsync([string]$Open['ComputerName'], $port).Wait(30000)
        }
        catch {
            throw ('cannot connect to port {0}: {1}' -f $port, $_.Exception.GetBaseException().Message)
        }
        if (-not $answered) { throw ('no answer on port {0} within 30 s' -f $port) }
    }
    finally {
        $probe.Dispose()
    }
}
$session = New-PSSession @sessionParameters
$folder = $null
try {
    $folder = Invoke-Command -Session $session -ErrorAction Stop -ScriptBlock {
        $path = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-' + [System.Guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $path
        $path
    }
    $delivered = Invoke-Command -Session $session -ErrorAction Stop -ArgumentList $folder, $Files, $Key -ScriptBlock {
        param($Folder, $Files, $Key)
        $ProgressPreference = 'SilentlyContinue'
        $encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $true
        foreach ($relative in $Files.Keys) {
            $target = Join-Path -Path $Folder -ChildPath ($relative -replace '[\\/]', [System.IO.Path]::DirectorySeparatorChar)
            $parent = Split-Path -Path $target -Parent
            if (-not (Test-Path -LiteralPath $parent)) { $null = New-Item -ItemType Directory -Path $parent -Force }
            [System.IO.File]::WriteAllText($target, $Files[$relative], $encoding)
        }
        $imported = Import-Module -Name (Join-Path -Path $Folder -ChildPath 'MobyKit.psd1') -Force -PassThru -ErrorAction Stop
        if ($null -ne $Key) { & $imported { param($k) $script:MobyKitSessionKey = [byte[]]$k } $Key }
        $imported.Version.ToString()
    }
    if ($delivered -ne $Version) {
        throw ('The MobyKit module delivered to {0} is version {1}, not {2}' -f $Open['ComputerName'], $delivered, $Version)
    }
}
catch {
    $failure = $_
    if ($null -ne $folder) {
        Invoke-Command -Session $session -ArgumentList $folder -ScriptBlock { param($Folder) Remove-Item -LiteralPath $Folder -Recurse -Force } -ErrorAction SilentlyContinue
    }
    Remove-PSSession -Session $session -ErrorAction SilentlyContinue
    throw $failure
}
[pscustomobject]@{ id = [System.Guid]::NewGuid().ToString('N'); session = $session; folder = $folder; version = $delivered }
'@
}
