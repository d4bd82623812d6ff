#!/usr/bin/env bash
# Installs the JS test dependencies (npm) and Debian's chromium when missing, builds the bot, then runs node's test runner.
set -uo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || echo "warning: could not install chromium"
fi
npm ci --no-audit --no-fund --loglevel=error >/dev/null
# The suites start the built bot (lib/bot-process.mjs); build it once here so they don't each build.
dotnet build ../../src/NatoBriefBot -c Debug -v q --nologo >/dev/null || echo "warning: dotnet build failed"
node --test --test-concurrency=1 --test-reporter=tap ./*.test.mjs
