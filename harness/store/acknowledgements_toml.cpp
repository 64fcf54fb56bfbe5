#include "store/acknowledgements_toml.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "store/atomic_file.hpp"
#include "store/toml_text.hpp"
#include "util/error.hpp"
#include "util/iso_date.hpp"
#include "util/text.hpp"

namespace libcdiff::store {
namespace {

const std::vector<std::string> kTopLevelKeys = {"acknowledge"};
const std::vector<std::string> kEntryKeys = {"case", "reason", "expires", "side"};

// "libcdiff.toml:7": where a node starts, when toml++ knows.
std::string located(const std::string& source, const toml::node& node) {
  const auto line = node.source().begin.line;
  return line > 0 ? source + ":" + std::to_string(line) : source;
}

// "libcdiff.toml:7: acknowledge #2": the line of the entry's [[acknowledge]] header.
std::string entry_source(const std::string& source, const toml::node& entry, int index) {
  return located(source, entry) + ": acknowledge #" + std::to_string(index);
}

std::string unknown_key_remedy(const std::string& key, const std::vector<std::string>& allowed) {
  const auto guess = util::closest_match(key, allowed);
  return (guess ? "did you mean '" + *guess + "'? " : std::string()) + "The keys are " +
         util::join(allowed, ", ");
}

void reject_unknown_keys(const toml::table& entry, const std::string& where) {
  for (const auto& [key, value] : entry) {
    const std::string name(key.str());
    if (std::find(kEntryKeys.begin(), kEntryKeys.end(), name) == kEntryKeys.end())
      throw input_error(where, "has unknown key '" + name + "'", unknown_key_remedy(name, kEntryKeys));
  }
}

// An optional string: empty when the key is absent.
std::string string_field(const toml::table& entry, const std::string& key, const std::string& where) {
  const toml::node* node = entry.get(key);
  if (node == nullptr) return {};
  const auto* text = node->as_string();
  if (text == nullptr)
    throw input_error(where, "'" + key + "' must be a string", "quote it: " + key + " = \"...\"");
  return text->get();
}

std::optional<std::string> expiry_field(const toml::table& entry, const std::string& where) {
  const toml::node* node = entry.get("expires");
  if (node == nullptr) return std::nullopt;
  if (const auto* date = node->as_date()) {
    const toml::date d = date->get();
    return util::iso_date(d.year, d.month, d.day);
  }
  if (const auto* text = node->as_string()) {
    if (util::is_iso_date(text->get())) return text->get();
    throw input_error(where, "expires = \"" + text->get() + "\" is not a calendar date YYYY-MM-DD",
                      "write it as expires = 2027-03-01");
  }
  throw input_error(where, "'expires' must be a date without a time", "write it as expires = 2027-03-01");
}

model::Acknowledgement read_entry(const toml::table& entry, const std::string& where) {
  reject_unknown_keys(entry, where);
  model::Acknowledgement ack;
  ack.case_id = string_field(entry, "case", where);
  if (util::trim(ack.case_id).empty())
    throw input_error(where, "names no case", "add case = \"Area.Case\" (see 'libcdiff list cases')");
  ack.reason = string_field(entry, "reason", where);
  if (util::trim(ack.reason).empty())
    throw input_error(where, "gives no reason for case '" + ack.case_id + "'",
                      "add reason = \"...\": why the team accepts this difference");
  ack.side = string_field(entry, "side", where);
  if (entry.contains("side") && util::trim(ack.side).empty())
    throw input_error(where, "has an empty 'side'",
                      "name a side label or target id, or leave 'side' out for any side");
  ack.expires = expiry_field(entry, where);
  ack.source = where;
  return ack;
}

std::string side_text(const std::string& side) {
  return side.empty() ? "on any side" : "on side '" + side + "'";
}

}  // namespace

std::vector<model::Acknowledgement> parse_acknowledgements(std::string_view toml_text,
                                                           const std::string& source) {
  const toml::table root = parse_toml(toml_text, source);
  for (const auto& [key, value] : root) {
    const std::string name(key.str());
    if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), name) == kTopLevelKeys.end())
      throw input_error(located(source, value), "has unknown key '" + name + "'",
                        unknown_key_remedy(name, kTopLevelKeys) + " (write entries as [[acknowledge]])");
  }
  std::vector<model::Acknowledgement> out;
  const toml::node* entries_node = root.get("acknowledge");
  if (entries_node == nullptr) return out;
  const auto* entries = entries_node->as_array();
  if (entries == nullptr)
    throw input_error(located(source, *entries_node), "'acknowledge' is not a list of tables",
                      "write each entry as [[acknowledge]]");
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (case, side) -> where
  int index = 0;
  for (const auto& node : *entries) {
    const std::string where = entry_source(source, node, ++index);
    const auto* table = node.as_table();
    if (table == nullptr) throw input_error(where, "is not a table", "write each entry as [[acknowledge]]");
    auto ack = read_entry(*table, where);
    const auto [it, inserted] = seen.emplace(std::make_pair(ack.case_id, ack.side), where);
    if (!inserted)
      throw input_error(where,
                        "acknowledges case '" + ack.case_id + "' " + side_text(ack.side) + " again (" +
                            it->second + " already does)",
                        "keep one entry per case and side");
    out.push_back(std::move(ack));
  }
  return out;
}

std::vector<model::Acknowledgement> load_acknowledgements(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw input_error(path.string(), "does not exist", "create it, or name an existing acknowledgement file");
  if (!std::filesystem::is_regular_file(path, ec))
    throw input_error(path.string(), "is not a file", "name the acknowledgement file itself");
  return parse_acknowledgements(read_file(path), path.string());
}

std::vector<std::string> unknown_cases(const std::vector<model::Acknowledgement>& acknowledgements,
                                       const std::function<bool(const std::string&)>& known) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& ack : acknowledgements)
    if (!known(ack.case_id) && seen.insert(ack.case_id).second) out.push_back(ack.case_id);
  return out;
}

void require_known_cases(const std::vector<model::Acknowledgement>& acknowledgements,
                         const std::function<bool(const std::string&)>& known) {
  const auto unknown = unknown_cases(acknowledgements, known);
  if (unknown.empty()) return;
  const auto first =
      std::find_if(acknowledgements.begin(), acknowledgements.end(),
                   [&](const model::Acknowledgement& a) { return a.case_id == unknown.front(); });
  std::string problem = "names case '" + unknown.front() + "', which this libcdiff does not know";
  if (unknown.size() > 1)
    problem += " (and " + std::to_string(unknown.size() - 1) + " more unknown case ids)";
  throw input_error(first->source, problem, "fix the id or remove the entry (see 'libcdiff list cases')");
}

}  // namespace libcdiff::store
