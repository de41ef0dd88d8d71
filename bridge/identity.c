/* Credentials given as SEC_WINNT_AUTH_IDENTITY(_EX): strings converted to UTF-8, the domain
 * turned into a Kerberos realm, and every copy of the password wiped when done. */
#include "bridge/identity.h"

#include "bridge/call.h"
#include "mappings/map_utf.h"

#include <stdlib.h>
#include <string.h>

/* One string field as UTF-8 (NULL stays NULL). Returns SEC_E_OK or an error. */
static SECURITY_STATUS identity_string(const void *s, ULONG len, int unicode, const char *what,
                                       char **out, size_t *out_len)
{
    *out = NULL;
    if (out_len)
        *out_len = 0;
    if (s == NULL)
        return len == 0 ? SEC_E_OK : SEC_E_INVALID_PARAMETER;
    if (!unicode) {
        char *copy = malloc((size_t)len + 1);
        if (copy == NULL)
            return SEC_E_INSUFFICIENT_MEMORY;
        memcpy(copy, s, len);
        copy[len] = '\0';
        if (strlen(copy) != len) {
            explicit_bzero(copy, len);
            free(copy);
            call_note("identity %s has an embedded NUL", what);
            return SEC_E_INVALID_PARAMETER;
        }
        *out = copy;
        if (out_len)
            *out_len = len;
        return SEC_E_OK;
    }
    int rc = map_utf16_to_utf8(s, len, out, out_len);
    if (rc == -2)
        return SEC_E_INSUFFICIENT_MEMORY;
    if (rc != 0) {
        call_note("identity %s is not valid UTF-16", what);
        return SEC_E_INVALID_PARAMETER;
    }
    return SEC_E_OK;
}

/* The fields both structure kinds share, as pointers into the caller's structure. */
typedef struct identity_fields {
    const void *user, *domain, *password, *packages;
    ULONG user_len, domain_len, password_len, packages_len, flags;
} identity_fields;

static void identity_fields_of(const void *auth_data, identity_fields *f)
{
    const SEC_WINNT_AUTH_IDENTITY_EXW *ex = auth_data;
    memset(f, 0, sizeof(*f));
    /* _EX starts with ULONG Version; the plain structure starts with a pointer, whose low
     * 32 bits are never 0x200 for a real string. This is how Windows tells them apart. */
    if (ex->Version == SEC_WINNT_AUTH_IDENTITY_VERSION) {
        f->user = ex->User;
        f->user_len = ex->UserLength;
        f->domain = ex->Domain;
        f->domain_len = ex->DomainLength;
        f->password = ex->Password;
        f->password_len = ex->PasswordLength;
        f->packages = ex->PackageList;
        f->packages_len = ex->PackageListLength;
        f->flags = ex->Flags;
        return;
    }
    const SEC_WINNT_AUTH_IDENTITY_W *plain = auth_data;
    f->user = plain->User;
    f->user_len = plain->UserLength;
    f->domain = plain->Domain;
    f->domain_len = plain->DomainLength;
    f->password = plain->Password;
    f->password_len = plain->PasswordLength;
    f->flags = plain->Flags;
}

/* "user" + "example.com" -> "user@EXAMPLE.COM"; a user that has '@' keeps its own realm. */
static SECURITY_STATUS identity_principal(char *user, char *domain, char **out)
{
    *out = NULL;
    if (user == NULL || *user == '\0')
        return SEC_E_OK;
    if (strchr(user, '@') != NULL || domain == NULL || *domain == '\0') {
        *out = strdup(user);
        return *out ? SEC_E_OK : SEC_E_INSUFFICIENT_MEMORY;
    }
    size_t ulen = strlen(user), dlen = strlen(domain);
    char *p = malloc(ulen + 1 + dlen + 1);
    if (p == NULL)
        return SEC_E_INSUFFICIENT_MEMORY;
    memcpy(p, user, ulen);
    p[ulen] = '@';
    for (size_t i = 0; i <= dlen; i++) {
        char c = domain[i];
        p[ulen + 1 + i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    *out = p;
    return SEC_E_OK;
}

SECURITY_STATUS identity_read(const void *auth_data, identity *out)
{
    SECURITY_STATUS status;
    identity_fields f;
    char *user = NULL, *domain = NULL;
    int unicode;

    memset(out, 0, sizeof(*out));
    identity_fields_of(auth_data, &f);
    if ((f.flags & (SEC_WINNT_AUTH_IDENTITY_ANSI | SEC_WINNT_AUTH_IDENTITY_UNICODE)) == 0 ||
        ((f.flags & SEC_WINNT_AUTH_IDENTITY_ANSI) && (f.flags & SEC_WINNT_AUTH_IDENTITY_UNICODE))) {
        call_note("identity Flags 0x%x name neither ANSI nor UNICODE strings", (unsigned)f.flags);
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    unicode = (f.flags & SEC_WINNT_AUTH_IDENTITY_UNICODE) != 0;
    status = identity_string(f.user, f.user_len, unicode, "User", &user, NULL);
    if (status != SEC_E_OK)
        goto cleanup;
    status = identity_string(f.domain, f.domain_len, unicode, "Domain", &domain, NULL);
    if (status != SEC_E_OK)
        goto cleanup;
    status = identity_string(f.password, f.password_len, unicode, "Password", &out->password,
                             &out->password_len);
    if (status != SEC_E_OK)
        goto cleanup;
    status = identity_string(f.packages, f.packages_len, unicode, "PackageList",
                             &out->package_list, NULL);
    if (status != SEC_E_OK)
        goto cleanup;
    status = identity_principal(user, domain, &out->principal);

cleanup:
    free(user);
    free(domain);
    if (status != SEC_E_OK)
        identity_clear(out);
    return status;
}

void identity_clear(identity *id)
{
    if (id->password != NULL) {
        explicit_bzero(id->password, id->password_len);
        free(id->password);
    }
    free(id->principal);
    free(id->package_list);
    memset(id, 0, sizeof(*id));
}
