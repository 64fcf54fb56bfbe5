#!/usr/bin/env python3
"""Files out of an npm package tarball, for scripts/setup.sh.

  npm_file.py URL INTEGRITY MEMBER DEST [MEMBER DEST ...]

Downloads the tarball at URL next to the first DEST, checks it against INTEGRITY (the registry's
dist.integrity, "sha512-<base64>"), writes each of the tarball's MEMBERs ("package/x.json") to its
DEST and deletes the tarball, also when something fails. Proxies come from the environment (https_proxy,
no_proxy), as for curl. Exit 0 on success, 1 with one `libcdiff: error:` line otherwise.
"""

import base64
import hashlib
import os
import shutil
import sys
import tarfile
import time
import urllib.error
import urllib.request


def fail(what, remedy):
    print(f"libcdiff: error: {what}. {remedy}", file=sys.stderr)
    sys.exit(1)


def download(url, path, algorithm):
    """Writes url to path and returns its digest; three tries, 60 s without data ends a try."""
    last = None
    for attempt in range(3):
        if attempt:
            time.sleep(2 * attempt)
        digest = hashlib.new(algorithm)
        try:
            with urllib.request.urlopen(url, timeout=60) as response, open(path, "wb") as out:
                while chunk := response.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
            return digest
        except urllib.error.HTTPError as e:
            if e.code < 500:  # the registry answered: another try gets the same answer
                fail(f"{url}: the registry answers {e.code} {e.reason}",
                     "Check the package name and version in scripts/setup.sh, and the registry npm uses "
                     "(npm config get registry, or LIBCDIFF_NPM_REGISTRY)")
            last = e
            print(f"download of {url} failed (try {attempt + 1} of 3): {e}")
        except (urllib.error.URLError, OSError) as e:
            if isinstance(getattr(e, "reason", None), FileNotFoundError):  # a file:// URL: no retry helps
                fail(f"{url}: cannot be downloaded ({e})", "Check the URL")
            last = e
            print(f"download of {url} failed (try {attempt + 1} of 3): {e}")
    fail(f"{url}: cannot be downloaded ({last})",
         "Check the network or the https_proxy variable, then re-run scripts/setup.sh")


def main(argv):
    if len(argv) < 5 or len(argv) % 2 != 1:
        print(__doc__, file=sys.stderr)
        return 2
    url, integrity = argv[1:3]
    wanted = dict(zip(argv[3::2], argv[4::2]))
    dest = argv[4]
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in ("sha512", "sha384", "sha256") or not expected:
        fail(f"{integrity}: is not an npm integrity string", "Give \"sha512-<base64>\" from `npm view PKG dist.integrity`")
    tarball = dest + ".download.tgz"
    try:
        digest = download(url, tarball, algorithm)
        got = base64.b64encode(digest.digest()).decode()
        if got != expected:
            fail(f"{url}: its {algorithm} is {got}, expected {expected}",
                 "The download is damaged or the package changed; re-run scripts/setup.sh, and if it "
                 "persists check the version and integrity in scripts/setup.sh")
        print(f"{url}: {os.path.getsize(tarball)} bytes, {algorithm} verified")
        written = []
        with tarfile.open(tarball, "r:gz") as tar:
            for entry in tar:
                if entry.name in wanted and entry.name not in written:
                    member, target = entry.name, wanted[entry.name]
                    if not entry.isfile():
                        fail(f"{url}: {member} is not a regular file", "Check MEMBER in scripts/setup.sh")
                    with tar.extractfile(entry) as src, open(target, "wb") as out:
                        shutil.copyfileobj(src, out)
                    print(f"{member} -> {target} ({entry.size} bytes)")
                    written.append(member)
        missing = [m for m in wanted if m not in written]
        if not missing:
            return 0
        for m in written:  # all or nothing: no half-extracted package
            os.remove(wanted[m])
        fail(f"{url}: has no {', '.join(missing)}", "Check the package version and MEMBER in scripts/setup.sh")
    finally:
        if os.path.exists(tarball):
            os.remove(tarball)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
