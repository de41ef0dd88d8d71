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
/* Imports an SSPI name (user principal, SPN or service@host, see map_name_classify) as the
 * GSS name type pkg's mechanism understands: for packages other than Kerberos a plain SPN
 * becomes service@host, since NTLM (alone or under SPNEGO) knows no krb5 principal names.
 * Returns 0, or -1 with the reason noted for sspibridge_last_error. */
int gss_util_import_name(const map_package *pkg, const char *name, gss_name_t *out);
/* Records a GSS failure for sspibridge_last_error and returns its SECURITY_STATUS. */
SECURITY_STATUS gss_util_fail(OM_uint32 major, OM_uint32 minor, gss_const_OID mech, unsigned opts);

#endif
