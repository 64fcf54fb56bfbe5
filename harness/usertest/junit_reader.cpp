#include "usertest/junit_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "util/error.hpp"
#include "util/file_text.hpp"

namespace libcdiff::usertest {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// CTest's completion statuses (cmCTestTestHandler) and the words other runners use for the same.
TestOutcome failure_kind(const std::string& message) {
  const auto m = lower(message);
  if (m.find("timeout") != std::string::npos || m.find("timed out") != std::string::npos)
    return TestOutcome::timeout;
  for (const char* word : {"segfault", "sigsegv", "child aborted", "exception", "signal", "sigabrt", "sigbus",
                           "illegal", "bus error", "core dumped"})
    if (m.find(word) != std::string::npos) return TestOutcome::crash;
  return TestOutcome::fail;
}

std::string result_name(const pugi::xml_node& testcase) {
  const std::string name = testcase.attribute("name").as_string();
  const std::string cls = testcase.attribute("classname").as_string();
  if (cls.empty() || cls == name || name.rfind(cls, 0) == 0) return name;
  return cls + "." + name;
}

void collect(const pugi::xml_node& node, const std::string& source, std::vector<TestResult>& out) {
  for (const auto& child : node.children()) {
    const std::string tag = child.name();
    if (tag == "testsuite" || tag == "testsuites") {
      collect(child, source, out);
      continue;
    }
    if (tag != "testcase") continue;
    TestResult r;
    r.name = result_name(child);
    r.source = source;
    r.seconds = child.attribute("time").as_double(0);
    const std::string status = child.attribute("status").as_string();
    if (const auto f = child.child("failure")) {
      r.detail = f.attribute("message").as_string();
      r.outcome = failure_kind(r.detail + " " + f.attribute("type").as_string());
      r.log += f.text().as_string();
    } else if (const auto e = child.child("error")) {
      r.detail = e.attribute("message").as_string();
      r.outcome = failure_kind(r.detail) == TestOutcome::fail ? TestOutcome::error : failure_kind(r.detail);
      r.log += e.text().as_string();
    } else if (const auto s = child.child("skipped"); s || status == "notrun" || status == "disabled") {
      r.outcome = TestOutcome::skip;
      r.detail = s ? s.attribute("message").as_string() : status;
      if (r.detail.empty() && s) r.detail = s.text().as_string();
    }
    for (const char* stream : {"system-out", "system-err"})
      if (const auto text = child.child(stream)) r.log += text.text().as_string();
    r.log = capped_log(r.log);
    out.push_back(std::move(r));
  }
}

}  // namespace

std::vector<TestResult> parse_junit(const std::string& xml, const std::string& source,
                                    const std::string& origin) {
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed)
    throw input_error(origin,
                      std::string("is not XML (") + parsed.description() + " at byte " +
                          std::to_string(parsed.offset) + ")",
                      "check that the runner finished writing it");
  const std::string root = doc.document_element().name();
  if (root != "testsuites" && root != "testsuite")
    throw input_error(origin, "is XML but not JUnit (its root is <" + root + ">)",
                      "give a file whose root is <testsuites> or <testsuite>");
  std::vector<TestResult> out;
  collect(doc, source, out);
  return out;
}

std::vector<TestResult> read_junit_file(const std::filesystem::path& file, const std::string& source) {
  return parse_junit(util::read_text_if_present(file), source, file.string());
}

}  // namespace libcdiff::usertest
