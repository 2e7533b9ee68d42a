// Dear ImGui calls sscanf only to read its .ini settings (window and table layouts), which the page
// never reads (io.IniFilename = nullptr; no LoadIniSettings* call): this definition answers "nothing
// read" and keeps the C library's scanf family (4.6 KB of code) out of the page.
#include <cstdio>

extern "C" int sscanf(const char* __restrict, const char* __restrict, ...) { return 0; }
