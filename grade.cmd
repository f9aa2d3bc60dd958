@echo off
rem grade.cmd [FOLDER] [--out DIR] [options] - the course's grader on Windows (see README.md).
rem Builds the grader on first use, then runs it with the JDK 21+ in JAVA_HOME (or java on the PATH).
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "JAR=%ROOT%\grader\target\grader.jar"
if not exist "%JAR%" (
  echo grade: building the grader ^(first run only^)... 1>&2
  pushd "%ROOT%"
  call mvn -B -q -pl grader -am package -DskipTests
  if errorlevel 1 ( popd & echo grade: could not build the grader; run "mvn -pl grader -am package" to see why 1>&2 & exit /b 2 )
  popd
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -Dcourse.root="%ROOT%" -cp "%JAR%;%ROOT%\grader\target\lib\*" course.grader.Main %*
exit /b %errorlevel%
