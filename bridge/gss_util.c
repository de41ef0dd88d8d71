/* GSSAPI helpers shared across the bridge. */
#include "bridge/gss_util.h"

#include "bridge/call.h"
#include "mappings/map_status.h"
#include "mappings/map_time.h"

#include <string.h>
#include <time.h>

/* 1.2.840.113554.1.2.2 */
static const unsigned char gss_util_krb5_oid[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x02};

void gss_util_mech(const map_package *pkg, gss_OID_desc *out)
{
    out->length = (OM_uint32)pkg->oid_len;
    out->elements = (void *)pkg->oid;
}

int gss_util_is_krb5(gss_const_OID oid)
{
    return oid != GSS_C_NO_OID && oid->length == sizeof(gss_util_krb5_oid) &&
           memcmp(oid->elements, gss_util_krb5_oid, sizeof(gss_util_krb5_oid)) == 0;
}

void gss_util_expiry(OM_uint32 lifetime, TimeStamp *ts)
{
    if (ts == NULL)
        return;
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    map_time_from_lifetime(lifetime, (int64_t)now, (int32_t)local.tm_gmtoff, ts);
}

SECURITY_STATUS gss_util_fail(OM_uint32 major, OM_uint32 minor, gss_const_OID mech, unsigned opts)
{
    call_note_gss(major, minor, mech);
    if (gss_util_is_krb5(mech))
        opts |= MAP_STATUS_KRB5_MINOR;
    return map_status_from_gss(major, minor, opts);
}
