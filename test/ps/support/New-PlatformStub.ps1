# Generates, at test time, stub modules for every platform command the MobyKit module calls that
# this PowerShell does not have (Hyper-V, NetNat, NetTCPIP, ... and Windows-only core cmdlets, and
# native tools such as bcdedit.exe). Each stub carries the documented signature from the cmdlet
# catalog (test/fixtures/cmdlet-catalog.json, trimmed from ../shared/cmdlets/catalog.json): parameter
# sets, Mandatory flags, positions, aliases, [switch] types and SupportsShouldProcess, so PowerShell's
# own binder refuses a call Windows would refuse. The body throws, so an unmocked call fails loudly.
# Each stub lives in a module named like the real one, so module-qualified calls (Hyper-V\Get-VM)
# resolve to it and Pester's Mock intercepts them.

Set-StrictMode -Version Latest

function Get-MobyKitCalledCommand {
    # Every command the scripts call, from the PowerShell AST: @{ Name; Module } (Module is the
    # qualifier written in the source, or $null), less the functions the scripts define themselves.
    param([Parameter(Mandatory = $true)][string[]]$Path)
    $defined = @{}
    $called = [ordered]@{}
    foreach ($file in $Path) {
        $tokens = $null
        $parseErrors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$parseErrors)
        if ($parseErrors.Count -gt 0) {
            throw ('{0} does not parse: {1}' -f $file, $parseErrors[0].Message)
        }
        foreach ($definition in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
            $defined[$definition.Name] = $true
        }
        foreach ($command in $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)) {
            $written = $command.GetCommandName()
            if ([string]::IsNullOrEmpty($written)) { continue }
            $module = $null
            $name = $written
            $slash = $written.LastIndexOf('\')
            if ($slash -gt 0) {
                $module = $written.Substring(0, $slash)
                $name = $written.Substring($slash + 1)
            }
            $called[$written] = @{ Name = $name; Module = $module }
        }
    }
    foreach ($entry in @($called.Values)) {
        if (-not $defined.ContainsKey($entry.Name)) { $entry }
    }
}

function ConvertTo-StubTypeName {
    # The documented type, or [object] where the type is Windows-only (or an object a mock would
    # hand over as a PSCustomObject, such as a VirtualMachine or a CimInstance).
    param([AllowNull()][string]$Type)
    if ([string]::IsNullOrEmpty($Type) -or $Type -eq 'null') { return 'object' }
    $plain = $Type -replace '^System\.', '' -replace '^Management\.Automation\.', ''
    $array = $plain.EndsWith('[]')
    $element = $plain.TrimEnd('[', ']')
    $kept = @{
        'SwitchParameter' = 'switch'; 'String' = 'string'; 'Boolean' = 'bool'; 'Byte' = 'byte'
        'Int16' = 'int16'; 'Int32' = 'int'; 'Int64' = 'long'; 'UInt16' = 'uint16'; 'UInt32' = 'uint32'; 'UInt64' = 'uint64'
        'Double' = 'double'; 'Guid' = 'guid'; 'ScriptBlock' = 'scriptblock'; 'Collections.Hashtable' = 'hashtable'
        'Collections.IDictionary' = 'System.Collections.IDictionary'; 'TimeSpan' = 'timespan'; 'DateTime' = 'datetime'
        'Uri' = 'uri'; 'Version' = 'version'; 'PSCredential' = 'pscredential'
    }
    if ($kept.ContainsKey($element)) { $element = $kept[$element] } else { $element = 'object' }
    if ($element -eq 'switch') { return 'switch' }
    if ($array) { return ($element + '[]') }
    return $element
}

function New-MobyKitStubFunctionText {
    # The source of one stub function built from a catalog entry (ConvertFrom-Json -AsHashtable).
    param(
        [Parameter(Mandatory = $true)][string]$Name,
        [Parameter(Mandatory = $true)]$Entry,
        [Parameter(Mandatory = $true)][string[]]$CommonParameter
    )
    $shouldProcess = $false
    $byParameter = [ordered]@{}
    $defaultSet = $null
    $sets = @($Entry.parameterSets | Where-Object -FilterScript { @($_.parameters).Count -gt 0 })
    $flagged = @($sets | Where-Object -FilterScript { $_.default })
    if ($flagged.Count -gt 0) { $defaultSet = $flagged[0].name } elseif ($sets.Count -gt 0) { $defaultSet = $sets[0].name }
    foreach ($set in $sets) {
        $position = 0
        foreach ($parameter in @($set.parameters)) {
            if ($parameter.name -in @('WhatIf', 'Confirm')) { $shouldProcess = $true; continue }
            if ($parameter.name -in $CommonParameter) { continue }
            if (-not $byParameter.Contains($parameter.name)) { $byParameter[$parameter.name] = New-Object System.Collections.Generic.List[string] }
            $attribute = "ParameterSetName = '{0}'" -f ($set.name -replace "'", "''")
            if ($parameter.required) { $attribute += ', Mandatory = $true' }
            if ($parameter.positional) { $attribute += (', Position = {0}' -f $position); $position++ }
            $byParameter[$parameter.name].Add($attribute)
        }
    }
    $documented = @{}
    if ($null -ne $Entry.parameters) { $documented = $Entry.parameters }
    foreach ($documentedName in @($documented.Keys | Sort-Object)) {
        # Documented but in no set (an irregular page): optional in every set.
        if ($documentedName -in @('WhatIf', 'Confirm')) { $shouldProcess = $true; continue }
        if ($documentedName -in $CommonParameter -or $byParameter.Contains($documentedName)) { continue }
        $byParameter[$documentedName] = New-Object System.Collections.Generic.List[string]
        $byParameter[$documentedName].Add('')
    }

    $taken = @{}
    foreach ($parameterName in $byParameter.Keys) { $taken[$parameterName.ToLowerInvariant()] = $true }
    $lines = New-Object System.Collections.Generic.List[string]
    foreach ($parameterName in $byParameter.Keys) {
        $info = $null
        if ($documented.ContainsKey($parameterName)) { $info = $documented[$parameterName] }
        $block = New-Object System.Collections.Generic.List[string]
        foreach ($attribute in $byParameter[$parameterName]) { $block.Add(('        [Parameter({0})]' -f $attribute)) }
        if ($null -ne $info -and $info.ContainsKey('aliases')) {
            $aliases = @($info.aliases | Where-Object -FilterScript { -not $taken.ContainsKey(([string]$_).ToLowerInvariant()) -and $_ -notmatch "'" })
            foreach ($alias in $aliases) { $taken[([string]$alias).ToLowerInvariant()] = $true }
            if ($aliases.Count -gt 0) { $block.Add(('        [Alias({0})]' -f (($aliases | ForEach-Object -Process { "'$_'" }) -join ', '))) }
        }
        $type = 'object'
        if ($null -ne $info) { $type = ConvertTo-StubTypeName -Type $info.type }
        $block.Add(('        [{0}]${{{1}}}' -f $type, $parameterName))
        $lines.Add(($block -join "`n"))
    }
    $binding = @()
    if ($null -ne $defaultSet) { $binding += ("DefaultParameterSetName = '{0}'" -f ($defaultSet -replace "'", "''")) }
    if ($shouldProcess) { $binding += 'SupportsShouldProcess = $true' }
    $message = ('stub not mocked: {0}\{1} was called, but this test did not mock it' -f $Entry.module, $Name) -replace "'", "''"
    return @"
function $Name {
    [CmdletBinding($($binding -join ', '))]
    param(
$($lines -join ",`n")
    )
    throw '$message'
}
"@
}

function New-MobyKitPlatformStub {
    <#
    .SYNOPSIS
        Writes and imports (globally) the stub modules; returns the names of the stubbed commands.
    #>
    param(
        [Parameter(Mandatory = $true)][string]$ModuleRoot,
        [Parameter(Mandatory = $true)][string]$CatalogPath,
        [Parameter(Mandatory = $true)][string]$OutputPath,
        [string[]]$ExtraScript = @()
    )
    $catalog = Get-Content -LiteralPath $CatalogPath -Raw | ConvertFrom-Json -AsHashtable
    $common = @($catalog.commonParameters) + @('WhatIf', 'Confirm')
    $scripts = @(Get-ChildItem -LiteralPath $ModuleRoot -Recurse -Include '*.ps1', '*.psm1' | ForEach-Object -Process { $_.FullName }) + $ExtraScript
    $byModule = [ordered]@{}
    foreach ($command in @(Get-MobyKitCalledCommand -Path $scripts)) {
        $present = Get-Command -Name $command.Name -ErrorAction Ignore | Where-Object -FilterScript { $null -eq $command.Module -or $_.ModuleName -eq $command.Module -or $_.Source -eq $command.Module }
        if ($null -ne $present) { continue }
        $entry = $null
        if ($catalog.cmdlets.ContainsKey($command.Name)) { $entry = $catalog.cmdlets[$command.Name] }
        if ($null -ne $entry) {
            $module = $command.Module
            if ($null -eq $module) {
                # An unqualified Windows-only core cmdlet (Get-Service): its real module is loaded
                # here without it, so the stub gets a module of its own rather than replacing that.
                $module = $entry.module
                if ($null -ne (Get-Module -ListAvailable -Name $module)) { $module = 'MobyKitWindowsCore' }
            }
            $text = New-MobyKitStubFunctionText -Name $command.Name -Entry $entry -CommonParameter $common
        }
        elseif ($command.Name -like '*.exe') {
            # A native Windows tool: any arguments; tests mock it with the output Windows prints.
            $module = 'MobyKitNativeTools'
            $text = "function $($command.Name) { throw 'stub not mocked: the native tool $($command.Name) was called, but this test did not mock it' }"
        }
        else {
            throw ("'{0}' is called by the module but is neither in this PowerShell nor in {1}: run node test/fixtures/trim-catalog.mjs" -f $command.Name, $CatalogPath)
        }
        if (-not $byModule.Contains($module)) { $byModule[$module] = New-Object System.Collections.Generic.List[string] }
        if (-not $byModule[$module].Contains($text)) { $byModule[$module].Add($text) }
    }
    $stubbed = New-Object System.Collections.Generic.List[string]
    foreach ($module in $byModule.Keys) {
        $folder = Join-Path -Path $OutputPath -ChildPath $module
        $null = New-Item -ItemType Directory -Path $folder -Force
        $file = Join-Path -Path $folder -ChildPath ($module + '.psm1')
        Set-Content -LiteralPath $file -Value ($byModule[$module] -join "`n`n") -Encoding utf8
        Import-Module -Name $file -Global -Force -ErrorAction Stop
        foreach ($function in (Get-Module -Name $module).ExportedFunctions.Keys) { $stubbed.Add(('{0}\{1}' -f $module, $function)) }
    }
    return , $stubbed.ToArray()
}
