#!/usr/bin/env bash
# Build the botserver stand-in LXD image from Debian's busybox-static and
# import it into the LXD started by hack/lxd.sh under the alias
# botserver-standin (override with GBO_IMAGE_ALIAS).
#
# The image is a unified tarball (metadata.yaml + rootfs/, gzip) built
# reproducibly: fixed file times, owners and order, so the same inputs give
# the same bytes and the same LXD fingerprint (the tarball's SHA-256). When
# the alias already points at that fingerprint nothing is imported.
#
# Environment:
#   GBO_IMAGE_ALIAS    alias to create or move (default botserver-standin)
#   GBO_LXD_PROJECT    LXD project to import into (default `default`)
#   SOURCE_DATE_EPOCH  creation date and file times, in Unix seconds
#                      (default 1704067200, 2024-01-01T00:00:00Z)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
GBO_LOG_TAG=botserver-image

ALIAS="${GBO_IMAGE_ALIAS:-botserver-standin}"
PROJECT="${GBO_LXD_PROJECT:-default}"
EPOCH="${SOURCE_DATE_EPOCH:-1704067200}"
BUSYBOX=/bin/busybox
OVERLAY_DIR="${GBO_HACK_DIR}/botserver-standin"

gbo_require_root
gbo_require_commands lxc tar gzip sha256sum jq
[[ -x "$BUSYBOX" ]] || gbo_die "${BUSYBOX} not found; run hack/install-deps.sh (package busybox-static)"
if ldd "$BUSYBOX" >/dev/null 2>&1; then
    gbo_die "${BUSYBOX} is dynamically linked; install busybox-static, which replaces Debian's dynamic busybox"
fi

eval "$("${GBO_HACK_DIR}/lxd.sh" env)"
lxd waitready --timeout 5 >/dev/null 2>&1 ||
    gbo_die "LXD does not respond on ${LXD_SOCKET}; run hack/lxd.sh start first"

gbo_lock botserver-image
build_dir="$(gbo_state_dir botserver-image)"
stage="${build_dir}/stage"
tarball="${build_dir}/botserver-standin.tar.gz"
inputs_file="${build_dir}/inputs.sha256"

# Hash of everything the tarball is made from: the busybox binary, the
# overlay files with their paths and modes, this script and the epoch. Paths
# are relative, so the hash does not depend on how the script was called.
inputs_hash() {
    {
        sha256sum <"$BUSYBOX"
        sha256sum <"${BASH_SOURCE[0]}"
        printf 'epoch %s\n' "$EPOCH"
        (cd "$OVERLAY_DIR" && find . -type f -printf '%p %m\n' | LC_ALL=C sort)
        (cd "$OVERLAY_DIR" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    } | sha256sum | cut -d' ' -f1
}

build_tarball() {
    local started=$SECONDS rootfs dir applet path busybox_version architecture
    rm -rf "$stage"
    rootfs="${stage}/rootfs"
    mkdir -p "$rootfs"
    for dir in bin sbin usr/bin usr/sbin dev proc sys run tmp root var/log etc opt/gbo/bin opt/gbo/cgi-bin; do
        mkdir -p "${rootfs}/${dir}"
    done

    cp "$BUSYBOX" "${rootfs}/bin/busybox"
    # One symlink per applet at the path busybox reports (all below bin,
    # sbin, usr/bin and usr/sbin, created above). /sbin/init is the
    # stand-in's own script, so busybox's init applet is left out.
    while read -r applet; do
        case "$applet" in
            sbin/init | linuxrc | bin/busybox) continue ;;
        esac
        ln -s /bin/busybox "${rootfs}/${applet}"
    done < <("$BUSYBOX" --list-full)

    cp -R "${OVERLAY_DIR}/." "${rootfs}/"

    # Normalise modes so the tarball does not depend on the checkout's umask.
    find "$rootfs" -type d -exec chmod 0755 {} +
    find "$rootfs" -type f -exec chmod 0644 {} +
    chmod 0755 "${rootfs}/bin/busybox"
    # Git keeps the executable bit, so the overlay's scripts stay executable.
    while IFS= read -r -d '' path; do
        chmod 0755 "${rootfs}/${path#./}"
    done < <(cd "$OVERLAY_DIR" && find . -type f -perm -u=x -print0)
    chmod 1777 "${rootfs}/tmp"
    chmod 0700 "${rootfs}/root"

    busybox_version="$("$BUSYBOX" | sed -nE '1s/^BusyBox (v[^ ]+).*/\1/p')"
    case "$(uname -m)" in
        x86_64) architecture=x86_64 ;;
        aarch64) architecture=aarch64 ;;
        *) gbo_die "unsupported host architecture '$(uname -m)'; add its LXD architecture name to $0" ;;
    esac
    cat >"${stage}/metadata.yaml" <<METADATA
architecture: ${architecture}
creation_date: ${EPOCH}
properties:
  description: botserver stand-in (busybox ${busybox_version}, HTTP health endpoints)
  os: busybox
  release: "${busybox_version}"
  variant: botserver-standin
templates: {}
METADATA

    # gzip -n leaves out the file name and time, so the bytes depend on the
    # content only.
    tar --sort=name --mtime="@${EPOCH}" --owner=0 --group=0 --numeric-owner --format=gnu \
        -C "$stage" -cf - metadata.yaml rootfs | gzip -n -9 >"${tarball}.tmp"
    mv "${tarball}.tmp" "$tarball"
    gbo_log "built ${tarball} ($(du -k "$tarball" | cut -f1) KiB) in $((SECONDS - started))s"
}

wanted_inputs="$(inputs_hash)"
if [[ -f "$tarball" && "$(cat "$inputs_file" 2>/dev/null)" == "$wanted_inputs" ]]; then
    gbo_log "inputs unchanged; reusing ${tarball}"
else
    build_tarball
    printf '%s\n' "$wanted_inputs" >"$inputs_file"
fi
fingerprint="$(sha256sum "$tarball" | cut -d' ' -f1)"

# --- import and alias -------------------------------------------------------
# Run `lxc query` on PATH in the chosen project; `lxc query` has no
# --project flag, so the project goes into the query string.
lxc_query() {
    local path="$1"
    shift
    lxc query "$@" "${path}?project=${PROJECT}"
}

current_target="$(lxc_query "/1.0/images/aliases/${ALIAS}" 2>/dev/null | jq -r '.target' || true)"
if [[ "$current_target" == "$fingerprint" ]]; then
    gbo_log "alias ${ALIAS} already points at ${fingerprint:0:12}; nothing to import"
    exit 0
fi

if lxc_query "/1.0/images/${fingerprint}" >/dev/null 2>&1; then
    gbo_log "image ${fingerprint:0:12} is already in the image store"
else
    started=$SECONDS
    lxc image import --project "$PROJECT" "$tarball" >/dev/null ||
        gbo_die "lxc image import ${tarball} failed; read ${GBO_STATE_DIR}/lxd/lxd.log"
    gbo_log "imported image ${fingerprint:0:12} in $((SECONDS - started))s"
fi

if [[ -n "$current_target" ]]; then
    # PUT, not PATCH: in LXD 5.0.2 a PATCH of an image alias never commits
    # its database transaction and fails after 20 s with "context deadline
    # exceeded". PUT replaces target and description together.
    lxc_query "/1.0/images/aliases/${ALIAS}" -X PUT \
        --data "{\"target\":\"${fingerprint}\",\"description\":\"\"}" >/dev/null ||
        gbo_die "moving alias ${ALIAS} to ${fingerprint:0:12} failed; read ${GBO_STATE_DIR}/lxd/lxd.log"
    gbo_log "moved alias ${ALIAS} from ${current_target:0:12} to ${fingerprint:0:12}"
    # Instances keep their own copy of the root file system, so the old
    # image can go once no other alias names it.
    if [[ "$(lxc_query "/1.0/images/${current_target}" 2>/dev/null | jq '.aliases | length' || echo 1)" == 0 ]]; then
        lxc image delete --project "$PROJECT" "$current_target"
        gbo_log "deleted the previous image ${current_target:0:12}"
    fi
else
    lxc image alias create --project "$PROJECT" "$ALIAS" "$fingerprint"
    gbo_log "created alias ${ALIAS} -> ${fingerprint:0:12}"
fi
