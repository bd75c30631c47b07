BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Rule = @{
        DisplayName = 'DockerTcp'; Protocol = 'TCP'; Program = 'C:\Docker\com.docker.proxy.exe'; EdgeTraversalPolicy = 'DeferToUser'
        Direction = 'Inbound'; Action = 'Allow'; Group = 'mobykit'; Description = 'Managed by mobykit'; Profile = 'Private, Public'; Enabled = $true
    }
}

Describe 'Compare-MobyKitFirewallRule' {
    It 'finds no difference between a rule and itself (profile order and address case ignored)' {
        $current = $script:Rule.Clone(); $current.Profile = 'Public,Private'; $current.RemoteAddress = @('LocalSubnet')
        $wanted = $script:Rule.Clone(); $wanted.RemoteAddress = @('localsubnet')
        $differences = @(InModuleScope MobyKit -Parameters @{ C = $current; W = $wanted } { param($C, $W) Compare-MobyKitFirewallRule -Current $C -Wanted $W })
        $differences.Count | Should -Be 0
    }
    It 'names every property that differs' {
        $current = $script:Rule.Clone(); $current.Protocol = 'UDP'; $current.Profile = 'Domain'; $current.Enabled = $false; $current.LocalPort = @('2375')
        $wanted = $script:Rule.Clone(); $wanted.LocalPort = @('2376')
        $differences = @(InModuleScope MobyKit -Parameters @{ C = $current; W = $wanted } { param($C, $W) Compare-MobyKitFirewallRule -Current $C -Wanted $W })
        $differences | Sort-Object | Should -Be @('Enabled', 'LocalPort', 'Profile', 'Protocol')
    }
    It 'ignores a port or address list the caller does not ask for' {
        $current = $script:Rule.Clone(); $current.LocalAddress = @('10.0.75.1')
        $differences = @(InModuleScope MobyKit -Parameters @{ C = $current; W = $script:Rule.Clone() } { param($C, $W) Compare-MobyKitFirewallRule -Current $C -Wanted $W })
        $differences.Count | Should -Be 0
    }
}
