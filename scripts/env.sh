# Sourced by the other scripts: the tools they install, first on PATH.
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# apt_install PACKAGE...: installs Debian packages (as root, or with sudo), quietly;
# on failure it prints apt's output and returns non-zero.
apt_install() {
  local sudo="" log
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "need root (or sudo) to apt-get install $*" >&2; return 1; }
    sudo=sudo
  fi
  log=$(mktemp)
  if ! { [ -n "${APT_UPDATED:-}" ] || $sudo apt-get update -qq; } >"$log" 2>&1 ||
    ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; return 1
  fi
  APT_UPDATED=1
  rm -f "$log"
}

# need_commands COMMAND...: installs, from Debian, each command's package (named like
# the command) that is not on PATH yet.
need_commands() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "[setup] installing $tool (Debian)" >&2
      apt_install "$tool"
    fi
  done
}
