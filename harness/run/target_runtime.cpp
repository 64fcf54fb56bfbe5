#include "run/target_runtime.hpp"

#include "util/error.hpp"

namespace libcdiff::run {

std::filesystem::path TargetRuntime::container_etc(const std::filesystem::path& work_dir) {
  const auto dir = work_dir / "container-etc";
  if (!std::filesystem::exists(dir / "hosts")) collect::write_container_etc(dir);
  return dir;
}

TargetRuntime::TargetRuntime(cli::Context& ctx, const targets::Target& target,
                             exec::ContainerSession* session)
    : ctx_(ctx), target_(target), session_(session) {
  if (target_.in_container() && session_ == nullptr)
    throw std::logic_error("container target " + target_.id + " without a container session");
}

void TargetRuntime::check_available() {
  if (target_.runs == targets::Runs::distro_image)
    collect::ensure_base_image(*session_, target_, ctx_.cache_dir);
}

collect::BuildResult TargetRuntime::build(const BuildInputs& inputs) {
  if (target_.runs == targets::Runs::distro_image) {
    auto [image, result] = collect::build_distro_image(*session_, {.target = &target_,
                                                                   .repo_root = ctx_.repo_root,
                                                                   .log_dir = inputs.log_dir,
                                                                   .areas = inputs.areas,
                                                                   .bench_areas = inputs.bench_areas});
    image_ = std::move(image);
    footprint_.insert(image_.footprint.begin(), image_.footprint.end());
    return result;
  }
  const targets::Target twin = targets::find_target(target_.build_target());
  build_dir_ = inputs.build_root / twin.id;
  auto result = collect::build_suites(ctx_.runner, {.target = &twin,
                                                    .repo_root = ctx_.repo_root,
                                                    .build_dir = build_dir_,
                                                    .areas = inputs.areas,
                                                    .bench_areas = inputs.bench_areas,
                                                    .environment = ctx_.tool_environment,
                                                    .cache_dir = ctx_.cache_dir,
                                                    .on_wait = inputs.on_wait});
  if (target_.runs != targets::Runs::local_image || !result.configure_error.empty()) return result;
  std::filesystem::path sample;
  for (const auto* builds : {&result.areas, &result.bench_areas})
    for (const auto& [area, b] : *builds)
      if (sample.empty() && !b.binary.empty()) sample = b.binary;
  if (sample.empty()) return result;  // every area already carries its build error
  std::filesystem::create_directories(inputs.log_dir);
  image_ = collect::assemble_local_image(*session_, ctx_.runner,
                                         {.target = &target_,
                                          .repo_root = ctx_.repo_root,
                                          .sample_binary = sample,
                                          .scratch_dir = inputs.log_dir,
                                          .environment = ctx_.tool_environment});
  footprint_.insert(image_.footprint.begin(), image_.footprint.end());
  return result;
}

std::string TargetRuntime::build_description() const {
  switch (target_.runs) {
    case targets::Runs::host:
      return "";
    case targets::Runs::local_image:
      return "the " + target_.binaries_of + " build, then an image from docker/local/assemble.sh (" +
             exec::engine_name(session_->engine().kind()) + ")";
    case targets::Runs::distro_image:
      return target_.dockerfile + " on " + target_.base_image + " with " +
             exec::engine_name(session_->engine().kind()) +
             ": the first build installs the compiler and compiles every suite (minutes; logs in "
             "image-*.log)";
  }
  return "";
}

void TargetRuntime::prepare_suite(collect::SuiteRunOptions& options, const std::string& area,
                                  const std::map<std::string, std::string>& suite_environment,
                                  const collect::DnsLab* lab) {
  options.environment = suite_environment;
  if (!target_.in_container()) {
    if (lab != nullptr) options.launcher = lab->launcher;
    return;
  }
  auto& engine = session_->engine();
  collect::SuiteContainerRequest request{.image = &image_,
                                         .target = &target_,
                                         .name = session_->container_name(target_.id + "-" + area),
                                         .host_build_dir = build_dir_,
                                         .work_dir = options.work_dir,
                                         .environment = suite_environment,
                                         .dns_lab_dir = {},
                                         .etc_dir = container_etc(options.work_dir)};
  // podman joins the lab's namespace by path from inside the lab; docker needs a holder container
  // whose namespace the lab enters, which only works when the daemon runs on this host.
  const bool podman = engine.can_join_network_namespace();
  const std::string docker_host =
      ctx_.tool_environment.count("DOCKER_HOST") ? ctx_.tool_environment.at("DOCKER_HOST") : "";
  const bool local_daemon = docker_host.empty() || docker_host.starts_with("unix://");
  const bool join_lab = lab != nullptr && (podman || local_daemon);
  std::string holder;
  if (join_lab) request.dns_lab_dir = options.work_dir / "dns-lab";
  if (join_lab && !podman) {
    holder = session_->container_name(target_.id + "-" + area + "-lab");
    request.lab_network = "container:" + holder;
  }
  if (lab != nullptr && !join_lab)
    request.environment["LIBCDIFF_DNS_LAB_UNAVAILABLE"] =
        "DNS lab unavailable: the Docker daemon at " + docker_host +
        " is not on this host, so the lab cannot enter its containers' network";
  // The container user must be able to write the gtest JSON and the lab's resolver files.
  std::filesystem::permissions(options.work_dir, std::filesystem::perms::all,
                               std::filesystem::perm_options::add);
  options.launcher.clear();
  if (join_lab && !podman) {
    options.launcher = {"/bin/bash",
                        (ctx_.repo_root / "suites" / "dns" / "lab" / "docker-holder.sh").string(),
                        engine.config().program.string(),
                        holder,
                        image_.reference,
                        "--"};
    // The holder owns the network namespace: the lab makes only its mount and PID namespaces.
    for (const auto& arg : lab->launcher)
      if (arg != "--net") options.launcher.push_back(arg);
  } else if (join_lab) {
    options.launcher = lab->launcher;
  }
  const auto argv = engine.run_command_line(collect::suite_container(request));
  options.launcher.insert(options.launcher.end(), argv.begin(), argv.end());
  options.environment = engine.client_environment();
  options.exit_status_carries_signal = true;
  options.after_attempt = [&engine, name = request.name, holder] {
    engine.remove_container(name);
    if (!holder.empty()) engine.remove_container(holder);  // a timeout kills the holder script first
  };
}

TargetRuntime::Prefix TargetRuntime::command_prefix(const std::string& purpose,
                                                    const std::filesystem::path& work_dir,
                                                    const std::map<std::string, std::string>& environment) {
  if (!target_.in_container()) return {{}, environment, {}};
  std::filesystem::create_directories(work_dir);
  std::filesystem::permissions(work_dir, std::filesystem::perms::all, std::filesystem::perm_options::add);
  collect::SuiteContainerRequest request{
      .image = &image_,
      .target = &target_,
      .name = session_->container_name(target_.id + "-" + purpose + "-" + std::to_string(++containers_)),
      .host_build_dir = build_dir_,
      .work_dir = work_dir,
      .environment = environment,
      .dns_lab_dir = {},
      .etc_dir = container_etc(work_dir)};
  return {session_->engine().run_command_line(collect::suite_container(request)),
          session_->engine().client_environment(),
          [&engine = session_->engine(), name = request.name] { engine.remove_container(name); }};
}

std::string TargetRuntime::engine_description() const {
  if (!target_.in_container()) return "";
  return exec::engine_name(session_->engine().kind()) + ", image " + image_.reference;
}

}  // namespace libcdiff::run
