// getaddrinfo's and getnameinfo's error codes by name ("EAI_NONAME"; "0" for success, "EAI <n>" for
// a code this libc's <netdb.h> does not name): the same spelling in the lab cases and the sweeps.
#pragma once

#include <netdb.h>

#include <string>

namespace libcdiff::suite {

inline std::string eai_name(int code) {
  switch (code) {
    case 0:
      return "0";
    case EAI_BADFLAGS:
      return "EAI_BADFLAGS";
    case EAI_NONAME:
      return "EAI_NONAME";
    case EAI_AGAIN:
      return "EAI_AGAIN";
    case EAI_FAIL:
      return "EAI_FAIL";
    case EAI_FAMILY:
      return "EAI_FAMILY";
    case EAI_SOCKTYPE:
      return "EAI_SOCKTYPE";
    case EAI_SERVICE:
      return "EAI_SERVICE";
    case EAI_MEMORY:
      return "EAI_MEMORY";
    case EAI_SYSTEM:
      return "EAI_SYSTEM";
    case EAI_OVERFLOW:
      return "EAI_OVERFLOW";
#ifdef EAI_NODATA
    case EAI_NODATA:
      return "EAI_NODATA";
#endif
#ifdef EAI_ADDRFAMILY
    case EAI_ADDRFAMILY:
      return "EAI_ADDRFAMILY";
#endif
    default:
      return "EAI " + std::to_string(code);
  }
}

}  // namespace libcdiff::suite
