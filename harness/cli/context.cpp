#include "cli/context.hpp"

#include <cstdlib>

namespace libcdiff::cli {

std::filesystem::path default_cache_dir() {
  const auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string() : std::string(v);
  };
  if (!env("LIBCDIFF_CACHE_DIR").empty()) return env("LIBCDIFF_CACHE_DIR");
  if (!env("XDG_CACHE_HOME").empty()) return std::filesystem::path(env("XDG_CACHE_HOME")) / "libcdiff";
  return std::filesystem::path(env("HOME")) / ".cache" / "libcdiff";
}

}  // namespace libcdiff::cli
