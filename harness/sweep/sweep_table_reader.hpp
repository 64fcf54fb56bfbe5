// Reads a sweep table (format: suites/common/sweep_table.hpp) one line at a time in constant memory,
// checking as it goes that every line is "<key>\t<value>\n" with a non-empty key and that the keys
// rise strictly in key order (sweep_key.hpp). Fields stay escaped: they are compared as text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/sweep_key.hpp"

namespace libcdiff::sweep {

class SweepTableReader {
 public:
  // Throws libcdiff::Fatal (exit 2) naming the file when it cannot be opened.
  explicit SweepTableReader(std::filesystem::path path);
  ~SweepTableReader();
  SweepTableReader(const SweepTableReader&) = delete;
  SweepTableReader& operator=(const SweepTableReader&) = delete;

  // The next row; false at the end of the file. Throws libcdiff::Fatal naming the file and the line
  // for a malformed line, a key out of order or repeated, a last line without its newline, or a
  // read error. The views below stay valid until the next call.
  bool next();

  std::string_view key() const { return parts_.key; }
  std::string_view value() const { return value_; }
  const KeyParts& parts() const { return parts_; }
  std::uint64_t line() const { return line_; }  // 1-based number of the current row
  // FNV-1a 64 of the bytes read so far: of the whole file once next() has returned false.
  std::uint64_t hash() const { return hash_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  bool fill();  // reads more bytes; false at end of file
  [[noreturn]] void fail(const std::string& problem, const std::string& remedy) const;

  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // unconsumed bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  bool eof_ = false;
  std::uint64_t line_ = 0;
  std::uint64_t hash_;
  KeyParts parts_;
  std::string_view value_;
  std::string previous_key_;  // a copy: the buffer moves under the views
  KeyParts previous_;
};

}  // namespace libcdiff::sweep
