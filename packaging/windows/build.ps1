#Requires -Version 5.1
<#
.SYNOPSIS
    Builds the Windows installer of counselor-app: dist\counselor-app-<version>.msi.

.DESCRIPTION
    1. Checks the prerequisites: 64-bit Windows, the project's virtual environment (.venv)
       with Python 3.11 (64-bit) and PyInstaller, the version in counselor_app\__init__.py,
       the .NET SDK, and signtool plus the certificate when -CertThumbprint is given.
       Installs WiX Toolset 5.0.2 (the version is pinned below) as a .NET tool in
       build\wix-5.0.2\ if it is not there yet; nothing is installed machine-wide.
    2. Builds the one-folder program with PyInstaller (packaging\pyinstaller\counselor-app.spec)
       into dist\counselor-app\.
    3. Signs dist\counselor-app\counselor-app.exe when -CertThumbprint is given.
    4. Runs `counselor-app.exe selftest` (a temporary vault, a call, a PDF report and the
       verification); the build stops if it does not exit 0.
    5. Builds the MSI with `wix build`, then validates it with `wix msi validate` (the
       standard ICEs; `wix build` does not run them) unless -SkipValidation is given.
    6. Signs the MSI when -CertThumbprint is given, and prints its path and SHA-256.

    Every step stops the build at the first error: $ErrorActionPreference is Stop and the
    exit code of every native command is checked.

.PARAMETER CertThumbprint
    SHA-1 thumbprint of a code-signing certificate in the CurrentUser\My or LocalMachine\My
    store (a hardware token's certificate appears there too). Without it nothing is signed.

.PARAMETER TimestampUrl
    RFC 3161 timestamp server used when signing.

.PARAMETER Manufacturer
    Publisher shown in Add/Remove Programs.

.PARAMETER SkipValidation
    Does not run the ICE validation of the MSI. Validation runs the ICEs through Windows
    Installer, which a non-interactive account that is not an administrator (a build
    service) usually cannot do; validate such builds once on a workstation.

.EXAMPLE
    powershell -NoProfile -ExecutionPolicy Bypass -File packaging\windows\build.ps1

.EXAMPLE
    pwsh -File packaging\windows\build.ps1 -CertThumbprint 0123456789ABCDEF0123456789ABCDEF01234567
#>
[CmdletBinding()]
param(
    [string] $CertThumbprint = '',
    [string] $TimestampUrl = 'http://timestamp.digicert.com',
    [string] $Manufacturer = 'counselor-app',
    [switch] $SkipValidation
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

# WiX Toolset: v5 (the Files element harvests a folder without heat). Pinned here, and
# installed by this script into build\wix-<version>\ with `dotnet tool install`.
$WixVersion = '5.0.2'
$PythonVersion = '3.11'

$RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..\..')).Path
$Python = Join-Path $RepoRoot '.venv\Scripts\python.exe'
$Spec = Join-Path $RepoRoot 'packaging\pyinstaller\counselor-app.spec'
$InitPy = Join-Path $RepoRoot 'counselor_app\__init__.py'
$DistDir = Join-Path $RepoRoot 'dist'
$AppDir = Join-Path $DistDir 'counselor-app'
$AppExe = Join-Path $AppDir 'counselor-app.exe'
$Wxs = Join-Path $PSScriptRoot 'counselor-app.wxs'
$WixDir = Join-Path $RepoRoot "build\wix-$WixVersion"
$WixExe = Join-Path $WixDir 'wix.exe'

function Write-Step([string] $Message) {
    Write-Host ''
    Write-Host "==> $Message"
}

# Native programs (PyInstaller, WiX, signtool) log to standard error. Windows PowerShell
# 5.1 can turn those lines into errors, which 'Stop' would make fatal, when its own output
# is redirected (as on a build server): so native commands run under 'Continue' and
# success is judged by their exit code alone, checked after every one of them.

function Invoke-Native {
    # Runs a script block holding one native command and stops when it exits non-zero.
    param(
        [Parameter(Mandatory = $true)] [string] $What,
        [Parameter(Mandatory = $true)] [scriptblock] $Command
    )
    $ErrorActionPreference = 'Continue'
    $global:LASTEXITCODE = 0
    & $Command
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed (exit code $LASTEXITCODE)."
    }
}

function Get-NativeOutput {
    # Runs a script block holding one native command; returns its exit code and its
    # standard output as one trimmed string.
    param([Parameter(Mandatory = $true)] [scriptblock] $Command)
    $ErrorActionPreference = 'Continue'
    $global:LASTEXITCODE = 0
    $output = & $Command
    return [pscustomobject] @{ Code = $LASTEXITCODE; Text = ($output | Out-String).Trim() }
}

function Get-Version {
    # __version__ = "X.Y.Z" in counselor_app\__init__.py; an MSI ProductVersion has three
    # numbers, at most 255.255.65535, and Windows Installer compares only those three.
    $line = Select-String -LiteralPath $InitPy -CaseSensitive `
        -Pattern '^__version__\s*=\s*[''"]([^''"]+)[''"]' | Select-Object -First 1
    if ($null -eq $line) {
        throw "No __version__ = `"X.Y.Z`" line in $InitPy."
    }
    $found = $line.Matches[0].Groups[1].Value
    if ($found -notmatch '^\d{1,5}\.\d{1,5}\.\d{1,5}$') {
        throw "Version '$found' cannot be an MSI version: it needs exactly three numbers (X.Y.Z)."
    }
    $parts = @($found.Split('.') | ForEach-Object { [int] $_ })
    if ($parts[0] -gt 255 -or $parts[1] -gt 255 -or $parts[2] -gt 65535) {
        throw "Version '$found' is out of the MSI range (at most 255.255.65535)."
    }
    return $found
}

function Test-WixVersion([object] $Answer) {
    # `wix --version` answers like "5.0.2+aa65968c".
    return $Answer.Code -eq 0 -and ($Answer.Text -eq $WixVersion -or $Answer.Text.StartsWith("$WixVersion+"))
}

function Find-SignTool {
    $onPath = Get-Command -Name 'signtool.exe' -ErrorAction SilentlyContinue
    if ($null -ne $onPath) {
        return $onPath.Source
    }
    # Not on PATH: the newest one of the Windows SDK (x64).
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    if (Test-Path -LiteralPath $kits) {
        $versions = Get-ChildItem -LiteralPath $kits -Directory |
            Where-Object { $_.Name -match '^\d+\.\d+\.\d+\.\d+$' } |
            Sort-Object -Property { [version] $_.Name } -Descending
        foreach ($folder in $versions) {
            $candidate = Join-Path $folder.FullName 'x64\signtool.exe'
            if (Test-Path -LiteralPath $candidate) {
                return $candidate
            }
        }
    }
    throw 'signtool.exe not found: install the Windows SDK "Signing Tools for Desktop Apps", or put signtool.exe on PATH.'
}

function Get-CertificateStoreArguments([string] $Thumbprint) {
    # signtool looks in CurrentUser\My unless /sm (LocalMachine) is given.
    # The leading comma keeps PowerShell from unrolling the (possibly empty) array.
    if (Test-Path -LiteralPath "Cert:\CurrentUser\My\$Thumbprint") {
        return , @()
    }
    if (Test-Path -LiteralPath "Cert:\LocalMachine\My\$Thumbprint") {
        return , @('/sm')
    }
    throw "No certificate with thumbprint $Thumbprint in CurrentUser\My or LocalMachine\My."
}

function Invoke-Sign([string] $File, [string] $Description) {
    Invoke-Native "Signing $File" {
        & $SignTool sign @StoreArguments /sha1 $CertThumbprint /fd SHA256 `
            /tr $TimestampUrl /td SHA256 /d $Description $File
    }
    Invoke-Native "Checking the signature of $File" {
        & $SignTool verify /pa /q $File
    }
}

Push-Location -LiteralPath $RepoRoot
try {
    # -------------------------------------------------------------------- prerequisites
    Write-Step 'Checking the prerequisites'

    if ([System.Environment]::OSVersion.Platform -ne [System.PlatformID]::Win32NT) {
        throw 'This script builds the Windows installer; run it on Windows.'
    }
    if (-not [System.Environment]::Is64BitOperatingSystem) {
        throw 'A 64-bit Windows is needed (the package installs to Program Files, 64-bit).'
    }

    if (-not (Test-Path -LiteralPath $Python -PathType Leaf)) {
        throw ("No virtual environment at $RepoRoot\.venv. Create it with Python $PythonVersion (64-bit):`n" +
            "  py -$PythonVersion -m venv .venv`n" +
            "  .venv\Scripts\python -m pip install -e `".[package]`"")
    }
    $pythonInfo = Get-NativeOutput {
        & $Python -c "import struct, sys; print('%d.%d %d' % (sys.version_info[0], sys.version_info[1], struct.calcsize('P') * 8))"
    }
    if ($pythonInfo.Code -ne 0) {
        throw "$Python does not run (exit code $($pythonInfo.Code))."
    }
    if ($pythonInfo.Text -ne "$PythonVersion 64") {
        throw "The virtual environment runs Python '$($pythonInfo.Text)' (version, bits); Python $PythonVersion 64-bit is needed."
    }
    $pyinstaller = Get-NativeOutput { & $Python -m PyInstaller --version }
    if ($pyinstaller.Code -ne 0) {
        throw 'PyInstaller is not installed in .venv: .venv\Scripts\python -m pip install -e ".[package]"'
    }
    Write-Host "Python $($pythonInfo.Text)-bit, PyInstaller $($pyinstaller.Text)"

    if (-not (Test-Path -LiteralPath $Spec -PathType Leaf)) {
        throw "The PyInstaller spec is missing: $Spec"
    }
    $Version = Get-Version
    Write-Host "counselor-app $Version"

    if ($null -eq (Get-Command -Name 'dotnet' -ErrorAction SilentlyContinue)) {
        throw 'The .NET SDK (6 or later) is needed to run WiX: https://dotnet.microsoft.com/download'
    }
    $wixAnswer = $null
    if (Test-Path -LiteralPath $WixExe -PathType Leaf) {
        $wixAnswer = Get-NativeOutput { & $WixExe --version }
    }
    if ($null -eq $wixAnswer -or -not (Test-WixVersion $wixAnswer)) {
        if (Test-Path -LiteralPath $WixDir) {
            Remove-Item -LiteralPath $WixDir -Recurse -Force
        }
        Invoke-Native "Installing WiX $WixVersion" {
            dotnet tool install wix --version $WixVersion --tool-path $WixDir
        }
        $wixAnswer = Get-NativeOutput { & $WixExe --version }
        if (-not (Test-WixVersion $wixAnswer)) {
            throw "WiX in $WixDir answers '$($wixAnswer.Text)' (exit code $($wixAnswer.Code)); $WixVersion is expected."
        }
    }
    Write-Host "WiX $($wixAnswer.Text) ($WixExe)"

    $Signing = $CertThumbprint -ne ''
    if ($Signing) {
        # A thumbprint copied from the certificate dialog often carries spaces and an
        # invisible left-to-right mark: keep the hexadecimal digits only.
        $CertThumbprint = ($CertThumbprint -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
        if ($CertThumbprint -notmatch '^[0-9A-F]{40}$') {
            throw '-CertThumbprint must be the 40 hexadecimal digits of a SHA-1 thumbprint.'
        }
        $SignTool = Find-SignTool
        $StoreArguments = Get-CertificateStoreArguments $CertThumbprint
        Write-Host "Signing with certificate $CertThumbprint, $SignTool"
    }
    else {
        Write-Host 'No -CertThumbprint: the program and the MSI will not be signed.'
    }

    # ---------------------------------------------------------------------- the program
    Write-Step 'Building the program with PyInstaller'
    Invoke-Native 'PyInstaller' {
        & $Python -m PyInstaller $Spec --noconfirm --clean
    }
    if (-not (Test-Path -LiteralPath $AppExe -PathType Leaf)) {
        throw "PyInstaller did not produce $AppExe."
    }

    if ($Signing) {
        # Before the self-test, so that it runs the executable exactly as shipped.
        Write-Step 'Signing the program'
        Invoke-Sign $AppExe 'counselor-app'
    }

    Write-Step 'Running the self-test of the built program'
    # The spec builds a console program, so this waits for it and gets its exit code.
    Invoke-Native 'The self-test' {
        & $AppExe selftest
    }

    # -------------------------------------------------------------------------- the MSI
    Write-Step 'Building the MSI with WiX'
    $Msi = Join-Path $DistDir "counselor-app-$Version.msi"
    Invoke-Native 'wix build' {
        & $WixExe build $Wxs -arch x64 `
            -d "Version=$Version" -d "AppDir=$AppDir" -d "Manufacturer=$Manufacturer" `
            -out $Msi
    }
    if (-not (Test-Path -LiteralPath $Msi -PathType Leaf)) {
        throw "WiX did not produce $Msi."
    }

    if ($SkipValidation) {
        Write-Host 'ICE validation skipped (-SkipValidation).'
    }
    else {
        # Before signing: validation reads the database and leaves it unchanged. Warnings
        # (ICE61 is expected, see counselor-app.wxs) are printed; an error stops the build.
        Write-Step 'Validating the MSI (ICE)'
        Invoke-Native 'wix msi validate' {
            & $WixExe msi validate $Msi
        }
    }

    if ($Signing) {
        Write-Step 'Signing the MSI'
        Invoke-Sign $Msi "counselor-app $Version"
    }

    $hash = (Get-FileHash -LiteralPath $Msi -Algorithm SHA256).Hash
    Write-Host ''
    Write-Host "MSI: $Msi"
    Write-Host "SHA-256: $hash"
    if (-not $Signing) {
        Write-Host 'Not signed (no -CertThumbprint).'
    }
}
catch {
    Write-Host ''
    Write-Host "BUILD FAILED: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
finally {
    Pop-Location
}
