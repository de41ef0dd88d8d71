/* TimeStamp arithmetic: a FILETIME is a signed 64-bit count of 100 ns ticks since 1601-01-01
 * (Microsoft, "FILETIME structure"), split into LowPart/HighPart. */
#include "mappings/map_time.h"

#include <gssapi/gssapi.h>

/* Largest FILETIME: what Windows reports for "never expires". */
#define MAP_TIME_NEVER_TICKS INT64_MAX
/* Largest number of seconds since 1601 that still fits in a FILETIME. */
#define MAP_TIME_MAX_SECS_1601 (INT64_MAX / MAP_TIME_TICKS_PER_SEC)

static void map_time_set_ticks(int64_t ticks, TimeStamp *ts)
{
    uint64_t u = (uint64_t)ticks;
    ts->LowPart = (ULONG)(u & 0xFFFFFFFFu);
    ts->HighPart = (LONG)(int32_t)(uint32_t)(u >> 32);
}

static int64_t map_time_get_ticks(const TimeStamp *ts)
{
    uint64_t u = ((uint64_t)(uint32_t)ts->HighPart << 32) | (uint64_t)ts->LowPart;
    return (int64_t)u;
}

void map_time_never(TimeStamp *ts)
{
    if (ts != NULL)
        map_time_set_ticks(MAP_TIME_NEVER_TICKS, ts);
}

void map_time_from_unix(int64_t unix_secs, int32_t utc_offset_secs, TimeStamp *ts)
{
    if (ts == NULL)
        return;
    /* Range checks before any addition, so nothing here can overflow. */
    const int64_t max_unix = MAP_TIME_MAX_SECS_1601 - MAP_TIME_EPOCH_DELTA_SECS;
    const int64_t min_unix = -MAP_TIME_EPOCH_DELTA_SECS;
    if (unix_secs > max_unix - utc_offset_secs) {
        map_time_never(ts);
        return;
    }
    if (unix_secs < min_unix - utc_offset_secs) {
        map_time_set_ticks(0, ts);
        return;
    }
    int64_t secs_1601 = unix_secs + utc_offset_secs + MAP_TIME_EPOCH_DELTA_SECS;
    map_time_set_ticks(secs_1601 * MAP_TIME_TICKS_PER_SEC, ts);
}

void map_time_from_lifetime(uint32_t lifetime, int64_t now_unix, int32_t utc_offset_secs,
                            TimeStamp *ts)
{
    if (ts == NULL)
        return;
    /* RFC 2744 section 3.10 (gss_init_sec_context time_rec): GSS_C_INDEFINITE means the
     * context does not expire. */
    if (lifetime == GSS_C_INDEFINITE) {
        map_time_never(ts);
        return;
    }
    if (now_unix > INT64_MAX - (int64_t)lifetime) {
        map_time_never(ts);
        return;
    }
    map_time_from_unix(now_unix + (int64_t)lifetime, utc_offset_secs, ts);
}

int64_t map_time_to_unix(const TimeStamp *ts, int32_t utc_offset_secs)
{
    if (ts == NULL)
        return 0;
    int64_t ticks = map_time_get_ticks(ts);
    if (ticks == MAP_TIME_NEVER_TICKS)
        return INT64_MAX;
    /* Floor division, so that times before 1601 (negative ticks) round down too. */
    int64_t secs = ticks / MAP_TIME_TICKS_PER_SEC;
    if (ticks % MAP_TIME_TICKS_PER_SEC < 0)
        secs--;
    return secs - MAP_TIME_EPOCH_DELTA_SECS - utc_offset_secs;
}
