#include "common/locale_guard.hpp"

#include <clocale>
#include <cstdlib>
#include <string>

namespace libcdiff::suite {
namespace {

void clear_locale_environment() {
  for (const char* name : {"LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE",
                           "LC_MONETARY", "LC_MESSAGES", "MUSL_LOCPATH", "LOCPATH"})
    unsetenv(name);
}

}  // namespace

bool set_global_locale(const char* name) {
  return std::setlocale(LC_ALL, name) != nullptr;
}

std::string missing_locale_reason(const char* name) {
  std::string base(name);
  const auto dot = base.find('.');
  if (dot != std::string::npos) base.resize(dot);
  return std::string("locale ") + name +
         " is not installed for this libc; generate it (scripts/setup.sh runs " + "'localedef -i " + base +
         " -f UTF-8 " + name + "' as root)";
}

void LocaleCase::SetUp() {
  clear_locale_environment();
  std::setlocale(LC_ALL, "C");
}

void LocaleCase::TearDown() {
  std::setlocale(LC_ALL, "C");
  clear_locale_environment();
}

}  // namespace libcdiff::suite
