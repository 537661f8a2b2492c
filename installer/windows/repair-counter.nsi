; Repair Counter for Windows: installs the frozen one-folder bundle for every account on the PC.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=build\dist\repair-counter /DOUTFILE=build\repair-counter-0.1.0-setup.exe ^
;            installer\windows\repair-counter.nsi
;
; PAYLOAD is the folder PyInstaller made on Windows (repair-counter.exe, repair-counter-gui.exe,
; _internal\).  installer/build compiles this script on Linux too, against the Linux bundle laid
; out the same way, to prove it compiles: that file is not a Windows build.
;
; What it does: the program in Program Files; a per-machine data folder in ProgramData that only
; SYSTEM, Administrators and the local group "Repair Counter Staff" may open; Start-menu entries;
; REPAIR_COUNTER_DATA_DIR for the command line; an uninstaller that keeps the data unless asked
; (or given /PURGE); the note on the phone's USB driver, which adb needs on Windows.

Unicode true
!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "pass /DPAYLOAD=folder of the frozen app"
!endif
!ifndef OUTFILE
  !define OUTFILE "repair-counter-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "${__FILEDIR__}/../icons/repair-counter.ico"
!endif

!define APP "Repair Counter"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\RepairCounter"
!define ENV_KEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"
!define STAFF_GROUP "Repair Counter Staff"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WinMessages.nsh"
!include "x64.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
RequestExecutionLevel admin
!ifdef FAST_COMPRESSION  ; the compile check on Linux: only the script is being checked
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "Repair Counter maintainers"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_TEXT "$(UsbDriverNote)"
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION OpenCounter

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString UsbDriverNote ${LANG_ENGLISH} "Repair Counter is installed.$\r$\n$\r$\nPhones on a USB cable: Windows needs the phone maker's USB driver (or Google's USB driver) before adb can see a phone in USB debugging mode. Install it once per PC, plug the phone in and tap $\"Allow USB debugging$\" on the phone.$\r$\n$\r$\nAdd the Windows accounts of the outlet's staff to the local group $\"${STAFF_GROUP}$\"; the counter's data is in $DataDir."
LangString UsbDriverNote ${LANG_SIMPCHINESE} "维修柜台已安装。$\r$\n$\r$\n通过 USB 连接手机：Windows 需要先安装手机厂商的 USB 驱动（或 Google USB 驱动），adb 才能看到处于 USB 调试模式的手机。每台电脑安装一次，插上手机后在手机上点“允许 USB 调试”。$\r$\n$\r$\n请把网点员工的 Windows 账户加入本地组“${STAFF_GROUP}”；柜台数据位于 $DataDir。"
LangString PurgeQuestion ${LANG_ENGLISH} "Also delete the counter's data (encrypted store, keys, logs) in $DataDir?$\r$\n$\r$\nChoose No to keep it for a reinstall."
LangString PurgeQuestion ${LANG_SIMPCHINESE} "同时删除 $DataDir 中的柜台数据（加密数据库、密钥、日志）吗？$\r$\n$\r$\n选择“否”可保留数据以便重新安装。"
LangString ShortcutSelfTest ${LANG_ENGLISH} "Repair Counter self-test"
LangString ShortcutSelfTest ${LANG_SIMPCHINESE} "维修柜台自检"
LangString ShortcutUsbNote ${LANG_ENGLISH} "USB driver for phones"
LangString ShortcutUsbNote ${LANG_SIMPCHINESE} "手机 USB 驱动说明"

Var DataDir

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Repair Counter needs 64-bit Windows. / 维修柜台需要 64 位 Windows。"
    Abort
  ${EndIf}
  SetShellVarContext all  ; $APPDATA is ProgramData, shortcuts go to every account's Start menu
  StrCpy $DataDir "$APPDATA\RepairCounter"
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Repair Counter" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}/*"
  File "/oname=$INSTDIR\repair-counter.ico" "${ICON}"
  Call WriteUsbNote
  Call MakeDataFolder

  ; the command line finds the per-machine folder too (the Start menu passes --data-dir)
  WriteRegExpandStr HKLM "${ENV_KEY}" "REPAIR_COUNTER_DATA_DIR" "$DataDir"
  SendMessage ${HWND_BROADCAST} ${WM_WININICHANGE} 0 "STR:Environment" /TIMEOUT=5000

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\repair-counter-gui.exe" '--data-dir "$DataDir"' "$INSTDIR\repair-counter.ico"
  CreateShortcut "$SMPROGRAMS\${APP}\$(ShortcutSelfTest).lnk" "$SYSDIR\cmd.exe" '/k ""$INSTDIR\repair-counter.exe" --self-test"' "$INSTDIR\repair-counter.ico"
  CreateShortcut "$SMPROGRAMS\${APP}\$(ShortcutUsbNote).lnk" "$INSTDIR\USB-DRIVER.txt"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\repair-counter.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; The data folder: created once, then its ACL (every install, so a repair restores it):
; no inheritance from ProgramData (where every user may read), full control for SYSTEM (S-1-5-18)
; and Administrators (S-1-5-32-544), modify for the staff group, inherited by everything inside.
; SIDs, not names, for the built-in accounts: their names differ on a Chinese Windows.
Function MakeDataFolder
  CreateDirectory "$DataDir"
  nsExec::ExecToLog 'net localgroup "${STAFF_GROUP}" /add /comment:"Windows accounts that may run Repair Counter"'
  Pop $0  ; 2 when the group already exists: fine
  nsExec::ExecToLog 'icacls "$DataDir" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F "${STAFF_GROUP}:(OI)(CI)M"'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_ICONEXCLAMATION "icacls could not protect $DataDir (exit $0). / 无法设置 $DataDir 的访问权限。" /SD IDOK
  ${EndIf}
FunctionEnd

Function OpenCounter
  Exec '"$INSTDIR\repair-counter-gui.exe" --data-dir "$DataDir"'
FunctionEnd

Function WriteUsbNote
  FileOpen $0 "$INSTDIR\USB-DRIVER.txt" w
  FileWriteUTF16LE /BOM $0 "USB driver for phones / 手机 USB 驱动$\r$\n$\r$\n"
  FileWriteUTF16LE $0 "Windows needs the phone maker's USB driver (or Google's USB driver) before adb can see a phone in USB debugging mode. Install it once on this PC from the phone maker's support site, plug the phone in, and tap $\"Allow USB debugging$\" on the phone. Device Manager then lists an $\"Android Composite ADB Interface$\".$\r$\n$\r$\n"
  FileWriteUTF16LE $0 "Windows 需要先安装手机厂商的 USB 驱动（或 Google USB 驱动），adb 才能看到处于 USB 调试模式的手机。请从手机厂商的支持网站下载并在本机安装一次，插上手机后在手机上点“允许 USB 调试”。设备管理器中会出现“Android Composite ADB Interface”。$\r$\n"
  FileClose $0
FunctionEnd

Function un.onInit
  SetShellVarContext all
  StrCpy $DataDir "$APPDATA\RepairCounter"
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  ; stop a counter still running from this folder, so its files can go
  nsExec::Exec 'taskkill /F /IM repair-counter-gui.exe'
  Pop $0
  nsExec::Exec 'taskkill /F /IM repair-counter.exe'
  Pop $0
  RMDir /r "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\repair-counter.exe"
  Delete "$INSTDIR\repair-counter-gui.exe"
  Delete "$INSTDIR\repair-counter.ico"
  Delete "$INSTDIR\USB-DRIVER.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegValue HKLM "${ENV_KEY}" "REPAIR_COUNTER_DATA_DIR"
  SendMessage ${HWND_BROADCAST} ${WM_WININICHANGE} 0 "STR:Environment" /TIMEOUT=5000

  ; The data stays unless the person says so (or /PURGE on the command line); silent: it stays.
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/PURGE" $2
  ${IfNot} ${Errors}
    Goto purge
  ${EndIf}
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(PurgeQuestion)" /SD IDNO IDYES purge
  Goto done
  purge:
    RMDir /r "$DataDir"
    nsExec::Exec 'net localgroup "${STAFF_GROUP}" /delete'
    Pop $0
  done:
SectionEnd
