/* Enctype table for SECPKG_ATTR_KEY_INFO.
 *
 * The SecPkgContext_KeyInfo page calls SignatureAlgorithm and EncryptAlgorithm ALG_IDs, but
 * Kerberos has no CryptoAPI algorithm ids: its package reports Kerberos numbers, the RFC 3961
 * enctype (ntsecapi.h's KERB_ETYPE_*) and the checksum type the GSS tokens of that enctype
 * carry (ntsecapi.h's KERB_CHECKSUM_*; RC4's is KERB_CHECKSUM_HMAC_MD5, -138, RFC 4757
 * section 4).
 *
 * sEncryptAlgorithmName is the name Windows' Kerberos package gives the enctype where it prints
 * one (klist's "Session Key Type"): "AES-256-CTS-HMAC-SHA1-96", "AES-128-CTS-HMAC-SHA1-96",
 * "RSADSI RC4-HMAC(NT)". The other enctypes (DES, which Windows disables and MIT 1.20 no
 * longer has; RFC 8009 SHA-2 and RFC 6803 Camellia, which Windows never had) get their RFC
 * names written the same way, and so does every sSignatureAlgorithmName (the checksum).
 *
 * KeySize is the effective key length in bits: RC4-HMAC's 128-bit key is 128 bits, single
 * DES's 64-bit key has 56 effective bits (the SecPkgContext_KeyInfo page's own examples are
 * "40, 56, or 128 bits"). */
#include "mappings/map_enctype.h"

#include <string.h>

/* RFC 3961 section 8 / RFC 3962 / RFC 4757 / RFC 6803 / RFC 8009 numbers. */
enum {
    MAP_ETYPE_DES_CBC_CRC = 1,
    MAP_ETYPE_DES_CBC_MD5 = 3,
    MAP_ETYPE_DES3_CBC_SHA1 = 16,
    MAP_ETYPE_AES128_SHA1 = 17,
    MAP_ETYPE_AES256_SHA1 = 18,
    MAP_ETYPE_AES128_SHA256 = 19,
    MAP_ETYPE_AES256_SHA384 = 20,
    MAP_ETYPE_RC4_HMAC = 23,
    MAP_ETYPE_CAMELLIA128 = 25,
    MAP_ETYPE_CAMELLIA256 = 26,
};

enum {
    MAP_CKSUM_RSA_MD5_DES = 8,
    MAP_CKSUM_HMAC_SHA1_DES3_KD = 12,
    MAP_CKSUM_HMAC_SHA1_96_AES128 = 15,
    MAP_CKSUM_HMAC_SHA1_96_AES256 = 16,
    MAP_CKSUM_CMAC_CAMELLIA128 = 17,
    MAP_CKSUM_CMAC_CAMELLIA256 = 18,
    MAP_CKSUM_HMAC_SHA256_128_AES128 = 19,
    MAP_CKSUM_HMAC_SHA384_192_AES256 = 20,
    MAP_CKSUM_HMAC_MD5 = -138,
};

static const map_enctype map_enctypes[] = {
    {MAP_ETYPE_AES256_SHA1, "AES-256-CTS-HMAC-SHA1-96", "HMAC-SHA1-96-AES256",
     MAP_CKSUM_HMAC_SHA1_96_AES256, 256},
    {MAP_ETYPE_AES128_SHA1, "AES-128-CTS-HMAC-SHA1-96", "HMAC-SHA1-96-AES128",
     MAP_CKSUM_HMAC_SHA1_96_AES128, 128},
    {MAP_ETYPE_RC4_HMAC, "RSADSI RC4-HMAC(NT)", "HMAC-MD5", MAP_CKSUM_HMAC_MD5, 128},
    {MAP_ETYPE_AES256_SHA384, "AES-256-CTS-HMAC-SHA384-192", "HMAC-SHA384-192-AES256",
     MAP_CKSUM_HMAC_SHA384_192_AES256, 256},
    {MAP_ETYPE_AES128_SHA256, "AES-128-CTS-HMAC-SHA256-128", "HMAC-SHA256-128-AES128",
     MAP_CKSUM_HMAC_SHA256_128_AES128, 128},
    {MAP_ETYPE_CAMELLIA256, "CAMELLIA256-CTS-CMAC", "CMAC-CAMELLIA256", MAP_CKSUM_CMAC_CAMELLIA256,
     256},
    {MAP_ETYPE_CAMELLIA128, "CAMELLIA128-CTS-CMAC", "CMAC-CAMELLIA128", MAP_CKSUM_CMAC_CAMELLIA128,
     128},
    {MAP_ETYPE_DES3_CBC_SHA1, "DES3-CBC-SHA1-KD", "HMAC-SHA1-DES3-KD", MAP_CKSUM_HMAC_SHA1_DES3_KD,
     168},
    {MAP_ETYPE_DES_CBC_MD5, "DES-CBC-MD5", "RSA-MD5-DES", MAP_CKSUM_RSA_MD5_DES, 56},
    {MAP_ETYPE_DES_CBC_CRC, "DES-CBC-CRC", "RSA-MD5-DES", MAP_CKSUM_RSA_MD5_DES, 56},
};

#define MAP_ENCTYPE_COUNT (sizeof(map_enctypes) / sizeof(map_enctypes[0]))

/* 1.2.840.113554.1.2.2.4, MIT's GSS_KRB5_SESSION_KEY_ENCTYPE_OID prefix. */
static const unsigned char map_enctype_oid_prefix[] = {0x2a, 0x86, 0x48, 0x86, 0xf7,
                                                       0x12, 0x01, 0x02, 0x02, 0x04};

size_t map_enctype_count(void)
{
    return MAP_ENCTYPE_COUNT;
}

const map_enctype *map_enctype_at(size_t i)
{
    return i < MAP_ENCTYPE_COUNT ? &map_enctypes[i] : NULL;
}

const map_enctype *map_enctype_by_number(int32_t enctype)
{
    for (size_t i = 0; i < MAP_ENCTYPE_COUNT; i++)
        if (map_enctypes[i].enctype == enctype)
            return &map_enctypes[i];
    return NULL;
}

int map_enctype_to_oid(int32_t enctype, void *der, size_t cap, size_t *len)
{
    unsigned char *p = der, arc[5];
    size_t prefix = sizeof(map_enctype_oid_prefix), n = 0;
    uint32_t v = (uint32_t)enctype;

    if (p == NULL || len == NULL || enctype < 0)
        return -1;
    /* X.690 8.19.2: base 128, most significant group first, high bit on all but the last. */
    do {
        arc[sizeof(arc) - 1 - n] = (unsigned char)((v & 0x7f) | (n > 0 ? 0x80 : 0));
        v >>= 7;
        n++;
    } while (v != 0);
    if (cap < prefix + n)
        return -1;
    memcpy(p, map_enctype_oid_prefix, prefix);
    memcpy(p + prefix, arc + sizeof(arc) - n, n);
    *len = prefix + n;
    return 0;
}

int map_enctype_from_oid(const void *der, size_t len, int32_t *enctype)
{
    const unsigned char *p = der;
    size_t prefix = sizeof(map_enctype_oid_prefix);
    uint64_t arc = 0;

    if (p == NULL || enctype == NULL || len <= prefix || memcmp(p, map_enctype_oid_prefix, prefix) != 0)
        return -1;
    /* One base-128 arc (X.690 8.19.2): high bit set on every byte but the last, no leading
     * 0x80 byte (that would be a non-minimal encoding). */
    if (p[prefix] == 0x80)
        return -1;
    for (size_t i = prefix; i < len; i++) {
        arc = (arc << 7) | (p[i] & 0x7f);
        if (arc > INT32_MAX)
            return -1;
        if (!(p[i] & 0x80)) {
            if (i + 1 != len)
                return -1; /* a second arc */
            *enctype = (int32_t)arc;
            return 0;
        }
    }
    return -1; /* the last byte still had its continuation bit */
}
