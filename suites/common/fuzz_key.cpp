#include "common/fuzz_key.hpp"

namespace libcdiff::suite {
namespace {

constexpr std::string_view kSpaceSign = "\xE2\x90\xA0";  // U+2420 SYMBOL FOR SPACE
constexpr std::string_view kEmptySign = "\xE2\x88\x85";  // U+2205 EMPTY SET

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string fuzz_item(std::string_view text) {
  if (text.empty()) return std::string(kEmptySign);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ')
      out += kSpaceSign;
    else
      out += c;
  }
  return out;
}

std::string fuzz_text(std::string_view item) {
  if (item == kEmptySign) return "";
  std::string out;
  out.reserve(item.size());
  for (std::size_t i = 0; i < item.size();) {
    if (item.substr(i).starts_with(kSpaceSign)) {
      out += ' ';
      i += kSpaceSign.size();
    } else {
      out += item[i++];
    }
  }
  return out;
}

bool fuzz_representable(std::string_view text) {
  return text.find(kSpaceSign) == std::string_view::npos && text != kEmptySign;
}

std::string fuzz_key(std::string_view family, std::string_view variant, std::string_view text) {
  std::string key(family);
  if (!variant.empty()) (key += ' ') += variant;
  (key += ' ') += fuzz_item(text);
  return key;
}

std::optional<std::string> unescape_sweep_field(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] != '\\') {
      out += escaped[i];
      continue;
    }
    if (++i >= escaped.size()) return std::nullopt;
    switch (escaped[i]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'x': {
        if (i + 2 >= escaped.size()) return std::nullopt;
        const int high = hex_value(escaped[i + 1]);
        const int low = hex_value(escaped[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::optional<FuzzKeyParts> split_fuzz_key(std::string_view key) {
  const std::size_t first = key.find(' ');
  if (first == std::string_view::npos || first == 0) return std::nullopt;
  const std::size_t last = key.rfind(' ');
  FuzzKeyParts parts;
  parts.family = std::string(key.substr(0, first));
  if (last > first) parts.variant = std::string(key.substr(first + 1, last - first - 1));
  parts.text = fuzz_text(key.substr(last + 1));
  return parts;
}

std::string fuzz_input_line(std::string_view variant, std::string_view text) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string line(variant);
  line += '\t';
  for (unsigned char c : text) {
    line += kDigits[c >> 4];
    line += kDigits[c & 15];
  }
  return line;
}

std::optional<FuzzKeyParts> parse_fuzz_input_line(std::string_view family, std::string_view line) {
  const std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return std::nullopt;
  FuzzKeyParts parts{std::string(family), std::string(line.substr(0, tab)), ""};
  const std::string_view hex = line.substr(tab + 1);
  if (hex.size() % 2 != 0 || parts.variant.find(' ') != std::string::npos) return std::nullopt;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = hex_value(hex[i]);
    const int low = hex_value(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    parts.text += static_cast<char>(high * 16 + low);
  }
  return parts;
}

}  // namespace libcdiff::suite
