// regcomp's error codes by name, for the regex sweep and the regex fuzz case (the values differ
// between the libcs; the names are POSIX's).
#pragma once

#include <regex.h>

#include <string>

namespace libcdiff::suite {

inline std::string regcomp_error_name(int rc) {
  switch (rc) {
    case REG_BADPAT:
      return "REG_BADPAT";
    case REG_ECOLLATE:
      return "REG_ECOLLATE";
    case REG_ECTYPE:
      return "REG_ECTYPE";
    case REG_EESCAPE:
      return "REG_EESCAPE";
    case REG_ESUBREG:
      return "REG_ESUBREG";
    case REG_EBRACK:
      return "REG_EBRACK";
    case REG_EPAREN:
      return "REG_EPAREN";
    case REG_EBRACE:
      return "REG_EBRACE";
    case REG_BADBR:
      return "REG_BADBR";
    case REG_ERANGE:
      return "REG_ERANGE";
    case REG_ESPACE:
      return "REG_ESPACE";
    case REG_BADRPT:
      return "REG_BADRPT";
    default:
      return "error " + std::to_string(rc);
  }
}

}  // namespace libcdiff::suite
