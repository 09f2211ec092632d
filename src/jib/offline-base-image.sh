#!/bin/sh
# Builds a Jib base image without any container registry, from Debian packages and a local JDK (docs/operations.md):
# a minimal Debian bookworm (debootstrap, from the Debian mirror) with a jlink'ed runtime of the local JDK in
# /opt/java and the user vendepunkt (1000:1000), written as a docker-archive tar for jib's tar:// base.
#   sudo src/jib/offline-base-image.sh /usr/lib/jvm/temurin-25-jdk-amd64 target/base-image
#   ./mvnw -B -DskipTests package jib:buildTar -Djib.base-image=tar://$PWD/target/base-image/base.tar
# Needs root (debootstrap, chroot) and the Debian package debootstrap.
set -eu
JDK=${1:?usage: offline-base-image.sh <jdk-home> <work-dir>}
WORK=${2:?usage: offline-base-image.sh <jdk-home> <work-dir>}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
rm -rf "$WORK/rootfs" "$WORK/jre" "$WORK/img"
debootstrap --variant=minbase bookworm "$WORK/rootfs" http://deb.debian.org/debian
rm -rf "$WORK"/rootfs/var/cache/apt/* "$WORK"/rootfs/var/lib/apt/lists/* "$WORK"/rootfs/usr/share/doc/* "$WORK"/rootfs/usr/share/man/*
"$JDK/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.management,jdk.jfr,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki,jdk.net,jdk.httpserver \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$WORK/jre"
cp -a "$WORK/jre" "$WORK/rootfs/opt/java"
chroot "$WORK/rootfs" /bin/sh -c "groupadd -g 1000 vendepunkt && useradd -u 1000 -g 1000 -d /var/lib/vendepunkt -M -s /usr/sbin/nologin vendepunkt && mkdir -p /var/lib/vendepunkt && chown 1000:1000 /var/lib/vendepunkt"
mkdir "$WORK/img"
tar --numeric-owner -C "$WORK/rootfs" -cf "$WORK/img/layer.tar" .
DIFF=$(sha256sum "$WORK/img/layer.tar" | cut -d' ' -f1)
cat > "$WORK/img/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["sha256:$DIFF"]},"history":[{"created_by":"debootstrap --variant=minbase bookworm; jlink of $(basename "$JDK") in /opt/java"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["vendepunkt-base:bookworm"],"Layers":["layer.tar"]}]' > "$WORK/img/manifest.json"
tar -C "$WORK/img" -cf "$WORK/base.tar" manifest.json config.json layer.tar
rm -rf "$WORK/img"
echo "base image: $WORK/base.tar"
