/* map_time: Unix times and GSS lifetimes -> TimeStamp (FILETIME, local time) and back. */
#include "mappings/map_time.h"
#include "tests/common/test_main.h"

#include <gssapi/gssapi.h>

/* The 64-bit FILETIME a TimeStamp holds. */
static int64_t ticks_of(const TimeStamp *ts)
{
    return (int64_t)(((uint64_t)(uint32_t)ts->HighPart << 32) | ts->LowPart);
}

static void test_unix_epoch_is_filetime_116444736000000000(void)
{
    TimeStamp ts;
    map_time_from_unix(0, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), 116444736000000000LL);
    /* The same value in the two halves Windows code reads. */
    CU_ASSERT_EQUAL(ts.HighPart, 0x019DB1DE);
    CU_ASSERT_EQUAL(ts.LowPart, 0xD53E8000u);
}

static void test_1601_is_filetime_zero(void)
{
    TimeStamp ts;
    map_time_from_unix(-11644473600LL, 0, &ts);
    CU_ASSERT_EQUAL(ts.HighPart, 0);
    CU_ASSERT_EQUAL(ts.LowPart, 0);
}

static void test_before_1601_clamps_to_zero(void)
{
    TimeStamp ts = {1, 1};
    map_time_from_unix(-11644473601LL, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), 0);
    map_time_from_unix(INT64_MIN, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), 0);
}

static void test_known_date_2000_01_01(void)
{
    /* 2000-01-01T00:00:00Z: Unix 946684800, FILETIME 125911584000000000. */
    TimeStamp ts;
    map_time_from_unix(946684800LL, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), 125911584000000000LL);
}

static void test_positive_utc_offset_gives_later_local_time(void)
{
    /* UTC+2 (e.g. CEST): local clock reads two hours more. */
    TimeStamp utc, local;
    map_time_from_unix(1700000000LL, 0, &utc);
    map_time_from_unix(1700000000LL, 7200, &local);
    CU_ASSERT_EQUAL(ticks_of(&local) - ticks_of(&utc), 7200LL * 10000000LL);
}

static void test_negative_utc_offset_gives_earlier_local_time(void)
{
    /* UTC-5:30 style offsets (not whole hours) work too. */
    TimeStamp utc, local;
    map_time_from_unix(1700000000LL, 0, &utc);
    map_time_from_unix(1700000000LL, -(5 * 3600 + 1800), &local);
    CU_ASSERT_EQUAL(ticks_of(&utc) - ticks_of(&local), 19800LL * 10000000LL);
}

static void test_never_is_7fffffff_ffffffff(void)
{
    TimeStamp ts = {0, 0};
    map_time_never(&ts);
    CU_ASSERT_EQUAL(ts.HighPart, 0x7FFFFFFF);
    CU_ASSERT_EQUAL(ts.LowPart, 0xFFFFFFFFu);
}

static void test_far_future_saturates_to_never(void)
{
    TimeStamp ts;
    map_time_from_unix(INT64_MAX, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), INT64_MAX);
    /* Year ~30828, the last second a FILETIME holds, plus one. */
    map_time_from_unix(922337203685LL - 11644473600LL + 1, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), INT64_MAX);
    /* A positive offset can push a representable UTC time past the end. */
    map_time_from_unix(922337203685LL - 11644473600LL, 3600, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), INT64_MAX);
}

static void test_lifetime_indefinite_is_never(void)
{
    TimeStamp ts;
    map_time_from_lifetime(GSS_C_INDEFINITE, 1700000000LL, 3600, &ts);
    CU_ASSERT_EQUAL(ts.HighPart, 0x7FFFFFFF);
    CU_ASSERT_EQUAL(ts.LowPart, 0xFFFFFFFFu);
}

static void test_lifetime_counts_from_now_in_local_time(void)
{
    TimeStamp ts, expect;
    map_time_from_lifetime(36000, 1700000000LL, -3600, &ts);
    map_time_from_unix(1700000000LL + 36000 - 3600, 0, &expect);
    CU_ASSERT_EQUAL(ticks_of(&ts), ticks_of(&expect));
}

static void test_lifetime_zero_is_now(void)
{
    TimeStamp ts, now;
    map_time_from_lifetime(0, 1700000000LL, 0, &ts);
    map_time_from_unix(1700000000LL, 0, &now);
    CU_ASSERT_EQUAL(ticks_of(&ts), ticks_of(&now));
}

static void test_lifetime_largest_finite_value_is_not_never(void)
{
    /* 0xFFFFFFFE seconds (~136 years) is a real time, unlike GSS_C_INDEFINITE. */
    TimeStamp ts;
    map_time_from_lifetime(0xFFFFFFFEu, 0, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), (11644473600LL + 0xFFFFFFFELL) * 10000000LL);
}

static void test_lifetime_overflowing_now_saturates_to_never(void)
{
    TimeStamp ts;
    map_time_from_lifetime(100, INT64_MAX - 10, 0, &ts);
    CU_ASSERT_EQUAL(ticks_of(&ts), INT64_MAX);
}

static void test_to_unix_inverts_from_unix(void)
{
    static const struct {
        int64_t unix_secs;
        int32_t offset;
    } rows[] = {
        {0, 0},           {946684800LL, 0},   {1700000000LL, 3600}, {1700000000LL, -19800},
        {-11644473600LL, 0}, {4102444800LL, 50400}, /* 2100-01-01, UTC+14 */
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        TimeStamp ts;
        map_time_from_unix(rows[i].unix_secs, rows[i].offset, &ts);
        int64_t back = map_time_to_unix(&ts, rows[i].offset);
        if (back != rows[i].unix_secs)
            fprintf(stderr, "\n  row %zu: %lld -> %lld\n", i, (long long)rows[i].unix_secs,
                    (long long)back);
        CU_ASSERT_EQUAL(back, rows[i].unix_secs);
    }
}

static void test_to_unix_of_never_is_int64_max(void)
{
    TimeStamp ts;
    map_time_never(&ts);
    CU_ASSERT_EQUAL(map_time_to_unix(&ts, 0), INT64_MAX);
    CU_ASSERT_EQUAL(map_time_to_unix(&ts, -3600), INT64_MAX);
}

static void test_to_unix_rounds_fractions_down(void)
{
    /* Unix epoch plus 0.9999999 s. */
    int64_t ticks = 116444736000000000LL + 9999999;
    TimeStamp ts = {(ULONG)(ticks & 0xFFFFFFFF), (LONG)(ticks >> 32)};
    CU_ASSERT_EQUAL(map_time_to_unix(&ts, 0), 0);
    /* And before 1601 (negative FILETIME) it still rounds toward the past. */
    TimeStamp neg = {0xFFFFFFFFu, -1}; /* -1 tick */
    CU_ASSERT_EQUAL(map_time_to_unix(&neg, 0), -11644473600LL - 1);
}

static void test_null_timestamp_is_ignored(void)
{
    map_time_from_unix(0, 0, NULL);
    map_time_never(NULL);
    map_time_from_lifetime(10, 0, 0, NULL);
    CU_ASSERT_EQUAL(map_time_to_unix(NULL, 0), 0);
}

static CU_TestInfo tests[] = {
    {"test_unix_epoch_is_filetime_116444736000000000",
     test_unix_epoch_is_filetime_116444736000000000},
    {"test_1601_is_filetime_zero", test_1601_is_filetime_zero},
    {"test_before_1601_clamps_to_zero", test_before_1601_clamps_to_zero},
    {"test_known_date_2000_01_01", test_known_date_2000_01_01},
    {"test_positive_utc_offset_gives_later_local_time",
     test_positive_utc_offset_gives_later_local_time},
    {"test_negative_utc_offset_gives_earlier_local_time",
     test_negative_utc_offset_gives_earlier_local_time},
    {"test_never_is_7fffffff_ffffffff", test_never_is_7fffffff_ffffffff},
    {"test_far_future_saturates_to_never", test_far_future_saturates_to_never},
    {"test_lifetime_indefinite_is_never", test_lifetime_indefinite_is_never},
    {"test_lifetime_counts_from_now_in_local_time", test_lifetime_counts_from_now_in_local_time},
    {"test_lifetime_zero_is_now", test_lifetime_zero_is_now},
    {"test_lifetime_largest_finite_value_is_not_never",
     test_lifetime_largest_finite_value_is_not_never},
    {"test_lifetime_overflowing_now_saturates_to_never",
     test_lifetime_overflowing_now_saturates_to_never},
    {"test_to_unix_inverts_from_unix", test_to_unix_inverts_from_unix},
    {"test_to_unix_of_never_is_int64_max", test_to_unix_of_never_is_int64_max},
    {"test_to_unix_rounds_fractions_down", test_to_unix_rounds_fractions_down},
    {"test_null_timestamp_is_ignored", test_null_timestamp_is_ignored},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_time", NULL, NULL, tests)
