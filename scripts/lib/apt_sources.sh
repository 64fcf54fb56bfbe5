# shellcheck shell=bash
# Where this machine's apt fetches Debian's archive from, so that setup.sh and
# docker/local/bootstrap-debian-base.sh download from the mirror or proxy the user configured
# instead of a host written into the repository. Sourced; tested by scripts/tests/apt_sources_test.sh
# against fixture trees, hence the ROOT argument (/ for this machine).
#
#   apt_archive_uri ROOT     the URI of Debian's main archive (LIBCDIFF_APT_MIRROR wins if set)
#   apt_sources_entries ROOT "TYPE URI SUITE" for every enabled source, in apt's reading order
#   apt_private_opts DIR     apt-get options for setup's private source list and index in DIR
#   apt_proxy_aptopts        the host's Acquire::*::Proxy settings, one apt.conf line each

# Debian suite names that denote a whole release of the main archive (not -security, -updates,
# -backports: those are partial archives, often on another host).
APT_SOURCES_RELEASE_SUITES=" stable oldstable oldoldstable testing unstable sid buster bullseye bookworm trixie forky duke "

apt_archive_uri() {
  local root=${1%/} codename="" uri suite fallback=""
  if [ -n "${LIBCDIFF_APT_MIRROR:-}" ]; then
    echo "$LIBCDIFF_APT_MIRROR"
    return 0
  fi
  codename=$(apt_sources_codename "$root")
  # The host's own release first; it is what the user's mirror certainly carries.
  while read -r _ uri suite; do
    if [ -n "$codename" ] && [ "$suite" = "$codename" ]; then
      echo "$uri"
      return 0
    fi
    if [ -z "$fallback" ] && [[ $APT_SOURCES_RELEASE_SUITES == *" $suite "* ]]; then fallback=$uri; fi
  done < <(apt_sources_entries "$root")
  if [ -n "$fallback" ]; then
    echo "$fallback"
    return 0
  fi
  echo "libcdiff: error: $root/etc/apt: no apt source for Debian's main archive${codename:+ (suite $codename)} in sources.list, sources.list.d/*.list or sources.list.d/*.sources. Set LIBCDIFF_APT_MIRROR to the URI of the Debian archive or mirror to use (as in a deb line, e.g. http://<mirror>/debian)." >&2
  return 1
}

# apt_sources_codename ROOT: the release codename from os-release, empty if unknown.
apt_sources_codename() {
  local f
  for f in "$1/etc/os-release" "$1/usr/lib/os-release"; do
    if [ -f "$f" ]; then
      sed -n 's/^VERSION_CODENAME=["'\'']\{0,1\}\([^"'\'']*\).*/\1/p' "$f" | head -n 1
      return 0
    fi
  done
}

apt_sources_entries() {
  local root=${1%/} f
  [ -f "$root/etc/apt/sources.list" ] && apt_sources_one_line <"$root/etc/apt/sources.list"
  # apt reads sources.list.d in C-locale order of the file names, whatever their format.
  while IFS= read -r f; do
    case $f in
      *.list) apt_sources_one_line <"$f" ;;
      *.sources) apt_sources_deb822 <"$f" ;;
    esac
  done < <(find "$root/etc/apt/sources.list.d" -maxdepth 1 -type f \( -name '*.list' -o -name '*.sources' \) 2>/dev/null | LC_ALL=C sort)
}

# One-line format: "deb [ options ] URI SUITE COMPONENT...", # starts a comment.
apt_sources_one_line() {
  awk '
    { sub(/#.*/, "") }
    $1 != "deb" && $1 != "deb-src" { next }
    {
      type = $1
      rest = substr($0, index($0, type) + length(type))
      if (rest ~ /^[ \t]*\[/) rest = substr(rest, index(rest, "]") + 1)
      n = split(rest, f, /[ \t]+/)
      k = 0
      for (i = 1; i <= n; i++) if (f[i] != "") w[++k] = f[i]
      if (k >= 2) print type, w[1], w[2]
    }'
}

# deb822 format: stanzas of "Key: value" separated by blank lines; continuation lines start with
# a blank; keys are case-insensitive; "Enabled: no" switches a stanza off.
apt_sources_deb822() {
  awk '
    function flush(   nt, nu, ns, i, j, l, t, u, s) {
      if (tolower(enabled) != "no") {
        nt = split(types, t, /[ \t]+/); nu = split(uris, u, /[ \t]+/); ns = split(suites, s, /[ \t]+/)
        for (i = 1; i <= nt; i++) for (j = 1; j <= nu; j++) for (l = 1; l <= ns; l++)
          if ((t[i] == "deb" || t[i] == "deb-src") && u[j] != "" && s[l] != "") print t[i], u[j], s[l]
      }
      types = uris = suites = enabled = key = ""
    }
    /^#/ { next }
    /^[ \t]*$/ { flush(); next }
    /^[ \t]/ { value(key, $0); next }
    {
      key = tolower(substr($0, 1, index($0, ":") - 1))
      value(key, substr($0, index($0, ":") + 1))
    }
    function value(k, v) {
      gsub(/^[ \t]+|[ \t]+$/, "", v)
      if (k == "types") types = types " " v
      else if (k == "uris") uris = uris " " v
      else if (k == "suites") suites = suites " " v
      else if (k == "enabled") enabled = v
    }
    END { flush() }'
}

# apt_private_opts DIR: one option a line. Only the source lists and the state and cache
# directories are replaced, never the host's apt.conf or apt.conf.d (Dir::Etc::Main, ::Parts):
# the user's proxy and other Acquire settings stay in force (tested by apt_sources_test.sh).
apt_private_opts() {
  printf '%s\n' -o "Dir::Etc::SourceList=$1/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o "Dir::State::Lists=$1/lists" -o "Dir::Cache=$1/cache" -o Debug::NoLocking=1 \
    -o APT::Sandbox::User=root
}

# apt_proxy_aptopts: the host's proxy settings as apt.conf lines, for tools that run apt without
# the host's /etc/apt (mmdebstrap sets Dir to its new root). apt-get itself needs none of this:
# setup.sh overrides only source lists and state directories, so apt.conf.d is still read.
apt_proxy_aptopts() {
  # An empty value is what apt-config prints for a parent key; it would only mask http_proxy.
  apt-config dump 2>/dev/null | grep -iE '^Acquire::[a-z0-9+]+::Proxy(::[^ ]+)? "' | grep -v ' "";$' || true
}
