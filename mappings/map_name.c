/* SSPI name classification: which GSS name type a principal or target string is imported as. */
#include "mappings/map_name.h"

#include <string.h>

static int map_name_has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return 1;
    return 0;
}

map_name_kind map_name_classify(const char *name)
{
    if (name == NULL || name[0] == '\0' || name[0] == '/' || name[0] == '@')
        return MAP_NAME_INVALID;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return MAP_NAME_INVALID;

    const char *slash = strchr(name, '/');
    const char *at = strrchr(name, '@');
    if (at != NULL && at[1] == '\0')
        return MAP_NAME_INVALID;
    if (slash != NULL) {
        /* The host part must not be empty ("HTTP/" or "HTTP/@R"). */
        if (slash[1] == '\0' || slash[1] == '@')
            return MAP_NAME_INVALID;
        return MAP_NAME_SPN;
    }
    if (at == NULL)
        return MAP_NAME_USER;
    return map_name_has_lower(at + 1) ? MAP_NAME_HOSTBASED : MAP_NAME_USER;
}

int map_name_spn_to_hostbased(const char *spn, char *out, size_t size)
{
    if (map_name_classify(spn) != MAP_NAME_SPN)
        return -1;
    const char *slash = strchr(spn, '/');
    const char *host = slash + 1;
    /* A second '/' (e.g. "ldap/host/domain"), a port or a realm: Kerberos-only names. */
    if (strpbrk(host, "/:@") != NULL)
        return -1;
    size_t service_len = (size_t)(slash - spn), host_len = strlen(host);
    if (service_len + 1 + host_len + 1 > size)
        return -1;
    memcpy(out, spn, service_len);
    out[service_len] = '@';
    memcpy(out + service_len + 1, host, host_len + 1);
    return 0;
}
