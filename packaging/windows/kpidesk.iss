; Inno Setup script: wraps the PyInstaller folder dist\kpidesk\ in kpidesk-<version>-setup.exe.
;
;   python packaging\build.py
;   iscc /DAppVersion=0.1.0 packaging\windows\kpidesk.iss      -> dist\installer\
;
; Per-user install by default (no administrator rights needed on a managed laptop);
; the user can choose "install for all users" in the dialog. The user's databases
; (%APPDATA%\kpidesk) are never touched by the installer or the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "kpidesk"
#define Root "..\.."

[Setup]
AppId={{6E1F3A52-8C1D-4C2B-9E4A-6B0D2F7A9C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=kpidesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist\installer
OutputBaseFilename=kpidesk-{#AppVersion}-setup
SetupIconFile={#Root}\kpidesk\resources\icons\kpidesk.ico
UninstallDisplayIcon={app}\kpidesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "duckdbassoc"; Description: "Open .duckdb files with kpidesk"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\kpidesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\kpidesk.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\kpidesk.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.duckdb\OpenWithProgids"; ValueType: string; ValueName: "kpidesk.database"; ValueData: ""; Flags: uninsdeletevalue; Tasks: duckdbassoc
Root: HKA; Subkey: "Software\Classes\kpidesk.database"; ValueType: string; ValueName: ""; ValueData: "kpidesk database"; Flags: uninsdeletekey; Tasks: duckdbassoc
Root: HKA; Subkey: "Software\Classes\kpidesk.database\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\kpidesk.exe,0"; Tasks: duckdbassoc
Root: HKA; Subkey: "Software\Classes\kpidesk.database\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\kpidesk.exe"" --db ""%1"""; Tasks: duckdbassoc

[Run]
Filename: "{app}\kpidesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
