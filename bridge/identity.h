/* SEC_WINNT_AUTH_IDENTITY_A/W and _EX_A/W -> a UTF-8 principal name and password. */
#ifndef SSPIBRIDGE_IDENTITY_H
#define SSPIBRIDGE_IDENTITY_H

#include <sspi.h>
#include <stddef.h>

typedef struct identity {
    char *principal;      /* "user@REALM", "user" (default realm) or NULL (no user given) */
    char *password;       /* NULL when none was given; wiped by identity_clear */
    size_t password_len;
    char *package_list;   /* _EX PackageList, UTF-8, or NULL */
} identity;

/* Reads pAuthData (either structure, told apart by the _EX Version field, as Windows does).
 * The Flags field says whether strings are ANSI (UTF-8 here) or UTF-16. The domain becomes
 * the realm (upper-cased) unless the user name already has one. SEC_E_OK,
 * SEC_E_INVALID_PARAMETER or SEC_E_INSUFFICIENT_MEMORY (out is then empty). */
SECURITY_STATUS identity_read(const void *auth_data, identity *out);
/* Wipes the password and frees everything. */
void identity_clear(identity *id);

#endif
