#!/usr/bin/env bash
# Runs every test of the project: the C# suite (xunit) and the JavaScript suites that drive the bot
# with the official Bot Framework clients and Web Chat in headless Chromium.
# Installs what it needs (npm packages, Debian's chromium) on a fresh machine.
# Prints the failures only (VERBOSE=1 prints everything); the full output is kept in artifacts/dotnet-test.log and
# artifacts/js-test.log. Ends with one plain line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p artifacts
passed=0; failed=0
verbose=${VERBOSE:-0}

# Shows a suite's output as it runs when verbose, else keeps it for the log and shows the failures afterwards.
keep() { if [ "$verbose" = 1 ]; then tee "$1"; else cat > "$1"; fi; }

# The scale-out tests start real redis-server and nginx processes (Debian's packages).
if ! command -v redis-server >/dev/null || ! { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server nginx) >/dev/null 2>&1 || echo "warning: could not install redis-server and nginx"
fi

dn_verbosity=minimal; [ "$verbose" = 1 ] && dn_verbosity=normal
dotnet test NatoBriefBot.sln --nologo -v q --logger "console;verbosity=$dn_verbosity" 2>&1 | keep artifacts/dotnet-test.log
dn_rc=${PIPESTATUS[0]}
p=$(grep -Eo 'Passed: +[0-9]+' artifacts/dotnet-test.log | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
f=$(grep -Eo 'Failed: +[0-9]+' artifacts/dotnet-test.log | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
passed=$((passed + p)); failed=$((failed + f))
if [ "$verbose" != 1 ] && { [ "$f" -gt 0 ] || [ "$dn_rc" -ne 0 ]; }; then
  # Minimal verbosity writes little besides the failures: drop the run's header and summary lines.
  grep -Ev '^(Test run for |A total of [0-9]+ test files|(Passed|Failed)! +- )' artifacts/dotnet-test.log
fi
if [ "$dn_rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "dotnet test exited $dn_rc (see artifacts/dotnet-test.log)"; fi

if [ -x tests/js/run.sh ]; then
  tests/js/run.sh 2>&1 | keep artifacts/js-test.log
  js_rc=${PIPESTATUS[0]}
  p=$(grep -E '^# pass ' artifacts/js-test.log | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail ' artifacts/js-test.log | awk '{s+=$3} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$verbose" != 1 ]; then
    # Each failing TAP test with its diagnostics block ("not ok ..." through "..."), and any bail-out.
    awk '/^ *not ok / {show=1} show {print} show && /^ *\.\.\.$/ {show=0} /^Bail out!/ {print}' artifacts/js-test.log
  fi
  if [ "$js_rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "JS tests exited $js_rc (see artifacts/js-test.log)"; fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
