#include "scan/syntax_command.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;

bool starts_with_any(std::string_view arg, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return arg.starts_with(p); });
}

// Options that take the next argument when not joined ("-o file", "-MF file").
constexpr std::array kDroppedWithValue = {"-o",
                                          "-MF",
                                          "-MT",
                                          "-MQ",
                                          "-target",
                                          "-isysroot",
                                          "--sysroot",
                                          "-gcc-toolchain",
                                          "-B",
                                          "-Xclang",
                                          "-Xlinker",
                                          "-Xassembler",
                                          "-Xpreprocessor",
                                          "--param",
                                          "-aux-info",
                                          "-dumpbase",
                                          "-dumpdir",
                                          "-L",
                                          "-l",
                                          "-arch",
                                          "-specs",
                                          "--specs",
                                          "-T",
                                          "-u",
                                          "-z",
                                          "-include-pch",
                                          "-mllvm"};
constexpr std::array kIncludeDirOptions = {"-I", "-isystem", "-idirafter", "-iquote"};
constexpr std::array kKeptWithValue = {
    "-D", "-U", "-include", "-imacros", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-x", "--std"};

template <std::size_t N>
bool is_one_of(std::string_view arg, const std::array<const char*, N>& options) {
  return std::any_of(options.begin(), options.end(), [&](const char* o) { return arg == o; });
}

// The joined option ("-I" of "-Iinclude") when `arg` is one of `options` with its value attached.
template <std::size_t N>
std::string joined_prefix(std::string_view arg, const std::array<const char*, N>& options) {
  for (const char* o : options) {
    const std::string_view option(o);
    if (arg.size() > option.size() && arg.starts_with(option)) return std::string(option);
  }
  return "";
}

bool is_launcher(const std::string& program) {
  const auto name = fs::path(program).filename().string();
  return name == "ccache" || name == "sccache" || name == "distcc" || name == "icecc" || name == "buildcache";
}

// Directories that hold the host's libc, C++ library or compiler headers: on the target they are the
// target's own (the sysroot and the libc++ built for it).
bool is_host_system_dir(const fs::path& dir, const std::string& multiarch) {
  auto s = dir.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  if (s == "/usr/include" || s == "/usr/include/" + multiarch) return true;
  s += '/';
  if (starts_with_any(s, {"/usr/include/c++/", "/usr/include/" + multiarch + "/c++/", "/usr/lib/gcc/",
                          "/usr/lib/gcc-cross/", "/usr/lib/clang/", "/usr/local/lib/clang/"}))
    return true;
  // clang's resource headers: /usr/lib/llvm-16/lib/clang/16/include
  return s.starts_with("/usr/lib/llvm-") && s.find("/lib/clang/") != std::string::npos;
}

// Which diagnostics options would change the output libcdiff parses (or drop what it needs).
bool is_diagnostics_format_option(std::string_view arg) {
  return starts_with_any(
      arg, {"-fdiagnostics-", "-fno-diagnostics-", "-fcolor-diagnostics", "-fno-color-diagnostics",
            "-fcaret-diagnostics", "-fno-caret-diagnostics", "-fshow-", "-fno-show-", "-fmessage-length",
            "-ferror-limit", "-fmax-errors", "-fansi-escape-codes", "-fsyntax-only", "-fplugin", "-fpch-",
            "-fdump-", "-fprofile-use", "-fsave-optimization"});
}

std::string language_skip_reason(const std::string& x) {
  if (x == "c" || x == "c-header" || x == "c++" || x == "c++-header") return "";
  return "-x " + x + " (not C or C++)";
}

}  // namespace

SyntaxCheck syntax_check_for(const CompileCommand& command, const std::string& multiarch) {
  SyntaxCheck check;
  check.file = command.file;
  check.directory = command.directory;
  const auto& args = command.arguments;
  std::size_t first = 1;
  std::string compiler = args.empty() ? "" : args[0];
  if (!args.empty() && is_launcher(args[0]) && args.size() > 1) {
    compiler = args[1];
    first = 2;
  }
  std::string x_language;
  const auto keep_dir = [&](const std::string& option, const std::string& dir) {
    fs::path p(dir);
    if (p.is_relative()) p = command.directory / p;
    if (is_host_system_dir(p, multiarch)) return;
    if (option == "-I")
      check.flags.push_back("-I" + dir);
    else
      check.flags.insert(check.flags.end(), {option, dir});
  };
  for (std::size_t i = first; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_next = i + 1 < args.size();
    if (a.empty() || a[0] != '-' || a == "-") continue;  // inputs: the entry's file is added at the end
    if (is_one_of(a, kDroppedWithValue)) {
      i += has_next;
      continue;
    }
    if (is_one_of(a, kIncludeDirOptions)) {
      if (has_next) keep_dir(a, args[++i]);
      continue;
    }
    if (const auto option = joined_prefix(a, kIncludeDirOptions); !option.empty()) {
      keep_dir(option, a.substr(option.size()));
      continue;
    }
    if (is_one_of(a, kKeptWithValue)) {
      if (!has_next) continue;
      check.flags.insert(check.flags.end(), {a, args[i + 1]});
      if (a == "-x") x_language = args[i + 1];
      ++i;
      continue;
    }
    if (a.starts_with("-x")) x_language = a.substr(2);
    if (a.starts_with("-D") || a.starts_with("-U") || a.starts_with("-x") || a.starts_with("-std=") ||
        a.starts_with("--std=") || a.starts_with("-include") || a.starts_with("-imacros") ||
        a.starts_with("-m") || a.starts_with("-O") ||
        (a.starts_with("-Wp,") && a.find(",-M") == std::string::npos) || a == "-pthread" || a == "-ansi" ||
        a == "-nostdinc" || a == "-undef" || a == "-trigraphs" || a == "-traditional-cpp" ||
        (a.starts_with("-f") && !is_diagnostics_format_option(a))) {
      check.flags.push_back(a);
    }
    // Anything else (outputs, -M*, -W*, -g*, -c, --sysroot=, --target=, -stdlib=, ...) is dropped.
  }
  if (!x_language.empty() && x_language != "none") {
    check.skipped = language_skip_reason(x_language);
    check.language = x_language.starts_with("c++") ? SourceLanguage::cxx : SourceLanguage::c;
    return check;
  }
  const auto ext = command.file.extension().string();
  const auto compiler_name = fs::path(compiler).filename().string();
  const bool cxx_compiler = compiler_name.find("++") != std::string::npos || compiler_name == "CC";
  if (ext == ".c") {
    check.language = SourceLanguage::c;
  } else if (ext == ".cc" || ext == ".cp" || ext == ".cxx" || ext == ".cpp" || ext == ".CPP" ||
             ext == ".c++" || ext == ".C" || ext == ".hh" || ext == ".hpp" || ext == ".hxx" ||
             ext == ".h++" || ext == ".H") {
    check.language = SourceLanguage::cxx;
  } else if (ext == ".h") {
    check.language = cxx_compiler ? SourceLanguage::cxx : SourceLanguage::c;
  } else if (ext == ".s" || ext == ".S" || ext == ".sx" || ext == ".asm") {
    check.skipped = "assembly (" + ext + ")";
  } else if (ext == ".i" || ext == ".ii") {
    check.skipped = "already preprocessed (" + ext + ")";
  } else {
    check.skipped = "not C or C++ (" + (ext.empty() ? std::string("no extension") : ext) + ")";
  }
  return check;
}

std::vector<std::string> syntax_check_args(const SyntaxCheck& check, const TargetCompileFlags& flags,
                                           const std::vector<fs::path>& fallback_includes) {
  std::vector<std::string> args = flags.flags(check.language);
  args.insert(args.end(), check.flags.begin(), check.flags.end());
  args.insert(args.end(),
              {"-fsyntax-only", "-fno-color-diagnostics", "-fno-caret-diagnostics",
               "-fno-diagnostics-fixit-info", "-fdiagnostics-absolute-paths",
               "-fdiagnostics-print-source-range-info", "-fmessage-length=0", "-ferror-limit=0", "-w"});
  for (const auto& dir : fallback_includes) args.insert(args.end(), {"-idirafter", dir.string()});
  args.push_back(check.file.string());
  return args;
}

}  // namespace libcdiff::scan
