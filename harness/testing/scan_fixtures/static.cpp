// Linked twice for read_elf's tests: -static (no dynamic section at all) and -static-pie (it
// relocates itself: a dynamic section, DF_1_PIE, but no PT_INTERP and no DT_NEEDED).
int main() {
  return 0;
}
