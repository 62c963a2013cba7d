# Sourced by the other scripts: the tools they install, first on PATH.
export PATH="$PWD/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
