/*
 * jixiao-desktop.exe: the window's program on Windows, a few kilobytes.
 *
 * The bundle holds one PyInstaller program, jixiao-cli.exe (a console program: `check`,
 * `export` … print in cmd.exe). Without a command it opens the window. A clerk's shortcut must
 * not flash a console, so this GUI-subsystem launcher starts jixiao-cli.exe beside it with the
 * same arguments and no console window (CREATE_NO_WINDOW), waits, and returns its exit code.
 * Two PyInstaller programs would each carry the whole Python archive (~9.5 MB twice).
 *
 * Built from the registries alone with Debian's mingw-w64 (packaging/windows/check_on_linux.sh;
 * on a Windows build PC any MinGW gcc, see build_windows.ps1):
 *   x86_64-w64-mingw32-windres launcher.rc -O coff -o launcher.res
 *   x86_64-w64-mingw32-gcc -municode -mwindows -O2 -s -o jixiao-desktop.exe launcher.c launcher.res
 */
#include <windows.h>
#include <wchar.h>

static const wchar_t *skip_program_name(const wchar_t *cmd) {
    if (*cmd == L'"') {
        ++cmd;
        while (*cmd && *cmd != L'"') ++cmd;
        if (*cmd == L'"') ++cmd;
    } else {
        while (*cmd && *cmd != L' ' && *cmd != L'\t') ++cmd;
    }
    while (*cmd == L' ' || *cmd == L'\t') ++cmd;
    return cmd;
}

static int fail(const wchar_t *what, const wchar_t *path) {
    wchar_t text[2048];
    _snwprintf(text, 2047, L"%ls\n\n%ls\n\n请重新安装绩效目标申报助手。", what, path);
    text[2047] = 0;
    MessageBoxW(NULL, text, L"绩效目标申报助手", MB_ICONERROR | MB_OK);
    return 3;
}

int WINAPI wWinMain(HINSTANCE inst, HINSTANCE prev, PWSTR args, int show) {
    (void)inst; (void)prev; (void)args; (void)show;
    wchar_t exe[32768];
    DWORD n = GetModuleFileNameW(NULL, exe, 32768);
    if (n == 0 || n >= 32768) return fail(L"无法确定程序所在的文件夹。", L"");
    wchar_t *slash = wcsrchr(exe, L'\\');
    if (!slash || (size_t)(slash - exe) + 16 >= 32768) return fail(L"程序路径无效。", exe);
    wcscpy(slash + 1, L"jixiao-cli.exe");
    if (GetFileAttributesW(exe) == INVALID_FILE_ATTRIBUTES) return fail(L"找不到程序文件：", exe);

    const wchar_t *rest = skip_program_name(GetCommandLineW());
    size_t len = wcslen(exe) + wcslen(rest) + 4;
    wchar_t *cmdline = HeapAlloc(GetProcessHeap(), 0, len * sizeof(wchar_t));
    if (!cmdline) return 3;
    _snwprintf(cmdline, len, L"\"%ls\" %ls", exe, rest);
    cmdline[len - 1] = 0;

    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    if (!CreateProcessW(exe, cmdline, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi))
        return fail(L"无法启动程序：", exe);
    CloseHandle(pi.hThread);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    return (int)code;
}
