#include "usertest/likely_causes.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "scan/elf_file.hpp"
#include "scan/risk_join.hpp"
#include "store/comparison_file.hpp"
#include "util/text.hpp"

namespace libcdiff::usertest {
namespace {

namespace fs = std::filesystem;

bool useful(const std::string& value) {
  return value.size() >= 6 &&
         std::any_of(value.begin(), value.end(), [](unsigned char c) { return std::isalpha(c); });
}

void read_sweep_diff(const fs::path& file, std::vector<ObservedDifference>& out) {
  std::ifstream in(file);
  std::string line;
  // "<case>.<side>.diff.tsv"
  auto stem = file.filename().string();
  stem = stem.substr(0, stem.size() - std::string(".diff.tsv").size());
  const auto case_id = stem.substr(0, stem.rfind('.'));
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto cols = util::split(line, '\t');
    if (cols.size() < 3 || !useful(cols[1]) || !useful(cols[2])) continue;
    out.push_back({case_id, cols[0], cols[1], cols[2]});
  }
}

}  // namespace

std::vector<ObservedDifference> load_observed_differences(const fs::path& results_dir) {
  std::vector<ObservedDifference> out;
  std::error_code ec;
  try {
    const auto comparison = store::load_comparison(results_dir / "comparison.json");
    const model::TargetSummary* musl = nullptr;
    for (const auto* s : comparison.compared_sides())
      if (s->provenance.libc.family == "musl" && musl == nullptr) musl = s;
    if (musl != nullptr)
      for (const auto& c : comparison.cases) {
        const auto a = c.observations.find(musl->label);
        const auto b = c.observations.find(comparison.reference);
        if (a == c.observations.end() || b == c.observations.end()) continue;
        for (const auto& key : c.differing_keys) {
          const auto x = a->second.find(key);
          const auto y = b->second.find(key);
          if (x != a->second.end() && y != b->second.end() && useful(x->second) && useful(y->second))
            out.push_back({c.id, key, x->second, y->second});
        }
      }
  } catch (const std::exception&) {
    // No comparison there: the sweeps may still be.
  }
  for (auto it = fs::directory_iterator(results_dir / "sweeps", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!name.ends_with(".diff.tsv") || name.find("Fuzz") != std::string::npos) continue;
    if (it->file_size(ec) > (8u << 20)) continue;
    read_sweep_diff(it->path(), out);
  }
  return out;
}

std::vector<std::string> text_hints(const std::vector<std::string>& side_lines,
                                    const std::vector<std::string>& reference_lines,
                                    const std::vector<ObservedDifference>& observed, std::size_t limit) {
  const auto side = util::join(side_lines, "\n");
  const auto reference = util::join(reference_lines, "\n");
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& o : observed) {
    if (out.size() >= limit) break;
    if (side.find(o.side) == std::string::npos || reference.find(o.reference) == std::string::npos) continue;
    if (!seen.insert(o.side + "\x1f" + o.reference).second) continue;
    out.push_back(o.case_id + " (" + o.key + "): musl '" + o.side + "', glibc '" + o.reference + "'");
  }
  return out;
}

std::string import_hint(const std::vector<std::string>& imports, const model::CaseCatalog& catalog,
                        const std::string& musl_version, std::size_t limit) {
  scan::RiskInputs inputs;
  inputs.catalog = &catalog;
  inputs.musl_version = musl_version;
  // Functions nearly every program imports say nothing about one test: a hint through malloc alone
  // would name the allocator cases for every differing test.
  static const std::set<std::string> kEverywhere = {
      "malloc", "free",    "calloc", "realloc", "memcpy", "memmove", "memset", "strlen",  "strcmp",
      "printf", "fprintf", "puts",   "exit",    "abort",  "fputs",   "fwrite", "putchar", "strchr"};
  std::vector<std::string> telling;
  for (const auto& name : imports)
    if (!kEverywhere.count(name)) telling.push_back(name);
  const auto risks = scan::risks_for(telling, inputs);
  std::vector<std::string> parts;
  std::set<std::string> apis;
  for (const auto& r : risks) {
    if (r.heuristic) continue;
    if (parts.size() >= limit) break;
    parts.push_back(r.case_id + (r.risk.empty() ? "" : " (" + r.risk + ")"));
    apis.insert(r.apis.begin(), r.apis.end());
  }
  if (parts.empty()) return "";
  return "imports " + util::join(std::vector<std::string>(apis.begin(), apis.end()), ", ") + ": " +
         util::join(parts, ", ") + (risks.size() > parts.size() ? ", ..." : "");
}

std::vector<fs::path> executables_under(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const auto perms = it->status(ec).permissions();
    if ((perms & fs::perms::owner_exec) == fs::perms::none) continue;
    if (scan::has_elf_magic(it->path())) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path program_for_test(const std::string& test_name, const std::vector<fs::path>& programs) {
  // The name's last word after '/', ':' or ' ' (gtest names: "gtest:<program>:Suite.Test").
  std::string name = test_name;
  if (name.rfind("gtest:", 0) == 0) name = util::split(name.substr(6), ':').front();
  const auto cut = name.find_last_of("/ ");
  if (cut != std::string::npos) name = name.substr(cut + 1);
  for (const auto& p : programs)
    if (p.filename() == name) return p;
  for (const auto& p : programs)
    if (p.filename().string().starts_with(name) || name.starts_with(p.filename().string() + ".")) return p;
  return {};
}

std::vector<std::string> imported_functions(const fs::path& program) {
  std::vector<std::string> out;
  try {
    for (const auto& s : scan::read_elf(program).imports) out.push_back(s.name);
  } catch (const std::exception&) {
  }
  return out;
}

}  // namespace libcdiff::usertest
