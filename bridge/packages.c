/* EnumerateSecurityPackages and QuerySecurityPackageInfo: Windows' SecPkgInfo values for each
 * package whose GSSAPI mechanism gss_indicate_mechs reports. */
#include "bridge/packages.h"

#include "bridge/backend.h"
#include "bridge/call.h"
#include "bridge/memory.h"
#include "mappings/map_utf.h"

#include <gssapi/gssapi.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PKG_MAX 8

static pthread_once_t pkg_once = PTHREAD_ONCE_INIT;
static const map_package *pkg_list[PKG_MAX];
static size_t pkg_count;

/* Mechanisms do not come and go while a process runs (mechglue reads its configuration
 * once), so one inquiry serves the process. */
static void pkg_discover(void)
{
    OM_uint32 major, minor;
    gss_OID_set mechs = GSS_C_NO_OID_SET;

    major = gss_indicate_mechs(&minor, &mechs);
    if (GSS_ERROR(major))
        return;
    for (size_t i = 0; i < map_package_count() && pkg_count < PKG_MAX; i++) {
        const map_package *pkg = map_package_at(i);
        if (!backend_offers_package(pkg->name))
            continue;
        for (size_t j = 0; j < mechs->count; j++) {
            const gss_OID_desc *m = &mechs->elements[j];
            if (m->length == pkg->oid_len && memcmp(m->elements, pkg->oid, pkg->oid_len) == 0) {
                pkg_list[pkg_count++] = pkg;
                break;
            }
        }
    }
    gss_release_oid_set(&minor, &mechs);
}

const map_package *pkg_find(const char *name)
{
    const map_package *pkg = name != NULL ? map_package_by_name(name) : NULL;
    pthread_once(&pkg_once, pkg_discover);
    for (size_t i = 0; pkg != NULL && i < pkg_count; i++)
        if (pkg_list[i] == pkg)
            return pkg;
    return NULL;
}

/* Package names are ASCII: a name with any other unit, or longer than any package's, names
 * none. Converted on the stack, so running out of memory never reads as "no such package". */
const map_package *pkg_find_w(const SEC_WCHAR *name)
{
    char ascii[64];
    size_t i;
    if (name == NULL)
        return NULL;
    for (i = 0; name[i] != 0; i++) {
        if (name[i] >= 0x80 || i + 1 >= sizeof(ascii))
            return NULL;
        ascii[i] = (char)name[i];
    }
    ascii[i] = '\0';
    return pkg_find(ascii);
}

/* Bytes the strings of pkgs need in one block, per character width. */
static size_t pkg_string_units(const map_package *const *pkgs, size_t n)
{
    size_t units = 0;
    for (size_t i = 0; i < n; i++)
        units += strlen(pkgs[i]->name) + 1 + strlen(pkgs[i]->comment) + 1;
    return units;
}

/* One block holding the array and its strings, so one FreeContextBuffer frees it all, as
 * on Windows. Package names and comments are ASCII, so a unit is a byte or a SEC_WCHAR. */
static SECURITY_STATUS pkg_pack_a(const map_package *const *pkgs, size_t n, SecPkgInfoA **out)
{
    size_t head = n * sizeof(SecPkgInfoA);
    SecPkgInfoA *info = mem_alloc(head + pkg_string_units(pkgs, n));
    if (info == NULL)
        return SEC_E_INSUFFICIENT_MEMORY;
    char *str = (char *)info + head;
    for (size_t i = 0; i < n; i++) {
        info[i].fCapabilities = pkgs[i]->capabilities;
        info[i].wVersion = pkgs[i]->version;
        info[i].wRPCID = pkgs[i]->rpcid;
        info[i].cbMaxToken = pkgs[i]->max_token;
        info[i].Name = str;
        str = stpcpy(str, pkgs[i]->name) + 1;
        info[i].Comment = str;
        str = stpcpy(str, pkgs[i]->comment) + 1;
    }
    *out = info;
    return SEC_E_OK;
}

static SEC_WCHAR *pkg_copy_ascii_w(SEC_WCHAR *dst, const char *src)
{
    while (*src)
        *dst++ = (SEC_WCHAR)(unsigned char)*src++;
    *dst++ = 0;
    return dst;
}

static SECURITY_STATUS pkg_pack_w(const map_package *const *pkgs, size_t n, SecPkgInfoW **out)
{
    size_t head = n * sizeof(SecPkgInfoW);
    SecPkgInfoW *info = mem_alloc(head + pkg_string_units(pkgs, n) * sizeof(SEC_WCHAR));
    if (info == NULL)
        return SEC_E_INSUFFICIENT_MEMORY;
    SEC_WCHAR *str = (SEC_WCHAR *)((char *)info + head);
    for (size_t i = 0; i < n; i++) {
        info[i].fCapabilities = pkgs[i]->capabilities;
        info[i].wVersion = pkgs[i]->version;
        info[i].wRPCID = pkgs[i]->rpcid;
        info[i].cbMaxToken = pkgs[i]->max_token;
        info[i].Name = str;
        str = pkg_copy_ascii_w(str, pkgs[i]->name);
        info[i].Comment = str;
        str = pkg_copy_ascii_w(str, pkgs[i]->comment);
    }
    *out = info;
    return SEC_E_OK;
}

SECURITY_STATUS pkg_info_pack(const map_package *pkg, int wide, void **out)
{
    SECURITY_STATUS status;
    if (wide) {
        SecPkgInfoW *w = NULL;
        status = pkg_pack_w(&pkg, 1, &w);
        *out = w;
    } else {
        SecPkgInfoA *a = NULL;
        status = pkg_pack_a(&pkg, 1, &a);
        *out = a;
    }
    return status;
}

SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesA(PULONG pcPackages, PSecPkgInfoA *ppPackageInfo)
{
    SECURITY_STATUS status;

    if (pcPackages == NULL || ppPackageInfo == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    *pcPackages = 0;
    *ppPackageInfo = NULL;
    pthread_once(&pkg_once, pkg_discover);
    status = pkg_pack_a(pkg_list, pkg_count, ppPackageInfo);
    if (status == SEC_E_OK)
        *pcPackages = (ULONG)pkg_count;

cleanup:
    CALL_RETURN(status);
}

SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesW(PULONG pcPackages, PSecPkgInfoW *ppPackageInfo)
{
    SECURITY_STATUS status;

    if (pcPackages == NULL || ppPackageInfo == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    *pcPackages = 0;
    *ppPackageInfo = NULL;
    pthread_once(&pkg_once, pkg_discover);
    status = pkg_pack_w(pkg_list, pkg_count, ppPackageInfo);
    if (status == SEC_E_OK)
        *pcPackages = (ULONG)pkg_count;

cleanup:
    CALL_RETURN(status);
}

SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoA(SEC_CHAR *pszPackageName, PSecPkgInfoA *ppPackageInfo)
{
    SECURITY_STATUS status;
    const map_package *pkg;

    if (ppPackageInfo == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    *ppPackageInfo = NULL;
    pkg = pkg_find(pszPackageName);
    if (pkg == NULL) {
        call_note("no package named \"%s\" on this machine", pszPackageName ? pszPackageName : "(null)");
        status = SEC_E_SECPKG_NOT_FOUND;
        goto cleanup;
    }
    status = pkg_pack_a(&pkg, 1, ppPackageInfo);

cleanup:
    CALL_RETURN(status);
}

SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoW(SEC_WCHAR *pszPackageName, PSecPkgInfoW *ppPackageInfo)
{
    SECURITY_STATUS status;
    const map_package *pkg;

    if (ppPackageInfo == NULL) {
        status = SEC_E_INVALID_PARAMETER;
        goto cleanup;
    }
    *ppPackageInfo = NULL;
    pkg = pkg_find_w(pszPackageName);
    if (pkg == NULL) {
        status = SEC_E_SECPKG_NOT_FOUND;
        goto cleanup;
    }
    status = pkg_pack_w(&pkg, 1, ppPackageInfo);

cleanup:
    CALL_RETURN(status);
}
