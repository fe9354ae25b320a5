#!/bin/sh
# Install the system programs argmap's tests and demo use, when missing: Graphviz's `dot`
# (diagrams) and Chromium (the report's browser test). Needs root for apt-get; otherwise it
# says what to install and carries on (the tests that need them skip with that reason).
set -u
missing=""
command -v dot >/dev/null 2>&1 || missing="$missing graphviz"
if [ "${ARGMAP_NO_CHROMIUM:-0}" != 1 ]; then
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing with apt-get:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "argmap: please install:$missing (e.g. sudo apt-get install$missing)" >&2
fi
