BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Set-MobyKitJournal' {
    BeforeEach {
        $script:dir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-journal-{0}' -f [guid]::NewGuid().ToString('N'))
    }
    AfterEach { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'makes the folder and writes the journal whole, leaving no temporary file' {
        $json = '{"version":2,"entries":[{"kind":"vm","name":"it''s \"mine\""}]}'
        Set-MobyKitJournal -Json $json -StateDir $script:dir
        [System.IO.File]::ReadAllText((Join-Path -Path $script:dir -ChildPath 'journal.json')) | Should -Be $json
        @(Get-ChildItem -LiteralPath $script:dir).Name | Should -Be @('journal.json')
    }
    It 'replaces the old journal' {
        Set-MobyKitJournal -Json '{"version":2,"entries":[1]}' -StateDir $script:dir
        Set-MobyKitJournal -Json '{"version":2,"entries":[]}' -StateDir $script:dir
        Get-MobyKitJournal -StateDir $script:dir | Should -Be '{"version":2,"entries":[]}'
    }
    It 'refuses text that is not a JSON object and keeps the old journal' {
        Set-MobyKitJournal -Json '{"version":2,"entries":[]}' -StateDir $script:dir
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitJournal' -Parameters @{ Json = '[1,2'; StateDir = $script:dir }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be 'The journal must be a JSON object'
        Get-MobyKitJournal -StateDir $script:dir | Should -Be '{"version":2,"entries":[]}'
    }
}
