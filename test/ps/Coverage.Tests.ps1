# Every function of the module has its own test file: test/ps/<Public|Private>/<Function>.Tests.ps1.
BeforeDiscovery {
    $root = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).Path
    $functions = foreach ($folder in @('Public', 'Private')) {
        foreach ($file in @(Get-ChildItem -LiteralPath (Join-Path -Path $root -ChildPath "ps1/$folder") -Filter '*.ps1')) {
            @{ Folder = $folder; Name = $file.BaseName; TestFile = (Join-Path -Path $root -ChildPath "test/ps/$folder/$($file.BaseName).Tests.ps1") }
        }
    }
}

Describe 'Every module function has a Pester test file' {
    It '<Folder>/<Name> has test/ps/<Folder>/<Name>.Tests.ps1 describing it' -ForEach $functions {
        $TestFile | Should -Exist
        Get-Content -LiteralPath $TestFile -Raw | Should -Match ("Describe\s+'{0}'" -f [regex]::Escape($Name))
    }
}
