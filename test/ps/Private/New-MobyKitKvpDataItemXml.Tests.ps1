BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'New-MobyKitKvpDataItemXml' {
    It 'writes the Msvm_KvpExchangeDataItem CIM-XML that AddKvpItems takes, values escaped' {
        $xml = InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data 'username=a,password=<"&''>,noperm' }
        $xml | Should -Be '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE>username=a,password=&lt;"&amp;''&gt;,noperm</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>cifsmount</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>0</VALUE></PROPERTY></INSTANCE>'
        $document = [xml]$xml
        $document.INSTANCE.PROPERTY[0].VALUE | Should -Be 'username=a,password=<"&''>,noperm'
    }
    It 'refuses a control character without echoing the value (it may be the password)' {
        $thrown = $null
        try { InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data "password=se`u{1}cret" } } catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MobyKit.KvpBadCharacter*'
        $thrown.Exception.Message | Should -Not -BeLike '*secret*'
    }
    It 'refuses an empty name' {
        { InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name '' -Data 'x' } } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
