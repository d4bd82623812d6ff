#!/usr/bin/env bash
# Runs every test of the project: the C# suite (xunit) and the JavaScript suites that drive the bot
# with the official Bot Framework clients and Web Chat in headless Chromium.
# Installs what it needs (npm packages, Debian's chromium) on a fresh machine.
# Ends with one plain line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p artifacts
passed=0; failed=0

dotnet test NatoBriefBot.sln --nologo -v q --logger "console;verbosity=normal" 2>&1 | tee artifacts/dotnet-test.log
dn_rc=${PIPESTATUS[0]}
p=$(grep -Eo 'Passed: +[0-9]+' artifacts/dotnet-test.log | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
f=$(grep -Eo 'Failed: +[0-9]+' artifacts/dotnet-test.log | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
passed=$((passed + p)); failed=$((failed + f))
if [ "$dn_rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "dotnet test exited $dn_rc"; fi

if [ -x tests/js/run.sh ]; then
  tests/js/run.sh 2>&1 | tee artifacts/js-test.log
  js_rc=${PIPESTATUS[0]}
  p=$(grep -E '^# pass ' artifacts/js-test.log | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail ' artifacts/js-test.log | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$js_rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "JS tests exited $js_rc"; fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
