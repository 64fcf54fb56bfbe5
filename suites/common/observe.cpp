#include "common/observe.hpp"

#include "common/utf8_sequence.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>

namespace libcdiff::suite {

namespace {

// gtest escapes property values in its JSON but writes property names verbatim, so a key may only
// use characters that need no escaping; anything else becomes '_'.
std::string safe_key(std::string_view key) {
  std::string out;
  for (char c : key) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7F && c != '"' && c != '\\') ? c : '_';
  }
  return out;
}

}  // namespace

void observe(std::string_view key, std::string_view value) {
  ::testing::Test::RecordProperty("obs." + safe_key(key), printable(value));
}

void observe(std::string_view key, const char* value) {
  observe(key, value == nullptr ? std::string_view("NULL") : std::string_view(value));
}

void observe(std::string_view key, long long value) {
  observe(key, std::to_string(value));
}

namespace {}  // namespace

std::string printable(std::string_view bytes) {
  // gtest escapes quotes and backslashes in values itself.
  std::string out;
  for (size_t i = 0; i < bytes.size();) i = append_visible(out, bytes, i);
  return out;
}

std::string errno_name(int error) {
  switch (error) {
    case 0:
      return "0";
    case EINVAL:
      return "EINVAL";
    case ENOENT:
      return "ENOENT";
    case EILSEQ:
      return "EILSEQ";
    case ERANGE:
      return "ERANGE";
    case E2BIG:
      return "E2BIG";
    case ENOMEM:
      return "ENOMEM";
    case EAGAIN:
      return "EAGAIN";
    case ENOSYS:
      return "ENOSYS";
    case EPERM:
      return "EPERM";
    case EACCES:
      return "EACCES";
    case EBADF:
      return "EBADF";
    case EEXIST:
      return "EEXIST";
    case ENOTDIR:
      return "ENOTDIR";
    case EISDIR:
      return "EISDIR";
    case ENAMETOOLONG:
      return "ENAMETOOLONG";
    case EOVERFLOW:
      return "EOVERFLOW";
    case ENOTSUP:
      return "ENOTSUP";
    default:
      return "errno " + std::to_string(error);
  }
}

std::string codepoint(wint_t c) {
  if (c == WEOF) return "WEOF";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

std::string sign_of(int value) {
  return value < 0 ? "<0" : value == 0 ? "0" : ">0";
}

}  // namespace libcdiff::suite
