// Generators of the workloads' deterministic inputs (see workload_data.hpp).
#include "workload_data.hpp"

#include <cmath>
#include <cstdio>
#include <iterator>
#include <string_view>

namespace libcdiff::workloads {
namespace {

// Ordered roughly by frequency in English; the skewed draw below favours the front.
constexpr std::string_view kWords[] = {
    "the",        "of",        "and",        "to",         "a",        "in",       "is",        "it",
    "that",       "was",       "for",        "on",         "are",      "with",     "as",        "they",
    "be",         "at",        "one",        "have",       "this",     "from",     "by",        "not",
    "but",        "what",      "all",        "were",       "when",     "we",       "there",     "can",
    "an",         "your",      "which",      "their",      "said",     "if",       "will",      "each",
    "about",      "how",       "up",         "out",        "them",     "then",     "she",       "many",
    "some",       "so",        "these",      "would",      "other",    "into",     "has",       "more",
    "time",       "could",     "people",     "water",      "first",    "been",     "called",    "who",
    "system",     "library",   "function",   "memory",     "process",  "thread",   "server",    "request",
    "network",    "allocator", "kernel",     "container",  "image",    "build",    "compiler",  "release",
    "migration",  "behaviour", "difference", "benchmark",  "measured", "locale",   "character", "string",
    "number",     "format",    "resolver",   "address",    "timeout",  "signal",   "directory", "terminal",
    "careful",    "quickly",   "although",   "therefore",  "because",  "usually",  "sometimes", "between",
    "government", "question",  "important",  "understand", "together", "children", "mountains", "example",
};

constexpr std::string_view kLevels[] = {"INFO", "INFO", "INFO", "INFO", "INFO", "INFO", "INFO",
                                        "INFO", "INFO", "INFO", "INFO", "INFO", "INFO", "INFO",
                                        "INFO", "INFO", "WARN", "WARN", "WARN", "ERROR"};
constexpr std::string_view kMethods[] = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
constexpr std::string_view kResources[] = {"items", "users", "orders", "search", "images", "health"};
constexpr std::string_view kUsers[] = {"alice", "bob.smith", "carol_92", "dave+ops", "erin", "frank.o"};
constexpr std::string_view kDomains[] = {"example.org", "mail.example.com", "corp.example.net",
                                         "uni.example.edu"};
constexpr std::string_view kMessages[] = {
    "request served",       "cache miss, fetched from origin", "upstream timeout after 3 retries",
    "slow query on orders", "connection reset by peer",        "token refreshed",
    "rate limit applied",   "read timeout from backend db-2",  "payload too large"};
constexpr int kStatuses[] = {200, 200, 200, 200, 200, 200, 201, 204, 304, 400, 404, 404, 500, 502, 503};

constexpr std::string_view kGiven[] = {
    "Émile", "Zoë",     "Ångström", "Jürgen",  "Łukasz", "François", "Ana",   "Ólafur", "Søren",
    "Chloé", "Ignacio", "Íñigo",    "Mary",    "MARY",   "mary",     "Ümit",  "Ève",    "Björn",
    "Çağla", "Tomás",   "Renée",    "Olivier", "Zoe",    "Éloïse",   "Aaron", "Åsa",    "Oscar"};
constexpr std::string_view kFamily[] = {
    "Müller", "Muller",     "Mueller",  "de la Cruz", "van Dijk",    "Van Dijk", "O'Brien",  "Obrien",
    "Le Pen", "Lévesque",   "Lefèvre",  "Smith",      "smith",       "Zúñiga",   "Ødegaard", "Öztürk",
    "Çelik",  "Castañeda",  "Šimůnek",  "Dvořák",     "Łukasiewicz", "Weiß",     "Weiss",    "García-Márquez",
    "Garcia", "d'Alembert", "Ängström", "Aalto",      "Zimmermann",  "Żak"};

template <typename T, size_t N>
const T& pick(Prng& rng, const T (&items)[N]) {
  return items[rng.below(static_cast<uint32_t>(N))];
}

}  // namespace

size_t log_uniform_size(Prng& rng, size_t low, size_t high) {
  const double span = std::log(static_cast<double>(high) / static_cast<double>(low));
  const auto size = static_cast<size_t>(static_cast<double>(low) * std::exp(rng.unit() * span));
  return size < low ? low : (size > high ? high : size);
}

std::string prose(size_t bytes, uint64_t seed) {
  Prng rng(seed);
  std::string out;
  out.reserve(bytes + 64);
  size_t column = 0;
  bool sentence_start = true;
  char number[16];
  while (out.size() < bytes) {
    const double u = rng.unit();
    std::string word(kWords[static_cast<size_t>(u * u * u * static_cast<double>(std::size(kWords)))]);
    if (rng.below(40) == 0) {
      std::snprintf(number, sizeof number, "%u", rng.below(2000));
      word = number;
    }
    if (sentence_start && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    sentence_start = false;
    const uint32_t punctuation = rng.below(100);
    if (punctuation < 8) {
      word += '.';
      sentence_start = true;
    } else if (punctuation < 13) {
      word += ',';
    }
    if (column > 0 && column + 1 + word.size() > 72) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
  }
  out.resize(bytes);
  return out;
}

std::vector<std::string> log_lines(size_t count, uint64_t seed) {
  Prng rng(seed);
  std::vector<std::string> lines;
  lines.reserve(count);
  char line[512];
  for (size_t i = 0; i < count; ++i) {
    const auto seconds = static_cast<unsigned>(i * 7 + rng.below(7));
    int n = std::snprintf(line, sizeof line,
                          "2024-03-%02u %02u:%02u:%02u.%03u %-5s [worker-%u] client=%u.%u.%u.%u",
                          1 + seconds / 86400 % 28, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60,
                          rng.below(1000), pick(rng, kLevels).data(), rng.below(16), 10 + rng.below(200),
                          rng.below(256), rng.below(256), 1 + rng.below(254));
    if (rng.below(4) == 0)
      n += std::snprintf(line + n, sizeof line - n, " forwarded=%u.%u.%u.%u", 172, 16 + rng.below(16),
                         rng.below(256), rng.below(256));
    if (rng.below(3) == 0)
      n += std::snprintf(line + n, sizeof line - n, " user=%s@%s", pick(rng, kUsers).data(),
                         pick(rng, kDomains).data());
    std::snprintf(line + n, sizeof line - n, " %s /api/v1/%s/%u status=%d took=%ums msg=\"%s\"",
                  pick(rng, kMethods).data(), pick(rng, kResources).data(), rng.below(100000),
                  pick(rng, kStatuses), rng.below(rng.below(10) == 0 ? 5000 : 80),
                  pick(rng, kMessages).data());
    lines.emplace_back(line);
  }
  return lines;
}

std::vector<std::string> person_names(size_t count, uint64_t seed) {
  Prng rng(seed);
  std::vector<std::string> names;
  names.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    std::string name(pick(rng, kFamily));
    name += ", ";
    name += pick(rng, kGiven);
    if (rng.below(3) == 0) {  // a middle initial, when the given name starts with an ASCII letter
      const std::string_view middle = pick(rng, kGiven);
      if (static_cast<unsigned char>(middle[0]) < 0x80) {
        name += ' ';
        name += middle[0];
        name += '.';
      }
    }
    if (rng.below(5) == 0) {  // (not " " + std::to_string: g++ 12 warns falsely, -Wrestrict, PR 105329)
      name += ' ';
      name += std::to_string(rng.below(120));
    }
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace libcdiff::workloads
