#!/usr/bin/env bash
# Installs kubectl 1.20 from Debian's kubernetes-client package for the kubectl compatibility tests and
# prints the path of the binary.
#
# When no other package owns /usr/bin/kubectl, apt-get installs the package normally. Otherwise (for
# example the Google Cloud SDK's kubectl package) the package's files are unpacked under
# KUBECTL_PREFIX (default /opt/kubernetes-client), leaving the other kubectl in place.
set -euo pipefail

prefix="${KUBECTL_PREFIX:-/opt/kubernetes-client}"

if dpkg-query -W -f='${Status}' kubernetes-client 2>/dev/null | grep -q "install ok installed"; then
    echo /usr/bin/kubectl
    exit 0
fi

if [[ -x "$prefix/usr/bin/kubectl" ]]; then
    echo "$prefix/usr/bin/kubectl"
    exit 0
fi

if ! dpkg -S /usr/bin/kubectl >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y kubernetes-client >&2
    echo /usr/bin/kubectl
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 777 "$work"
(cd "$work" && apt-get download kubernetes-client >&2)
mkdir -p "$prefix"
dpkg-deb -x "$work"/kubernetes-client_*.deb "$prefix"
echo "$prefix/usr/bin/kubectl"
