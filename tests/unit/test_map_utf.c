/* map_utf: UTF-8 <-> UTF-16 conversion, including every class of malformed input the
 * Unicode Standard (3.9, Table 3-7) rules out. */
#include "mappings/map_utf.h"
#include "tests/common/test_main.h"

#include <stdlib.h>
#include <string.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Converts UTF-8 (explicit length) and checks the UTF-16 units that come out. */
static void expect_utf16(const char *utf8, size_t len, const SEC_WCHAR *units, size_t n)
{
    SEC_WCHAR *out = NULL;
    size_t out_len = 999;
    CU_ASSERT_EQUAL_FATAL(map_utf8_to_utf16(utf8, len, &out, &out_len), MAP_UTF_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(out_len, n);
    CU_ASSERT_EQUAL(memcmp(out, units, n * sizeof(SEC_WCHAR)), 0);
    CU_ASSERT_EQUAL(out[n], 0);
    free(out);
}

/* Converts UTF-16 (explicit length) and checks the UTF-8 bytes that come out. */
static void expect_utf8(const SEC_WCHAR *units, size_t n, const char *utf8, size_t len)
{
    char *out = NULL;
    size_t out_len = 999;
    CU_ASSERT_EQUAL_FATAL(map_utf16_to_utf8(units, n, &out, &out_len), MAP_UTF_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    CU_ASSERT_EQUAL(out_len, len);
    CU_ASSERT_EQUAL(memcmp(out, utf8, len), 0);
    CU_ASSERT_EQUAL(out[len], '\0');
    free(out);
}

/* Each string must be rejected, leaving *out NULL and *out_len 0. */
static void expect_utf8_invalid(const char *const *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        SEC_WCHAR *out = (SEC_WCHAR *)&out; /* not NULL, so the test sees it cleared */
        size_t out_len = 999;
        int rc = map_utf8_to_utf16(cases[i], (size_t)-1, &out, &out_len);
        if (rc != MAP_UTF_INVALID)
            fprintf(stderr, "\n  case %zu accepted (rc %d)\n", i, rc);
        CU_ASSERT_EQUAL(rc, MAP_UTF_INVALID);
        CU_ASSERT_PTR_NULL(out);
        CU_ASSERT_EQUAL(out_len, 0);
    }
}

static void expect_utf16_invalid(const SEC_WCHAR *units, size_t n)
{
    char *out = (char *)&out;
    size_t out_len = 999;
    CU_ASSERT_EQUAL(map_utf16_to_utf8(units, n, &out, &out_len), MAP_UTF_INVALID);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_EQUAL(out_len, 0);
}

static void test_utf16_len_counts_units_before_nul(void)
{
    static const SEC_WCHAR s[] = {'a', 0xD83D, 0xDE00, 'b', 0};
    CU_ASSERT_EQUAL(map_utf16_len(s), 4);
    static const SEC_WCHAR empty[] = {0};
    CU_ASSERT_EQUAL(map_utf16_len(empty), 0);
}

static void test_utf16_len_of_null_is_zero(void)
{
    CU_ASSERT_EQUAL(map_utf16_len(NULL), 0);
}

static void test_ascii_converts_unit_per_byte(void)
{
    static const SEC_WCHAR w[] = {'K', 'e', 'r', 'b', 'e', 'r', 'o', 's'};
    expect_utf16("Kerberos", (size_t)-1, w, N_ELEMS(w));
    expect_utf8(w, N_ELEMS(w), "Kerberos", 8);
}

static void test_empty_string_converts_to_empty_allocated_string(void)
{
    static const SEC_WCHAR nul[] = {0};
    expect_utf16("", (size_t)-1, nul, 0);
    expect_utf8(nul, (size_t)-1, "", 0);
}

static void test_bmp_characters_become_one_unit(void)
{
    /* U+0080 (first 2-byte), U+00E9, U+07FF (last 2-byte), U+0800 (first 3-byte, E0 lead),
     * U+20AC, U+D7FF (last before surrogates, ED lead), U+E000 (first after), U+FFFD,
     * U+FFFF (last BMP). */
    static const char utf8[] = "\xC2\x80\xC3\xA9\xDF\xBF\xE0\xA0\x80\xE2\x82\xAC"
                               "\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD\xEF\xBF\xBF";
    static const SEC_WCHAR w[] = {0x0080, 0x00E9, 0x07FF, 0x0800, 0x20AC,
                                  0xD7FF, 0xE000, 0xFFFD, 0xFFFF};
    expect_utf16(utf8, (size_t)-1, w, N_ELEMS(w));
    expect_utf8(w, N_ELEMS(w), utf8, sizeof(utf8) - 1);
}

static void test_supplementary_character_becomes_surrogate_pair(void)
{
    /* U+10000 (first, F0 lead), U+1F600, U+40000 (F1 lead). */
    static const char utf8[] = "\xF0\x90\x80\x80\xF0\x9F\x98\x80\xF1\x80\x80\x80";
    static const SEC_WCHAR w[] = {0xD800, 0xDC00, 0xD83D, 0xDE00, 0xD8C0, 0xDC00};
    expect_utf16(utf8, (size_t)-1, w, N_ELEMS(w));
    expect_utf8(w, N_ELEMS(w), utf8, sizeof(utf8) - 1);
}

static void test_max_code_point_round_trips(void)
{
    /* U+10FFFF, the last code point (F4 lead, second byte at most 8F). */
    static const char utf8[] = "\xF4\x8F\xBF\xBF";
    static const SEC_WCHAR w[] = {0xDBFF, 0xDFFF};
    expect_utf16(utf8, (size_t)-1, w, N_ELEMS(w));
    expect_utf8(w, N_ELEMS(w), utf8, 4);
}

static void test_utf8_to_utf16_to_utf8_round_trips_mixed_text(void)
{
    static const char text[] = "HTTP/h\xC3\xB6st.example@R\xC3\x89"
                               "ALM \xE2\x82\xAC \xF0\x9F\x98\x80";
    SEC_WCHAR *w = NULL;
    size_t units = 0;
    char *back = NULL;
    size_t bytes = 0;
    CU_ASSERT_EQUAL_FATAL(map_utf8_to_utf16(text, (size_t)-1, &w, &units), MAP_UTF_OK);
    CU_ASSERT_EQUAL(units, map_utf16_len(w));
    CU_ASSERT_EQUAL_FATAL(map_utf16_to_utf8(w, (size_t)-1, &back, &bytes), MAP_UTF_OK);
    CU_ASSERT_STRING_EQUAL(back, text);
    CU_ASSERT_EQUAL(bytes, strlen(text));
    free(w);
    free(back);
}

static void test_explicit_length_converts_only_that_prefix(void)
{
    static const SEC_WCHAR w[] = {'a', 'b'};
    expect_utf16("abcdef", 2, w, 2);
    static const SEC_WCHAR src[] = {'a', 'b', 'c', 0};
    expect_utf8(src, 2, "ab", 2);
}

static void test_explicit_length_keeps_embedded_nul(void)
{
    static const SEC_WCHAR w[] = {'a', 0, 'b'};
    expect_utf16("a\0b", 3, w, 3);
    expect_utf8(w, 3, "a\0b", 3);
}

static void test_out_len_may_be_null(void)
{
    SEC_WCHAR *w = NULL;
    CU_ASSERT_EQUAL(map_utf8_to_utf16("abc", (size_t)-1, &w, NULL), MAP_UTF_OK);
    CU_ASSERT_EQUAL(map_utf16_len(w), 3);
    char *s = NULL;
    CU_ASSERT_EQUAL(map_utf16_to_utf8(w, (size_t)-1, &s, NULL), MAP_UTF_OK);
    CU_ASSERT_STRING_EQUAL(s, "abc");
    free(w);
    free(s);
}

static void test_utf8_truncated_sequences_are_invalid(void)
{
    static const char *const cases[] = {
        "\xC3",             /* 2-byte lead, nothing after */
        "\xE2\x82",         /* 3-byte sequence cut after 2 */
        "\xF0\x9F\x98",     /* 4-byte sequence cut after 3 */
        "ab\xE2",           /* cut at the end of a longer string */
    };
    expect_utf8_invalid(cases, N_ELEMS(cases));
}

static void test_utf8_sequence_cut_by_explicit_length_is_invalid(void)
{
    SEC_WCHAR *out = NULL;
    /* "€" is 3 bytes; a length of 2 must not read the third. */
    CU_ASSERT_EQUAL(map_utf8_to_utf16("\xE2\x82\xAC", 2, &out, NULL), MAP_UTF_INVALID);
    CU_ASSERT_EQUAL(map_utf8_to_utf16("\xF0\x9F\x98\x80", 3, &out, NULL), MAP_UTF_INVALID);
    CU_ASSERT_PTR_NULL(out);
}

static void test_utf8_overlong_forms_are_invalid(void)
{
    static const char *const cases[] = {
        "\xC0\xAF",         /* '/' in 2 bytes */
        "\xC1\xBF",         /* U+007F in 2 bytes */
        "\xC0\x80",         /* NUL in 2 bytes ("modified UTF-8") */
        "\xE0\x80\xAF",     /* '/' in 3 bytes */
        "\xE0\x9F\xBF",     /* U+07FF in 3 bytes */
        "\xF0\x80\x80\xAF", /* '/' in 4 bytes */
        "\xF0\x8F\xBF\xBF", /* U+FFFF in 4 bytes */
    };
    expect_utf8_invalid(cases, N_ELEMS(cases));
}

static void test_utf8_encoded_surrogates_are_invalid(void)
{
    static const char *const cases[] = {
        "\xED\xA0\x80",             /* U+D800, first high surrogate */
        "\xED\xAF\xBF",             /* U+DBFF, last high surrogate */
        "\xED\xB0\x80",             /* U+DC00, first low surrogate */
        "\xED\xBF\xBF",             /* U+DFFF, last low surrogate */
        "\xED\xA0\xBD\xED\xB8\x80", /* U+1F600 as a CESU-8 surrogate pair */
    };
    expect_utf8_invalid(cases, N_ELEMS(cases));
}

static void test_utf8_beyond_max_code_point_is_invalid(void)
{
    static const char *const cases[] = {
        "\xF4\x90\x80\x80", /* U+110000 */
        "\xF5\x80\x80\x80", /* lead byte F5 */
        "\xF7\xBF\xBF\xBF", /* U+1FFFFF */
        "\xF8\x88\x80\x80\x80", /* old 5-byte form */
        "\xFC\x84\x80\x80\x80\x80", /* old 6-byte form */
        "\xFE",
        "\xFF",
    };
    expect_utf8_invalid(cases, N_ELEMS(cases));
}

static void test_utf8_stray_continuation_bytes_are_invalid(void)
{
    static const char *const cases[] = {
        "\x80",
        "\xBF",
        "a\x80\x62",   /* "a", a stray continuation, "b" */
        "\xC3\xA9\xA9", /* a complete U+00E9, then one continuation too many */
    };
    expect_utf8_invalid(cases, N_ELEMS(cases));
}

static void test_utf8_missing_continuation_bytes_are_invalid(void)
{
    static const char *const cases[] = {
        "\xC3\x28",         /* 2-byte lead, then ASCII */
        "\xE2\x28\xA1",     /* bad second byte */
        "\xE2\x82\x28",     /* bad third byte */
        "\xF0\x9F\x98\x28", /* bad fourth byte */
        "\xC3\xC3\xA9",     /* lead where a continuation belongs */
    };
    expect_utf8_invalid(cases, N_ELEMS(cases));
}

static void test_utf8_null_arguments_are_invalid(void)
{
    SEC_WCHAR *out = NULL;
    size_t out_len = 7;
    CU_ASSERT_EQUAL(map_utf8_to_utf16(NULL, (size_t)-1, &out, &out_len), MAP_UTF_INVALID);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_EQUAL(out_len, 0);
    CU_ASSERT_EQUAL(map_utf8_to_utf16("abc", (size_t)-1, NULL, &out_len), MAP_UTF_INVALID);
}

static void test_utf16_lone_high_surrogate_is_invalid(void)
{
    static const SEC_WCHAR at_end[] = {'a', 0xD800};
    expect_utf16_invalid(at_end, N_ELEMS(at_end));
    static const SEC_WCHAR before_char[] = {0xDBFF, 'a'};
    expect_utf16_invalid(before_char, N_ELEMS(before_char));
    static const SEC_WCHAR two_highs[] = {0xD83D, 0xD83D, 0xDE00};
    expect_utf16_invalid(two_highs, N_ELEMS(two_highs));
    static const SEC_WCHAR nul_terminated[] = {0xD83D, 0};
    expect_utf16_invalid(nul_terminated, (size_t)-1);
}

static void test_utf16_lone_low_surrogate_is_invalid(void)
{
    static const SEC_WCHAR alone[] = {0xDC00};
    expect_utf16_invalid(alone, N_ELEMS(alone));
    static const SEC_WCHAR after_char[] = {'a', 0xDFFF, 'b'};
    expect_utf16_invalid(after_char, N_ELEMS(after_char));
    static const SEC_WCHAR reversed_pair[] = {0xDE00, 0xD83D};
    expect_utf16_invalid(reversed_pair, N_ELEMS(reversed_pair));
}

static void test_utf16_pair_cut_by_explicit_length_is_invalid(void)
{
    static const SEC_WCHAR pair[] = {0xD83D, 0xDE00};
    expect_utf16_invalid(pair, 1);
}

static void test_utf16_null_arguments_are_invalid(void)
{
    char *out = NULL;
    size_t out_len = 7;
    static const SEC_WCHAR w[] = {'a', 0};
    CU_ASSERT_EQUAL(map_utf16_to_utf8(NULL, (size_t)-1, &out, &out_len), MAP_UTF_INVALID);
    CU_ASSERT_PTR_NULL(out);
    CU_ASSERT_EQUAL(out_len, 0);
    CU_ASSERT_EQUAL(map_utf16_to_utf8(w, (size_t)-1, NULL, &out_len), MAP_UTF_INVALID);
}

static void test_utf16_to_utf8_uses_shortest_form_at_each_boundary(void)
{
    static const SEC_WCHAR w[] = {0x007F, 0x0080, 0x07FF, 0x0800, 0xFFFF, 0xD800, 0xDC00};
    static const char utf8[] = "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80";
    expect_utf8(w, N_ELEMS(w), utf8, sizeof(utf8) - 1);
}

static CU_TestInfo tests[] = {
    {"test_utf16_len_counts_units_before_nul", test_utf16_len_counts_units_before_nul},
    {"test_utf16_len_of_null_is_zero", test_utf16_len_of_null_is_zero},
    {"test_ascii_converts_unit_per_byte", test_ascii_converts_unit_per_byte},
    {"test_empty_string_converts_to_empty_allocated_string",
     test_empty_string_converts_to_empty_allocated_string},
    {"test_bmp_characters_become_one_unit", test_bmp_characters_become_one_unit},
    {"test_supplementary_character_becomes_surrogate_pair",
     test_supplementary_character_becomes_surrogate_pair},
    {"test_max_code_point_round_trips", test_max_code_point_round_trips},
    {"test_utf8_to_utf16_to_utf8_round_trips_mixed_text",
     test_utf8_to_utf16_to_utf8_round_trips_mixed_text},
    {"test_explicit_length_converts_only_that_prefix",
     test_explicit_length_converts_only_that_prefix},
    {"test_explicit_length_keeps_embedded_nul", test_explicit_length_keeps_embedded_nul},
    {"test_out_len_may_be_null", test_out_len_may_be_null},
    {"test_utf8_truncated_sequences_are_invalid", test_utf8_truncated_sequences_are_invalid},
    {"test_utf8_sequence_cut_by_explicit_length_is_invalid",
     test_utf8_sequence_cut_by_explicit_length_is_invalid},
    {"test_utf8_overlong_forms_are_invalid", test_utf8_overlong_forms_are_invalid},
    {"test_utf8_encoded_surrogates_are_invalid", test_utf8_encoded_surrogates_are_invalid},
    {"test_utf8_beyond_max_code_point_is_invalid", test_utf8_beyond_max_code_point_is_invalid},
    {"test_utf8_stray_continuation_bytes_are_invalid",
     test_utf8_stray_continuation_bytes_are_invalid},
    {"test_utf8_missing_continuation_bytes_are_invalid",
     test_utf8_missing_continuation_bytes_are_invalid},
    {"test_utf8_null_arguments_are_invalid", test_utf8_null_arguments_are_invalid},
    {"test_utf16_lone_high_surrogate_is_invalid", test_utf16_lone_high_surrogate_is_invalid},
    {"test_utf16_lone_low_surrogate_is_invalid", test_utf16_lone_low_surrogate_is_invalid},
    {"test_utf16_pair_cut_by_explicit_length_is_invalid",
     test_utf16_pair_cut_by_explicit_length_is_invalid},
    {"test_utf16_null_arguments_are_invalid", test_utf16_null_arguments_are_invalid},
    {"test_utf16_to_utf8_uses_shortest_form_at_each_boundary",
     test_utf16_to_utf8_uses_shortest_form_at_each_boundary},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_utf", NULL, NULL, tests)
