# The suites built and run with Alpine's own musl and g++ (target alpine:<version>, DESIGN §3, §8).
# BASE_IMAGE lets a CI matrix cover alpine 3.19, 3.20, 3.21 and edge; libcdiff passes alpine:<version>.
ARG BASE_IMAGE=docker.io/library/alpine:3.20

# The toolchain stage is also what `libcdiff env alpine:<version> -- CMD` runs a user's build in.
FROM ${BASE_IMAGE} AS toolchain
RUN apk add --no-cache g++ make cmake samurai pkgconf linux-headers gtest-dev benchmark-dev fmt-dev

FROM toolchain AS build
COPY suites /src/suites
COPY benchmarks /src/benchmarks
COPY docker/build-suites.sh /src/docker/build-suites.sh
ARG LIBCDIFF_TARGET=alpine
RUN sh /src/docker/build-suites.sh "${LIBCDIFF_TARGET}"

FROM ${BASE_IMAGE} AS runtime
COPY --from=build /opt/libcdiff /opt/libcdiff
COPY docker/install-runtime-libs.sh /opt/libcdiff/install-runtime-libs.sh
RUN sh /opt/libcdiff/install-runtime-libs.sh \
 && adduser -D -u 1000 libcdiff
USER 1000:1000
WORKDIR /home/libcdiff
