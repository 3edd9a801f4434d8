#!/usr/bin/env bash
# Install the Debian 12 packages that the local environment and CI need.
# Idempotent: packages already installed are left alone and `apt-get update`
# runs at most once per call, and only when a package is missing. The
# packages' maintainer scripts are kept from starting services (see
# policy-rc.d below); the hack/ scripts start each daemon themselves.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=install-deps

gbo_require_root

# Package list. lxd-agent, dnsmasq-base and apparmor are lxd's Recommends; they
# serve VMs, managed bridges and AppArmor profiles, which this environment
# does not use, so recommends are skipped.
packages=(
    lxd lxd-client
    caddy
    etcd-server etcd-client
    postgresql-15 postgresql-client-15
    patroni    # PostgreSQL high availability, with etcd as its store
    redis-server redis-sentinel redis-tools
    busybox-static
    git        # the GitRepository controller fetches repositories with the git command
    curl jq
    iproute2   # ss, used to find free ports
    procps     # pgrep, to report daemons started by the packages
    uidmap     # subordinate id tools that LXD uses for unprivileged containers
    prometheus # only promtool, which checks the alerting rules; no Prometheus server is started
)

missing=()
for package in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
    [[ "$status" == "installed" ]] || missing+=("$package")
done

if (( ${#missing[@]} == 0 )); then
    gbo_log "all ${#packages[@]} packages are already installed"
else
    gbo_log "installing: ${missing[*]}"

    # invoke-rc.d runs /usr/sbin/policy-rc.d before a maintainer script
    # starts a service, and exit code 101 denies the start. Without a running
    # systemd, deb-systemd-invoke starts nothing either. An existing policy
    # file is kept as it is, so its own rules apply.
    policy=/usr/sbin/policy-rc.d
    created_policy=false
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 0755 "$policy"
        created_policy=true
        trap 'rm -f "$policy"' EXIT
    fi

    export DEBIAN_FRONTEND=noninteractive
    apt_options=(-o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

    apt-get "${apt_options[@]}" update -q ||
        gbo_die "apt-get update failed; check that the Debian mirror in /etc/apt/sources.list.d is reachable"
    apt-get "${apt_options[@]}" install -y -q --no-install-recommends "${missing[@]}" ||
        gbo_die "apt-get install failed for: ${missing[*]}; read the apt output above"

    if [[ "$created_policy" == true ]]; then
        rm -f "$policy"
        trap - EXIT
    fi
fi

# Debian's packages start daemons from their maintainer scripts where an init
# system and the policy allow it. Report any such process, because it is not
# ours to stop and may hold the default ports.
for daemon in lxd caddy etcd lxcfs postgres redis-server redis-sentinel patroni; do
    if pids="$(pgrep -x "$daemon" 2>/dev/null)"; then
        gbo_log "NOTE: a '${daemon}' process is already running (PID ${pids//$'\n'/ }); the hack/ scripts start their own copy and use other ports and folders"
    fi
done

gbo_log "done: lxd $(dpkg-query -W -f='${Version}' lxd), caddy $(dpkg-query -W -f='${Version}' caddy), etcd $(dpkg-query -W -f='${Version}' etcd-server)"

# Debian's kubectl 1.20 for the kubectl compatibility tests. The script unpacks
# it under /opt/kubernetes-client when another package owns /usr/bin/kubectl.
kubectl_path="$("${GBO_HACK_DIR}/install-kubectl.sh")" ||
    gbo_die "installing Debian's kubernetes-client failed; read the apt output above"
gbo_log "kubectl for the compatibility tests: ${kubectl_path} ($("$kubectl_path" version --client --short 2>/dev/null || echo 'version unknown'))"
