#include "collect/container_target.hpp"

#include <fmt/format.h>

#include <fstream>

#include "collect/elf_interpreter.hpp"
#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::collect {
namespace {

// "docker.io/library/alpine:3.20" -> "alpine_3.20"
std::string offline_name(const std::string& reference) {
  std::string name = reference.substr(reference.rfind('/') + 1);
  for (auto& c : name)
    if (c == ':') c = '_';
  return name;
}

std::string image_tag_base(const targets::Target& target) {
  std::string safe;
  for (const char c : target.id) safe += std::isalnum(static_cast<unsigned char>(c)) || c == '.' ? c : '-';
  return "localhost/libcdiff-" + safe;
}

void record_size(exec::ContainerEngine& engine, const std::string& reference, const std::string& key,
                 std::map<std::string, long long>& footprint) {
  if (const auto size = engine.image_size(reference)) footprint[key] = static_cast<long long>(*size);
}

}  // namespace

std::map<std::string, long long> parse_size_listing(const std::string& text) {
  std::map<std::string, long long> sizes;
  for (const auto& line : util::split(text, '\n')) {
    const auto space = line.find(' ');
    if (space == std::string::npos) continue;
    try {
      sizes[util::trim(line.substr(space + 1))] = std::stoll(line.substr(0, space));
    } catch (const std::exception&) {
      // Not a "<bytes> <path>" line (a shell message): not a built file.
    }
  }
  return sizes;
}

std::vector<std::filesystem::path> offline_image_files(const std::filesystem::path& cache_dir,
                                                       const std::string& reference) {
  const auto dir = cache_dir / "images";
  const auto name = offline_name(reference);
  return {dir / (name + ".tar"), dir / (name + ".rootfs.tar")};
}

void ensure_base_image(exec::ContainerSession& session, const targets::Target& target,
                       const std::filesystem::path& cache_dir) {
  auto& engine = session.engine();
  const auto& reference = target.base_image;
  if (engine.image_exists(reference)) return;
  const auto files = offline_image_files(cache_dir, reference);
  for (const auto& file : files) {
    if (!std::filesystem::exists(file)) continue;
    if (file.string().ends_with(".rootfs.tar")) {
      engine.import_rootfs(file, reference);
    } else if (!engine.capture({"load", "--input", file.string()}, std::chrono::minutes(10))) {
      throw environment_error(file.string(), "could not be loaded as an image archive",
                              "recreate it with '" + engine_name(engine.kind()) + " save -o " +
                                  file.string() + " " + reference + "' on a machine that has the image");
    }
    if (engine.image_exists(reference)) {
      session.track_image(reference);
      return;
    }
  }
  const std::string error = engine.pull(reference, std::chrono::seconds(120));
  if (error.empty()) return;
  throw environment_error("target " + target.id, "image " + reference + " cannot be pulled (" + error + ")",
                          "Make a registry reachable, or on a connected machine run '" +
                              engine_name(engine.kind()) + " save -o " + files.front().filename().string() +
                              " " + reference + "' and put the file at " + files.front().string());
}

TargetImage assemble_local_image(exec::ContainerSession& session, exec::ProcessRunner& runner,
                                 const LocalImageRequest& request) {
  const auto& target = *request.target;
  const auto tarball = request.scratch_dir / ("rootfs-" + target.id + ".tar");
  const auto log = request.scratch_dir / ("assemble-" + target.id + ".log");
  exec::ProcessSpec spec;
  spec.program = "/bin/bash";
  spec.args = {(request.repo_root / "docker" / "local" / "assemble.sh").string(), "--libc",
               target.libc_family, "--out", tarball.string()};
  if (target.libc_family == "musl") {
    // musl's loader is its libc: install the one the host twin's binaries ask for, under the usual
    // name and under the path they were linked with.
    const std::string loader = elf_interpreter(request.sample_binary);
    if (loader.empty())
      throw input_error(request.sample_binary.string(), "is static, so it names no musl loader to install",
                        "use a dynamic musl target's build");
    spec.args.insert(spec.args.end(), {"--loader", loader, "--loader-alias", loader});
  }
  spec.environment = request.environment;
  spec.timeout = std::chrono::minutes(5);
  spec.stdout_path = log;
  spec.stderr_path = log;
  const auto result = runner.run(spec);
  if (!result.succeeded())
    throw environment_error("docker/local/assemble.sh",
                            "could not assemble the " + target.id + " image (" + result.describe() +
                                "): " + exec::first_error_line(util::read_text_if_present(log)),
                            "see " + log.string());
  TargetImage image;
  image.reference = image_tag_base(target) + ":run";
  session.engine().import_rootfs(tarball, image.reference);
  session.track_image(image.reference);
  std::error_code ignored;
  std::filesystem::remove(tarball, ignored);
  record_size(session.engine(), image.reference, "image.runtime", image.footprint);
  return image;
}

std::string build_toolchain_image(exec::ContainerSession& session, const targets::Target& target,
                                  const std::filesystem::path& repo_root, const std::filesystem::path& log) {
  const auto tag = image_tag_base(target) + ":toolchain";
  std::filesystem::create_directories(log.parent_path());
  const auto result = session.engine().build({.dockerfile = repo_root / target.dockerfile,
                                              .context = repo_root,
                                              .build_args = {{"BASE_IMAGE", target.base_image}},
                                              .target_stage = "toolchain",
                                              .tag = tag,
                                              .log = log});
  session.track_image(tag);
  if (!result.succeeded())
    throw environment_error(
        target.id,
        fmt::format("the toolchain stage of {} did not build ({}): {}", target.dockerfile, result.describe(),
                    exec::first_error_line(util::read_text_if_present(log))),
        "read " + log.string());
  return tag;
}

std::pair<TargetImage, BuildResult> build_distro_image(exec::ContainerSession& session,
                                                       const DistroImageRequest& request) {
  auto& engine = session.engine();
  const auto& target = *request.target;
  TargetImage image;
  image.reference = image_tag_base(target) + ":run";
  image.build_dir = "/opt/libcdiff/build";
  BuildResult build;
  std::filesystem::create_directories(request.log_dir);
  const std::map<std::string, std::string> args = {{"BASE_IMAGE", target.base_image},
                                                   {"LIBCDIFF_TARGET", target.id}};
  // The build stage first, tagged on its own so its size can be reported; the runtime stage then
  // reuses its cached layers.
  for (const auto& [stage, tag] :
       {std::pair<std::string, std::string>{"build", image_tag_base(target) + ":build"},
        {"runtime", image.reference}}) {
    const auto log = request.log_dir / ("image-" + stage + ".log");
    const auto result = engine.build({.dockerfile = request.repo_root / target.dockerfile,
                                      .context = request.repo_root,
                                      .build_args = args,
                                      .target_stage = stage,
                                      .tag = tag,
                                      .log = log});
    session.track_image(tag);
    if (!result.succeeded()) {
      build.configure_error = fmt::format(
          "the {} stage of {} did not build ({}): {}; log: {}", stage, target.dockerfile, result.describe(),
          exec::first_error_line(util::read_text_if_present(log)), log.string());
      return {image, build};
    }
    record_size(engine, tag, "image." + stage, image.footprint);
  }
  // Which suites built, with their sizes ("<bytes> <path>" lines; stat -c works in busybox and
  // coreutils alike): the image lists its build tree, and keeps the build's log for errors.
  exec::ContainerSpec list;
  list.image = image.reference;
  list.name = session.container_name("list-" + target.id);
  list.command = {
      "sh", "-c",
      "cd " + image.build_dir.string() +
          " && for f in * benchmarks/*; do if [ -f \"$f\" ]; then stat -c '%s %n' \"$f\"; fi; done"};
  const auto listing = parse_size_listing(engine.run_capture(list).value_or(""));
  for (const char* program : {"hello_c_static", "hello_c_dynamic", "hello_cxx_static", "hello_cxx_dynamic"})
    if (const auto it = listing.find(std::string("benchmarks/") + program); it != listing.end())
      build.program_sizes[program] = it->second;
  const auto build_log = request.log_dir / "suites-build.log";
  exec::ContainerSpec copy_log = list;
  copy_log.command = {"cat", "/opt/libcdiff/build.log"};
  engine.run(copy_log, build_log, std::chrono::minutes(1));
  auto built = [&](const std::string& name) { return listing.count(name) > 0; };
  auto area_build = [&](const std::string& name) {
    AreaBuild b;
    if (built(name))
      b.binary = image.build_dir / name;
    else
      b.error = name + " did not build in " + target.dockerfile + ": " +
                first_error_line(util::read_text_if_present(build_log)) + "; log: " + build_log.string();
    return b;
  };
  for (const auto& area : request.areas) build.areas[area] = area_build("suite_" + area);
  for (const auto& area : request.bench_areas)
    build.bench_areas[area] = area_build("benchmarks/bench_" + area);
  return {image, build};
}

exec::ContainerSpec suite_container(const SuiteContainerRequest& request) {
  exec::ContainerSpec spec;
  spec.image = request.image->reference;
  spec.name = request.name;
  spec.user = kContainerUser;
  spec.environment = request.environment;
  spec.working_dir = request.work_dir;
  spec.mounts.push_back({request.work_dir, request.work_dir, false});
  if (request.target->runs == targets::Runs::local_image)
    spec.mounts.push_back({request.host_build_dir, request.host_build_dir, true});
  if (!request.dns_lab_dir.empty()) {
    // With podman the lab script is PID 1 of its PID namespace and the engine runs inside the lab,
    // so /proc/1/ns/net is the lab's network. The resolver files are the lab's, rewritten by the cases.
    spec.network = request.lab_network;
    for (const char* file : {"resolv.conf", "hosts", "nsswitch.conf", "host.conf", "gai.conf"})
      spec.mounts.push_back(
          {request.dns_lab_dir / "etc" / file, std::filesystem::path("/etc") / file, false});
    spec.inherited_environment = {"LIBCDIFF_DNS_LAB"};
  } else if (!request.etc_dir.empty()) {
    for (const char* file : {"hosts", "resolv.conf"})
      spec.mounts.push_back({request.etc_dir / file, std::filesystem::path("/etc") / file, true});
  }
  return spec;
}

void write_container_etc(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "hosts") << "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
  std::ofstream(dir / "resolv.conf") << "nameserver 127.0.0.1\n";
}

}  // namespace libcdiff::collect
