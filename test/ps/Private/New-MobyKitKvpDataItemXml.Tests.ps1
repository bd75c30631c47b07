BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function script:Secure([string]$Text) { [System.Net.NetworkCredential]::new('', $Text).SecurePassword }
    function script:Plain([securestring]$Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }
}

Describe 'New-MobyKitKvpDataItemXml' {
    It 'writes the Msvm_KvpExchangeDataItem CIM-XML that AddKvpItems takes, values escaped, as a SecureString' {
        $item = InModuleScope MobyKit -Parameters @{ Data = (Secure 'username=a,password=<"&''>,noperm') } { param($Data) New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data $Data }
        $item | Should -BeOfType ([System.Security.SecureString])
        $item.IsReadOnly() | Should -BeTrue
        $xml = Plain $item
        $xml | Should -Be '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE>username=a,password=&lt;"&amp;''&gt;,noperm</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>cifsmount</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>0</VALUE></PROPERTY></INSTANCE>'
        ([xml]$xml).INSTANCE.PROPERTY[0].VALUE | Should -Be 'username=a,password=<"&''>,noperm'
    }
    It 'writes an empty value for RemoveKvpItems' {
        $item = InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data (New-Object -TypeName System.Security.SecureString) }
        Plain $item | Should -Be '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE /></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>cifsmount</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>0</VALUE></PROPERTY></INSTANCE>'
    }
    It 'refuses a control character without echoing the value (it may be the password)' {
        $thrown = $null
        try { InModuleScope MobyKit -Parameters @{ Data = (Secure "password=se`u{1}cret") } { param($Data) New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data $Data } } catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MobyKit.KvpBadCharacter*'
        $thrown.Exception.Message | Should -Not -BeLike '*secret*'
    }
    It 'refuses data longer than Hyper-V takes, naming the length and not the data' {
        $thrown = $null
        try { InModuleScope MobyKit -Parameters @{ Data = (Secure ('pw' * 512)) } { param($Data) New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data $Data } } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MobyKit.KvpTooLong*'
        $thrown.Exception.Message | Should -Be 'The KVP item data is 1024 characters long; Hyper-V allows 1023 (2048 bytes in UTF-16 with the NUL)'
    }
    It 'refuses an empty name' {
        { InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name '' -Data (New-Object -TypeName System.Security.SecureString) } } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
