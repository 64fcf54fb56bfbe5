/* A library whose function calls a symbol nobody defines: loads lazily, fails with RTLD_NOW. */
extern int libcdiff_symbol_nobody_defines(void);

int libcdiff_probe_call_missing(void) {
  return libcdiff_symbol_nobody_defines();
}
int libcdiff_probe_harmless(void) {
  return 7;
}
