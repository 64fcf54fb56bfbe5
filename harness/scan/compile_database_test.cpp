#include "scan/compile_database.hpp"

#include <gtest/gtest.h>

#include "testing/temp_dir.hpp"

namespace libcdiff::scan {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;
using libcdiff::testing::TempDir;
using libcdiff::testing::write_text;

TEST(CompileDatabase, CommandStringsSplitAsAShellDoes) {
  // CMake's way of quoting a string define, and what Bear and Meson write.
  EXPECT_EQ(split_command_line(R"(/usr/bin/c++ -DV=\"0.1.0\" -I/work/x  -o a.o -c /work/x/a.cpp)"),
            (Args{"/usr/bin/c++", "-DV=\"0.1.0\"", "-I/work/x", "-o", "a.o", "-c", "/work/x/a.cpp"}));
  EXPECT_EQ(split_command_line(R"(cc '-DNAME="a b"' "-DP=\"x y\"" -DQ=a\ b "a\\b" 'it''s')"),
            (Args{"cc", "-DNAME=\"a b\"", "-DP=\"x y\"", "-DQ=a b", "a\\b", "its"}));
  EXPECT_EQ(split_command_line("  cc\t-c\n x.c  "), (Args{"cc", "-c", "x.c"}));
  EXPECT_EQ(split_command_line("cc \"\" x.c"), (Args{"cc", "", "x.c"}));
  EXPECT_THROW(split_command_line("cc 'x.c"), CompileDatabaseError);
  EXPECT_THROW(split_command_line("cc \"x.c"), CompileDatabaseError);
}

TEST(CompileDatabase, EntriesGetAbsolutePathsAndArgumentsFromEitherForm) {
  TempDir dir;
  fs::create_directories(dir / "build");
  write_text(dir / "build" / "extra.rsp", "-DFROM_RSP=1 -Iinc\n");
  write_text(dir / "compile_commands.json", R"([
    {"directory": "build", "file": "../src/a.c", "command": "gcc -c ../src/a.c -o a.o"},
    {"directory": "/abs/dir", "file": "/abs/dir/b.cpp", "arguments": ["g++", "-std=c++17", "-c", "b.cpp"],
     "output": "b.o"},
    {"directory": "build", "file": "c.c", "arguments": ["cc", "@extra.rsp", "@missing.rsp", "-c", "c.c"]}
  ])");
  const auto commands = read_compile_database(dir / "compile_commands.json");
  ASSERT_EQ(commands.size(), 3u);
  EXPECT_EQ(commands[0].directory, dir.path() / "build");
  EXPECT_EQ(commands[0].file, dir.path() / "src" / "a.c");
  EXPECT_EQ(commands[0].arguments, (Args{"gcc", "-c", "../src/a.c", "-o", "a.o"}));
  EXPECT_EQ(commands[1].directory, fs::path("/abs/dir"));
  EXPECT_EQ(commands[1].file, fs::path("/abs/dir/b.cpp"));
  EXPECT_EQ(commands[1].arguments, (Args{"g++", "-std=c++17", "-c", "b.cpp"}));
  EXPECT_EQ(commands[2].arguments, (Args{"cc", "-DFROM_RSP=1", "-Iinc", "@missing.rsp", "-c", "c.c"}))
      << "a response file is expanded in place; one that does not exist is left to the compiler";
}

TEST(CompileDatabase, WhatIsNotADatabaseSaysWhy) {
  TempDir dir;
  const auto expect_error = [&](const std::string& text, const std::string& why) {
    write_text(dir / "db.json", text);
    try {
      read_compile_database(dir / "db.json");
      ADD_FAILURE() << text << " was accepted";
    } catch (const CompileDatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
    }
  };
  expect_error("{not json", "is not JSON");
  expect_error(R"({"directory": "/"})", "not a JSON array");
  expect_error(R"([{"directory": "/", "command": "cc x.c"}])", "entry 1 has no \"file\"");
  expect_error(R"([{"file": "x.c", "command": "cc x.c"}])", "entry 1 has no \"directory\"");
  expect_error(R"([{"directory": "/", "file": "x.c"}])", "neither \"arguments\" nor \"command\"");
  expect_error(R"([{"directory": "/", "file": "x.c", "arguments": []}])", "empty command");
  expect_error(R"([{"directory": "/", "file": "x.c", "arguments": ["cc", 1]}])", "non-string argument");
  EXPECT_THROW(read_compile_database(dir / "absent.json"), CompileDatabaseError);
}

TEST(CompileDatabase, AScanArgumentNamesOneAsAJsonFileOrADirectoryHoldingOne) {
  TempDir dir;
  write_text(dir / "x.json", "[]");
  write_text(dir / "binary",
             "\x7f"
             "ELF");
  EXPECT_EQ(compile_database_at(dir / "x.json"), dir / "x.json");
  EXPECT_EQ(compile_database_at(dir / "binary"), fs::path());
  EXPECT_EQ(compile_database_at(dir.path()), fs::path()) << "no compile_commands.json inside yet";
  write_text(dir / "compile_commands.json", "[]");
  EXPECT_EQ(compile_database_at(dir.path()), dir / "compile_commands.json");
  EXPECT_EQ(compile_database_at(dir / "absent.json"), fs::path());
}

}  // namespace
}  // namespace libcdiff::scan
