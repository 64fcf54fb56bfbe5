# The suites built and run with Debian's own glibc and g++ (target debian:<version>, DESIGN §3, §8).
# BASE_IMAGE lets a CI matrix cover debian 12 and 13; libcdiff passes e.g. debian:12-slim.
# libcrypt-dev: since glibc 2.34 crypt() is libxcrypt's, a separate package (without it the
# users-nss suite sees no crypt() at all).
ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim

# The toolchain stage is also what `libcdiff env debian:<version> -- CMD` runs a user's build in.
FROM ${BASE_IMAGE} AS toolchain
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ make cmake ninja-build pkg-config libgtest-dev libbenchmark-dev libfmt-dev libcrypt-dev \
 && rm -rf /var/lib/apt/lists/*

FROM toolchain AS build
COPY suites /src/suites
COPY benchmarks /src/benchmarks
COPY docker/build-suites.sh /src/docker/build-suites.sh
ARG LIBCDIFF_TARGET=debian
RUN sh /src/docker/build-suites.sh "${LIBCDIFF_TARGET}"

FROM ${BASE_IMAGE} AS runtime
COPY --from=build /opt/libcdiff /opt/libcdiff
COPY docker/install-runtime-libs.sh /opt/libcdiff/install-runtime-libs.sh
RUN sh /opt/libcdiff/install-runtime-libs.sh \
 && useradd --uid 1000 --user-group --create-home libcdiff
USER 1000:1000
WORKDIR /home/libcdiff
