#include "scan/clang_diagnostics.hpp"

#include <gtest/gtest.h>

namespace libcdiff::scan {
namespace {

// Real clang-16 output against musl 1.2.5's headers (-fno-caret-diagnostics
// -fdiagnostics-absolute-paths -fdiagnostics-print-source-range-info), notes included.
constexpr const char* kMuslC = R"(/tmp/srcx/a.c:2:10:{2:10-2:22}: fatal error: 'execinfo.h' file not found
/tmp/srcx/b.c:7:17: error: variable has incomplete type 'struct stat64'
/tmp/srcx/b.c:7:10: note: forward declaration of 'struct stat64'
/tmp/srcx/b.c:8:24: error: call to undeclared function 'mallinfo'; ISO C99 and later do not support implicit function declarations [-Wimplicit-function-declaration]
/tmp/srcx/b.c:9:9:{9:13-9:32}: error: incompatible integer to pointer conversion initializing 'char *' with an expression of type 'int' [-Wint-conversion]
/tmp/srcx/b.c:10:36: error: use of undeclared identifier 'RTLD_DEEPBIND'
In file included from /tmp/srcx/q.c:1:
/tmp/srcx/util.h:1:9: error: use of undeclared identifier 'undeclared_thing'
/tmp/srcx/lib.c:2:54: error: call to undeclared library function 'strlen' with type 'unsigned long (const char *)'; ISO C99 and later do not support implicit function declarations [-Wimplicit-function-declaration]
/tmp/srcx/lib.c:2:54: note: include the header <string.h> or explicitly provide a declaration for 'strlen'
/tmp/srcx/lib.c:3:37:{3:43-3:59}: error: invalid application of 'sizeof' to an incomplete type 'struct obstack'
/tmp/srcx/p.c:1:5: error: function-like macro '__GLIBC_PREREQ' is not defined
/tmp/srcx/p.c:3:2: error: "needs glibc"
/root/.cache/libcdiff/musl-1.2.5/root/usr/include/x86_64-linux-musl/string.h:54:28: note: passing argument to parameter here
)";

constexpr const char* kMuslCxx =
    R"(/tmp/srcx/c.cpp:4:10:{4:10-4:23}: fatal error: 'sys/cdefs.h' file not found
/tmp/srcx/c.cpp:7:1: error: unknown type name '__BEGIN_DECLS'
/tmp/srcx/c.cpp:17:15:{17:19-17:48}: error: cannot initialize a variable of type 'const char *' with an rvalue of type 'int'
/tmp/srcx/c.cpp:18:39: error: no member named 'gnu_get_libc_version' in the global namespace
/tmp/srcx/n.cpp:3:6:{3:1-3:6}: error: no type named 'gets_t' in namespace 'std'
/tmp/srcx/n.cpp:4:14:{4:9-4:14}: error: no member named 'quick_exit2' in namespace 'std'
)";

TEST(ClangDiagnostics, ErrorsOfAMuslCompileNameTheirApi) {
  const auto out = parse_clang_output(kMuslC);
  ASSERT_EQ(out.errors.size(), 10u);
  EXPECT_TRUE(out.general_errors.empty());
  const auto& header = out.errors[0];
  EXPECT_EQ(header.file, "/tmp/srcx/a.c");
  EXPECT_EQ(header.line, 2);
  EXPECT_EQ(header.column, 10);
  EXPECT_EQ(header.message, "'execinfo.h' file not found");
  EXPECT_EQ(header.api, "<execinfo.h>");
  EXPECT_EQ(header.missing_header, "execinfo.h");
  EXPECT_EQ(header.range_line, 2);
  EXPECT_EQ(header.range_column, 10);
  const std::vector<std::string> apis = {
      "<execinfo.h>", "stat64",  "mallinfo",       "", "RTLD_DEEPBIND", "undeclared_thing",
      "strlen",       "obstack", "__GLIBC_PREREQ", ""};
  for (std::size_t i = 0; i < apis.size(); ++i)
    EXPECT_EQ(out.errors[i].api, apis[i]) << out.errors[i].message;
  EXPECT_EQ(out.errors[3].range_line, 9);
  EXPECT_EQ(out.errors[3].range_column, 13);
  EXPECT_EQ(out.errors[5].file, "/tmp/srcx/util.h") << "the header, not the file that included it";
  EXPECT_EQ(out.errors[9].message, "\"needs glibc\"");
  EXPECT_EQ(out.errors[2].range_line, 0) << "no range printed";
}

TEST(ClangDiagnostics, CxxErrorsToo) {
  const auto out = parse_clang_output(kMuslCxx);
  std::vector<std::string> apis;
  for (const auto& e : out.errors) apis.push_back(e.api);
  EXPECT_EQ(apis, (std::vector<std::string>{"<sys/cdefs.h>", "__BEGIN_DECLS", "", "gnu_get_libc_version",
                                            "gets_t", "quick_exit2"}));
}

TEST(ClangDiagnostics, ErrorsWithoutALocationAreKeptApart) {
  const auto out = parse_clang_output(
      "clang: error: unknown argument: '-fipa-pta'\n"
      "clang++-16: error: unknown argument '-fanalyzer'; did you mean '-Xanalyzer'?\n"
      "clang: warning: treating 'c' input as 'c++' when in C++ mode, this behavior is deprecated "
      "[-Wdeprecated]\n"
      "error: invalid value 'xyz' in '-std=xyz'\n"
      "note: use 'c89', 'c90', or 'iso9899:1990' for 'ISO C 1990' standard\r\n");
  EXPECT_TRUE(out.errors.empty());
  EXPECT_EQ(out.general_errors,
            (std::vector<std::string>{"unknown argument: '-fipa-pta'",
                                      "unknown argument '-fanalyzer'; did you mean '-Xanalyzer'?",
                                      "invalid value 'xyz' in '-std=xyz'"}));
}

TEST(ClangDiagnostics, PathsWithColonsAndOddMessagesStayWhole) {
  const auto out = parse_clang_output(
      "/src/a:b/x.c:12:3: error: conflicting types for 'basename'\n"
      "<command line>:1:9: error: macro name must be an identifier\n"
      "/src/y.c:99999999999:1: error: too far\n");
  ASSERT_EQ(out.errors.size(), 2u);
  EXPECT_EQ(out.errors[0].file, "/src/a:b/x.c");
  EXPECT_EQ(out.errors[0].line, 12);
  EXPECT_EQ(out.errors[0].api, "basename");
  EXPECT_EQ(out.errors[1].file, "<command line>");
  EXPECT_EQ(out.errors[1].api, "");
}

TEST(ClangDiagnostics, ApisOfOtherMessages) {
  EXPECT_EQ(api_named_by("'gnu/libc-version.h' file not found with <angled> include; use \"quotes\" instead"),
            "<gnu/libc-version.h>");
  EXPECT_EQ(api_named_by("implicit declaration of function 'backtrace' is invalid in C99"), "backtrace");
  EXPECT_EQ(api_named_by("use of undeclared identifier 'GLOB_BRACE'; did you mean 'GLOB_ERR'?"),
            "GLOB_BRACE");
  EXPECT_EQ(api_named_by("field has incomplete type 'struct mallinfo'"), "mallinfo");
  EXPECT_EQ(api_named_by("array has incomplete element type 'struct stat64'"), "stat64");
  EXPECT_EQ(api_named_by("incomplete definition of type 'struct statx'"), "statx");
  // elfutils against musl (no argp.h):
  EXPECT_EQ(api_named_by("array has incomplete element type 'const struct argp_option'"), "argp_option");
  EXPECT_EQ(api_named_by("variable has incomplete type 'const struct argp'"), "argp");
  EXPECT_EQ(api_named_by("static declaration of 'strlcpy' follows non-static declaration"), "strlcpy");
  EXPECT_EQ(api_named_by("redefinition of 'struct in6_pktinfo'"), "in6_pktinfo");
  EXPECT_EQ(api_named_by("no template named 'basic_string_view' in namespace 'std'"), "basic_string_view");
  EXPECT_EQ(api_named_by("expected ';' after top level declarator"), "");
}

TEST(ClangDiagnostics, TheCalleeOfAMarkedExpression) {
  EXPECT_EQ(callee_at("  char* p = strerror_r(2, buf, sizeof buf);", 13), "strerror_r");
  EXPECT_EQ(callee_at("  const char* m = ::strerror_r (2, buf, n);", 19), "strerror_r");
  EXPECT_EQ(callee_at("  auto v = std::getenv(\"X\");", 12), "getenv");
  EXPECT_EQ(callee_at("  char* p = q;", 13), "");
  EXPECT_EQ(callee_at("  char* p = 1(", 13), "");
  EXPECT_EQ(callee_at("x", 5), "");
  EXPECT_EQ(callee_at("x", 0), "");
}

}  // namespace
}  // namespace libcdiff::scan
