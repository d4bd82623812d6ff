#!/usr/bin/env bash
# Installs the JS test dependencies (npm) and Debian's chromium when missing, builds the bot once (which also brings
# the Web Chat bundle via npm), then runs node's test runner with the tap reporter.
set -uo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || echo "warning: could not install chromium"
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if ! dotnet build ../../src/NatoBriefBot --nologo -v q >/tmp/natobriefbot-js-build.log 2>&1; then
  cat /tmp/natobriefbot-js-build.log
  echo "Bail out! dotnet build src/NatoBriefBot failed"
  exit 1
fi
node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs
