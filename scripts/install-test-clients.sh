#!/usr/bin/env bash
# Installs the independent clients the lab's integration tests drive (lab/clients/*IT): FreeTDS tsql and freebcp,
# the FreeTDS ODBC driver under pyodbc, pymssql, tedious and mssql for Node, and OpenSSH's ssh. DBAs and Lync
# admins point these at the lab, so the tests hold the lab to them, not only to our own drivers. Also Debian's
# chromium and chromium-driver, the browser and the driver the operators' browser test (e2e/*IT) drives through
# Selenium: Debian's builds at Debian's paths, never a browser or driver downloaded by a tool of its own.
# Debian packages by apt-get (as root or through sudo), the Node packages pinned by src/test/node/package-lock.json
# into src/test/node/node_modules. Idempotent; with everything there it only checks. `mvn verify` runs it before
# the integration tests; it fails, naming what is missing, when it cannot install.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(freetds-bin tdsodbc unixodbc python3-pyodbc python3-pymssql openssh-client chromium chromium-driver)
# the tests call Debian's Python, whatever python3 comes first on PATH: the Debian packages install for it
PYTHON=/usr/bin/python3
ODBC_DRIVER=FreeTDS
NODE_DIR=src/test/node

fail() {
	echo "install-test-clients: $*" >&2
	exit 1
}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
		sudo -n "$@"
	else
		fail "needs root (or password-less sudo) to run: $*"
	fi
}

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

install_debian_packages() {
	command -v dpkg-query >/dev/null || fail "no dpkg: install ${PACKAGES[*]} (Debian names) by hand"
	local missing=() package
	command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
	for package in "${PACKAGES[@]}"; do
		installed "$package" || missing+=("$package")
	done
	[ ${#missing[@]} -eq 0 ] && return
	echo "install-test-clients: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	as_root apt-get update -qq || fail "apt-get update failed"
	as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
		|| fail "apt-get install ${missing[*]} failed"
}

# Debian's tdsodbc leaves the driver unregistered unless debconf was asked; pyodbc finds it by name
register_odbc_driver() {
	odbcinst -q -d -n "$ODBC_DRIVER" >/dev/null 2>&1 && return
	local library template
	library=$(dpkg-query -L tdsodbc | grep '/libtdsodbc\.so$' | head -1)
	[ -n "$library" ] || fail "tdsodbc is installed but has no libtdsodbc.so"
	template=$(mktemp)
	printf '[%s]\nDescription=FreeTDS ODBC driver (tdsodbc)\nDriver=%s\nSetup=%s\n' \
		"$ODBC_DRIVER" "$library" "$library" >"$template"
	echo "install-test-clients: registering ODBC driver $ODBC_DRIVER ($library)"
	as_root odbcinst -i -d -f "$template" >/dev/null || { rm -f "$template"; fail "odbcinst could not register $ODBC_DRIVER"; }
	rm -f "$template"
}

# npm ci only when the lock file changed since the last install: it deletes and rebuilds node_modules
install_node_packages() {
	local stamp=$NODE_DIR/node_modules/.installed-package-lock.json
	cmp -s "$NODE_DIR/package-lock.json" "$stamp" && return
	echo "install-test-clients: npm ci in $NODE_DIR"
	npm ci --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error || fail "npm ci in $NODE_DIR failed"
	cp "$NODE_DIR/package-lock.json" "$stamp"
}

check() {
	local what=$1
	shift
	"$@" >/dev/null 2>&1 || fail "$what does not work after installing: $*"
}

install_debian_packages
register_odbc_driver
install_node_packages

check "FreeTDS tsql" tsql -C
check "FreeTDS freebcp" command -v freebcp
check "pymssql for $PYTHON" "$PYTHON" -c 'import pymssql'
# the driver must load, not only be listed: a connection to a closed port then fails as "unable to connect"
check "the $ODBC_DRIVER ODBC driver under pyodbc for $PYTHON" "$PYTHON" -c "
import pyodbc
try:
    pyodbc.connect('DRIVER={$ODBC_DRIVER};SERVER=127.0.0.1;PORT=1;UID=x;PWD=x', timeout=2)
except pyodbc.OperationalError as ex:
    assert ex.args[0] == '08S01', ex
"
check "OpenSSH ssh" ssh -V
# the browser test names these paths to Selenium, so that Selenium Manager never looks for (or downloads) others
check "Debian's chromium at /usr/bin/chromium" /usr/bin/chromium --headless=new --no-sandbox --version
check "Debian's chromedriver at /usr/bin/chromedriver" /usr/bin/chromedriver --version
# chromedriver drives only the browser major version it was built for; Debian ships the two from one source
browser_major=$(/usr/bin/chromium --version 2>/dev/null | grep -o '[0-9]\+' | head -1)
driver_major=$(/usr/bin/chromedriver --version 2>/dev/null | grep -o '[0-9]\+' | head -1)
[ "$browser_major" = "$driver_major" ] \
	|| fail "chromium $browser_major and chromium-driver $driver_major differ: apt-get install chromium chromium-driver"
check "tedious and mssql" node -e "require('./$NODE_DIR/node_modules/tedious'); require('./$NODE_DIR/node_modules/mssql')"
