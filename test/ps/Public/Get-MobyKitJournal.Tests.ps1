BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Get-MobyKitJournal' {
    BeforeEach {
        $script:dir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-journal-{0}' -f [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:dir
    }
    AfterEach { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'returns the journal text of the folder as it is' {
        $text = "{`"version`":2,`"entries`":[{`"kind`":`"switch`",`"name`":`"Zoë's switch`"}]}`n"
        [System.IO.File]::WriteAllText((Join-Path -Path $script:dir -ChildPath 'journal.json'), $text)
        Get-MobyKitJournal -StateDir $script:dir | Should -Be $text
    }
    It 'returns nothing when the host has no journal yet' {
        Get-MobyKitJournal -StateDir $script:dir | Should -BeNullOrEmpty
    }
    It 'reads MOBYKIT_STATE_DIR when no folder is given, through the dispatcher' {
        $env:MOBYKIT_STATE_DIR = $script:dir
        try {
            [System.IO.File]::WriteAllText((Join-Path -Path $script:dir -ChildPath 'journal.json'), '{"version":2,"entries":[]}')
            $reply = Invoke-MobyKitRequest -Function 'Get-MobyKitJournal' -Parameters @{}
            $reply.ok | Should -BeTrue
            $reply.result | Should -Be '{"version":2,"entries":[]}'
        }
        finally { Remove-Item -Path Env:MOBYKIT_STATE_DIR }
    }
}
