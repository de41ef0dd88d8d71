/* SSPI target name classification: which GSS name type a target string is imported as. */
#include "mappings/map_name.h"

#include <string.h>

static int map_name_has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return 1;
    return 0;
}

map_name_kind map_name_classify(const char *target)
{
    if (target == NULL || target[0] == '\0' || target[0] == '/' || target[0] == '@')
        return MAP_NAME_INVALID;
    for (const unsigned char *p = (const unsigned char *)target; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return MAP_NAME_INVALID;

    const char *slash = strchr(target, '/');
    const char *at = strrchr(target, '@');
    if (slash != NULL) {
        /* SPN: the host part must not be empty ("HTTP/" or "HTTP/@R"). */
        if (slash[1] == '\0' || slash[1] == '@' || (at != NULL && at[1] == '\0'))
            return MAP_NAME_INVALID;
        return MAP_NAME_PRINCIPAL;
    }
    if (at == NULL)
        return MAP_NAME_PRINCIPAL;
    if (at[1] == '\0')
        return MAP_NAME_INVALID;
    return map_name_has_lower(at + 1) ? MAP_NAME_HOSTBASED : MAP_NAME_PRINCIPAL;
}
