/* Credential objects behind CredHandle. */
#ifndef SSPIBRIDGE_CRED_H
#define SSPIBRIDGE_CRED_H

#include "bridge/handle.h"
#include "mappings/map_package.h"
#include <gssapi/gssapi.h>

typedef struct cred {
    handle_obj h;
    const map_package *pkg;
    ULONG use;            /* SECPKG_CRED_INBOUND / OUTBOUND / BOTH */
    /* GSS_C_NO_CREDENTIAL means the library's default, chosen per target (ccache
     * collections, KCM, ccselect, client keytab all keep working). */
    gss_cred_id_t gss;
    gss_OID_desc mech;
    char *principal;      /* UTF-8 name for SECPKG_CRED_ATTR_NAMES, NULL = ask GSSAPI */
    char *package_list;   /* Negotiate: the _EX PackageList, or NULL */
} cred;

/* The live credential behind h with a reference, or NULL. */
cred *cred_get(const CredHandle *h);
void cred_put(cred *c);

#endif
