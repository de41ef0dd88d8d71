/* Kerberos encryption types as SECPKG_ATTR_KEY_INFO reports them: the RFC 3961 enctype number,
 * Windows' name for it, the checksum the GSS tokens of that enctype carry, and the key size.
 * Pure: also decodes the enctype MIT's GSS_C_INQ_SSPI_SESSION_KEY names in its OID. */
#ifndef SSPIBRIDGE_MAP_ENCTYPE_H
#define SSPIBRIDGE_MAP_ENCTYPE_H

#include <sspi.h>
#include <stddef.h>
#include <stdint.h>

typedef struct map_enctype {
    int32_t enctype;            /* RFC 3961 enctype number (EncryptAlgorithm) */
    const char *encrypt_name;   /* sEncryptAlgorithmName */
    const char *signature_name; /* sSignatureAlgorithmName */
    int32_t checksum;           /* RFC 3961 checksum type (SignatureAlgorithm) */
    ULONG key_bits;             /* KeySize: effective key length in bits */
} map_enctype;

/* Rows in table order; NULL past the end. Pointers are to static data. */
size_t map_enctype_count(void);
const map_enctype *map_enctype_at(size_t i);
/* The row for an enctype number, or NULL when the table has none. */
const map_enctype *map_enctype_by_number(int32_t enctype);

/* MIT answers GSS_C_INQ_SSPI_SESSION_KEY with the key and an OID naming its enctype:
 * 1.2.840.113554.1.2.2.4 (GSS_KRB5_SESSION_KEY_ENCTYPE_OID) with the enctype as one more
 * arc. der/len are that OID's DER contents (no tag, no length). 0 and *enctype set, or -1
 * when the OID has another prefix, no arc, more than one arc or an arc out of range. */
int map_enctype_from_oid(const void *der, size_t len, int32_t *enctype);
/* The reverse, for a GSSAPI that answers with the key alone (Heimdal's gsskrb5_get_subkey):
 * writes that OID's DER contents for a non-negative enctype into der (cap bytes; the prefix
 * and up to 5 arc bytes fit in MAP_ENCTYPE_OID_MAX). 0 and *len set, or -1 (negative
 * enctype, too small a buffer). */
#define MAP_ENCTYPE_OID_MAX 15
int map_enctype_to_oid(int32_t enctype, void *der, size_t cap, size_t *len);

#endif
