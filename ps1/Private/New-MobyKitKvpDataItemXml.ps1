function New-MobyKitKvpDataItemXml {
    <#
    .SYNOPSIS
        An embedded instance of Msvm_KvpExchangeDataItem (CIM-XML) for the KVP methods, as a SecureString.
    .DESCRIPTION
        Built with System.Xml.XmlWriter, which escapes the values, so names and data (a password
        included) can hold any character XML allows. Nothing is concatenated into markup or script.
        Source 0 is a host-to-guest item. Hyper-V limits the name to 512 bytes and the data to 2048
        bytes, in UTF-16 with the terminating NUL: 255 and 1023 characters.
        The data (the cifsmount token holds the share password) arrives and leaves as a
        SecureString, so module logging, which records every parameter binding, never sees it:
        its characters go from the SecureString's buffer straight to the writer, and every plain
        buffer (the characters, the text written) is zeroed before this returns.
    .PARAMETER Name
        The item name, e.g. 'cifsmount'.
    .PARAMETER Data
        The item value (empty for RemoveKvpItems).
    .EXAMPLE
        New-MobyKitKvpDataItemXml -Name 'cifsmount' -Data $token
    #>
    [CmdletBinding()]
    [OutputType([System.Security.SecureString])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateLength(1, 255)]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Data
    )

    if ($Data.Length -gt 1023) {
        # The message carries the length, never the data.
        throw (New-MobyKitErrorRecord -Message ('The KVP item data is {0} characters long; Hyper-V allows 1023 (2048 bytes in UTF-16 with the NUL)' -f $Data.Length) -Category InvalidArgument -ErrorId 'MobyKit.KvpTooLong' -Cmdlet 'New-MobyKitKvpDataItemXml')
    }
    $marshal = [System.Runtime.InteropServices.Marshal]
    $settings = New-Object -TypeName System.Xml.XmlWriterSettings
    $settings.OmitXmlDeclaration = $true
    $settings.Indent = $false
    $settings.CheckCharacters = $true
    $builder = New-Object -TypeName System.Text.StringBuilder
    $writer = [System.Xml.XmlWriter]::Create($builder, $settings)
    $characters = New-Object -TypeName 'char[]' -ArgumentList $Data.Length
    $pointer = [System.IntPtr]::Zero
    try {
        $pointer = $marshal::SecureStringToGlobalAllocUnicode($Data)
        $marshal::Copy($pointer, $characters, 0, $characters.Length)
        $writer.WriteStartElement('INSTANCE')
        $writer.WriteAttributeString('CLASSNAME', 'Msvm_KvpExchangeDataItem')
        $writer.WriteStartElement('PROPERTY')
        $writer.WriteAttributeString('NAME', 'Data')
        $writer.WriteAttributeString('TYPE', 'string')
        $writer.WriteStartElement('VALUE')
        if ($characters.Length -gt 0) {
            $writer.WriteChars($characters, 0, $characters.Length)
        }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
        foreach ($property in @(@('Name', 'string', $Name), @('Source', 'uint16', '0'))) {
            $writer.WriteStartElement('PROPERTY')
            $writer.WriteAttributeString('NAME', $property[0])
            $writer.WriteAttributeString('TYPE', $property[1])
            $writer.WriteElementString('VALUE', $property[2])
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()
        $writer.Flush()
        $item = New-Object -TypeName System.Security.SecureString
        for ($index = 0; $index -lt $builder.Length; $index++) {
            $item.AppendChar($builder[$index])
        }
        $item.MakeReadOnly()
        return $item
    }
    catch [System.ArgumentException] {
        # XmlWriter names the offending character, which may be part of the password: say less.
        throw (New-MobyKitErrorRecord -Message 'The KVP item name or data holds a character XML cannot carry (a control character)' -Category InvalidArgument -ErrorId 'MobyKit.KvpBadCharacter' -Cmdlet 'New-MobyKitKvpDataItemXml')
    }
    finally {
        $writer.Close()
        if ($pointer -ne [System.IntPtr]::Zero) { $marshal::ZeroFreeGlobalAllocUnicode($pointer) }
        [System.Array]::Clear($characters, 0, $characters.Length)
        for ($index = 0; $index -lt $builder.Length; $index++) {
            $builder[$index] = [char]0
        }
        $null = $builder.Clear()
    }
}
