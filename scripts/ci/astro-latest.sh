#!/usr/bin/env bash
# Runs the test suite against the newest published `astro` and `@astrojs/*` packages, in a copy of
# this checkout, so an `npm update` an owner runs later is known to keep the site building.
#
#   bash scripts/ci/astro-latest.sh            # the newest of each package (npm's `latest` tag)
#   ASTRO_LATEST_KEEP=1 bash ...               # keep the copy for a look afterwards
#
# When the lockfile already holds the newest version of every one of them, the suite has just run
# on exactly that, so this says so and does not run it twice.
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=$(node -e '
  const pkg = require("./package.json");
  const all = { ...pkg.dependencies, ...pkg.devDependencies };
  console.log(Object.keys(all).filter((name) => name === "astro" || name.startsWith("@astrojs/")).join(" "));
')

behind=()
for name in $packages; do
  locked=$(node -p "require('./node_modules/${name}/package.json').version" 2>/dev/null || echo none)
  newest=$(npm view "$name" version)
  echo "$name: locked $locked, newest $newest"
  [ "$locked" = "$newest" ] || behind+=("$name@$newest")
done

if [ ${#behind[@]} -eq 0 ]; then
  echo "The lockfile holds the newest astro and @astrojs/* packages: npm test has already run on them."
  exit 0
fi

copy=$(mktemp -d)
[ -n "${ASTRO_LATEST_KEEP:-}" ] || trap 'rm -rf "$copy"' EXIT
git clone --quiet . "$copy"
# Uncommitted changes are part of what is tested when this runs by hand.
git diff HEAD | (cd "$copy" && git apply --allow-empty)
cd "$copy"
npm ci --no-audit --no-fund --loglevel=error
npm install --no-audit --no-fund --loglevel=error --no-save "${behind[@]}"
echo "Testing with: ${behind[*]}"
npm test
