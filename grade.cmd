@echo off
rem grade.cmd [FOLDER] [--out DIR] [options] - the course's grader on Windows (grade.cmd --help for every option).
rem A thin wrapper: any Java 11+ starts the launcher (grader\src\launcher\GradeLauncher.java), which
rem finds a JDK 21+, builds the grader on first use (and after its sources change) and runs it.
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%ROOT%\grader\target\launcher\GradeLauncher.class" (
  "%JAVA%" -cp "%ROOT%\grader\target\launcher" GradeLauncher "%ROOT%" %*
) else (
  "%JAVA%" "%ROOT%\grader\src\launcher\GradeLauncher.java" "%ROOT%" %*
)
exit /b %errorlevel%
