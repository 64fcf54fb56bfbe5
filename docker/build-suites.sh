#!/bin/sh
# Runs in the build stage of docker/alpine.Dockerfile and docker/debian.Dockerfile: builds the same
# suites/ and benchmarks/ as the local targets, with the distribution's own compiler and libraries,
# into /opt/libcdiff/build. An area that fails to compile is a finding, not a failed image: the build
# goes on (-k 0), the log stays in the image at /opt/libcdiff/build.log, and the harness reports
# the area as a build error. POSIX sh: Alpine has no bash.
set -eu
target=$1
out=/opt/libcdiff
mkdir -p "$out/lib"
cmake -S /src/suites -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLIBCDIFF_TARGET="$target" \
  >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
cmake --build "$out/build" -- -k 0 >>"$out/build.log" 2>&1 || echo "some areas did not build; see $out/build.log"

# Keep only what runs: the suite and benchmark executables and shared objects (the probe libraries
# are loaded by their absolute build path, so the tree keeps its place).
find "$out/build" -mindepth 1 -maxdepth 1 ! -name 'suite_*' ! -name 'bench_*' ! -name '*.so' ! -name 'benchmarks' \
  -exec rm -rf {} +
find "$out/build/benchmarks" -type f ! -perm -u+x -delete 2>/dev/null || true
find "$out/build/benchmarks" -type d -name CMakeFiles -prune -exec rm -rf {} + 2>/dev/null || true

# Libraries the executables need beyond the C library itself (libstdc++, libbenchmark, ...): the
# runtime stage adds those its base lacks.
for exe in "$out"/build/suite_* "$out"/build/benchmarks/*; do
  [ -x "$exe" ] || continue
  ldd "$exe" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p'
done | sort -u | while read -r lib; do
  case $(basename "$lib") in
    libc.so* | libm.so* | ld-linux* | ld-musl* | libc.musl* | libpthread.so* | libdl.so* | librt.so* | libresolv.so* | libmvec.so*) ;;
    *) cp -L "$lib" "$out/lib/" ;;
  esac
done

# Versions of what built the suites, for the run record's provenance: "<name> <version>" lines.
if command -v dpkg-query >/dev/null; then
  for pair in compiler:g++ googletest:libgtest-dev benchmark:libbenchmark-dev fmt:libfmt-dev libc:libc6; do
    printf '%s %s\n' "${pair%%:*}" "$(dpkg-query -W -f='${Version}' "${pair#*:}" 2>/dev/null || echo unknown)"
  done
else
  for pair in compiler:g++ googletest:gtest-dev benchmark:benchmark-dev fmt:fmt-dev libc:musl; do
    package=${pair#*:}
    line=$(apk info -v "$package" 2>/dev/null | head -n 1)
    printf '%s %s\n' "${pair%%:*}" "${line#"$package"-}"
  done
fi >"$out/versions.txt"
