#include "exec/container_engine.hpp"

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/file_text.hpp"
#include "util/text.hpp"

namespace libcdiff::exec {

std::string engine_name(EngineKind kind) {
  return kind == EngineKind::podman ? "podman" : "docker";
}

std::string first_error_line(const std::string& text) {
  std::string fallback;
  for (const auto& line : util::split(text, '\n')) {
    const auto trimmed = util::trim(line);
    if (trimmed.empty()) continue;
    if (trimmed.rfind("Error", 0) == 0 || trimmed.rfind("error", 0) == 0) return trimmed;
    if (fallback.empty()) fallback = trimmed;
  }
  return fallback.empty() ? "no message" : fallback;
}

ContainerEngine::ContainerEngine(ProcessRunner& runner, EngineConfig config)
    : runner_(runner), config_(std::move(config)) {}

ProcessSpec ContainerEngine::spec_for(const std::vector<std::string>& args) const {
  ProcessSpec spec;
  spec.program = config_.program;
  spec.args = config_.global_args;
  spec.args.insert(spec.args.end(), args.begin(), args.end());
  spec.environment = config_.environment;
  return spec;
}

std::vector<std::string> ContainerEngine::run_command_line(const ContainerSpec& spec) const {
  std::vector<std::string> argv = {config_.program.string()};
  argv.insert(argv.end(), config_.global_args.begin(), config_.global_args.end());
  argv.insert(argv.end(), {"run", "--rm", "--name", spec.name, "--network", spec.network});
  // The image's own /etc/hosts stays (or a bind mount replaces it): podman would otherwise write one
  // from the host's, and the cases must see the image, not the host.
  if (config_.kind == EngineKind::podman) argv.push_back("--no-hosts");
  if (!spec.user.empty()) argv.insert(argv.end(), {"--user", spec.user});
  argv.insert(argv.end(), {"--memory", spec.memory, "--pids-limit", std::to_string(spec.pids_limit)});
  for (const auto& m : spec.mounts)
    argv.insert(argv.end(),
                {"--volume", m.source.string() + ":" + m.target.string() + (m.read_only ? ":ro" : ":rw")});
  for (const auto& [key, value] : spec.environment) argv.insert(argv.end(), {"--env", key + "=" + value});
  for (const auto& key : spec.inherited_environment) argv.insert(argv.end(), {"--env", key});
  if (!spec.working_dir.empty()) argv.insert(argv.end(), {"--workdir", spec.working_dir.string()});
  argv.push_back(spec.image);
  argv.insert(argv.end(), spec.command.begin(), spec.command.end());
  return argv;
}

ProcessResult ContainerEngine::run(const ContainerSpec& spec, const std::filesystem::path& output,
                                   std::chrono::milliseconds timeout) {
  const auto argv = run_command_line(spec);
  ProcessSpec process;
  process.program = argv.front();
  process.args.assign(argv.begin() + 1, argv.end());
  process.environment = config_.environment;
  process.timeout = timeout;
  process.stdout_path = output;
  process.stderr_path = output;
  const auto result = runner_.run(process);
  remove_container(spec.name);  // a killed client leaves the container running under conmon
  return result;
}

std::optional<std::string> ContainerEngine::run_capture(const ContainerSpec& spec,
                                                        std::chrono::milliseconds timeout) {
  const auto argv = run_command_line(spec);
  const std::vector<std::string> args(
      argv.begin() + 1 + static_cast<std::ptrdiff_t>(config_.global_args.size()), argv.end());
  auto text = capture(args, timeout);
  remove_container(spec.name);
  return text;
}

void ContainerEngine::remove_container(const std::string& name) {
  auto spec = spec_for(config_.kind == EngineKind::podman
                           ? std::vector<std::string>{"rm", "--force", "--ignore", "--time", "0", name}
                           : std::vector<std::string>{"rm", "--force", name});
  spec.timeout = std::chrono::seconds(60);
  spec.survives_interrupt = true;
  runner_.run(spec);  // "no such container" is the usual, wanted answer
}

std::optional<std::string> ContainerEngine::capture(const std::vector<std::string>& args,
                                                    std::chrono::milliseconds timeout,
                                                    bool survives_interrupt) {
  const auto out = config_.scratch_dir / fmt::format("capture-{}.txt", ++capture_counter_);
  auto spec = spec_for(args);
  spec.timeout = timeout;
  spec.survives_interrupt = survives_interrupt;
  spec.stdout_path = out;
  spec.stderr_path = out.string() + ".err";
  const auto result = runner_.run(spec);
  std::string text = util::read_text_if_present(out);
  std::error_code ignored;
  std::filesystem::remove(out, ignored);
  std::filesystem::remove(spec.stderr_path, ignored);
  if (!result.succeeded()) return std::nullopt;
  return text;
}

bool ContainerEngine::image_exists(const std::string& reference) {
  return capture({"image", "inspect", "--format", "{{.Id}}", reference}).has_value();
}

std::string ContainerEngine::pull(const std::string& reference, std::chrono::milliseconds timeout) {
  const auto log = config_.scratch_dir / "pull.log";
  auto spec = spec_for({"pull", reference});
  spec.timeout = timeout;
  spec.stdout_path = log;
  spec.stderr_path = log;
  const auto result = runner_.run(spec);
  if (result.succeeded()) return "";
  if (result.termination == Termination::timed_out) return result.describe();
  return first_error_line(util::read_text_if_present(log));
}

void ContainerEngine::import_rootfs(const std::filesystem::path& tarball, const std::string& reference) {
  const auto log = config_.scratch_dir / "import.log";
  auto spec = spec_for({"import", tarball.string(), reference});
  spec.timeout = std::chrono::minutes(5);
  spec.stdout_path = log;
  spec.stderr_path = log;
  const auto result = runner_.run(spec);
  if (!result.succeeded())
    throw environment_error(tarball.string(),
                            engine_name(config_.kind) + " import failed (" + result.describe() +
                                "): " + first_error_line(util::read_text_if_present(log)),
                            "run 'libcdiff doctor' to check the container engine");
}

ProcessResult ContainerEngine::build(const BuildRequest& request) {
  std::vector<std::string> args = {"build", "--file", request.dockerfile.string(), "--tag", request.tag};
  for (const auto& [key, value] : request.build_args)
    args.insert(args.end(), {"--build-arg", key + "=" + value});
  if (!request.target_stage.empty()) args.insert(args.end(), {"--target", request.target_stage});
  if (request.host_network) args.insert(args.end(), {"--network", "host"});
  args.push_back(request.context.string());
  auto spec = spec_for(args);
  spec.timeout = request.timeout;
  spec.stdout_path = request.log;
  spec.stderr_path = request.log;
  return runner_.run(spec);
}

std::optional<std::uint64_t> ContainerEngine::image_size(const std::string& reference) {
  const auto text = capture({"image", "inspect", "--format", "{{.Size}}", reference});
  if (!text) return std::nullopt;
  try {
    return std::stoull(util::trim(*text));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void ContainerEngine::remove_image(const std::string& reference) {
  auto spec = spec_for({"rmi", "--force", reference});
  spec.timeout = std::chrono::minutes(2);
  spec.survives_interrupt = true;
  runner_.run(spec);
}

}  // namespace libcdiff::exec
