#!/usr/bin/env bash
# Installs the PowerShell and Pester the Pester suite (npm run test:ps) runs under, into .tools/
# (ignored by git). Idempotent: a second run with both present does nothing.
#   PowerShell 7.6.9 - `dotnet tool install` (the .NET SDK's own client for the NuGet tool package)
#   Pester 5.7.1     - `dotnet restore` of a throwaway project that only downloads the package
# Needs the .NET SDK (dotnet) and access to nuget.org.
set -euo pipefail
cd "$(dirname "$0")/.."
PWSH_VERSION=7.6.9
PESTER_VERSION=5.7.1
TOOLS="$PWD/.tools"
PWSH_DIR="$TOOLS/pwsh"
PESTER_DIR="$TOOLS/pester"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-pwsh: the .NET SDK (dotnet) is needed to install PowerShell $PWSH_VERSION and Pester $PESTER_VERSION" >&2
  exit 1
fi

if [ -x "$PWSH_DIR/pwsh" ] && "$PWSH_DIR/pwsh" -NoProfile -NoLogo -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -qx "$PWSH_VERSION"; then
  echo "install-pwsh: PowerShell $PWSH_VERSION already in $PWSH_DIR"
else
  rm -rf "$PWSH_DIR"
  dotnet tool install --tool-path "$PWSH_DIR" PowerShell --version "$PWSH_VERSION" >/dev/null
  echo "install-pwsh: installed PowerShell $PWSH_VERSION into $PWSH_DIR"
fi

# The tool's shim starts `dotnet pwsh.dll` as a child, so killing the shim (as a test of a dead or
# hung shell does) would orphan PowerShell, still holding its parent's pipes open. Tests start it
# through this launcher instead, which is PowerShell itself once exec'd.
dll=$(find "$PWSH_DIR/.store" -path '*/tools/*/any/unix/pwsh.dll' | head -n 1)
[ -n "$dll" ] || { echo "install-pwsh: no pwsh.dll under $PWSH_DIR/.store" >&2; exit 1; }
mkdir -p "$TOOLS/bin"
printf '#!/bin/sh\nexec dotnet "%s" "$@"\n' "$dll" >"$TOOLS/bin/pwsh"
chmod +x "$TOOLS/bin/pwsh"

PESTER_MODULE="$PESTER_DIR/pester/$PESTER_VERSION/tools/Pester.psd1"
if [ -f "$PESTER_MODULE" ]; then
  echo "install-pwsh: Pester $PESTER_VERSION already in $PESTER_DIR"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  cat >"$work/download-pester.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net$(dotnet --version | cut -d. -f1).0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PESTER_VERSION]" /></ItemGroup>
</Project>
PROJ
  dotnet restore "$work/download-pester.csproj" --packages "$PESTER_DIR" >/dev/null
  [ -f "$PESTER_MODULE" ] || { echo "install-pwsh: Pester $PESTER_VERSION did not arrive at $PESTER_MODULE" >&2; exit 1; }
  echo "install-pwsh: installed Pester $PESTER_VERSION into $PESTER_DIR"
fi
