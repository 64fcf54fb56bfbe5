#include "common/sweep_table.hpp"
#include "common/utf8_sequence.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace libcdiff::suite {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Item {
  bool is_point = false;
  bool negative = false;
  std::uint64_t magnitude = 0;
};

// The point grammar of the header; anything else is a name.
Item parse_item(std::string_view item) {
  Item out;
  std::string_view digits = item;
  int base = 10;
  std::size_t max_digits = 19;
  if (item.starts_with("U+")) {
    digits.remove_prefix(2), base = 16, max_digits = 8;
  } else if (item.starts_with("0x") || item.starts_with("0X")) {
    digits.remove_prefix(2), base = 16, max_digits = 16;
  } else if (item.starts_with("-")) {
    digits.remove_prefix(1), out.negative = true;
  }
  if (digits.empty() || digits.size() > max_digits) return Item{};
  std::uint64_t value = 0;
  for (char c : digits) {
    const int d = base == 16 ? hex_digit(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (d < 0) return Item{};
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
  }
  out.is_point = true;
  out.magnitude = value;
  if (value == 0) out.negative = false;  // "-0" is 0
  return out;
}

int compare_points(bool a_negative, std::uint64_t a, bool b_negative, std::uint64_t b) {
  if (a_negative != b_negative) return a_negative ? -1 : 1;
  if (a == b) return 0;
  const bool less = a_negative ? a > b : a < b;
  return less ? -1 : 1;
}

int sign(int value) {
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

// FNV-1a, 64 bits.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

std::string errno_text(int error) {
  return std::strerror(error);
}

}  // namespace

std::string escape_sweep_field(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == '\\') {
      out += "\\\\", ++i;
    } else if (c == '\t') {
      out += "\\t", ++i;
    } else if (c == '\n') {
      out += "\\n", ++i;
    } else {
      i = append_visible(out, bytes, i);
    }
  }
  return out;
}

int sweep_key_compare(std::string_view a, std::string_view b) {
  // The family prefix is everything up to and including the last space ("" without one).
  const std::size_t a_prefix = a.rfind(' ') == std::string_view::npos ? 0 : a.rfind(' ') + 1;
  const std::size_t b_prefix = b.rfind(' ') == std::string_view::npos ? 0 : b.rfind(' ') + 1;
  if (const int c = a.substr(0, a_prefix).compare(b.substr(0, b_prefix)); c != 0) return sign(c);
  const std::string_view a_item = a.substr(a_prefix);
  const std::string_view b_item = b.substr(b_prefix);
  const Item x = parse_item(a_item);
  const Item y = parse_item(b_item);
  if (x.is_point != y.is_point) return x.is_point ? -1 : 1;
  if (x.is_point)
    if (const int c = compare_points(x.negative, x.magnitude, y.negative, y.magnitude); c != 0) return c;
  return sign(a_item.compare(b_item));
}

std::string sweep_file_name(std::string_view suite, std::string_view test_case) {
  std::string name = std::string(suite) + "." + std::string(test_case);
  for (char& c : name) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
    if (!keep) c = '_';
  }
  return name + ".sweep.tsv";
}

std::string format_sweep_hash(std::uint64_t hash) {
  char text[32];
  std::snprintf(text, sizeof text, "fnv1a64:%016llx", static_cast<unsigned long long>(hash));
  return text;
}

void SweepTable::set(std::string_view key, std::string_view value) {
  Entry entry;
  entry.key = escape_sweep_field(key);
  entry.value = escape_sweep_field(value);
  const std::size_t space = entry.key.rfind(' ');
  entry.prefix_length = space == std::string::npos ? 0 : static_cast<std::uint32_t>(space + 1);
  const std::string_view item = std::string_view(entry.key).substr(entry.prefix_length);
  const Item parsed = parse_item(item);
  entry.is_point = parsed.is_point;
  entry.negative = parsed.negative;
  entry.magnitude = parsed.magnitude;
  entries_.push_back(std::move(entry));
  sorted_ = false;
}

void SweepTable::set(std::string_view key, const char* value) {
  set(key, value == nullptr ? std::string_view("NULL") : std::string_view(value));
}

// sweep_key_compare on parsed entries.
int SweepTable::compare(const Entry& a, const Entry& b) {
  const std::string_view ak(a.key);
  const std::string_view bk(b.key);
  if (const int c = ak.substr(0, a.prefix_length).compare(bk.substr(0, b.prefix_length)); c != 0)
    return sign(c);
  if (a.is_point != b.is_point) return a.is_point ? -1 : 1;
  if (a.is_point)
    if (const int c = compare_points(a.negative, a.magnitude, b.negative, b.magnitude); c != 0) return c;
  return sign(ak.substr(a.prefix_length).compare(bk.substr(b.prefix_length)));
}

SweepWriteResult SweepTable::write_file(const std::string& path) {
  SweepWriteResult result;
  if (!sorted_) {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return compare(a, b) < 0; });
    sorted_ = true;
  }
  std::size_t duplicates = 0;
  std::string first_duplicate;
  for (std::size_t i = 1; i < entries_.size(); ++i)
    if (entries_[i].key == entries_[i - 1].key) {
      if (duplicates++ == 0) first_duplicate = entries_[i].key;
    }
  for (const Entry& e : entries_)
    if (e.key.empty()) {
      result.error = path + ": a sweep key is empty; give every key a name";
      return result;
    }

  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    result.error = "cannot create " + temporary + ": " + errno_text(errno);
    return result;
  }
  // Lines are gathered into a 1 MiB chunk and written with one fwrite per chunk; the chunk is hashed
  // as it goes out, so the hash is of exactly the bytes in the file.
  constexpr std::size_t kChunk = 1 << 20;
  std::string chunk;
  chunk.reserve(kChunk + 4096);
  std::uint64_t hash = kFnvOffset;
  bool ok = true;
  int write_error = 0;
  const auto flush = [&] {
    hash = fnv1a(hash, chunk);
    if (!chunk.empty() && std::fwrite(chunk.data(), 1, chunk.size(), file) != chunk.size())
      ok = false, write_error = errno;
    chunk.clear();
  };
  std::size_t keys = 0;
  for (std::size_t i = 0; i < entries_.size() && ok; ++i) {
    if (i > 0 && entries_[i].key == entries_[i - 1].key) continue;  // the first value is kept
    chunk += entries_[i].key;
    chunk += '\t';
    chunk += entries_[i].value;
    chunk += '\n';
    ++keys;
    if (chunk.size() >= kChunk) flush();
  }
  if (ok) flush();
  if (std::fclose(file) != 0 && ok) ok = false, write_error = errno;
  if (!ok) {
    std::remove(temporary.c_str());
    result.error = "cannot write " + temporary + ": " + errno_text(write_error);
    return result;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    result.error = "cannot rename " + temporary + " to " + path + ": " + errno_text(errno);
    std::remove(temporary.c_str());
    return result;
  }
  result.keys = keys;
  result.hash = hash;
  if (duplicates > 0)
    result.error = path + ": " + std::to_string(duplicates) + " key(s) set more than once, first \"" +
                   first_duplicate + "\" (the first value was kept); enumerate each key once";
  return result;
}

void SweepTable::write() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  if (info == nullptr) {
    ADD_FAILURE() << "libcdiff sweep: SweepTable::write() must be called from a running test case";
    return;
  }
  const char* dir = std::getenv("LIBCDIFF_SWEEP_DIR");
  const std::string directory = dir == nullptr || *dir == '\0' ? std::string(".") : std::string(dir);
  const std::string name = sweep_file_name(info->test_suite_name(), info->name());
  const SweepWriteResult result = write_file(directory + "/" + name);
  if (!result.error.empty()) ADD_FAILURE() << "libcdiff sweep: " << result.error;
  if (result.keys == 0 && !result.error.empty()) return;  // nothing was written
  ::testing::Test::RecordProperty("sweep", name);
  ::testing::Test::RecordProperty("sweep.keys", std::to_string(result.keys));
  ::testing::Test::RecordProperty("sweep.hash", format_sweep_hash(result.hash));
}

}  // namespace libcdiff::suite
