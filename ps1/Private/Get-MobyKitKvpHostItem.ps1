function Get-MobyKitKvpHostItem {
    <#
    .SYNOPSIS
        The host-to-guest KVP items of a VM: Name, Data (a SecureString), Source.
    .DESCRIPTION
        Reads Msvm_KvpExchangeComponentSettingData.HostExchangeItems of the VM's active settings
        (Msvm_ComputerSystem -> Msvm_SettingsDefineState -> Msvm_VirtualSystemSettingData ->
        Msvm_KvpExchangeComponentSettingData) in root\virtualization\v2. Each item is an embedded
        instance of Msvm_KvpExchangeDataItem in CIM-XML (DMTF DSP0201), parsed with an XML reader
        that resolves no external entities. Data is a SecureString: the cifsmount item holds the
        share password, and an item that reaches a parameter binding (Where-Object's pipeline
        input, for one) is recorded by module logging as its text, which shows a SecureString only
        as its type name. ConvertTo-MobyKitRedactedKvpData reports it, Test-MobyKitSecureStringEqual
        compares it.
    .PARAMETER VMId
        The VM's Id.
    .EXAMPLE
        Get-MobyKitKvpHostItem -VMId $vm.Id
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [guid]$VMId
    )

    $system = Get-MobyKitCimComputerSystem -VMId $VMId
    $settings = @(CimCmdlets\Get-CimAssociatedInstance -InputObject $system -Association 'Msvm_SettingsDefineState' -ResultClassName 'Msvm_VirtualSystemSettingData' -ErrorAction Stop)
    $items = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($setting in $settings) {
        $kvpSettings = @(CimCmdlets\Get-CimAssociatedInstance -InputObject $setting -ResultClassName 'Msvm_KvpExchangeComponentSettingData' -ErrorAction Stop)
        foreach ($kvpSetting in $kvpSettings) {
            foreach ($embedded in @($kvpSetting.HostExchangeItems)) {
                if ([string]::IsNullOrEmpty($embedded)) {
                    continue
                }
                $document = New-Object -TypeName System.Xml.XmlDocument
                $document.XmlResolver = $null
                $document.LoadXml([string]$embedded)
                $nameNode = $document.SelectSingleNode("/INSTANCE/PROPERTY[@NAME='Name']/VALUE")
                $dataNode = $document.SelectSingleNode("/INSTANCE/PROPERTY[@NAME='Data']/VALUE")
                $sourceNode = $document.SelectSingleNode("/INSTANCE/PROPERTY[@NAME='Source']/VALUE")
                $source = 0
                if ($null -ne $sourceNode) {
                    $source = [int]$sourceNode.InnerText
                }
                $items.Add([pscustomobject]@{
                        Name   = $(if ($null -ne $nameNode) { $nameNode.InnerText } else { '' })
                        Data   = [System.Net.NetworkCredential]::new('', $(if ($null -ne $dataNode) { $dataNode.InnerText } else { '' })).SecurePassword
                        Source = $source
                    })
            }
        }
    }
    # Items are written one by one: callers use @(...) or pipe to Where-Object. A unary comma here
    # would hand them one nested array (@() of it has one element, even when there is no item).
    return $items.ToArray()
}
