#include "sweep/sweep_table_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "util/error.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace libcdiff::sweep {
namespace {

constexpr std::size_t kInitialBuffer = 64 << 10;  // grows for longer lines
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// A key as it can appear in a one-line message.
std::string quoted(std::string_view key) {
  return "\"" + util::bounded_text(util::valid_utf8(key), 80) + "\"";
}

// The same views into another copy of the key.
KeyParts rebase(const KeyParts& parts, std::string_view key) {
  KeyParts out = parts;
  out.key = key;
  out.prefix = key.substr(0, parts.prefix.size());
  out.item = key.substr(parts.prefix.size());
  return out;
}

}  // namespace

SweepTableReader::SweepTableReader(std::filesystem::path path) : path_(std::move(path)), hash_(kFnvOffset) {
  fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0)
    throw input_error(path_.string(), "cannot be read (" + std::string(std::strerror(errno)) + ")",
                      "check that the sweep table exists; the suite writes it where LIBCDIFF_SWEEP_DIR says");
  buffer_.resize(kInitialBuffer);
}

SweepTableReader::~SweepTableReader() {
  if (fd_ >= 0) ::close(fd_);
}

void SweepTableReader::fail(const std::string& problem, const std::string& remedy) const {
  throw input_error(path_.string(), problem, remedy);
}

bool SweepTableReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {  // keep the unconsumed tail, at the front
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // a line longer than the buffer
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      fail("line " + std::to_string(line_ + 1) + " cannot be read (" + std::strerror(errno) + ")",
           "check the file system");
    if (n == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(n);
    return true;
  }
}

bool SweepTableReader::next() {
  if (!parts_.key.empty()) {
    previous_key_.assign(parts_.key);
    previous_ = rebase(parts_, previous_key_);
  }
  const char* newline = nullptr;
  std::size_t searched = begin_;
  for (;;) {
    newline = static_cast<const char*>(std::memchr(buffer_.data() + searched, '\n', end_ - searched));
    if (newline != nullptr) break;
    searched = end_ - begin_;  // after fill() moves the tail to the front
    if (!fill()) {
      if (begin_ == end_) return false;
      fail("line " + std::to_string(line_ + 1) + " has no newline at its end (a truncated table?)",
           "let the suite finish writing it: SweepTable writes every line with its newline");
    }
  }
  const char* line = buffer_.data() + begin_;
  const std::size_t length = static_cast<std::size_t>(newline - line);
  ++line_;
  std::uint64_t hash = hash_;  // a local: stores through char data could alias a member
  for (std::size_t i = 0; i <= length; ++i) hash = (hash ^ static_cast<unsigned char>(line[i])) * kFnvPrime;
  hash_ = hash;
  begin_ += length + 1;

  const std::string_view text(line, length);
  const std::size_t tab = text.find('\t');
  if (tab == std::string_view::npos)
    fail("line " + std::to_string(line_) + " has no tab between key and value",
         "write sweep tables with SweepTable (suites/common/sweep_table.hpp)");
  if (tab == 0)
    fail("line " + std::to_string(line_) + " has an empty key", "give every key of the sweep a name");
  value_ = text.substr(tab + 1);
  if (value_.find('\t') != std::string_view::npos)
    fail("line " + std::to_string(line_) + " has more than one tab",
         "escape tabs in values as \\t (SweepTable does)");
  parts_ = split_key(text.substr(0, tab));
  if (line_ > 1) {
    const int order = compare_keys(previous_, parts_);
    if (order >= 0)
      fail("line " + std::to_string(line_) + (order == 0 ? " repeats the key " : " is out of order: key ") +
               quoted(parts_.key) +
               (order == 0 ? " of the line before" : " comes after " + quoted(previous_.key)),
           "sweep tables are sorted in key order, each key once (harness/sweep/sweep_key.hpp); "
           "write them with SweepTable, which sorts");
  }
  return true;
}

}  // namespace libcdiff::sweep
