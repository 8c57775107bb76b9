#!/usr/bin/env bash
# Proves the repository stands alone: clones the committed HEAD into an empty temporary directory, far from this
# checkout, and runs the README's two commands there (`npm ci`, `npm test`). Needs Node and redis-server, nothing else.
# Usage: scripts/clone-alone.sh [extra vitest arguments]
set -euo pipefail
source_repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-hardlinks "$source_repo" "$work/quartier"
cd "$work/quartier"
# The clone must not see the services or folders of the machine it came from.
unset REDIS_URL TEST_DATABASE_URL DATABASE_URL PLATFORM_SPECS_DIR
npm ci --no-audit --no-fund
npm test -- "$@"
echo "clone-alone: npm ci && npm test passed in $work/quartier"
