/* Small GSSAPI helpers the bridge files share: a package's mech OID, releasing names and
 * buffers, and the local-time expiry Windows reports. */
#ifndef SSPIBRIDGE_GSS_UTIL_H
#define SSPIBRIDGE_GSS_UTIL_H

#include "mappings/map_package.h"
#include <gssapi/gssapi.h>
#include <sspi.h>

/* A gss_OID_desc naming the package's mechanism (points at the package table). */
void gss_util_mech(const map_package *pkg, gss_OID_desc *out);
/* True when oid is the Kerberos 5 mechanism (its minor codes are krb5 error codes). */
int gss_util_is_krb5(gss_const_OID oid);
/* ptsExpiry for a GSS lifetime in seconds from now (GSS_C_INDEFINITE = never), in local
 * time as Windows' Kerberos package reports it. NULL ts is allowed. */
void gss_util_expiry(OM_uint32 lifetime, TimeStamp *ts);
/* Records a GSS failure for sspibridge_last_error and returns its SECURITY_STATUS. */
SECURITY_STATUS gss_util_fail(OM_uint32 major, OM_uint32 minor, gss_const_OID mech, unsigned opts);

#endif
