BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Set-MobyKitPrivateProfile' {
    BeforeEach {
        $script:Categories = @{ 22 = 'Public'; 30 = 'Public' }
        Mock -ModuleName MobyKit NetConnection\Get-NetConnectionProfile {
            foreach ($index in @($script:Categories.Keys)) { [pscustomobject]@{ InterfaceIndex = $index; InterfaceAlias = ('if{0}' -f $index); NetworkCategory = $script:Categories[$index] } }
        }
    }
    It 'makes the interface Private when nothing else changes with it' {
        Mock -ModuleName MobyKit NetConnection\Set-NetConnectionProfile { $script:Categories[[int]@($InterfaceIndex)[0]] = [string]$NetworkCategory }
        InModuleScope MobyKit { Set-MobyKitPrivateProfile -InterfaceIndex 22 -InterfaceName 'vEthernet (DockerNAT)' }
        $script:Categories[22] | Should -Be 'Private'
        $script:Categories[30] | Should -Be 'Public'
    }
    It 'sets back an interface Windows flipped with it, and refuses naming it' {
        Mock -ModuleName MobyKit NetConnection\Set-NetConnectionProfile {
            $index = [int]@($InterfaceIndex)[0]
            $script:Categories[$index] = [string]$NetworkCategory
            if ($index -eq 22) { $script:Categories[30] = [string]$NetworkCategory }
        }
        { InModuleScope MobyKit { Set-MobyKitPrivateProfile -InterfaceIndex 22 -InterfaceName 'vEthernet (DockerNAT)' } } |
            Should -Throw -ExpectedMessage "Making 'vEthernet (DockerNAT)' Private also changed 'if30', which share its network profile; they were set back*"
        $script:Categories[30] | Should -Be 'Public'
    }
}
