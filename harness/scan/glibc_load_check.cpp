#include "scan/glibc_load_check.hpp"

#include <sys/stat.h>

#include <glob.h>
#include <algorithm>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "scan/root_path.hpp"

namespace libcdiff::scan {
namespace {

// musl's libc as a DT_NEEDED name: musl-gcc links programs against "libc.so" (no version suffix),
// and its loader file is its libc. On a glibc system /usr/lib/<triplet>/libc.so is a linker script.
bool is_musl_libc_name(const std::string& name) {
  const auto base = name.substr(name.rfind('/') + 1);
  return base == "libc.so" || base.starts_with("ld-musl-");
}

// $ORIGIN and ${ORIGIN} become the directory of the object's path; a directory naming another
// dynamic string token ($LIB, $PLATFORM) is skipped: not modelled.
std::vector<std::string> expand_dirs(const std::string& list, const std::string& object_path) {
  std::vector<std::string> dirs;
  const auto slash = object_path.rfind('/');
  const std::string origin = slash == std::string::npos ? "." : object_path.substr(0, slash);
  std::istringstream in(list);
  for (std::string dir; std::getline(in, dir, ':');) {
    for (const std::string token : {"${ORIGIN}", "$ORIGIN"})
      for (auto at = dir.find(token); at != std::string::npos; at = dir.find(token))
        dir.replace(at, token.size(), origin);
    if (!dir.empty() && dir.find('$') == std::string::npos) dirs.push_back(dir);
  }
  return dirs;
}

struct Found {
  std::string pathname;  // as glibc names the library: "dir/name"
  std::filesystem::path host_path;
};

std::optional<Found> search(const std::filesystem::path& root, const std::string& name,
                            const std::vector<std::string>& dirs, std::vector<std::string>& tried) {
  for (const auto& dir : dirs) {
    tried.push_back(dir);
    const std::string candidate = (dir.ends_with('/') ? dir : dir + "/") + name;
    const RootLookup r = lookup_in_root(root, candidate);
    if (r.status == RootLookupStatus::found) return Found{candidate, r.host_path};
  }
  return std::nullopt;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ":") + p;
  return out;
}

}  // namespace

struct GlibcLoadChecker::Library {
  std::shared_ptr<const ElfInfo> info;
  std::string error;
  // name -> (version, default version) of each definition glibc's lookup can bind to.
  std::unordered_map<std::string, std::vector<std::pair<std::string, bool>>> definitions;
  std::set<std::string> versions;  // the versions it defines
  dev_t dev = 0;
  ino_t ino = 0;
};

GlibcLoadChecker::GlibcLoadChecker(LibcExports glibc, LibcExports musl,
                                   std::set<std::string, std::less<>> nonshared, LoadCheckOptions options)
    : glibc_(std::move(glibc)),
      musl_(std::move(musl)),
      nonshared_(std::move(nonshared)),
      options_(std::move(options)) {
  for (const auto& object : glibc_.objects) family_files_.insert(object.filename().string());
}

GlibcLoadChecker::~GlibcLoadChecker() = default;

std::shared_ptr<const GlibcLoadChecker::Library> GlibcLoadChecker::library(
    const std::filesystem::path& host_path) {
  {
    std::lock_guard lock(mutex_);
    const auto it = libraries_.find(host_path);
    if (it != libraries_.end()) return it->second;
  }
  auto lib = std::make_shared<Library>();
  struct stat st {};
  if (::stat(host_path.c_str(), &st) == 0) lib->dev = st.st_dev, lib->ino = st.st_ino;
  try {
    auto info = std::make_shared<ElfInfo>(read_elf(host_path));
    if (info->type != ElfType::shared_object && info->type != ElfType::executable) {
      lib->error = "is not a shared library (" + to_string(info->type) + ")";
    } else if (info->machine != glibc_.machine) {
      lib->error = "is built for " + info->machine + ", not " + glibc_.machine;
    } else {
      for (const auto& s : info->exports) {
        if (s.kind == SymbolKind::other) continue;
        lib->definitions[s.name].emplace_back(s.version, s.default_version);
        if (!s.version.empty()) lib->versions.insert(s.version);
      }
      lib->info = std::move(info);
    }
  } catch (const ElfError& e) {
    lib->error = e.reason();
  }
  std::lock_guard lock(mutex_);
  return libraries_.emplace(host_path, std::move(lib)).first->second;
}

const std::vector<std::string>& GlibcLoadChecker::configured_dirs() {
  std::lock_guard lock(mutex_);
  if (!configured_) configured_ = std::make_unique<std::vector<std::string>>(ld_so_conf_dirs(options_.root));
  return *configured_;
}

LoadReport GlibcLoadChecker::check(const ElfInfo& binary, const std::string& path_in_root) {
  LoadReport report;
  const std::string app_path = path_in_root.empty() ? binary.path : path_in_root;
  report.path = app_path;
  if (settle_without_loading(binary, glibc_.machine, report)) return report;

  struct Node {
    std::string name, path, soname;
    int needed_by = -1;
    const ElfInfo* info = nullptr;       // null for a glibc family library
    std::shared_ptr<const Library> lib;  // null for the binary and the glibc family
    std::string family_file;             // "libc.so.6" when it is the target glibc's
  };
  std::vector<Node> nodes;
  nodes.push_back({"", app_path, binary.soname, -1, &binary, nullptr, ""});
  bool relinked = false;  // musl's libc was asked for: checked as if rebuilt against glibc
  const auto system_dirs = glibc_system_dirs(glibc_.machine);

  auto load = [&](const std::string& name, int needer) {
    const std::string needed_by = nodes[needer].path;
    auto missing = [&](std::string reason) {
      report.missing_libraries.push_back({name, needed_by, std::move(reason)});
    };
    for (const auto& n : nodes)
      if (n.name == name || (!n.soname.empty() && n.soname == name)) return;  // loaded by that name
    if (is_musl_libc_name(name)) {
      relinked = true;
      return missing(
          "is musl's libc (its loader and libc in one file); glibc cannot load it: rebuild "
          "against glibc, whose libc is libc.so.6");
    }
    std::optional<Found> found;
    std::vector<std::string> tried;
    if (name.find('/') != std::string::npos) {
      const RootLookup r = lookup_in_root(options_.root, name);
      if (r.status != RootLookupStatus::found) return missing("does not exist");
      found = Found{name, r.host_path};
    } else {
      // DT_RPATH of the object and of each object that loaded it, unless the object has DT_RUNPATH
      // (then every DT_RPATH is ignored); the object's own DT_RUNPATH; ld.so.conf; system dirs.
      if (nodes[needer].info->runpath.empty())
        for (int p = needer; p >= 0 && !found; p = nodes[p].needed_by)
          if (nodes[p].info != nullptr && nodes[p].info->runpath.empty() && !nodes[p].info->rpath.empty())
            found = search(options_.root, name, expand_dirs(nodes[p].info->rpath, nodes[p].path), tried);
      if (!found && !nodes[needer].info->runpath.empty())
        found =
            search(options_.root, name, expand_dirs(nodes[needer].info->runpath, nodes[needer].path), tried);
      if (!found) found = search(options_.root, name, configured_dirs(), tried);
      if (!found) found = search(options_.root, name, system_dirs, tried);
    }
    // glibc's own libraries are the target glibc wherever the search meets them (a RUNPATH may name
    // /usr/lib/<triplet> first): named by the path found, bound to the target's exports.
    if (family_files_.count(name) != 0) {
      const auto object = std::find_if(glibc_.objects.begin(), glibc_.objects.end(),
                                       [&](const auto& o) { return o.filename() == name; });
      const std::string path = found ? found->pathname : object->string();
      nodes.push_back({name, path, name, needer, nullptr, nullptr, name});
      report.objects.push_back({name, path, needed_by, true});
      return;
    }
    if (!found) return missing("not found in " + join(tried));
    auto lib = library(found->host_path);
    for (const auto& n : nodes)
      if (n.lib != nullptr && n.lib->dev == lib->dev && n.lib->ino == lib->ino && lib->dev != 0) return;
    if (lib->info == nullptr) return missing(found->pathname + " " + lib->error);
    nodes.push_back({name, found->pathname, lib->info->soname, needer, lib->info.get(), lib, ""});
    report.objects.push_back({name, found->pathname, needed_by, false});
  };

  report.objects.push_back({"", app_path, "", false});
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].info == nullptr) continue;  // glibc's own libraries need only each other
    const std::vector<std::string> needed = nodes[i].info->needed;
    for (const auto& name : needed) load(name, static_cast<int>(i));
  }

  // What a loaded node defines under `version` ("" for an unversioned reference: a default one).
  auto defines = [&](const Node& n, const std::string& name, const std::string& version) {
    const auto accepts = [&](const std::string& v, bool default_version) {
      return version.empty() ? default_version : v == version;
    };
    if (!n.family_file.empty()) {
      const auto* all = glibc_.find(name);
      return all != nullptr && std::any_of(all->begin(), all->end(), [&](const ExportedVersion& e) {
               return e.library == n.family_file && e.kind != SymbolKind::other &&
                      accepts(e.version, e.default_version);
             });
    }
    if (n.lib == nullptr) return false;
    const auto it = n.lib->definitions.find(name);
    if (it == n.lib->definitions.end()) return false;
    // An object without symbol versions satisfies any reference to its names.
    return n.lib->versions.empty() || std::any_of(it->second.begin(), it->second.end(),
                                                  [&](const auto& d) { return accepts(d.first, d.second); });
  };
  auto versions_of = [&](const Node& n) {
    std::set<std::string> out;
    if (n.lib != nullptr) return n.lib->versions;
    for (const auto& [name, all] : glibc_.symbols)
      for (const auto& e : all)
        if (e.library == n.family_file && !e.version.empty()) out.insert(e.version);
    return out;
  };
  auto node_for_file = [&](const std::string& file) -> const Node* {
    for (const auto& n : nodes)
      if (n.needed_by >= 0 && (n.name == file || n.soname == file)) return &n;
    return nullptr;
  };

  std::set<std::string> required;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& node : nodes) {
    if (node.info == nullptr) continue;
    for (const auto& need : node.info->version_needs) {
      const Node* provider = node_for_file(need.library);
      if (provider != nullptr && !provider->family_file.empty())
        required.insert(need.versions.begin(), need.versions.end());
      if (provider == nullptr) continue;  // a missing library is reported as such
      const auto defined = versions_of(*provider);
      if (defined.empty()) continue;
      for (const auto& v : need.versions)
        if (defined.count(v) == 0) report.missing_versions.push_back({need.library, v, node.path});
    }
    for (const auto& s : node.info->imports) {
      if (!s.plt_relocation && !s.data_relocation && !s.copy_relocation) continue;
      bool ok = false;
      for (std::size_t i = s.copy_relocation ? 1 : 0; i < nodes.size() && !ok; ++i)
        ok = defines(nodes[i], s.name, s.version);
      if (!ok && relinked && s.version.empty()) {
        const auto* all = glibc_.find(s.name);
        ok = nonshared_.count(s.name) != 0 ||
             (all != nullptr && std::any_of(all->begin(), all->end(), [](const ExportedVersion& e) {
                return e.default_version && e.kind != SymbolKind::other;
              }));
      }
      if (ok || (s.weak && !s.copy_relocation)) continue;
      if (!seen.insert({s.name, node.path}).second) continue;
      MissingCause cause = MissingCause::not_in_musl;
      if (!s.version.empty() && node_for_file(s.version_library) != nullptr)
        cause = MissingCause::missing_version;
      else if (musl_.exports(s.name) && !glibc_.exports(s.name))
        cause = MissingCause::musl_only;
      report.missing_symbols.push_back({s.name, s.version, node.path, cause});
    }
  }
  report.required_versions.assign(required.begin(), required.end());
  std::sort(report.missing_symbols.begin(), report.missing_symbols.end(), [](const auto& a, const auto& b) {
    return std::tie(a.cause, a.name, a.object) < std::tie(b.cause, b.name, b.object);
  });
  report.verdict =
      report.missing_symbols.empty() && report.missing_libraries.empty() && report.missing_versions.empty()
          ? Verdict::loads
          : Verdict::needs_rebuild;
  const auto base = binary.interpreter.substr(binary.interpreter.rfind('/') + 1);
  if (base.starts_with("ld-musl-"))
    report.interpreter_note = "asks the kernel for " + binary.interpreter +
                              ", musl's loader, which a glibc system does not have unless musl is installed";
  return report;
}

std::vector<std::string> ld_so_conf_dirs(const std::filesystem::path& root, const std::string& file) {
  std::vector<std::string> dirs;
  std::set<std::string> visited;
  std::function<void(const std::string&)> read = [&](const std::string& path) {
    if (!visited.insert(path).second) return;
    const RootLookup found = lookup_in_root(root, path);
    if (found.status != RootLookupStatus::found) return;
    std::ifstream in(found.host_path);
    for (std::string line; std::getline(in, line);) {
      line = line.substr(0, line.find('#'));
      std::istringstream words(line);
      std::string word;
      if (!(words >> word)) continue;
      if (word == "include") {
        for (std::string pattern; words >> pattern;) {
          if (!pattern.starts_with('/')) pattern = path.substr(0, path.rfind('/') + 1) + pattern;
          // The glob runs inside the root; the matches are named as the root sees them.
          const std::string host_pattern = (root / std::filesystem::path(pattern).relative_path()).string();
          glob_t g{};
          if (::glob(host_pattern.c_str(), 0, nullptr, &g) == 0) {
            std::vector<std::string> matches(g.gl_pathv, g.gl_pathv + g.gl_pathc);
            std::sort(matches.begin(), matches.end());
            for (const auto& m : matches) read("/" + std::filesystem::relative(m, root).string());
          }
          ::globfree(&g);
        }
      } else {
        do
          if (word.starts_with('/') && std::find(dirs.begin(), dirs.end(), word) == dirs.end())
            dirs.push_back(word);
        while (words >> word);
      }
    }
  };
  read(file);
  return dirs;
}

std::vector<std::string> glibc_system_dirs(const std::string& machine) {
  const std::string triplet = machine == "x86_64"    ? "x86_64-linux-gnu"
                              : machine == "aarch64" ? "aarch64-linux-gnu"
                              : machine == "i386"    ? "i386-linux-gnu"
                                                     : "";
  std::vector<std::string> dirs;
  if (!triplet.empty()) dirs = {"/lib/" + triplet, "/usr/lib/" + triplet};
  dirs.insert(dirs.end(), {"/lib", "/usr/lib"});
  return dirs;
}

}  // namespace libcdiff::scan
