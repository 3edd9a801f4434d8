#!/usr/bin/env bash
# Installs Debian's etcd server and client (etcd 3.4 on Debian 12) when /usr/bin/etcd is missing. Run as root.
set -euo pipefail

if [[ -x /usr/bin/etcd && -x /usr/bin/etcdctl ]]; then
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends etcd-server etcd-client curl

