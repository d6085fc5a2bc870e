# Sourced by .ci/run and scripts/start.sh: puts a Node >= 22.12 first on PATH.
# Astro 7 needs it; machines that ship Node 20 get Node 22 from the npm registry package `node`, kept in .tools/.
NODE_WANTED="22.23.3"
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! node_ok; then
  tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node"
  if [ ! -x "$tools/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo absent) est trop ancien : installation de Node $NODE_WANTED dans .tools/node"
    npm install --prefix "$tools" --no-save --no-package-lock --engine-strict=false "node@$NODE_WANTED" >/dev/null
  fi
  export PATH="$tools/node_modules/.bin:$PATH"
fi
node_ok || { echo "Impossible d'obtenir Node >= 22.12" >&2; return 1 2>/dev/null || exit 1; }
