# Header checks: the public headers compile cleanly under each language mode and carry
# Windows' values, sizes and prototypes. Header-only programs: nothing is linked.
# Per-target flags replace AM_CFLAGS / AM_CXXFLAGS, so the warnings are listed here.
HDR_CWARN = -pedantic -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wconversion -Wsign-conversion -Wcast-qual -Wundef
HDR_CXXWARN = -pedantic -Wall -Wextra -Werror -Wshadow -Wold-style-cast -Wcast-qual \
	-Wconversion -Wsign-conversion -Wundef -Wzero-as-null-pointer-constant

HDR_CHECKS = \
	tests/headers/hdr_c99 \
	tests/headers/hdr_c11 \
	tests/headers/hdr_c11_unicode \
	tests/headers/hdr_c11_own_types \
	tests/headers/hdr_cxx
check_PROGRAMS += $(HDR_CHECKS)
TESTS += $(HDR_CHECKS)

tests_headers_hdr_c99_SOURCES = tests/headers/hdr_check.c tests/headers/hdr_expect.h
tests_headers_hdr_c99_CFLAGS = -std=c99 $(HDR_CWARN)

tests_headers_hdr_c11_SOURCES = tests/headers/hdr_check.c tests/headers/hdr_expect.h
tests_headers_hdr_c11_CFLAGS = -std=c11 $(HDR_CWARN)

tests_headers_hdr_c11_unicode_SOURCES = tests/headers/hdr_check_unicode.c
tests_headers_hdr_c11_unicode_CPPFLAGS = $(AM_CPPFLAGS) -DUNICODE
tests_headers_hdr_c11_unicode_CFLAGS = -std=c11 $(HDR_CWARN)

tests_headers_hdr_c11_own_types_SOURCES = tests/headers/hdr_check_own_types.c
tests_headers_hdr_c11_own_types_CFLAGS = -std=c11 $(HDR_CWARN)

tests_headers_hdr_cxx_SOURCES = tests/headers/hdr_check.cpp tests/headers/hdr_expect.h
tests_headers_hdr_cxx_CXXFLAGS = -std=c++11 $(HDR_CXXWARN)
