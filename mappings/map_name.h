/* SSPI principal and target names -> the GSS name form to import them as (pure string work). */
#ifndef SSPIBRIDGE_MAP_NAME_H
#define SSPIBRIDGE_MAP_NAME_H

#include <stddef.h>

typedef enum map_name_kind {
    MAP_NAME_INVALID = 0,
    MAP_NAME_USER,        /* "user" or "user@REALM": a user principal (GSS_C_NT_USER_NAME) */
    MAP_NAME_SPN,         /* "service/host[:port][@REALM]": a Kerberos service principal */
    MAP_NAME_HOSTBASED,   /* "service@host": GSS_C_NT_HOSTBASED_SERVICE */
} map_name_kind;

/* How to import an SSPI name:
 *  - "service/host[:port][@REALM]" (an SPN) is a service principal, port included, since
 *    Windows registers SPNs with their port as distinct principals;
 *  - "service@host" (GSS host-based form) is host-based when the part after '@' has a
 *    lower-case letter (host names are written in lower case, realms in upper case);
 *  - "user@REALM" (no lower case after '@') and a bare "user" are user principals.
 * Empty names, a leading '/' or '@', an empty host or realm and control characters are
 * MAP_NAME_INVALID. */
map_name_kind map_name_classify(const char *name);

/* "service/host" -> "service@host" for mechanisms that know host-based names but not
 * Kerberos principal names (NTLM, and SPNEGO offering it). Returns 0 and writes out, or -1
 * when the SPN carries a port or a realm (only Kerberos can name such a principal), is not
 * an SPN, or does not fit in size bytes. */
int map_name_spn_to_hostbased(const char *spn, char *out, size_t size);

#endif
