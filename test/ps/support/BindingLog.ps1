# What module logging (event 4103) and transcription would record of the parameter bindings made
# while a script block runs: every command (cmdlet, function, mock), named, positional and
# pipeline bindings alike. PowerShell's ParameterBinding trace source writes one "BIND arg [value]
# to param [name]" line per binding; it formats the value with the current culture, so under a
# culture whose formatter renders values the way ParameterBinderBase does for module logging
# (LanguagePrimitives.GetEnumerable unrolled, each element's ToString; otherwise ToString), the
# lines carry exactly what the event log would. Dot-source it, then:
#   $lines = Get-MobyKitLoggedBinding -ScriptBlock { Set-MobyKitKvpItem @call }

if (-not ('MobyKitTest.ModuleLogCulture' -as [type])) {
    Add-Type -TypeDefinition @'
namespace MobyKitTest {
    using System;
    using System.Collections;
    using System.Globalization;
    using System.Management.Automation;
    using System.Text;

    public sealed class ModuleLogCulture : CultureInfo, ICustomFormatter {
        private readonly CultureInfo plain;
        public ModuleLogCulture(CultureInfo plain) : base(plain.Name) { this.plain = plain; }
        public override object GetFormat(Type formatType) {
            if (formatType == typeof(ICustomFormatter)) { return this; }
            return plain.GetFormat(formatType);
        }
        public string Format(string format, object arg, IFormatProvider formatProvider) {
            IEnumerable values = LanguagePrimitives.GetEnumerable(arg);
            if (values != null) {
                StringBuilder text = new StringBuilder();
                string separator = string.Empty;
                foreach (object value in values) {
                    text.Append(separator).Append(value);
                    separator = ", ";
                }
                return text.ToString();
            }
            IFormattable formattable = arg as IFormattable;
            if (formattable != null) { return formattable.ToString(format, plain); }
            return arg == null ? string.Empty : arg.ToString();
        }
    }
}
'@
}

function Get-MobyKitLoggedBinding {
    param([Parameter(Mandatory = $true)][scriptblock]$ScriptBlock)
    $file = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-bindings-{0}.txt' -f [guid]::NewGuid().ToString('N'))
    $plain = [System.Globalization.CultureInfo]::CurrentCulture
    try {
        Trace-Command -Name ParameterBinding -FilePath $file -Expression {
            [System.Globalization.CultureInfo]::CurrentCulture = New-Object -TypeName MobyKitTest.ModuleLogCulture -ArgumentList $plain
            try { & $ScriptBlock } finally { [System.Globalization.CultureInfo]::CurrentCulture = $plain }
        }
        @(Get-Content -LiteralPath $file | Where-Object -FilterScript { $_ -match 'BIND arg \[' })
    }
    finally {
        [System.Globalization.CultureInfo]::CurrentCulture = $plain
        Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
    }
}
