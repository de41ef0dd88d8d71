/* GSSAPI helpers shared across the bridge. */
#include "bridge/gss_util.h"

#include "bridge/call.h"
#include "mappings/map_name.h"
#include "mappings/map_status.h"
#include "mappings/map_time.h"

#include <gssapi/gssapi_krb5.h>
#include <string.h>
#include <time.h>

void gss_util_mech(const map_package *pkg, gss_OID_desc *out)
{
    out->length = (OM_uint32)pkg->oid_len;
    out->elements = (void *)pkg->oid;
}

/* The package table knows every OID of the krb5 mechanism (MIT's, Microsoft's, the old
 * one), so a Windows peer's OID counts too. */
int gss_util_is_krb5(gss_const_OID oid)
{
    const map_package *pkg;
    if (oid == GSS_C_NO_OID)
        return 0;
    pkg = map_package_by_oid(oid->elements, oid->length);
    return pkg != NULL && pkg == map_package_by_name("Kerberos");
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
    else if (mech != GSS_C_NO_OID &&
             map_package_by_oid(mech->elements, mech->length) == map_package_by_name("NTLM"))
        opts |= MAP_STATUS_NTLM_MINOR;
    return map_status_from_gss(major, minor, opts);
}

int gss_util_import_name(const map_package *pkg, const char *name, gss_name_t *out)
{
    OM_uint32 major, minor;
    gss_OID type;
    char hostbased[512];
    gss_buffer_desc buf = {name ? strlen(name) : 0, (void *)name};

    *out = GSS_C_NO_NAME;
    switch (map_name_classify(name)) {
    case MAP_NAME_USER:
        type = GSS_C_NT_USER_NAME;
        break;
    case MAP_NAME_HOSTBASED:
        type = GSS_C_NT_HOSTBASED_SERVICE;
        break;
    case MAP_NAME_SPN:
        type = (gss_OID)GSS_KRB5_NT_PRINCIPAL_NAME;
        if (pkg != map_package_by_name("Kerberos") &&
            map_name_spn_to_hostbased(name, hostbased, sizeof(hostbased)) == 0) {
            type = GSS_C_NT_HOSTBASED_SERVICE;
            buf.value = hostbased;
            buf.length = strlen(hostbased);
        }
        break;
    default:
        call_note("\"%s\" is neither a user principal, an SPN nor service@host",
                  name ? name : "(null)");
        return -1;
    }
    major = gss_import_name(&minor, &buf, type, out);
    if (GSS_ERROR(major)) {
        (void)gss_util_fail(major, minor, GSS_C_NO_OID, 0);
        return -1;
    }
    return 0;
}
