/* Which packages this machine offers: a package is listed only when GSSAPI has its mech. */
#ifndef SSPIBRIDGE_PACKAGES_H
#define SSPIBRIDGE_PACKAGES_H

#include "mappings/map_package.h"
#include <sspi.h>

/* The available package of that name (case-insensitive), or NULL. */
const map_package *pkg_find(const char *name);
/* The same for a UTF-16 name; NULL also for a name that is not valid UTF-16. */
const map_package *pkg_find_w(const SEC_WCHAR *name);
/* One package's SecPkgInfoA (wide = 0) or SecPkgInfoW (wide = 1) with its strings in one
 * mem_alloc block, as QuerySecurityPackageInfo returns it: the caller frees it with
 * FreeContextBuffer. SEC_E_OK or SEC_E_INSUFFICIENT_MEMORY. */
SECURITY_STATUS pkg_info_pack(const map_package *pkg, int wide, void **out);

#endif
