// Sweep: every name of the sysconf (_SC_*), pathconf (_PC_*) and confstr (_CS_*) families that musl
// or glibc defines. The enumeration is the union of the names #defined in musl 1.2.3 and 1.2.5's
// <unistd.h> and glibc 2.36's <bits/confname.h> (generated from those headers; glibc defines each
// enumerator also as a macro, so #ifdef sees it). A name this libc's headers lack is recorded as
// "not defined"; a defined one as the value, or "-1 <errno>". pathconf runs on "/" and "/tmp".
// Values that change while the process runs (_SC_AVPHYS_PAGES) are recorded as their sign.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#include "common/observe.hpp"
#include "common/sweep_table.hpp"

namespace libcdiff::suite {
namespace {

constexpr int kNotDefined = -100000;

struct ConfName {
  const char* name;
  int value;
};

const ConfName kSysconfNames[] = {
#ifdef _SC_2_CHAR_TERM
    {"_SC_2_CHAR_TERM", _SC_2_CHAR_TERM},
#else
    {"_SC_2_CHAR_TERM", kNotDefined},
#endif
#ifdef _SC_2_C_BIND
    {"_SC_2_C_BIND", _SC_2_C_BIND},
#else
    {"_SC_2_C_BIND", kNotDefined},
#endif
#ifdef _SC_2_C_DEV
    {"_SC_2_C_DEV", _SC_2_C_DEV},
#else
    {"_SC_2_C_DEV", kNotDefined},
#endif
#ifdef _SC_2_C_VERSION
    {"_SC_2_C_VERSION", _SC_2_C_VERSION},
#else
    {"_SC_2_C_VERSION", kNotDefined},
#endif
#ifdef _SC_2_FORT_DEV
    {"_SC_2_FORT_DEV", _SC_2_FORT_DEV},
#else
    {"_SC_2_FORT_DEV", kNotDefined},
#endif
#ifdef _SC_2_FORT_RUN
    {"_SC_2_FORT_RUN", _SC_2_FORT_RUN},
#else
    {"_SC_2_FORT_RUN", kNotDefined},
#endif
#ifdef _SC_2_LOCALEDEF
    {"_SC_2_LOCALEDEF", _SC_2_LOCALEDEF},
#else
    {"_SC_2_LOCALEDEF", kNotDefined},
#endif
#ifdef _SC_2_PBS
    {"_SC_2_PBS", _SC_2_PBS},
#else
    {"_SC_2_PBS", kNotDefined},
#endif
#ifdef _SC_2_PBS_ACCOUNTING
    {"_SC_2_PBS_ACCOUNTING", _SC_2_PBS_ACCOUNTING},
#else
    {"_SC_2_PBS_ACCOUNTING", kNotDefined},
#endif
#ifdef _SC_2_PBS_CHECKPOINT
    {"_SC_2_PBS_CHECKPOINT", _SC_2_PBS_CHECKPOINT},
#else
    {"_SC_2_PBS_CHECKPOINT", kNotDefined},
#endif
#ifdef _SC_2_PBS_LOCATE
    {"_SC_2_PBS_LOCATE", _SC_2_PBS_LOCATE},
#else
    {"_SC_2_PBS_LOCATE", kNotDefined},
#endif
#ifdef _SC_2_PBS_MESSAGE
    {"_SC_2_PBS_MESSAGE", _SC_2_PBS_MESSAGE},
#else
    {"_SC_2_PBS_MESSAGE", kNotDefined},
#endif
#ifdef _SC_2_PBS_TRACK
    {"_SC_2_PBS_TRACK", _SC_2_PBS_TRACK},
#else
    {"_SC_2_PBS_TRACK", kNotDefined},
#endif
#ifdef _SC_2_SW_DEV
    {"_SC_2_SW_DEV", _SC_2_SW_DEV},
#else
    {"_SC_2_SW_DEV", kNotDefined},
#endif
#ifdef _SC_2_UPE
    {"_SC_2_UPE", _SC_2_UPE},
#else
    {"_SC_2_UPE", kNotDefined},
#endif
#ifdef _SC_2_VERSION
    {"_SC_2_VERSION", _SC_2_VERSION},
#else
    {"_SC_2_VERSION", kNotDefined},
#endif
#ifdef _SC_ADVISORY_INFO
    {"_SC_ADVISORY_INFO", _SC_ADVISORY_INFO},
#else
    {"_SC_ADVISORY_INFO", kNotDefined},
#endif
#ifdef _SC_AIO_LISTIO_MAX
    {"_SC_AIO_LISTIO_MAX", _SC_AIO_LISTIO_MAX},
#else
    {"_SC_AIO_LISTIO_MAX", kNotDefined},
#endif
#ifdef _SC_AIO_MAX
    {"_SC_AIO_MAX", _SC_AIO_MAX},
#else
    {"_SC_AIO_MAX", kNotDefined},
#endif
#ifdef _SC_AIO_PRIO_DELTA_MAX
    {"_SC_AIO_PRIO_DELTA_MAX", _SC_AIO_PRIO_DELTA_MAX},
#else
    {"_SC_AIO_PRIO_DELTA_MAX", kNotDefined},
#endif
#ifdef _SC_ARG_MAX
    {"_SC_ARG_MAX", _SC_ARG_MAX},
#else
    {"_SC_ARG_MAX", kNotDefined},
#endif
#ifdef _SC_ASYNCHRONOUS_IO
    {"_SC_ASYNCHRONOUS_IO", _SC_ASYNCHRONOUS_IO},
#else
    {"_SC_ASYNCHRONOUS_IO", kNotDefined},
#endif
#ifdef _SC_ATEXIT_MAX
    {"_SC_ATEXIT_MAX", _SC_ATEXIT_MAX},
#else
    {"_SC_ATEXIT_MAX", kNotDefined},
#endif
#ifdef _SC_AVPHYS_PAGES
    {"_SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES},
#else
    {"_SC_AVPHYS_PAGES", kNotDefined},
#endif
#ifdef _SC_BARRIERS
    {"_SC_BARRIERS", _SC_BARRIERS},
#else
    {"_SC_BARRIERS", kNotDefined},
#endif
#ifdef _SC_BASE
    {"_SC_BASE", _SC_BASE},
#else
    {"_SC_BASE", kNotDefined},
#endif
#ifdef _SC_BC_BASE_MAX
    {"_SC_BC_BASE_MAX", _SC_BC_BASE_MAX},
#else
    {"_SC_BC_BASE_MAX", kNotDefined},
#endif
#ifdef _SC_BC_DIM_MAX
    {"_SC_BC_DIM_MAX", _SC_BC_DIM_MAX},
#else
    {"_SC_BC_DIM_MAX", kNotDefined},
#endif
#ifdef _SC_BC_SCALE_MAX
    {"_SC_BC_SCALE_MAX", _SC_BC_SCALE_MAX},
#else
    {"_SC_BC_SCALE_MAX", kNotDefined},
#endif
#ifdef _SC_BC_STRING_MAX
    {"_SC_BC_STRING_MAX", _SC_BC_STRING_MAX},
#else
    {"_SC_BC_STRING_MAX", kNotDefined},
#endif
#ifdef _SC_CHARCLASS_NAME_MAX
    {"_SC_CHARCLASS_NAME_MAX", _SC_CHARCLASS_NAME_MAX},
#else
    {"_SC_CHARCLASS_NAME_MAX", kNotDefined},
#endif
#ifdef _SC_CHAR_BIT
    {"_SC_CHAR_BIT", _SC_CHAR_BIT},
#else
    {"_SC_CHAR_BIT", kNotDefined},
#endif
#ifdef _SC_CHAR_MAX
    {"_SC_CHAR_MAX", _SC_CHAR_MAX},
#else
    {"_SC_CHAR_MAX", kNotDefined},
#endif
#ifdef _SC_CHAR_MIN
    {"_SC_CHAR_MIN", _SC_CHAR_MIN},
#else
    {"_SC_CHAR_MIN", kNotDefined},
#endif
#ifdef _SC_CHILD_MAX
    {"_SC_CHILD_MAX", _SC_CHILD_MAX},
#else
    {"_SC_CHILD_MAX", kNotDefined},
#endif
#ifdef _SC_CLK_TCK
    {"_SC_CLK_TCK", _SC_CLK_TCK},
#else
    {"_SC_CLK_TCK", kNotDefined},
#endif
#ifdef _SC_CLOCK_SELECTION
    {"_SC_CLOCK_SELECTION", _SC_CLOCK_SELECTION},
#else
    {"_SC_CLOCK_SELECTION", kNotDefined},
#endif
#ifdef _SC_COLL_WEIGHTS_MAX
    {"_SC_COLL_WEIGHTS_MAX", _SC_COLL_WEIGHTS_MAX},
#else
    {"_SC_COLL_WEIGHTS_MAX", kNotDefined},
#endif
#ifdef _SC_CPUTIME
    {"_SC_CPUTIME", _SC_CPUTIME},
#else
    {"_SC_CPUTIME", kNotDefined},
#endif
#ifdef _SC_C_LANG_SUPPORT
    {"_SC_C_LANG_SUPPORT", _SC_C_LANG_SUPPORT},
#else
    {"_SC_C_LANG_SUPPORT", kNotDefined},
#endif
#ifdef _SC_C_LANG_SUPPORT_R
    {"_SC_C_LANG_SUPPORT_R", _SC_C_LANG_SUPPORT_R},
#else
    {"_SC_C_LANG_SUPPORT_R", kNotDefined},
#endif
#ifdef _SC_DELAYTIMER_MAX
    {"_SC_DELAYTIMER_MAX", _SC_DELAYTIMER_MAX},
#else
    {"_SC_DELAYTIMER_MAX", kNotDefined},
#endif
#ifdef _SC_DEVICE_IO
    {"_SC_DEVICE_IO", _SC_DEVICE_IO},
#else
    {"_SC_DEVICE_IO", kNotDefined},
#endif
#ifdef _SC_DEVICE_SPECIFIC
    {"_SC_DEVICE_SPECIFIC", _SC_DEVICE_SPECIFIC},
#else
    {"_SC_DEVICE_SPECIFIC", kNotDefined},
#endif
#ifdef _SC_DEVICE_SPECIFIC_R
    {"_SC_DEVICE_SPECIFIC_R", _SC_DEVICE_SPECIFIC_R},
#else
    {"_SC_DEVICE_SPECIFIC_R", kNotDefined},
#endif
#ifdef _SC_EQUIV_CLASS_MAX
    {"_SC_EQUIV_CLASS_MAX", _SC_EQUIV_CLASS_MAX},
#else
    {"_SC_EQUIV_CLASS_MAX", kNotDefined},
#endif
#ifdef _SC_EXPR_NEST_MAX
    {"_SC_EXPR_NEST_MAX", _SC_EXPR_NEST_MAX},
#else
    {"_SC_EXPR_NEST_MAX", kNotDefined},
#endif
#ifdef _SC_FD_MGMT
    {"_SC_FD_MGMT", _SC_FD_MGMT},
#else
    {"_SC_FD_MGMT", kNotDefined},
#endif
#ifdef _SC_FIFO
    {"_SC_FIFO", _SC_FIFO},
#else
    {"_SC_FIFO", kNotDefined},
#endif
#ifdef _SC_FILE_ATTRIBUTES
    {"_SC_FILE_ATTRIBUTES", _SC_FILE_ATTRIBUTES},
#else
    {"_SC_FILE_ATTRIBUTES", kNotDefined},
#endif
#ifdef _SC_FILE_LOCKING
    {"_SC_FILE_LOCKING", _SC_FILE_LOCKING},
#else
    {"_SC_FILE_LOCKING", kNotDefined},
#endif
#ifdef _SC_FILE_SYSTEM
    {"_SC_FILE_SYSTEM", _SC_FILE_SYSTEM},
#else
    {"_SC_FILE_SYSTEM", kNotDefined},
#endif
#ifdef _SC_FSYNC
    {"_SC_FSYNC", _SC_FSYNC},
#else
    {"_SC_FSYNC", kNotDefined},
#endif
#ifdef _SC_GETGR_R_SIZE_MAX
    {"_SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX},
#else
    {"_SC_GETGR_R_SIZE_MAX", kNotDefined},
#endif
#ifdef _SC_GETPW_R_SIZE_MAX
    {"_SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX},
#else
    {"_SC_GETPW_R_SIZE_MAX", kNotDefined},
#endif
#ifdef _SC_HOST_NAME_MAX
    {"_SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
#else
    {"_SC_HOST_NAME_MAX", kNotDefined},
#endif
#ifdef _SC_INT_MAX
    {"_SC_INT_MAX", _SC_INT_MAX},
#else
    {"_SC_INT_MAX", kNotDefined},
#endif
#ifdef _SC_INT_MIN
    {"_SC_INT_MIN", _SC_INT_MIN},
#else
    {"_SC_INT_MIN", kNotDefined},
#endif
#ifdef _SC_IOV_MAX
    {"_SC_IOV_MAX", _SC_IOV_MAX},
#else
    {"_SC_IOV_MAX", kNotDefined},
#endif
#ifdef _SC_IPV6
    {"_SC_IPV6", _SC_IPV6},
#else
    {"_SC_IPV6", kNotDefined},
#endif
#ifdef _SC_JOB_CONTROL
    {"_SC_JOB_CONTROL", _SC_JOB_CONTROL},
#else
    {"_SC_JOB_CONTROL", kNotDefined},
#endif
#ifdef _SC_LEVEL1_DCACHE_ASSOC
    {"_SC_LEVEL1_DCACHE_ASSOC", _SC_LEVEL1_DCACHE_ASSOC},
#else
    {"_SC_LEVEL1_DCACHE_ASSOC", kNotDefined},
#endif
#ifdef _SC_LEVEL1_DCACHE_LINESIZE
    {"_SC_LEVEL1_DCACHE_LINESIZE", _SC_LEVEL1_DCACHE_LINESIZE},
#else
    {"_SC_LEVEL1_DCACHE_LINESIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL1_DCACHE_SIZE
    {"_SC_LEVEL1_DCACHE_SIZE", _SC_LEVEL1_DCACHE_SIZE},
#else
    {"_SC_LEVEL1_DCACHE_SIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL1_ICACHE_ASSOC
    {"_SC_LEVEL1_ICACHE_ASSOC", _SC_LEVEL1_ICACHE_ASSOC},
#else
    {"_SC_LEVEL1_ICACHE_ASSOC", kNotDefined},
#endif
#ifdef _SC_LEVEL1_ICACHE_LINESIZE
    {"_SC_LEVEL1_ICACHE_LINESIZE", _SC_LEVEL1_ICACHE_LINESIZE},
#else
    {"_SC_LEVEL1_ICACHE_LINESIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL1_ICACHE_SIZE
    {"_SC_LEVEL1_ICACHE_SIZE", _SC_LEVEL1_ICACHE_SIZE},
#else
    {"_SC_LEVEL1_ICACHE_SIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL2_CACHE_ASSOC
    {"_SC_LEVEL2_CACHE_ASSOC", _SC_LEVEL2_CACHE_ASSOC},
#else
    {"_SC_LEVEL2_CACHE_ASSOC", kNotDefined},
#endif
#ifdef _SC_LEVEL2_CACHE_LINESIZE
    {"_SC_LEVEL2_CACHE_LINESIZE", _SC_LEVEL2_CACHE_LINESIZE},
#else
    {"_SC_LEVEL2_CACHE_LINESIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL2_CACHE_SIZE
    {"_SC_LEVEL2_CACHE_SIZE", _SC_LEVEL2_CACHE_SIZE},
#else
    {"_SC_LEVEL2_CACHE_SIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL3_CACHE_ASSOC
    {"_SC_LEVEL3_CACHE_ASSOC", _SC_LEVEL3_CACHE_ASSOC},
#else
    {"_SC_LEVEL3_CACHE_ASSOC", kNotDefined},
#endif
#ifdef _SC_LEVEL3_CACHE_LINESIZE
    {"_SC_LEVEL3_CACHE_LINESIZE", _SC_LEVEL3_CACHE_LINESIZE},
#else
    {"_SC_LEVEL3_CACHE_LINESIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL3_CACHE_SIZE
    {"_SC_LEVEL3_CACHE_SIZE", _SC_LEVEL3_CACHE_SIZE},
#else
    {"_SC_LEVEL3_CACHE_SIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL4_CACHE_ASSOC
    {"_SC_LEVEL4_CACHE_ASSOC", _SC_LEVEL4_CACHE_ASSOC},
#else
    {"_SC_LEVEL4_CACHE_ASSOC", kNotDefined},
#endif
#ifdef _SC_LEVEL4_CACHE_LINESIZE
    {"_SC_LEVEL4_CACHE_LINESIZE", _SC_LEVEL4_CACHE_LINESIZE},
#else
    {"_SC_LEVEL4_CACHE_LINESIZE", kNotDefined},
#endif
#ifdef _SC_LEVEL4_CACHE_SIZE
    {"_SC_LEVEL4_CACHE_SIZE", _SC_LEVEL4_CACHE_SIZE},
#else
    {"_SC_LEVEL4_CACHE_SIZE", kNotDefined},
#endif
#ifdef _SC_LINE_MAX
    {"_SC_LINE_MAX", _SC_LINE_MAX},
#else
    {"_SC_LINE_MAX", kNotDefined},
#endif
#ifdef _SC_LOGIN_NAME_MAX
    {"_SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX},
#else
    {"_SC_LOGIN_NAME_MAX", kNotDefined},
#endif
#ifdef _SC_LONG_BIT
    {"_SC_LONG_BIT", _SC_LONG_BIT},
#else
    {"_SC_LONG_BIT", kNotDefined},
#endif
#ifdef _SC_MAPPED_FILES
    {"_SC_MAPPED_FILES", _SC_MAPPED_FILES},
#else
    {"_SC_MAPPED_FILES", kNotDefined},
#endif
#ifdef _SC_MB_LEN_MAX
    {"_SC_MB_LEN_MAX", _SC_MB_LEN_MAX},
#else
    {"_SC_MB_LEN_MAX", kNotDefined},
#endif
#ifdef _SC_MEMLOCK
    {"_SC_MEMLOCK", _SC_MEMLOCK},
#else
    {"_SC_MEMLOCK", kNotDefined},
#endif
#ifdef _SC_MEMLOCK_RANGE
    {"_SC_MEMLOCK_RANGE", _SC_MEMLOCK_RANGE},
#else
    {"_SC_MEMLOCK_RANGE", kNotDefined},
#endif
#ifdef _SC_MEMORY_PROTECTION
    {"_SC_MEMORY_PROTECTION", _SC_MEMORY_PROTECTION},
#else
    {"_SC_MEMORY_PROTECTION", kNotDefined},
#endif
#ifdef _SC_MESSAGE_PASSING
    {"_SC_MESSAGE_PASSING", _SC_MESSAGE_PASSING},
#else
    {"_SC_MESSAGE_PASSING", kNotDefined},
#endif
#ifdef _SC_MINSIGSTKSZ
    {"_SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
#else
    {"_SC_MINSIGSTKSZ", kNotDefined},
#endif
#ifdef _SC_MONOTONIC_CLOCK
    {"_SC_MONOTONIC_CLOCK", _SC_MONOTONIC_CLOCK},
#else
    {"_SC_MONOTONIC_CLOCK", kNotDefined},
#endif
#ifdef _SC_MQ_OPEN_MAX
    {"_SC_MQ_OPEN_MAX", _SC_MQ_OPEN_MAX},
#else
    {"_SC_MQ_OPEN_MAX", kNotDefined},
#endif
#ifdef _SC_MQ_PRIO_MAX
    {"_SC_MQ_PRIO_MAX", _SC_MQ_PRIO_MAX},
#else
    {"_SC_MQ_PRIO_MAX", kNotDefined},
#endif
#ifdef _SC_MULTI_PROCESS
    {"_SC_MULTI_PROCESS", _SC_MULTI_PROCESS},
#else
    {"_SC_MULTI_PROCESS", kNotDefined},
#endif
#ifdef _SC_NETWORKING
    {"_SC_NETWORKING", _SC_NETWORKING},
#else
    {"_SC_NETWORKING", kNotDefined},
#endif
#ifdef _SC_NGROUPS_MAX
    {"_SC_NGROUPS_MAX", _SC_NGROUPS_MAX},
#else
    {"_SC_NGROUPS_MAX", kNotDefined},
#endif
#ifdef _SC_NL_ARGMAX
    {"_SC_NL_ARGMAX", _SC_NL_ARGMAX},
#else
    {"_SC_NL_ARGMAX", kNotDefined},
#endif
#ifdef _SC_NL_LANGMAX
    {"_SC_NL_LANGMAX", _SC_NL_LANGMAX},
#else
    {"_SC_NL_LANGMAX", kNotDefined},
#endif
#ifdef _SC_NL_MSGMAX
    {"_SC_NL_MSGMAX", _SC_NL_MSGMAX},
#else
    {"_SC_NL_MSGMAX", kNotDefined},
#endif
#ifdef _SC_NL_NMAX
    {"_SC_NL_NMAX", _SC_NL_NMAX},
#else
    {"_SC_NL_NMAX", kNotDefined},
#endif
#ifdef _SC_NL_SETMAX
    {"_SC_NL_SETMAX", _SC_NL_SETMAX},
#else
    {"_SC_NL_SETMAX", kNotDefined},
#endif
#ifdef _SC_NL_TEXTMAX
    {"_SC_NL_TEXTMAX", _SC_NL_TEXTMAX},
#else
    {"_SC_NL_TEXTMAX", kNotDefined},
#endif
#ifdef _SC_NPROCESSORS_CONF
    {"_SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
#else
    {"_SC_NPROCESSORS_CONF", kNotDefined},
#endif
#ifdef _SC_NPROCESSORS_ONLN
    {"_SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
#else
    {"_SC_NPROCESSORS_ONLN", kNotDefined},
#endif
#ifdef _SC_NZERO
    {"_SC_NZERO", _SC_NZERO},
#else
    {"_SC_NZERO", kNotDefined},
#endif
#ifdef _SC_OPEN_MAX
    {"_SC_OPEN_MAX", _SC_OPEN_MAX},
#else
    {"_SC_OPEN_MAX", kNotDefined},
#endif
#ifdef _SC_PAGESIZE
    {"_SC_PAGESIZE", _SC_PAGESIZE},
#else
    {"_SC_PAGESIZE", kNotDefined},
#endif
#ifdef _SC_PAGE_SIZE
    {"_SC_PAGE_SIZE", _SC_PAGE_SIZE},
#else
    {"_SC_PAGE_SIZE", kNotDefined},
#endif
#ifdef _SC_PASS_MAX
    {"_SC_PASS_MAX", _SC_PASS_MAX},
#else
    {"_SC_PASS_MAX", kNotDefined},
#endif
#ifdef _SC_PHYS_PAGES
    {"_SC_PHYS_PAGES", _SC_PHYS_PAGES},
#else
    {"_SC_PHYS_PAGES", kNotDefined},
#endif
#ifdef _SC_PII
    {"_SC_PII", _SC_PII},
#else
    {"_SC_PII", kNotDefined},
#endif
#ifdef _SC_PII_INTERNET
    {"_SC_PII_INTERNET", _SC_PII_INTERNET},
#else
    {"_SC_PII_INTERNET", kNotDefined},
#endif
#ifdef _SC_PII_INTERNET_DGRAM
    {"_SC_PII_INTERNET_DGRAM", _SC_PII_INTERNET_DGRAM},
#else
    {"_SC_PII_INTERNET_DGRAM", kNotDefined},
#endif
#ifdef _SC_PII_INTERNET_STREAM
    {"_SC_PII_INTERNET_STREAM", _SC_PII_INTERNET_STREAM},
#else
    {"_SC_PII_INTERNET_STREAM", kNotDefined},
#endif
#ifdef _SC_PII_OSI
    {"_SC_PII_OSI", _SC_PII_OSI},
#else
    {"_SC_PII_OSI", kNotDefined},
#endif
#ifdef _SC_PII_OSI_CLTS
    {"_SC_PII_OSI_CLTS", _SC_PII_OSI_CLTS},
#else
    {"_SC_PII_OSI_CLTS", kNotDefined},
#endif
#ifdef _SC_PII_OSI_COTS
    {"_SC_PII_OSI_COTS", _SC_PII_OSI_COTS},
#else
    {"_SC_PII_OSI_COTS", kNotDefined},
#endif
#ifdef _SC_PII_OSI_M
    {"_SC_PII_OSI_M", _SC_PII_OSI_M},
#else
    {"_SC_PII_OSI_M", kNotDefined},
#endif
#ifdef _SC_PII_SOCKET
    {"_SC_PII_SOCKET", _SC_PII_SOCKET},
#else
    {"_SC_PII_SOCKET", kNotDefined},
#endif
#ifdef _SC_PII_XTI
    {"_SC_PII_XTI", _SC_PII_XTI},
#else
    {"_SC_PII_XTI", kNotDefined},
#endif
#ifdef _SC_PIPE
    {"_SC_PIPE", _SC_PIPE},
#else
    {"_SC_PIPE", kNotDefined},
#endif
#ifdef _SC_POLL
    {"_SC_POLL", _SC_POLL},
#else
    {"_SC_POLL", kNotDefined},
#endif
#ifdef _SC_PRIORITIZED_IO
    {"_SC_PRIORITIZED_IO", _SC_PRIORITIZED_IO},
#else
    {"_SC_PRIORITIZED_IO", kNotDefined},
#endif
#ifdef _SC_PRIORITY_SCHEDULING
    {"_SC_PRIORITY_SCHEDULING", _SC_PRIORITY_SCHEDULING},
#else
    {"_SC_PRIORITY_SCHEDULING", kNotDefined},
#endif
#ifdef _SC_RAW_SOCKETS
    {"_SC_RAW_SOCKETS", _SC_RAW_SOCKETS},
#else
    {"_SC_RAW_SOCKETS", kNotDefined},
#endif
#ifdef _SC_READER_WRITER_LOCKS
    {"_SC_READER_WRITER_LOCKS", _SC_READER_WRITER_LOCKS},
#else
    {"_SC_READER_WRITER_LOCKS", kNotDefined},
#endif
#ifdef _SC_REALTIME_SIGNALS
    {"_SC_REALTIME_SIGNALS", _SC_REALTIME_SIGNALS},
#else
    {"_SC_REALTIME_SIGNALS", kNotDefined},
#endif
#ifdef _SC_REGEXP
    {"_SC_REGEXP", _SC_REGEXP},
#else
    {"_SC_REGEXP", kNotDefined},
#endif
#ifdef _SC_REGEX_VERSION
    {"_SC_REGEX_VERSION", _SC_REGEX_VERSION},
#else
    {"_SC_REGEX_VERSION", kNotDefined},
#endif
#ifdef _SC_RE_DUP_MAX
    {"_SC_RE_DUP_MAX", _SC_RE_DUP_MAX},
#else
    {"_SC_RE_DUP_MAX", kNotDefined},
#endif
#ifdef _SC_RTSIG_MAX
    {"_SC_RTSIG_MAX", _SC_RTSIG_MAX},
#else
    {"_SC_RTSIG_MAX", kNotDefined},
#endif
#ifdef _SC_SAVED_IDS
    {"_SC_SAVED_IDS", _SC_SAVED_IDS},
#else
    {"_SC_SAVED_IDS", kNotDefined},
#endif
#ifdef _SC_SCHAR_MAX
    {"_SC_SCHAR_MAX", _SC_SCHAR_MAX},
#else
    {"_SC_SCHAR_MAX", kNotDefined},
#endif
#ifdef _SC_SCHAR_MIN
    {"_SC_SCHAR_MIN", _SC_SCHAR_MIN},
#else
    {"_SC_SCHAR_MIN", kNotDefined},
#endif
#ifdef _SC_SELECT
    {"_SC_SELECT", _SC_SELECT},
#else
    {"_SC_SELECT", kNotDefined},
#endif
#ifdef _SC_SEMAPHORES
    {"_SC_SEMAPHORES", _SC_SEMAPHORES},
#else
    {"_SC_SEMAPHORES", kNotDefined},
#endif
#ifdef _SC_SEM_NSEMS_MAX
    {"_SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
#else
    {"_SC_SEM_NSEMS_MAX", kNotDefined},
#endif
#ifdef _SC_SEM_VALUE_MAX
    {"_SC_SEM_VALUE_MAX", _SC_SEM_VALUE_MAX},
#else
    {"_SC_SEM_VALUE_MAX", kNotDefined},
#endif
#ifdef _SC_SHARED_MEMORY_OBJECTS
    {"_SC_SHARED_MEMORY_OBJECTS", _SC_SHARED_MEMORY_OBJECTS},
#else
    {"_SC_SHARED_MEMORY_OBJECTS", kNotDefined},
#endif
#ifdef _SC_SHELL
    {"_SC_SHELL", _SC_SHELL},
#else
    {"_SC_SHELL", kNotDefined},
#endif
#ifdef _SC_SHRT_MAX
    {"_SC_SHRT_MAX", _SC_SHRT_MAX},
#else
    {"_SC_SHRT_MAX", kNotDefined},
#endif
#ifdef _SC_SHRT_MIN
    {"_SC_SHRT_MIN", _SC_SHRT_MIN},
#else
    {"_SC_SHRT_MIN", kNotDefined},
#endif
#ifdef _SC_SIGNALS
    {"_SC_SIGNALS", _SC_SIGNALS},
#else
    {"_SC_SIGNALS", kNotDefined},
#endif
#ifdef _SC_SIGQUEUE_MAX
    {"_SC_SIGQUEUE_MAX", _SC_SIGQUEUE_MAX},
#else
    {"_SC_SIGQUEUE_MAX", kNotDefined},
#endif
#ifdef _SC_SIGSTKSZ
    {"_SC_SIGSTKSZ", _SC_SIGSTKSZ},
#else
    {"_SC_SIGSTKSZ", kNotDefined},
#endif
#ifdef _SC_SINGLE_PROCESS
    {"_SC_SINGLE_PROCESS", _SC_SINGLE_PROCESS},
#else
    {"_SC_SINGLE_PROCESS", kNotDefined},
#endif
#ifdef _SC_SPAWN
    {"_SC_SPAWN", _SC_SPAWN},
#else
    {"_SC_SPAWN", kNotDefined},
#endif
#ifdef _SC_SPIN_LOCKS
    {"_SC_SPIN_LOCKS", _SC_SPIN_LOCKS},
#else
    {"_SC_SPIN_LOCKS", kNotDefined},
#endif
#ifdef _SC_SPORADIC_SERVER
    {"_SC_SPORADIC_SERVER", _SC_SPORADIC_SERVER},
#else
    {"_SC_SPORADIC_SERVER", kNotDefined},
#endif
#ifdef _SC_SSIZE_MAX
    {"_SC_SSIZE_MAX", _SC_SSIZE_MAX},
#else
    {"_SC_SSIZE_MAX", kNotDefined},
#endif
#ifdef _SC_SS_REPL_MAX
    {"_SC_SS_REPL_MAX", _SC_SS_REPL_MAX},
#else
    {"_SC_SS_REPL_MAX", kNotDefined},
#endif
#ifdef _SC_STREAMS
    {"_SC_STREAMS", _SC_STREAMS},
#else
    {"_SC_STREAMS", kNotDefined},
#endif
#ifdef _SC_STREAM_MAX
    {"_SC_STREAM_MAX", _SC_STREAM_MAX},
#else
    {"_SC_STREAM_MAX", kNotDefined},
#endif
#ifdef _SC_SYMLOOP_MAX
    {"_SC_SYMLOOP_MAX", _SC_SYMLOOP_MAX},
#else
    {"_SC_SYMLOOP_MAX", kNotDefined},
#endif
#ifdef _SC_SYNCHRONIZED_IO
    {"_SC_SYNCHRONIZED_IO", _SC_SYNCHRONIZED_IO},
#else
    {"_SC_SYNCHRONIZED_IO", kNotDefined},
#endif
#ifdef _SC_SYSTEM_DATABASE
    {"_SC_SYSTEM_DATABASE", _SC_SYSTEM_DATABASE},
#else
    {"_SC_SYSTEM_DATABASE", kNotDefined},
#endif
#ifdef _SC_SYSTEM_DATABASE_R
    {"_SC_SYSTEM_DATABASE_R", _SC_SYSTEM_DATABASE_R},
#else
    {"_SC_SYSTEM_DATABASE_R", kNotDefined},
#endif
#ifdef _SC_THREADS
    {"_SC_THREADS", _SC_THREADS},
#else
    {"_SC_THREADS", kNotDefined},
#endif
#ifdef _SC_THREAD_ATTR_STACKADDR
    {"_SC_THREAD_ATTR_STACKADDR", _SC_THREAD_ATTR_STACKADDR},
#else
    {"_SC_THREAD_ATTR_STACKADDR", kNotDefined},
#endif
#ifdef _SC_THREAD_ATTR_STACKSIZE
    {"_SC_THREAD_ATTR_STACKSIZE", _SC_THREAD_ATTR_STACKSIZE},
#else
    {"_SC_THREAD_ATTR_STACKSIZE", kNotDefined},
#endif
#ifdef _SC_THREAD_CPUTIME
    {"_SC_THREAD_CPUTIME", _SC_THREAD_CPUTIME},
#else
    {"_SC_THREAD_CPUTIME", kNotDefined},
#endif
#ifdef _SC_THREAD_DESTRUCTOR_ITERATIONS
    {"_SC_THREAD_DESTRUCTOR_ITERATIONS", _SC_THREAD_DESTRUCTOR_ITERATIONS},
#else
    {"_SC_THREAD_DESTRUCTOR_ITERATIONS", kNotDefined},
#endif
#ifdef _SC_THREAD_KEYS_MAX
    {"_SC_THREAD_KEYS_MAX", _SC_THREAD_KEYS_MAX},
#else
    {"_SC_THREAD_KEYS_MAX", kNotDefined},
#endif
#ifdef _SC_THREAD_PRIORITY_SCHEDULING
    {"_SC_THREAD_PRIORITY_SCHEDULING", _SC_THREAD_PRIORITY_SCHEDULING},
#else
    {"_SC_THREAD_PRIORITY_SCHEDULING", kNotDefined},
#endif
#ifdef _SC_THREAD_PRIO_INHERIT
    {"_SC_THREAD_PRIO_INHERIT", _SC_THREAD_PRIO_INHERIT},
#else
    {"_SC_THREAD_PRIO_INHERIT", kNotDefined},
#endif
#ifdef _SC_THREAD_PRIO_PROTECT
    {"_SC_THREAD_PRIO_PROTECT", _SC_THREAD_PRIO_PROTECT},
#else
    {"_SC_THREAD_PRIO_PROTECT", kNotDefined},
#endif
#ifdef _SC_THREAD_PROCESS_SHARED
    {"_SC_THREAD_PROCESS_SHARED", _SC_THREAD_PROCESS_SHARED},
#else
    {"_SC_THREAD_PROCESS_SHARED", kNotDefined},
#endif
#ifdef _SC_THREAD_ROBUST_PRIO_INHERIT
    {"_SC_THREAD_ROBUST_PRIO_INHERIT", _SC_THREAD_ROBUST_PRIO_INHERIT},
#else
    {"_SC_THREAD_ROBUST_PRIO_INHERIT", kNotDefined},
#endif
#ifdef _SC_THREAD_ROBUST_PRIO_PROTECT
    {"_SC_THREAD_ROBUST_PRIO_PROTECT", _SC_THREAD_ROBUST_PRIO_PROTECT},
#else
    {"_SC_THREAD_ROBUST_PRIO_PROTECT", kNotDefined},
#endif
#ifdef _SC_THREAD_SAFE_FUNCTIONS
    {"_SC_THREAD_SAFE_FUNCTIONS", _SC_THREAD_SAFE_FUNCTIONS},
#else
    {"_SC_THREAD_SAFE_FUNCTIONS", kNotDefined},
#endif
#ifdef _SC_THREAD_SPORADIC_SERVER
    {"_SC_THREAD_SPORADIC_SERVER", _SC_THREAD_SPORADIC_SERVER},
#else
    {"_SC_THREAD_SPORADIC_SERVER", kNotDefined},
#endif
#ifdef _SC_THREAD_STACK_MIN
    {"_SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN},
#else
    {"_SC_THREAD_STACK_MIN", kNotDefined},
#endif
#ifdef _SC_THREAD_THREADS_MAX
    {"_SC_THREAD_THREADS_MAX", _SC_THREAD_THREADS_MAX},
#else
    {"_SC_THREAD_THREADS_MAX", kNotDefined},
#endif
#ifdef _SC_TIMEOUTS
    {"_SC_TIMEOUTS", _SC_TIMEOUTS},
#else
    {"_SC_TIMEOUTS", kNotDefined},
#endif
#ifdef _SC_TIMERS
    {"_SC_TIMERS", _SC_TIMERS},
#else
    {"_SC_TIMERS", kNotDefined},
#endif
#ifdef _SC_TIMER_MAX
    {"_SC_TIMER_MAX", _SC_TIMER_MAX},
#else
    {"_SC_TIMER_MAX", kNotDefined},
#endif
#ifdef _SC_TRACE
    {"_SC_TRACE", _SC_TRACE},
#else
    {"_SC_TRACE", kNotDefined},
#endif
#ifdef _SC_TRACE_EVENT_FILTER
    {"_SC_TRACE_EVENT_FILTER", _SC_TRACE_EVENT_FILTER},
#else
    {"_SC_TRACE_EVENT_FILTER", kNotDefined},
#endif
#ifdef _SC_TRACE_EVENT_NAME_MAX
    {"_SC_TRACE_EVENT_NAME_MAX", _SC_TRACE_EVENT_NAME_MAX},
#else
    {"_SC_TRACE_EVENT_NAME_MAX", kNotDefined},
#endif
#ifdef _SC_TRACE_INHERIT
    {"_SC_TRACE_INHERIT", _SC_TRACE_INHERIT},
#else
    {"_SC_TRACE_INHERIT", kNotDefined},
#endif
#ifdef _SC_TRACE_LOG
    {"_SC_TRACE_LOG", _SC_TRACE_LOG},
#else
    {"_SC_TRACE_LOG", kNotDefined},
#endif
#ifdef _SC_TRACE_NAME_MAX
    {"_SC_TRACE_NAME_MAX", _SC_TRACE_NAME_MAX},
#else
    {"_SC_TRACE_NAME_MAX", kNotDefined},
#endif
#ifdef _SC_TRACE_SYS_MAX
    {"_SC_TRACE_SYS_MAX", _SC_TRACE_SYS_MAX},
#else
    {"_SC_TRACE_SYS_MAX", kNotDefined},
#endif
#ifdef _SC_TRACE_USER_EVENT_MAX
    {"_SC_TRACE_USER_EVENT_MAX", _SC_TRACE_USER_EVENT_MAX},
#else
    {"_SC_TRACE_USER_EVENT_MAX", kNotDefined},
#endif
#ifdef _SC_TTY_NAME_MAX
    {"_SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX},
#else
    {"_SC_TTY_NAME_MAX", kNotDefined},
#endif
#ifdef _SC_TYPED_MEMORY_OBJECTS
    {"_SC_TYPED_MEMORY_OBJECTS", _SC_TYPED_MEMORY_OBJECTS},
#else
    {"_SC_TYPED_MEMORY_OBJECTS", kNotDefined},
#endif
#ifdef _SC_TZNAME_MAX
    {"_SC_TZNAME_MAX", _SC_TZNAME_MAX},
#else
    {"_SC_TZNAME_MAX", kNotDefined},
#endif
#ifdef _SC_T_IOV_MAX
    {"_SC_T_IOV_MAX", _SC_T_IOV_MAX},
#else
    {"_SC_T_IOV_MAX", kNotDefined},
#endif
#ifdef _SC_UCHAR_MAX
    {"_SC_UCHAR_MAX", _SC_UCHAR_MAX},
#else
    {"_SC_UCHAR_MAX", kNotDefined},
#endif
#ifdef _SC_UINT_MAX
    {"_SC_UINT_MAX", _SC_UINT_MAX},
#else
    {"_SC_UINT_MAX", kNotDefined},
#endif
#ifdef _SC_UIO_MAXIOV
    {"_SC_UIO_MAXIOV", _SC_UIO_MAXIOV},
#else
    {"_SC_UIO_MAXIOV", kNotDefined},
#endif
#ifdef _SC_ULONG_MAX
    {"_SC_ULONG_MAX", _SC_ULONG_MAX},
#else
    {"_SC_ULONG_MAX", kNotDefined},
#endif
#ifdef _SC_USER_GROUPS
    {"_SC_USER_GROUPS", _SC_USER_GROUPS},
#else
    {"_SC_USER_GROUPS", kNotDefined},
#endif
#ifdef _SC_USER_GROUPS_R
    {"_SC_USER_GROUPS_R", _SC_USER_GROUPS_R},
#else
    {"_SC_USER_GROUPS_R", kNotDefined},
#endif
#ifdef _SC_USHRT_MAX
    {"_SC_USHRT_MAX", _SC_USHRT_MAX},
#else
    {"_SC_USHRT_MAX", kNotDefined},
#endif
#ifdef _SC_V6_ILP32_OFF32
    {"_SC_V6_ILP32_OFF32", _SC_V6_ILP32_OFF32},
#else
    {"_SC_V6_ILP32_OFF32", kNotDefined},
#endif
#ifdef _SC_V6_ILP32_OFFBIG
    {"_SC_V6_ILP32_OFFBIG", _SC_V6_ILP32_OFFBIG},
#else
    {"_SC_V6_ILP32_OFFBIG", kNotDefined},
#endif
#ifdef _SC_V6_LP64_OFF64
    {"_SC_V6_LP64_OFF64", _SC_V6_LP64_OFF64},
#else
    {"_SC_V6_LP64_OFF64", kNotDefined},
#endif
#ifdef _SC_V6_LPBIG_OFFBIG
    {"_SC_V6_LPBIG_OFFBIG", _SC_V6_LPBIG_OFFBIG},
#else
    {"_SC_V6_LPBIG_OFFBIG", kNotDefined},
#endif
#ifdef _SC_V7_ILP32_OFF32
    {"_SC_V7_ILP32_OFF32", _SC_V7_ILP32_OFF32},
#else
    {"_SC_V7_ILP32_OFF32", kNotDefined},
#endif
#ifdef _SC_V7_ILP32_OFFBIG
    {"_SC_V7_ILP32_OFFBIG", _SC_V7_ILP32_OFFBIG},
#else
    {"_SC_V7_ILP32_OFFBIG", kNotDefined},
#endif
#ifdef _SC_V7_LP64_OFF64
    {"_SC_V7_LP64_OFF64", _SC_V7_LP64_OFF64},
#else
    {"_SC_V7_LP64_OFF64", kNotDefined},
#endif
#ifdef _SC_V7_LPBIG_OFFBIG
    {"_SC_V7_LPBIG_OFFBIG", _SC_V7_LPBIG_OFFBIG},
#else
    {"_SC_V7_LPBIG_OFFBIG", kNotDefined},
#endif
#ifdef _SC_VERSION
    {"_SC_VERSION", _SC_VERSION},
#else
    {"_SC_VERSION", kNotDefined},
#endif
#ifdef _SC_WORD_BIT
    {"_SC_WORD_BIT", _SC_WORD_BIT},
#else
    {"_SC_WORD_BIT", kNotDefined},
#endif
#ifdef _SC_XBS5_ILP32_OFF32
    {"_SC_XBS5_ILP32_OFF32", _SC_XBS5_ILP32_OFF32},
#else
    {"_SC_XBS5_ILP32_OFF32", kNotDefined},
#endif
#ifdef _SC_XBS5_ILP32_OFFBIG
    {"_SC_XBS5_ILP32_OFFBIG", _SC_XBS5_ILP32_OFFBIG},
#else
    {"_SC_XBS5_ILP32_OFFBIG", kNotDefined},
#endif
#ifdef _SC_XBS5_LP64_OFF64
    {"_SC_XBS5_LP64_OFF64", _SC_XBS5_LP64_OFF64},
#else
    {"_SC_XBS5_LP64_OFF64", kNotDefined},
#endif
#ifdef _SC_XBS5_LPBIG_OFFBIG
    {"_SC_XBS5_LPBIG_OFFBIG", _SC_XBS5_LPBIG_OFFBIG},
#else
    {"_SC_XBS5_LPBIG_OFFBIG", kNotDefined},
#endif
#ifdef _SC_XOPEN_CRYPT
    {"_SC_XOPEN_CRYPT", _SC_XOPEN_CRYPT},
#else
    {"_SC_XOPEN_CRYPT", kNotDefined},
#endif
#ifdef _SC_XOPEN_ENH_I18N
    {"_SC_XOPEN_ENH_I18N", _SC_XOPEN_ENH_I18N},
#else
    {"_SC_XOPEN_ENH_I18N", kNotDefined},
#endif
#ifdef _SC_XOPEN_LEGACY
    {"_SC_XOPEN_LEGACY", _SC_XOPEN_LEGACY},
#else
    {"_SC_XOPEN_LEGACY", kNotDefined},
#endif
#ifdef _SC_XOPEN_REALTIME
    {"_SC_XOPEN_REALTIME", _SC_XOPEN_REALTIME},
#else
    {"_SC_XOPEN_REALTIME", kNotDefined},
#endif
#ifdef _SC_XOPEN_REALTIME_THREADS
    {"_SC_XOPEN_REALTIME_THREADS", _SC_XOPEN_REALTIME_THREADS},
#else
    {"_SC_XOPEN_REALTIME_THREADS", kNotDefined},
#endif
#ifdef _SC_XOPEN_SHM
    {"_SC_XOPEN_SHM", _SC_XOPEN_SHM},
#else
    {"_SC_XOPEN_SHM", kNotDefined},
#endif
#ifdef _SC_XOPEN_STREAMS
    {"_SC_XOPEN_STREAMS", _SC_XOPEN_STREAMS},
#else
    {"_SC_XOPEN_STREAMS", kNotDefined},
#endif
#ifdef _SC_XOPEN_UNIX
    {"_SC_XOPEN_UNIX", _SC_XOPEN_UNIX},
#else
    {"_SC_XOPEN_UNIX", kNotDefined},
#endif
#ifdef _SC_XOPEN_VERSION
    {"_SC_XOPEN_VERSION", _SC_XOPEN_VERSION},
#else
    {"_SC_XOPEN_VERSION", kNotDefined},
#endif
#ifdef _SC_XOPEN_XCU_VERSION
    {"_SC_XOPEN_XCU_VERSION", _SC_XOPEN_XCU_VERSION},
#else
    {"_SC_XOPEN_XCU_VERSION", kNotDefined},
#endif
#ifdef _SC_XOPEN_XPG2
    {"_SC_XOPEN_XPG2", _SC_XOPEN_XPG2},
#else
    {"_SC_XOPEN_XPG2", kNotDefined},
#endif
#ifdef _SC_XOPEN_XPG3
    {"_SC_XOPEN_XPG3", _SC_XOPEN_XPG3},
#else
    {"_SC_XOPEN_XPG3", kNotDefined},
#endif
#ifdef _SC_XOPEN_XPG4
    {"_SC_XOPEN_XPG4", _SC_XOPEN_XPG4},
#else
    {"_SC_XOPEN_XPG4", kNotDefined},
#endif
};

const ConfName kPathconfNames[] = {
#ifdef _PC_2_SYMLINKS
    {"_PC_2_SYMLINKS", _PC_2_SYMLINKS},
#else
    {"_PC_2_SYMLINKS", kNotDefined},
#endif
#ifdef _PC_ALLOC_SIZE_MIN
    {"_PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN},
#else
    {"_PC_ALLOC_SIZE_MIN", kNotDefined},
#endif
#ifdef _PC_ASYNC_IO
    {"_PC_ASYNC_IO", _PC_ASYNC_IO},
#else
    {"_PC_ASYNC_IO", kNotDefined},
#endif
#ifdef _PC_CHOWN_RESTRICTED
    {"_PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED},
#else
    {"_PC_CHOWN_RESTRICTED", kNotDefined},
#endif
#ifdef _PC_FILESIZEBITS
    {"_PC_FILESIZEBITS", _PC_FILESIZEBITS},
#else
    {"_PC_FILESIZEBITS", kNotDefined},
#endif
#ifdef _PC_LINK_MAX
    {"_PC_LINK_MAX", _PC_LINK_MAX},
#else
    {"_PC_LINK_MAX", kNotDefined},
#endif
#ifdef _PC_MAX_CANON
    {"_PC_MAX_CANON", _PC_MAX_CANON},
#else
    {"_PC_MAX_CANON", kNotDefined},
#endif
#ifdef _PC_MAX_INPUT
    {"_PC_MAX_INPUT", _PC_MAX_INPUT},
#else
    {"_PC_MAX_INPUT", kNotDefined},
#endif
#ifdef _PC_NAME_MAX
    {"_PC_NAME_MAX", _PC_NAME_MAX},
#else
    {"_PC_NAME_MAX", kNotDefined},
#endif
#ifdef _PC_NO_TRUNC
    {"_PC_NO_TRUNC", _PC_NO_TRUNC},
#else
    {"_PC_NO_TRUNC", kNotDefined},
#endif
#ifdef _PC_PATH_MAX
    {"_PC_PATH_MAX", _PC_PATH_MAX},
#else
    {"_PC_PATH_MAX", kNotDefined},
#endif
#ifdef _PC_PIPE_BUF
    {"_PC_PIPE_BUF", _PC_PIPE_BUF},
#else
    {"_PC_PIPE_BUF", kNotDefined},
#endif
#ifdef _PC_PRIO_IO
    {"_PC_PRIO_IO", _PC_PRIO_IO},
#else
    {"_PC_PRIO_IO", kNotDefined},
#endif
#ifdef _PC_REC_INCR_XFER_SIZE
    {"_PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE},
#else
    {"_PC_REC_INCR_XFER_SIZE", kNotDefined},
#endif
#ifdef _PC_REC_MAX_XFER_SIZE
    {"_PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE},
#else
    {"_PC_REC_MAX_XFER_SIZE", kNotDefined},
#endif
#ifdef _PC_REC_MIN_XFER_SIZE
    {"_PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE},
#else
    {"_PC_REC_MIN_XFER_SIZE", kNotDefined},
#endif
#ifdef _PC_REC_XFER_ALIGN
    {"_PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN},
#else
    {"_PC_REC_XFER_ALIGN", kNotDefined},
#endif
#ifdef _PC_SOCK_MAXBUF
    {"_PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF},
#else
    {"_PC_SOCK_MAXBUF", kNotDefined},
#endif
#ifdef _PC_SYMLINK_MAX
    {"_PC_SYMLINK_MAX", _PC_SYMLINK_MAX},
#else
    {"_PC_SYMLINK_MAX", kNotDefined},
#endif
#ifdef _PC_SYNC_IO
    {"_PC_SYNC_IO", _PC_SYNC_IO},
#else
    {"_PC_SYNC_IO", kNotDefined},
#endif
#ifdef _PC_VDISABLE
    {"_PC_VDISABLE", _PC_VDISABLE},
#else
    {"_PC_VDISABLE", kNotDefined},
#endif
};

const ConfName kConfstrNames[] = {
#ifdef _CS_GNU_LIBC_VERSION
    {"_CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
#else
    {"_CS_GNU_LIBC_VERSION", kNotDefined},
#endif
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    {"_CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
#else
    {"_CS_GNU_LIBPTHREAD_VERSION", kNotDefined},
#endif
#ifdef _CS_LFS64_CFLAGS
    {"_CS_LFS64_CFLAGS", _CS_LFS64_CFLAGS},
#else
    {"_CS_LFS64_CFLAGS", kNotDefined},
#endif
#ifdef _CS_LFS64_LDFLAGS
    {"_CS_LFS64_LDFLAGS", _CS_LFS64_LDFLAGS},
#else
    {"_CS_LFS64_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_LFS64_LIBS
    {"_CS_LFS64_LIBS", _CS_LFS64_LIBS},
#else
    {"_CS_LFS64_LIBS", kNotDefined},
#endif
#ifdef _CS_LFS64_LINTFLAGS
    {"_CS_LFS64_LINTFLAGS", _CS_LFS64_LINTFLAGS},
#else
    {"_CS_LFS64_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_LFS_CFLAGS
    {"_CS_LFS_CFLAGS", _CS_LFS_CFLAGS},
#else
    {"_CS_LFS_CFLAGS", kNotDefined},
#endif
#ifdef _CS_LFS_LDFLAGS
    {"_CS_LFS_LDFLAGS", _CS_LFS_LDFLAGS},
#else
    {"_CS_LFS_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_LFS_LIBS
    {"_CS_LFS_LIBS", _CS_LFS_LIBS},
#else
    {"_CS_LFS_LIBS", kNotDefined},
#endif
#ifdef _CS_LFS_LINTFLAGS
    {"_CS_LFS_LINTFLAGS", _CS_LFS_LINTFLAGS},
#else
    {"_CS_LFS_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_PATH
    {"_CS_PATH", _CS_PATH},
#else
    {"_CS_PATH", kNotDefined},
#endif
#ifdef _CS_POSIX_V5_WIDTH_RESTRICTED_ENVS
    {"_CS_POSIX_V5_WIDTH_RESTRICTED_ENVS", _CS_POSIX_V5_WIDTH_RESTRICTED_ENVS},
#else
    {"_CS_POSIX_V5_WIDTH_RESTRICTED_ENVS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFF32_CFLAGS
    {"_CS_POSIX_V6_ILP32_OFF32_CFLAGS", _CS_POSIX_V6_ILP32_OFF32_CFLAGS},
#else
    {"_CS_POSIX_V6_ILP32_OFF32_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFF32_LDFLAGS
    {"_CS_POSIX_V6_ILP32_OFF32_LDFLAGS", _CS_POSIX_V6_ILP32_OFF32_LDFLAGS},
#else
    {"_CS_POSIX_V6_ILP32_OFF32_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFF32_LIBS
    {"_CS_POSIX_V6_ILP32_OFF32_LIBS", _CS_POSIX_V6_ILP32_OFF32_LIBS},
#else
    {"_CS_POSIX_V6_ILP32_OFF32_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFF32_LINTFLAGS
    {"_CS_POSIX_V6_ILP32_OFF32_LINTFLAGS", _CS_POSIX_V6_ILP32_OFF32_LINTFLAGS},
#else
    {"_CS_POSIX_V6_ILP32_OFF32_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFFBIG_CFLAGS
    {"_CS_POSIX_V6_ILP32_OFFBIG_CFLAGS", _CS_POSIX_V6_ILP32_OFFBIG_CFLAGS},
#else
    {"_CS_POSIX_V6_ILP32_OFFBIG_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS
    {"_CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS", _CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS},
#else
    {"_CS_POSIX_V6_ILP32_OFFBIG_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFFBIG_LIBS
    {"_CS_POSIX_V6_ILP32_OFFBIG_LIBS", _CS_POSIX_V6_ILP32_OFFBIG_LIBS},
#else
    {"_CS_POSIX_V6_ILP32_OFFBIG_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS
    {"_CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS", _CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS},
#else
    {"_CS_POSIX_V6_ILP32_OFFBIG_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LP64_OFF64_CFLAGS
    {"_CS_POSIX_V6_LP64_OFF64_CFLAGS", _CS_POSIX_V6_LP64_OFF64_CFLAGS},
#else
    {"_CS_POSIX_V6_LP64_OFF64_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LP64_OFF64_LDFLAGS
    {"_CS_POSIX_V6_LP64_OFF64_LDFLAGS", _CS_POSIX_V6_LP64_OFF64_LDFLAGS},
#else
    {"_CS_POSIX_V6_LP64_OFF64_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LP64_OFF64_LIBS
    {"_CS_POSIX_V6_LP64_OFF64_LIBS", _CS_POSIX_V6_LP64_OFF64_LIBS},
#else
    {"_CS_POSIX_V6_LP64_OFF64_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LP64_OFF64_LINTFLAGS
    {"_CS_POSIX_V6_LP64_OFF64_LINTFLAGS", _CS_POSIX_V6_LP64_OFF64_LINTFLAGS},
#else
    {"_CS_POSIX_V6_LP64_OFF64_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS
    {"_CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS", _CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS},
#else
    {"_CS_POSIX_V6_LPBIG_OFFBIG_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS
    {"_CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS", _CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS},
#else
    {"_CS_POSIX_V6_LPBIG_OFFBIG_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LPBIG_OFFBIG_LIBS
    {"_CS_POSIX_V6_LPBIG_OFFBIG_LIBS", _CS_POSIX_V6_LPBIG_OFFBIG_LIBS},
#else
    {"_CS_POSIX_V6_LPBIG_OFFBIG_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS
    {"_CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS", _CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS},
#else
    {"_CS_POSIX_V6_LPBIG_OFFBIG_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V6_WIDTH_RESTRICTED_ENVS
    {"_CS_POSIX_V6_WIDTH_RESTRICTED_ENVS", _CS_POSIX_V6_WIDTH_RESTRICTED_ENVS},
#else
    {"_CS_POSIX_V6_WIDTH_RESTRICTED_ENVS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFF32_CFLAGS
    {"_CS_POSIX_V7_ILP32_OFF32_CFLAGS", _CS_POSIX_V7_ILP32_OFF32_CFLAGS},
#else
    {"_CS_POSIX_V7_ILP32_OFF32_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFF32_LDFLAGS
    {"_CS_POSIX_V7_ILP32_OFF32_LDFLAGS", _CS_POSIX_V7_ILP32_OFF32_LDFLAGS},
#else
    {"_CS_POSIX_V7_ILP32_OFF32_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFF32_LIBS
    {"_CS_POSIX_V7_ILP32_OFF32_LIBS", _CS_POSIX_V7_ILP32_OFF32_LIBS},
#else
    {"_CS_POSIX_V7_ILP32_OFF32_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFF32_LINTFLAGS
    {"_CS_POSIX_V7_ILP32_OFF32_LINTFLAGS", _CS_POSIX_V7_ILP32_OFF32_LINTFLAGS},
#else
    {"_CS_POSIX_V7_ILP32_OFF32_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFFBIG_CFLAGS
    {"_CS_POSIX_V7_ILP32_OFFBIG_CFLAGS", _CS_POSIX_V7_ILP32_OFFBIG_CFLAGS},
#else
    {"_CS_POSIX_V7_ILP32_OFFBIG_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS
    {"_CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS", _CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS},
#else
    {"_CS_POSIX_V7_ILP32_OFFBIG_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFFBIG_LIBS
    {"_CS_POSIX_V7_ILP32_OFFBIG_LIBS", _CS_POSIX_V7_ILP32_OFFBIG_LIBS},
#else
    {"_CS_POSIX_V7_ILP32_OFFBIG_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS
    {"_CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS", _CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS},
#else
    {"_CS_POSIX_V7_ILP32_OFFBIG_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LP64_OFF64_CFLAGS
    {"_CS_POSIX_V7_LP64_OFF64_CFLAGS", _CS_POSIX_V7_LP64_OFF64_CFLAGS},
#else
    {"_CS_POSIX_V7_LP64_OFF64_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LP64_OFF64_LDFLAGS
    {"_CS_POSIX_V7_LP64_OFF64_LDFLAGS", _CS_POSIX_V7_LP64_OFF64_LDFLAGS},
#else
    {"_CS_POSIX_V7_LP64_OFF64_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LP64_OFF64_LIBS
    {"_CS_POSIX_V7_LP64_OFF64_LIBS", _CS_POSIX_V7_LP64_OFF64_LIBS},
#else
    {"_CS_POSIX_V7_LP64_OFF64_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LP64_OFF64_LINTFLAGS
    {"_CS_POSIX_V7_LP64_OFF64_LINTFLAGS", _CS_POSIX_V7_LP64_OFF64_LINTFLAGS},
#else
    {"_CS_POSIX_V7_LP64_OFF64_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS
    {"_CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS", _CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS},
#else
    {"_CS_POSIX_V7_LPBIG_OFFBIG_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS
    {"_CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS", _CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS},
#else
    {"_CS_POSIX_V7_LPBIG_OFFBIG_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LPBIG_OFFBIG_LIBS
    {"_CS_POSIX_V7_LPBIG_OFFBIG_LIBS", _CS_POSIX_V7_LPBIG_OFFBIG_LIBS},
#else
    {"_CS_POSIX_V7_LPBIG_OFFBIG_LIBS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS
    {"_CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS", _CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS},
#else
    {"_CS_POSIX_V7_LPBIG_OFFBIG_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_THREADS_CFLAGS
    {"_CS_POSIX_V7_THREADS_CFLAGS", _CS_POSIX_V7_THREADS_CFLAGS},
#else
    {"_CS_POSIX_V7_THREADS_CFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_THREADS_LDFLAGS
    {"_CS_POSIX_V7_THREADS_LDFLAGS", _CS_POSIX_V7_THREADS_LDFLAGS},
#else
    {"_CS_POSIX_V7_THREADS_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_POSIX_V7_WIDTH_RESTRICTED_ENVS
    {"_CS_POSIX_V7_WIDTH_RESTRICTED_ENVS", _CS_POSIX_V7_WIDTH_RESTRICTED_ENVS},
#else
    {"_CS_POSIX_V7_WIDTH_RESTRICTED_ENVS", kNotDefined},
#endif
#ifdef _CS_V5_WIDTH_RESTRICTED_ENVS
    {"_CS_V5_WIDTH_RESTRICTED_ENVS", _CS_V5_WIDTH_RESTRICTED_ENVS},
#else
    {"_CS_V5_WIDTH_RESTRICTED_ENVS", kNotDefined},
#endif
#ifdef _CS_V6_ENV
    {"_CS_V6_ENV", _CS_V6_ENV},
#else
    {"_CS_V6_ENV", kNotDefined},
#endif
#ifdef _CS_V6_WIDTH_RESTRICTED_ENVS
    {"_CS_V6_WIDTH_RESTRICTED_ENVS", _CS_V6_WIDTH_RESTRICTED_ENVS},
#else
    {"_CS_V6_WIDTH_RESTRICTED_ENVS", kNotDefined},
#endif
#ifdef _CS_V7_ENV
    {"_CS_V7_ENV", _CS_V7_ENV},
#else
    {"_CS_V7_ENV", kNotDefined},
#endif
#ifdef _CS_V7_WIDTH_RESTRICTED_ENVS
    {"_CS_V7_WIDTH_RESTRICTED_ENVS", _CS_V7_WIDTH_RESTRICTED_ENVS},
#else
    {"_CS_V7_WIDTH_RESTRICTED_ENVS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_CFLAGS
    {"_CS_XBS5_ILP32_OFF32_CFLAGS", _CS_XBS5_ILP32_OFF32_CFLAGS},
#else
    {"_CS_XBS5_ILP32_OFF32_CFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_LDFLAGS
    {"_CS_XBS5_ILP32_OFF32_LDFLAGS", _CS_XBS5_ILP32_OFF32_LDFLAGS},
#else
    {"_CS_XBS5_ILP32_OFF32_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_LIBS
    {"_CS_XBS5_ILP32_OFF32_LIBS", _CS_XBS5_ILP32_OFF32_LIBS},
#else
    {"_CS_XBS5_ILP32_OFF32_LIBS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFF32_LINTFLAGS
    {"_CS_XBS5_ILP32_OFF32_LINTFLAGS", _CS_XBS5_ILP32_OFF32_LINTFLAGS},
#else
    {"_CS_XBS5_ILP32_OFF32_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_CFLAGS
    {"_CS_XBS5_ILP32_OFFBIG_CFLAGS", _CS_XBS5_ILP32_OFFBIG_CFLAGS},
#else
    {"_CS_XBS5_ILP32_OFFBIG_CFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_LDFLAGS
    {"_CS_XBS5_ILP32_OFFBIG_LDFLAGS", _CS_XBS5_ILP32_OFFBIG_LDFLAGS},
#else
    {"_CS_XBS5_ILP32_OFFBIG_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_LIBS
    {"_CS_XBS5_ILP32_OFFBIG_LIBS", _CS_XBS5_ILP32_OFFBIG_LIBS},
#else
    {"_CS_XBS5_ILP32_OFFBIG_LIBS", kNotDefined},
#endif
#ifdef _CS_XBS5_ILP32_OFFBIG_LINTFLAGS
    {"_CS_XBS5_ILP32_OFFBIG_LINTFLAGS", _CS_XBS5_ILP32_OFFBIG_LINTFLAGS},
#else
    {"_CS_XBS5_ILP32_OFFBIG_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_LP64_OFF64_CFLAGS
    {"_CS_XBS5_LP64_OFF64_CFLAGS", _CS_XBS5_LP64_OFF64_CFLAGS},
#else
    {"_CS_XBS5_LP64_OFF64_CFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_LP64_OFF64_LDFLAGS
    {"_CS_XBS5_LP64_OFF64_LDFLAGS", _CS_XBS5_LP64_OFF64_LDFLAGS},
#else
    {"_CS_XBS5_LP64_OFF64_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_LP64_OFF64_LIBS
    {"_CS_XBS5_LP64_OFF64_LIBS", _CS_XBS5_LP64_OFF64_LIBS},
#else
    {"_CS_XBS5_LP64_OFF64_LIBS", kNotDefined},
#endif
#ifdef _CS_XBS5_LP64_OFF64_LINTFLAGS
    {"_CS_XBS5_LP64_OFF64_LINTFLAGS", _CS_XBS5_LP64_OFF64_LINTFLAGS},
#else
    {"_CS_XBS5_LP64_OFF64_LINTFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_CFLAGS
    {"_CS_XBS5_LPBIG_OFFBIG_CFLAGS", _CS_XBS5_LPBIG_OFFBIG_CFLAGS},
#else
    {"_CS_XBS5_LPBIG_OFFBIG_CFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_LDFLAGS
    {"_CS_XBS5_LPBIG_OFFBIG_LDFLAGS", _CS_XBS5_LPBIG_OFFBIG_LDFLAGS},
#else
    {"_CS_XBS5_LPBIG_OFFBIG_LDFLAGS", kNotDefined},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_LIBS
    {"_CS_XBS5_LPBIG_OFFBIG_LIBS", _CS_XBS5_LPBIG_OFFBIG_LIBS},
#else
    {"_CS_XBS5_LPBIG_OFFBIG_LIBS", kNotDefined},
#endif
#ifdef _CS_XBS5_LPBIG_OFFBIG_LINTFLAGS
    {"_CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", _CS_XBS5_LPBIG_OFFBIG_LINTFLAGS},
#else
    {"_CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", kNotDefined},
#endif
};

// "-1 EINVAL" for a failure with errno set, "-1" for a failure without (an indeterminate limit).
std::string long_result(long value, int error) {
  if (value != -1) return std::to_string(value);
  return error == 0 ? "-1" : "-1 " + errno_name(error);
}

TEST(Process, SweepSysconf) {
  SweepTable table;
  for (const ConfName& n : kSysconfNames) {
    const std::string key = std::string("sysconf ") + n.name;
    if (n.value == kNotDefined) {
      table.set(key, "not defined");
      continue;
    }
    errno = 0;
    const long value = sysconf(n.value);
    const int error = errno;
    if (std::string_view(n.name) == "_SC_AVPHYS_PAGES" && value > 0)
      table.set(key, ">0 (changes while running)");
    else
      table.set(key, long_result(value, error));
  }
  // The same call on the names' numbers: what an integer from another libc's headers means here.
  for (int number = -1; number <= 300; ++number) {
    errno = 0;
    const long value = sysconf(number);
    const int error = errno;
    bool volatile_value = false;
#ifdef _SC_AVPHYS_PAGES
    volatile_value = number == _SC_AVPHYS_PAGES;
#endif
    table.set("sysconf-number " + std::to_string(number),
              volatile_value && value > 0 ? ">0 (changes while running)" : long_result(value, error));
  }
  table.write();
}

TEST(Process, SweepPathconf) {
  SweepTable table;
  for (const char* path : {"/", "/tmp"}) {
    for (const ConfName& n : kPathconfNames) {
      const std::string key = std::string("pathconf ") + path + " " + n.name;
      if (n.value == kNotDefined) {
        table.set(key, "not defined");
        continue;
      }
      errno = 0;
      const long value = pathconf(path, n.value);
      table.set(key, long_result(value, errno));
    }
    for (int number = -1; number <= 40; ++number) {
      errno = 0;
      const long value = pathconf(path, number);
      table.set(std::string("pathconf-number ") + path + " " + std::to_string(number),
                long_result(value, errno));
    }
  }
  table.write();
}

// confstr's answer: the text (the call asked for its length first), "0 <errno>" when the name is
// invalid, "0" when it has no value.
std::string confstr_result(int name) {
  errno = 0;
  const size_t length = confstr(name, nullptr, 0);
  const int error = errno;
  if (length == 0) return error == 0 ? "0" : "0 " + errno_name(error);
  std::vector<char> buffer(length);
  const size_t again = confstr(name, buffer.data(), buffer.size());
  if (again != length) return "length changed: " + std::to_string(length) + " then " + std::to_string(again);
  std::string out = "\"";
  out.append(buffer.data()).append("\"");
  return out;
}

TEST(Process, SweepConfstr) {
  SweepTable table;
  for (const ConfName& n : kConfstrNames) {
    const std::string key = std::string("confstr ") + n.name;
    table.set(key, n.value == kNotDefined ? std::string("not defined") : confstr_result(n.value));
  }
  for (int number = -1; number <= 1200; ++number)
    table.set("confstr-number " + std::to_string(number), confstr_result(number));
  table.write();
}

}  // namespace
}  // namespace libcdiff::suite
