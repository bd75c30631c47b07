function New-MobyKitKvpDataItemXml {
    <#
    .SYNOPSIS
        An embedded instance of Msvm_KvpExchangeDataItem (CIM-XML text) for the KVP methods.
    .DESCRIPTION
        Built with System.Xml.XmlWriter, which escapes the values, so names and data (a password
        included) can hold any character XML allows. Nothing is concatenated into markup or script.
        Source 0 is a host-to-guest item. Hyper-V limits the name to 512 bytes and the data to 2048
        bytes, in UTF-16 with the terminating NUL: 255 and 1023 characters.
    .PARAMETER Name
        The item name, e.g. 'cifsmount'.
    .PARAMETER Data
        The item value (empty for RemoveKvpItems).
    .EXAMPLE
        New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data $token
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 255)]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [ValidateLength(0, 1023)]
        [string]$Data
    )

    $settings = New-Object -TypeName System.Xml.XmlWriterSettings
    $settings.OmitXmlDeclaration = $true
    $settings.Indent = $false
    $settings.CheckCharacters = $true
    $builder = New-Object -TypeName System.Text.StringBuilder
    $writer = [System.Xml.XmlWriter]::Create($builder, $settings)
    try {
        $writer.WriteStartElement('INSTANCE')
        $writer.WriteAttributeString('CLASSNAME', 'Msvm_KvpExchangeDataItem')
        $properties = @(
            @{ PropertyName = 'Data'; PropertyType = 'string'; PropertyValue = $Data },
            @{ PropertyName = 'Name'; PropertyType = 'string'; PropertyValue = $Name },
            @{ PropertyName = 'Source'; PropertyType = 'uint16'; PropertyValue = '0' }
        )
        foreach ($property in $properties) {
            $writer.WriteStartElement('PROPERTY')
            $writer.WriteAttributeString('NAME', $property.PropertyName)
            $writer.WriteAttributeString('TYPE', $property.PropertyType)
            $writer.WriteElementString('VALUE', $property.PropertyValue)
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.Flush()
    }
    catch [System.ArgumentException] {
        # XmlWriter names the offending character, which may be part of the password: say less.
        throw (New-MobyKitErrorRecord -Message 'The KVP item name or data holds a character XML cannot carry (a control character)' -Category InvalidArgument -ErrorId 'MobyKit.KvpBadCharacter' -Cmdlet 'New-MobyKitKvpDataItemXml')
    }
    finally {
        $writer.Close()
    }
    return $builder.ToString()
}
