/* SSPI target names -> the GSS name form to import them as (pure string work). */
#ifndef SSPIBRIDGE_MAP_NAME_H
#define SSPIBRIDGE_MAP_NAME_H

#include <stddef.h>

typedef enum map_name_kind {
    MAP_NAME_INVALID = 0,
    MAP_NAME_PRINCIPAL,   /* a Kerberos principal name: import as GSS_KRB5_NT_PRINCIPAL_NAME */
    MAP_NAME_HOSTBASED,   /* "service@host": import as GSS_C_NT_HOSTBASED_SERVICE */
} map_name_kind;

/* How to import an SSPI target name:
 *  - "service/host[:port][@REALM]" (an SPN) is a principal name, port included, since
 *    Windows registers SPNs with their port as distinct principals;
 *  - "service@host" (GSS host-based form) is host-based when the part after '@' has a
 *    lower-case letter (host names are written in lower case, realms in upper case);
 *  - "user@REALM" (all upper case after '@') and a bare "user" are principal names.
 * Empty names, a leading '/' or '@', an empty host and embedded control characters are
 * MAP_NAME_INVALID. */
map_name_kind map_name_classify(const char *target);

#endif
