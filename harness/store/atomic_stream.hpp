// A result file too large to build in memory (a sweep's full diff: up to millions of lines), written
// as a stream with the guarantee of write_file_atomically: the bytes go to a temporary file in the
// same directory, and commit() flushes, syncs and renames it over the destination. Until then the
// destination is untouched; an AtomicStream destroyed without commit() removes its temporary file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace libcdiff::store {

class AtomicStream {
 public:
  // Throws libcdiff::Fatal naming the path when the directory is not writable (exit 2; exit 3 when the
  // disk is full), as every write below does.
  explicit AtomicStream(std::filesystem::path path);
  ~AtomicStream();
  AtomicStream(const AtomicStream&) = delete;
  AtomicStream& operator=(const AtomicStream&) = delete;

  // Buffered (1 MiB): a write reaches the file when the buffer fills or at commit().
  void write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kBufferBytes) flush();
  }
  void commit();

  const std::filesystem::path& path() const { return path_; }

 private:
  static constexpr std::size_t kBufferBytes = 1 << 20;
  void flush();
  [[noreturn]] void fail(int error, const std::string& what);

  std::filesystem::path path_;
  std::string temporary_;
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace libcdiff::store
