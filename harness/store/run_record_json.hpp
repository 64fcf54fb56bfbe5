// run-<target>.json: reading and writing run records. Readers refuse unknown schema versions and
// damaged files with a message naming the file (DESIGN §7).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "model/run_record.hpp"

namespace libcdiff::store {

// The largest run record a reader accepts. Observations are capped at 64 KiB each when collected, so
// a real record stays far below this; anything larger is not one of ours.
inline constexpr std::uintmax_t kMaxRunRecordBytes = std::uintmax_t{64} << 20;

nlohmann::ordered_json run_record_to_json(const model::RunRecord& record);
// `source` names the input in error messages (usually the file path).
model::RunRecord run_record_from_json(const nlohmann::json& json, const std::string& source);

// Provenance as written in run records and comparison.json (throws nlohmann/std exceptions on a
// wrong shape; callers turn them into input errors).
model::Provenance provenance_from_json(const nlohmann::json& json);

std::string run_record_file_name(const std::string& target);  // "run-musl.json"
void save_run_record(const std::filesystem::path& path, const model::RunRecord& record);
model::RunRecord load_run_record(const std::filesystem::path& path);
// The text of a run record (what load_run_record reads), for readers of bytes from elsewhere.
model::RunRecord run_record_from_text(const std::string& text, const std::string& source);

}  // namespace libcdiff::store
