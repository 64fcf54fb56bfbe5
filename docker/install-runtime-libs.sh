#!/bin/sh
# Runs in the runtime stage: copies the libraries the build stage collected into /usr/local/lib,
# but only those the base image does not already have, so the distribution's own copies are used
# wherever they exist. /usr/local/lib is on both loaders' default paths.
set -eu
for lib in /opt/libcdiff/lib/*; do
  [ -e "$lib" ] || continue
  name=$(basename "$lib")
  if [ -e "/usr/lib/$name" ] || [ -e "/lib/$name" ] || [ -e "/usr/lib/x86_64-linux-gnu/$name" ] ||
    [ -e "/lib/x86_64-linux-gnu/$name" ]; then
    continue
  fi
  cp "$lib" /usr/local/lib/
done
rm -rf /opt/libcdiff/lib
if command -v ldconfig >/dev/null && [ -e /etc/ld.so.conf ]; then ldconfig; fi
