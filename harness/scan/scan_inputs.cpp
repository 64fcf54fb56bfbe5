#include "scan/scan_inputs.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

#include "util/file_text.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

bool run_tar(exec::ProcessRunner& runner, std::vector<std::string> args, const fs::path& log,
             std::string& problem, const std::string& what) {
  exec::ProcessSpec spec;
  spec.program = "tar";
  spec.args = std::move(args);
  spec.stderr_path = log;
  spec.timeout = std::chrono::minutes(10);
  const auto result = runner.run(spec);
  if (result.succeeded()) return true;
  const auto text = util::read_text_if_present(log);
  problem = what + ": tar could not unpack it (" +
            (text.empty() ? result.describe() : text.substr(0, text.find('\n'))) + ")";
  return false;
}

// The files under `dir`, recursively, without following directory symlinks (a loop is impossible
// then) and skipping what cannot be read, with a problem line for it.
std::vector<fs::path> files_under(const fs::path& dir, std::uintmax_t max_bytes,
                                  std::vector<std::string>& problems) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    problems.push_back(dir.string() + ": cannot be read (" + ec.message() + ")");
    return files;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      problems.push_back(it->path().string() + ": cannot be read (" + ec.message() + ")");
      ec.clear();
      continue;
    }
    const auto status = it->symlink_status(ec);
    if (ec || !fs::is_regular_file(status)) continue;  // symlinks are reached by their targets
    const auto size = it->file_size(ec);
    if (ec) continue;
    if (size > max_bytes) {
      problems.push_back(it->path().string() + ": is " + std::to_string(size >> 20) +
                         " MiB, larger than any binary libcdiff scans");
      continue;
    }
    if (size >= 4) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool is_tar(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char header[512] = {};
  in.read(header, sizeof header);
  if (in.gcount() < 512) {
    // Compressed tarballs: gzip magic.
    return in.gcount() >= 2 && static_cast<unsigned char>(header[0]) == 0x1f &&
           static_cast<unsigned char>(header[1]) == 0x8b;
  }
  if (static_cast<unsigned char>(header[0]) == 0x1f && static_cast<unsigned char>(header[1]) == 0x8b)
    return true;
  return std::string(header + 257, 5) == "ustar";
}

// The layers of an unpacked `docker save` tarball or OCI layout, in order; empty when it is neither.
std::vector<fs::path> image_layers(const fs::path& dir, std::string& problem) {
  std::vector<fs::path> layers;
  try {
    if (fs::exists(dir / "manifest.json")) {  // docker save (also written by podman save)
      const auto manifest = nlohmann::json::parse(util::read_text_if_present(dir / "manifest.json"));
      for (const auto& layer : manifest.at(0).at("Layers")) layers.push_back(dir / layer.get<std::string>());
      return layers;
    }
    if (fs::exists(dir / "oci-layout") && fs::exists(dir / "index.json")) {
      const auto blob = [&](const std::string& digest) {
        const auto colon = digest.find(':');
        return dir / "blobs" / digest.substr(0, colon) / digest.substr(colon + 1);
      };
      const auto index = nlohmann::json::parse(util::read_text_if_present(dir / "index.json"));
      const auto manifest = nlohmann::json::parse(
          util::read_text_if_present(blob(index.at("manifests").at(0).at("digest").get<std::string>())));
      for (const auto& layer : manifest.at("layers"))
        layers.push_back(blob(layer.at("digest").get<std::string>()));
      return layers;
    }
  } catch (const std::exception& e) {
    problem = "its image manifest cannot be read (" + std::string(e.what()) + ")";
  }
  return layers;
}

// Unpacks an archive into scratch/<n>/: an image's layers into rootfs/, a plain tarball as the root.
bool unpack_archive(exec::ProcessRunner& runner, const fs::path& archive, const fs::path& work,
                    ScanInput& input, std::string& problem) {
  const auto outer = work / "archive";
  fs::create_directories(outer);
  if (!run_tar(
          runner,
          {"-x", "--no-same-owner", "--no-same-permissions", "-f", archive.string(), "-C", outer.string()},
          work / "tar.log", problem, archive.string()))
    return false;
  std::string manifest_problem;
  const auto layers = image_layers(outer, manifest_problem);
  if (!manifest_problem.empty()) {
    problem = archive.string() + ": " + manifest_problem;
    return false;
  }
  if (layers.empty()) {  // a root filesystem tarball
    input.root = outer;
    return true;
  }
  input.root = work / "rootfs";
  fs::create_directories(input.root);
  for (const auto& layer : layers)
    if (!apply_layer(runner, layer, input.root, problem)) return false;
  return true;
}

}  // namespace

bool apply_layer(exec::ProcessRunner& runner, const fs::path& layer, const fs::path& root,
                 std::string& problem) {
  if (!run_tar(runner,
               {"-x", "--no-same-owner", "--no-same-permissions", "-f", layer.string(), "-C", root.string()},
               root.parent_path() / "layer.log", problem, layer.filename().string()))
    return false;
  // Whiteouts mark deletions of the layers below; tar unpacked them as plain files.
  std::vector<fs::path> whiteouts;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().starts_with(".wh.")) whiteouts.push_back(it->path());
  for (const auto& w : whiteouts) {
    const auto name = w.filename().string();
    if (name == ".wh..wh..opq") {
      for (const auto& entry : fs::directory_iterator(w.parent_path(), ec))
        if (entry.path() != w) fs::remove_all(entry.path(), ec);
    } else {
      fs::remove_all(w.parent_path() / name.substr(4), ec);
    }
    fs::remove(w, ec);
  }
  return true;
}

std::vector<ScanInput> collect_inputs(const std::vector<std::string>& paths, exec::ProcessRunner& runner,
                                      const InputOptions& options, std::vector<std::string>& problems) {
  std::vector<ScanInput> inputs;
  int unpacked = 0;
  for (const auto& p : paths) {
    const fs::path path(p);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    ScanInput input{p, "/", {}, false};
    if (ec && fs::is_symlink(fs::symlink_status(path))) {
      problems.push_back(p + ": is a symbolic link that leads nowhere (" + ec.message() + ")");
      continue;
    }
    if (ec || !fs::exists(status)) {
      if (p.find(':') != std::string::npos || p.find('/') == std::string::npos) {
        // An image reference: the engine saves it to an archive, which is scanned like any other.
        const auto work = options.scratch / std::to_string(++unpacked);
        fs::create_directories(work);
        exec::ProcessSpec save;
        save.program = options.engine;
        save.args = {"save", "--format", "docker-archive", "-o", (work / "image.tar").string(), p};
        save.stderr_path = work / "save.log";
        if (options.engine == "docker") save.args = {"save", "-o", (work / "image.tar").string(), p};
        const auto result = runner.run(save);
        if (!result.succeeded()) {
          const auto text = util::read_text_if_present(work / "save.log");
          problems.push_back(p + ": no such file, and " + options.engine +
                             " cannot save an image of that name (" +
                             (text.empty() ? result.describe() : text.substr(0, text.find('\n'))) + ")");
          continue;
        }
        std::string problem;
        if (!unpack_archive(runner, work / "image.tar", work, input, problem)) {
          problems.push_back(problem);
          continue;
        }
        input.image = true;
        input.files = files_under(input.root, options.max_file_bytes, problems);
        inputs.push_back(std::move(input));
        continue;
      }
      problems.push_back(p + ": no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      std::string problem;
      const auto layers = image_layers(path, problem);
      if (!layers.empty()) {  // an unpacked OCI layout or docker save directory
        const auto work = options.scratch / std::to_string(++unpacked);
        input.root = work / "rootfs";
        fs::create_directories(input.root);
        bool ok = true;
        for (const auto& layer : layers) ok = ok && apply_layer(runner, layer, input.root, problem);
        if (!ok) {
          problems.push_back(p + ": " + problem);
          continue;
        }
        input.image = true;
      } else if (fs::is_directory(path / "etc") &&
                 (fs::is_directory(path / "usr") || fs::is_directory(path / "lib"))) {
        input.root = path;  // a root filesystem: its libraries are its own
      }
      input.files = files_under(input.image ? input.root : path, options.max_file_bytes, problems);
      inputs.push_back(std::move(input));
      continue;
    }
    if (fs::is_regular_file(status) && is_tar(path)) {
      const auto work = options.scratch / std::to_string(++unpacked);
      fs::create_directories(work);
      std::string problem;
      if (!unpack_archive(runner, path, work, input, problem)) {
        problems.push_back(problem);
        continue;
      }
      input.image = true;
      input.files = files_under(input.root, options.max_file_bytes, problems);
      inputs.push_back(std::move(input));
      continue;
    }
    if (!fs::is_regular_file(status)) {
      problems.push_back(p + ": is not a regular file or directory");
      continue;
    }
    input.files = {path};
    inputs.push_back(std::move(input));
  }
  return inputs;
}

}  // namespace libcdiff::scan
