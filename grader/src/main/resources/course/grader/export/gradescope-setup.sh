#!/usr/bin/env bash
# Gradescope runs this once, when the autograder image is built (/autograder/source holds this bundle).
# The course inside already carries the built grader (course/grader/target): only a JDK 21+ is needed.
set -euo pipefail
source_dir="${AUTOGRADER_ROOT:-/autograder}/source"
if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -Eq 'javac (2[1-9]|[3-9][0-9])'; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-21-jdk-headless >/dev/null
fi
chmod +x "$source_dir/run_autograder" "$source_dir/course/grade" "$source_dir/course/.ci/sandbox-setup"
# A sandbox for the students' code: bubblewrap where the image allows namespaces, else (as root)
# the tests run as the unprivileged user nobody, who must not read the course (hidden tests).
"$source_dir/course/.ci/sandbox-setup"
chmod -R go-rwx "$source_dir"
