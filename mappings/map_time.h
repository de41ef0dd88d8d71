/* GSS lifetimes and Unix times <-> SSPI TimeStamp (a Windows FILETIME: 100 ns units since
 * 1601-01-01). Pure: the caller passes "now" and the local UTC offset. */
#ifndef SSPIBRIDGE_MAP_TIME_H
#define SSPIBRIDGE_MAP_TIME_H

#include <sspi.h>
#include <stdint.h>

/* Seconds from 1601-01-01 to 1970-01-01, and FILETIME ticks per second. */
#define MAP_TIME_EPOCH_DELTA_SECS 11644473600LL
#define MAP_TIME_TICKS_PER_SEC    10000000LL

/* Unix time -> TimeStamp in local time: utc_offset_secs is added (east of UTC positive, as
 * struct tm's tm_gmtoff). Windows documents expiry times as local time, and its Kerberos
 * package returns them so. Times before 1601 give 0; times past the FILETIME range give the
 * "never" value. */
void map_time_from_unix(int64_t unix_secs, int32_t utc_offset_secs, TimeStamp *ts);

/* Windows' "never expires": HighPart 0x7FFFFFFF, LowPart 0xFFFFFFFF. */
void map_time_never(TimeStamp *ts);

/* GSS lifetime (seconds from now_unix; GSS_C_INDEFINITE = never) -> local TimeStamp. */
void map_time_from_lifetime(uint32_t lifetime, int64_t now_unix, int32_t utc_offset_secs,
                            TimeStamp *ts);

/* Local TimeStamp -> Unix time (whole seconds, rounded down). "Never" gives INT64_MAX. */
int64_t map_time_to_unix(const TimeStamp *ts, int32_t utc_offset_secs);

#endif
