# Sourced by .ci/run and scripts/start.sh, after ensure-node.sh: installs exactly what package-lock.json says.
# `npm ci` refuses a lock that no longer matches package.json or lacks a package the registry now publishes
# (e.g. a new platform build of an optional dependency); then we say how to mend it rather than drift silently.
if ! npm ci --no-audit --no-fund; then
  cat >&2 <<'MSG'

package-lock.json ne permet pas `npm ci` : il ne correspond plus à package.json, ou il lui manque un paquet
que le registre publie désormais. Régénérez-le puis commitez-le :
    source scripts/ensure-node.sh && npm install --package-lock-only --no-audit --no-fund
    git add package-lock.json && git commit -m "Complete the lock"
MSG
  return 1 2>/dev/null || exit 1
fi
