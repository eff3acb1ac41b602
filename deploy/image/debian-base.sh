#!/usr/bin/env bash
# Builds a base image for the node's container from Debian's packages alone (Debian bookworm,
# minbase, with openjdk-17-jre-headless), as a `docker save` tarball that Jib takes as its base:
#   deploy/image/debian-base.sh [OUT.tar]          (default target/debian-jre17.tar; needs root and debootstrap)
#   ./mvnw -B -Pimage -DskipTests package -Dimage.base=tar://$PWD/target/debian-jre17.tar
# For a machine that reaches Debian's mirror but no container registry; with a registry the
# default base (eclipse-temurin:17-jre) needs none of this.
set -euo pipefail
out="$(realpath -m "${1:-target/debian-jre17.tar}")"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata bookworm "$rootfs" "$mirror"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/tmp/* "$rootfs"/proc/* "$rootfs"/sys/* "$rootfs"/dev/*
# The image's only layer: the root file system, owned by root whoever builds it.
(cd "$rootfs" && tar --numeric-owner --owner=0 --group=0 -cf "$work/layer.tar" .)
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
java_home="$(cd "$rootfs" && ls -d usr/lib/jvm/java-17-openjdk-* | head -n 1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["debian-jre:17"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "debian-base: $out ($(du -h "$out" | cut -f1), $diff_id)"
