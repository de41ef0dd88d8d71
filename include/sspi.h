/* sspi.h: the Windows Security Support Provider Interface as sspibridge implements it on
 * Linux. Names, values and structure layouts are Windows'; nothing here needs GSSAPI. */
#ifndef SSPIBRIDGE_SSPI_H
#define SSPIBRIDGE_SSPI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Environment ----------------------------------------------------------------------
 * Windows makes the includer define SECURITY_WIN32, SECURITY_KERNEL or SECURITY_MAC and
 * stops otherwise. Here none is required and all give the same user-mode declarations. */
#ifndef ISSP_LEVEL
#define ISSP_LEVEL 32
#endif
#ifndef ISSP_MODE
#define ISSP_MODE 1
#endif

#define SEC_FAR
#define __SEC_FAR SEC_FAR
/* __stdcall on 32-bit Windows; Linux has one calling convention. */
#define SEC_ENTRY

/* ---- Base types -----------------------------------------------------------------------
 * Windows' integer WIDTHS, not its C types: on Windows `long` is 32-bit, on LP64 Linux it
 * is 64-bit, so ULONG and LONG are uint32_t and int32_t here. Code that passes an
 * `unsigned long *` where Windows takes ULONG* / PULONG (pfContextAttr, pcPackages, pfQOP)
 * must change its variable to ULONG. Define SSPIBRIDGE_NO_BASE_TYPES to supply these
 * typedefs yourself; the size assertions at the end of this file check that they fit. */
#ifndef SSPIBRIDGE_NO_BASE_TYPES
#ifndef SSPIBRIDGE_ULONG_DEFINED
#define SSPIBRIDGE_ULONG_DEFINED
typedef uint32_t ULONG;
typedef ULONG *PULONG;
#endif
#ifndef SSPIBRIDGE_LONG_DEFINED
#define SSPIBRIDGE_LONG_DEFINED
typedef int32_t LONG;
typedef LONG *PLONG;
#endif
#ifndef SSPIBRIDGE_USHORT_DEFINED
#define SSPIBRIDGE_USHORT_DEFINED
typedef uint16_t USHORT;
typedef USHORT *PUSHORT;
#endif
#ifndef SSPIBRIDGE_UCHAR_DEFINED
#define SSPIBRIDGE_UCHAR_DEFINED
typedef unsigned char UCHAR;
typedef UCHAR *PUCHAR;
#endif
#ifndef SSPIBRIDGE_ULONG_PTR_DEFINED
#define SSPIBRIDGE_ULONG_PTR_DEFINED
typedef uintptr_t ULONG_PTR;
typedef ULONG_PTR *PULONG_PTR;
#endif
#ifndef SSPIBRIDGE_LONG_PTR_DEFINED
#define SSPIBRIDGE_LONG_PTR_DEFINED
typedef intptr_t LONG_PTR;
typedef LONG_PTR *PLONG_PTR;
#endif
#ifndef SSPIBRIDGE_PVOID_DEFINED
#define SSPIBRIDGE_PVOID_DEFINED
typedef void *PVOID;
#endif
#ifndef SSPIBRIDGE_BOOLEAN_DEFINED
#define SSPIBRIDGE_BOOLEAN_DEFINED
typedef unsigned char BOOLEAN;
typedef BOOLEAN *PBOOLEAN;
#endif
#ifndef SSPIBRIDGE_LUID_DEFINED
#define SSPIBRIDGE_LUID_DEFINED
typedef struct _LUID {
    ULONG LowPart;
    LONG HighPart;
} LUID, *PLUID;
#endif
#endif /* SSPIBRIDGE_NO_BASE_TYPES */

/* ---- SSPI scalar types ----------------------------------------------------------------- */
typedef char SEC_CHAR;
/* Windows' WCHAR: UTF-16 code units. unsigned short, so C11 u"..." literals (char16_t is
 * unsigned short there) and, with -fshort-wchar, L"..." literals convert without a cast;
 * C++ keeps char16_t distinct and needs reinterpret_cast<SEC_WCHAR *>(u"..."). */
typedef unsigned short SEC_WCHAR;
typedef LONG SECURITY_STATUS;

#ifdef UNICODE
typedef SEC_WCHAR *SECURITY_PSTR;
typedef const SEC_WCHAR *SECURITY_PCSTR;
#else
typedef SEC_CHAR *SECURITY_PSTR;
typedef const SEC_CHAR *SECURITY_PCSTR;
#endif

/* ---- Handles ---------------------------------------------------------------------------- */
typedef struct _SecHandle {
    ULONG_PTR dwLower;
    ULONG_PTR dwUpper;
} SecHandle, *PSecHandle;

typedef SecHandle CredHandle;
typedef PSecHandle PCredHandle;
typedef SecHandle CtxtHandle;
typedef PSecHandle PCtxtHandle;

#ifdef __cplusplus
#define SSPIBRIDGE_HANDLE(x)  reinterpret_cast<PSecHandle>(x)
#define SSPIBRIDGE_WORD(v)    static_cast<ULONG_PTR>(v)
#else
#define SSPIBRIDGE_HANDLE(x)  ((PSecHandle)(x))
#define SSPIBRIDGE_WORD(v)    ((ULONG_PTR)(v))
#endif

/* A handle is invalid when either word is all ones. Unlike Windows' macro this one is an
 * expression without a trailing ';', so it also works as the body of an unbraced if. */
#define SecInvalidateHandle(x)                                                         \
    ((void)(SSPIBRIDGE_HANDLE(x)->dwLower = SSPIBRIDGE_HANDLE(x)->dwUpper =            \
                SSPIBRIDGE_WORD(-1)))
#define SecIsValidHandle(x)                                                            \
    ((SSPIBRIDGE_HANDLE(x)->dwLower != SSPIBRIDGE_WORD(-1)) &&                         \
     (SSPIBRIDGE_HANDLE(x)->dwUpper != SSPIBRIDGE_WORD(-1)))
/* Pseudo handle value: the handle has already been deleted. */
#define SEC_DELETED_HANDLE SSPIBRIDGE_WORD(-2)

/* ---- Time ------------------------------------------------------------------------------
 * 100-ns intervals since 1601-01-01 (FILETIME), split in two 32-bit halves. Windows code
 * that includes <windows.h> first gets LARGE_INTEGER here and may use .QuadPart; here it
 * combines LowPart and HighPart. */
typedef struct _SECURITY_INTEGER {
    ULONG LowPart;
    LONG HighPart;
} SECURITY_INTEGER, *PSECURITY_INTEGER;

typedef SECURITY_INTEGER TimeStamp;
typedef SECURITY_INTEGER *PTimeStamp;

typedef struct _SECURITY_STRING {
    USHORT Length;
    USHORT MaximumLength;
    USHORT *Buffer;
} SECURITY_STRING, *PSECURITY_STRING;

/* ---- Packages --------------------------------------------------------------------------- */
typedef struct _SecPkgInfoA {
    ULONG fCapabilities;
    USHORT wVersion;
    USHORT wRPCID;
    ULONG cbMaxToken;
    SEC_CHAR *Name;
    SEC_CHAR *Comment;
} SecPkgInfoA, *PSecPkgInfoA;

typedef struct _SecPkgInfoW {
    ULONG fCapabilities;
    USHORT wVersion;
    USHORT wRPCID;
    ULONG cbMaxToken;
    SEC_WCHAR *Name;
    SEC_WCHAR *Comment;
} SecPkgInfoW, *PSecPkgInfoW;

#define SECPKG_FLAG_INTEGRITY                    0x00000001
#define SECPKG_FLAG_PRIVACY                      0x00000002
#define SECPKG_FLAG_TOKEN_ONLY                   0x00000004
#define SECPKG_FLAG_DATAGRAM                     0x00000008
#define SECPKG_FLAG_CONNECTION                   0x00000010
#define SECPKG_FLAG_MULTI_REQUIRED               0x00000020
#define SECPKG_FLAG_CLIENT_ONLY                  0x00000040
#define SECPKG_FLAG_EXTENDED_ERROR               0x00000080
#define SECPKG_FLAG_IMPERSONATION                0x00000100
#define SECPKG_FLAG_ACCEPT_WIN32_NAME            0x00000200
#define SECPKG_FLAG_STREAM                       0x00000400
#define SECPKG_FLAG_NEGOTIABLE                   0x00000800
#define SECPKG_FLAG_GSS_COMPATIBLE               0x00001000
#define SECPKG_FLAG_LOGON                        0x00002000
#define SECPKG_FLAG_ASCII_BUFFERS                0x00004000
#define SECPKG_FLAG_FRAGMENT                     0x00008000
#define SECPKG_FLAG_MUTUAL_AUTH                  0x00010000
#define SECPKG_FLAG_DELEGATION                   0x00020000
#define SECPKG_FLAG_READONLY_WITH_CHECKSUM       0x00040000
#define SECPKG_FLAG_RESTRICTED_TOKENS            0x00080000
#define SECPKG_FLAG_NEGO_EXTENDER                0x00100000
#define SECPKG_FLAG_NEGOTIABLE2                  0x00200000
#define SECPKG_FLAG_APPCONTAINER_PASSTHROUGH     0x00400000
#define SECPKG_FLAG_APPCONTAINER_CHECKS          0x00800000
#define SECPKG_FLAG_CREDENTIAL_ISOLATION_ENABLED 0x01000000
#define SECPKG_FLAG_APPLY_LOOPBACK               0x02000000

#define SECPKG_ID_NONE 0xFFFF

/* ---- Buffers ----------------------------------------------------------------------------- */
typedef struct _SecBuffer {
    ULONG cbBuffer;
    ULONG BufferType; /* SECBUFFER_* type, possibly or-ed with SECBUFFER_* attribute flags */
    void *pvBuffer;
} SecBuffer, *PSecBuffer;

typedef struct _SecBufferDesc {
    ULONG ulVersion; /* SECBUFFER_VERSION */
    ULONG cBuffers;
    PSecBuffer pBuffers;
} SecBufferDesc, *PSecBufferDesc;

#define SECBUFFER_VERSION 0

#define SECBUFFER_EMPTY                           0
#define SECBUFFER_DATA                            1
#define SECBUFFER_TOKEN                           2
#define SECBUFFER_PKG_PARAMS                      3
#define SECBUFFER_MISSING                         4
#define SECBUFFER_EXTRA                           5
#define SECBUFFER_STREAM_TRAILER                  6
#define SECBUFFER_STREAM_HEADER                   7
#define SECBUFFER_NEGOTIATION_INFO                8
#define SECBUFFER_PADDING                         9
#define SECBUFFER_STREAM                          10
#define SECBUFFER_MECHLIST                        11
#define SECBUFFER_MECHLIST_SIGNATURE              12
#define SECBUFFER_TARGET                          13
#define SECBUFFER_CHANNEL_BINDINGS                14
#define SECBUFFER_CHANGE_PASS_RESPONSE            15
#define SECBUFFER_TARGET_HOST                     16
#define SECBUFFER_ALERT                           17
#define SECBUFFER_APPLICATION_PROTOCOLS           18
#define SECBUFFER_SRTP_PROTECTION_PROFILES        19
#define SECBUFFER_SRTP_MASTER_KEY_IDENTIFIER      20
#define SECBUFFER_TOKEN_BINDING                   21
#define SECBUFFER_PRESHARED_KEY                   22
#define SECBUFFER_PRESHARED_KEY_IDENTITY          23
#define SECBUFFER_DTLS_MTU                        24
#define SECBUFFER_SEND_GENERIC_TLS_EXTENSION      25
#define SECBUFFER_SUBSCRIBE_GENERIC_TLS_EXTENSION 26
#define SECBUFFER_FLAGS                           27
#define SECBUFFER_TRAFFIC_SECRETS                 28
#define SECBUFFER_CERTIFICATE_REQUEST_CONTEXT     29
#define SECBUFFER_CHANNEL_BINDINGS_RESULT         30
#define SECBUFFER_APP_SESSION_STATE               31
#define SECBUFFER_SESSION_TICKET                  32

/* Attribute flags in the top nibble of BufferType. For the Kerberos package both
 * READONLY and READONLY_WITH_CHECKSUM data buffers are signed but not encrypted (the
 * header-signing buffers of DCE RPC). */
#define SECBUFFER_ATTRMASK               0xF0000000
#define SECBUFFER_READONLY               0x80000000
#define SECBUFFER_READONLY_WITH_CHECKSUM 0x10000000
#define SECBUFFER_RESERVED               0x60000000
/* The two reserved bits; Windows declares them in ntsecpkg.h. */
#ifndef SECBUFFER_UNMAPPED
#define SECBUFFER_UNMAPPED 0x40000000
#endif
#ifndef SECBUFFER_KERNEL_MAP
#define SECBUFFER_KERNEL_MAP 0x20000000
#endif

typedef struct _SEC_NEGOTIATION_INFO {
    ULONG Size;
    ULONG NameLength;
    SEC_WCHAR *Name;
    void *Reserved;
} SEC_NEGOTIATION_INFO, *PSEC_NEGOTIATION_INFO;

/* Header of a SECBUFFER_CHANNEL_BINDINGS buffer; the offsets count from its start
 * (RFC 5929 tls-server-end-point / tls-unique data usually sits in ApplicationData). */
typedef struct _SEC_CHANNEL_BINDINGS {
    ULONG dwInitiatorAddrType;
    ULONG cbInitiatorLength;
    ULONG dwInitiatorOffset;
    ULONG dwAcceptorAddrType;
    ULONG cbAcceptorLength;
    ULONG dwAcceptorOffset;
    ULONG cbApplicationDataLength;
    ULONG dwApplicationDataOffset;
} SEC_CHANNEL_BINDINGS, *PSEC_CHANNEL_BINDINGS;

/* The characters 'XEBC' read as a big-endian 32-bit number, as MSVC does. */
#define SEC_CHANNEL_BINDINGS_EX_MAGIC 0x58454243

typedef struct _SEC_CHANNEL_BINDINGS_EX {
    ULONG magicNumber; /* SEC_CHANNEL_BINDINGS_EX_MAGIC */
    ULONG flags;
    ULONG cbHeaderLength;
    ULONG cbStructureLength;
    ULONG dwInitiatorAddrType;
    ULONG cbInitiatorLength;
    ULONG dwInitiatorOffset;
    ULONG dwAcceptorAddrType;
    ULONG cbAcceptorLength;
    ULONG dwAcceptorOffset;
    ULONG cbApplicationDataLength;
    ULONG dwApplicationDataOffset;
} SEC_CHANNEL_BINDINGS_EX, *PSEC_CHANNEL_BINDINGS_EX;

#define SEC_CHANNEL_BINDINGS_AUDIT_BINDINGS 0x1
#define SEC_CHANNEL_BINDINGS_VALID_FLAGS    SEC_CHANNEL_BINDINGS_AUDIT_BINDINGS

typedef struct _SEC_CHANNEL_BINDINGS_RESULT {
    ULONG flags;
} SEC_CHANNEL_BINDINGS_RESULT, *PSEC_CHANNEL_BINDINGS_RESULT;

#define SEC_CHANNEL_BINDINGS_RESULT_CLIENT_SUPPORT    0x1
#define SEC_CHANNEL_BINDINGS_RESULT_ABSENT            0x2
#define SEC_CHANNEL_BINDINGS_RESULT_NOTVALID_MISMATCH 0x4
#define SEC_CHANNEL_BINDINGS_RESULT_NOTVALID_MISSING  0x8
#define SEC_CHANNEL_BINDINGS_RESULT_VALID_MATCHED     0x10
#define SEC_CHANNEL_BINDINGS_RESULT_VALID_PROXY       0x20
#define SEC_CHANNEL_BINDINGS_RESULT_VALID_MISSING     0x40
#define SEC_CHANNEL_BINDINGS_RESULT_VALID                                                  \
    (SEC_CHANNEL_BINDINGS_RESULT_VALID_MATCHED | SEC_CHANNEL_BINDINGS_RESULT_VALID_PROXY | \
     SEC_CHANNEL_BINDINGS_RESULT_VALID_MISSING)
#define SEC_CHANNEL_BINDINGS_RESULT_NOTVALID                                                   \
    (SEC_CHANNEL_BINDINGS_RESULT_NOTVALID_MISMATCH |                                           \
     SEC_CHANNEL_BINDINGS_RESULT_NOTVALID_MISSING)

/* Contents of the TLS-oriented buffer types (Schannel's; declared for completeness).
 * The [1] arrays are Windows' ANYSIZE_ARRAY: the data runs on past the structure. */
typedef enum _SEC_APPLICATION_PROTOCOL_NEGOTIATION_EXT {
    SecApplicationProtocolNegotiationExt_None,
    SecApplicationProtocolNegotiationExt_NPN,
    SecApplicationProtocolNegotiationExt_ALPN
} SEC_APPLICATION_PROTOCOL_NEGOTIATION_EXT, *PSEC_APPLICATION_PROTOCOL_NEGOTIATION_EXT;

typedef struct _SEC_APPLICATION_PROTOCOL_LIST {
    SEC_APPLICATION_PROTOCOL_NEGOTIATION_EXT ProtoNegoExt;
    USHORT ProtocolListSize;
    UCHAR ProtocolList[1];
} SEC_APPLICATION_PROTOCOL_LIST, *PSEC_APPLICATION_PROTOCOL_LIST;

typedef struct _SEC_APPLICATION_PROTOCOLS {
    ULONG ProtocolListsSize;
    SEC_APPLICATION_PROTOCOL_LIST ProtocolLists[1];
} SEC_APPLICATION_PROTOCOLS, *PSEC_APPLICATION_PROTOCOLS;

typedef struct _SEC_SRTP_PROTECTION_PROFILES {
    USHORT ProfilesSize;
    USHORT ProfilesList[1];
} SEC_SRTP_PROTECTION_PROFILES, *PSEC_SRTP_PROTECTION_PROFILES;

typedef struct _SEC_SRTP_MASTER_KEY_IDENTIFIER {
    UCHAR MasterKeyIdentifierSize;
    UCHAR MasterKeyIdentifier[1];
} SEC_SRTP_MASTER_KEY_IDENTIFIER, *PSEC_SRTP_MASTER_KEY_IDENTIFIER;

typedef struct _SEC_TOKEN_BINDING {
    UCHAR MajorVersion;
    UCHAR MinorVersion;
    USHORT KeyParametersSize;
    UCHAR KeyParameters[1];
} SEC_TOKEN_BINDING, *PSEC_TOKEN_BINDING;

typedef struct _SEC_PRESHAREDKEY {
    USHORT KeySize;
    UCHAR Key[1];
} SEC_PRESHAREDKEY, *PSEC_PRESHAREDKEY;

typedef struct _SEC_PRESHAREDKEY_IDENTITY {
    USHORT KeyIdentitySize;
    UCHAR KeyIdentity[1];
} SEC_PRESHAREDKEY_IDENTITY, *PSEC_PRESHAREDKEY_IDENTITY;

typedef struct _SEC_DTLS_MTU {
    USHORT PathMTU;
} SEC_DTLS_MTU, *PSEC_DTLS_MTU;

/* SECBUFFER_FLAGS: 64-bit ISC/ASC request flags; the low 32 bits must be zero. */
typedef struct _SEC_FLAGS {
    uint64_t Flags;
} SEC_FLAGS, *PSEC_FLAGS;

/* ---- Data representation, credential use -------------------------------------------------- */
#define SECURITY_NATIVE_DREP  0x00000010
#define SECURITY_NETWORK_DREP 0x00000000

#define SECPKG_CRED_INBOUND                0x00000001
#define SECPKG_CRED_OUTBOUND               0x00000002
#define SECPKG_CRED_BOTH                   0x00000003
#define SECPKG_CRED_DEFAULT                0x00000004
#define SECPKG_CRED_RESERVED               0xF0000000
#define SECPKG_CRED_AUTOLOGON_RESTRICTED   0x00000010
#define SECPKG_CRED_PROCESS_POLICY_ONLY    0x00000020
#define SECPKG_CRED_KERB_ANCHOR_DS_VERSION 0x00000040

/* ---- InitializeSecurityContext flags ---------------------------------------------------
 * REQ bits go in fContextReq, RET bits come back in *pfContextAttr. The values above
 * 32 bits exist only for SECBUFFER_FLAGS (SEC_FLAGS) and never fit a ULONG argument. */
#define ISC_REQ_DELEGATE                 0x00000001
#define ISC_REQ_MUTUAL_AUTH              0x00000002
#define ISC_REQ_REPLAY_DETECT            0x00000004
#define ISC_REQ_SEQUENCE_DETECT          0x00000008
#define ISC_REQ_CONFIDENTIALITY          0x00000010
#define ISC_REQ_USE_SESSION_KEY          0x00000020
#define ISC_REQ_PROMPT_FOR_CREDS         0x00000040
#define ISC_REQ_USE_SUPPLIED_CREDS       0x00000080
#define ISC_REQ_ALLOCATE_MEMORY          0x00000100
#define ISC_REQ_USE_DCE_STYLE            0x00000200
#define ISC_REQ_DATAGRAM                 0x00000400
#define ISC_REQ_CONNECTION               0x00000800
#define ISC_REQ_CALL_LEVEL               0x00001000
#define ISC_REQ_FRAGMENT_SUPPLIED        0x00002000
#define ISC_REQ_EXTENDED_ERROR           0x00004000
#define ISC_REQ_STREAM                   0x00008000
#define ISC_REQ_INTEGRITY                0x00010000
#define ISC_REQ_IDENTIFY                 0x00020000
#define ISC_REQ_NULL_SESSION             0x00040000
#define ISC_REQ_MANUAL_CRED_VALIDATION   0x00080000
#define ISC_REQ_RESERVED1                0x00100000
#define ISC_REQ_FRAGMENT_TO_FIT          0x00200000
#define ISC_REQ_FORWARD_CREDENTIALS      0x00400000
#define ISC_REQ_NO_INTEGRITY             0x00800000
#define ISC_REQ_USE_HTTP_STYLE           0x01000000
#define ISC_REQ_UNVERIFIED_TARGET_NAME   0x20000000
#define ISC_REQ_CONFIDENTIALITY_ONLY     0x40000000
#define ISC_REQ_MESSAGES                 0x0000000100000000ULL
#define ISC_REQ_DEFERRED_CRED_VALIDATION 0x0000000200000000ULL
#define ISC_REQ_NO_POST_HANDSHAKE_AUTH   0x0000000400000000ULL
#define ISC_REQ_REUSE_SESSION_TICKETS    0x0000000800000000ULL
#define ISC_REQ_EXPLICIT_SESSION         0x0000001000000000ULL

#define ISC_RET_DELEGATE                 0x00000001
#define ISC_RET_MUTUAL_AUTH              0x00000002
#define ISC_RET_REPLAY_DETECT            0x00000004
#define ISC_RET_SEQUENCE_DETECT          0x00000008
#define ISC_RET_CONFIDENTIALITY          0x00000010
#define ISC_RET_USE_SESSION_KEY          0x00000020
#define ISC_RET_USED_COLLECTED_CREDS     0x00000040
#define ISC_RET_USED_SUPPLIED_CREDS      0x00000080
#define ISC_RET_ALLOCATED_MEMORY         0x00000100
#define ISC_RET_USED_DCE_STYLE           0x00000200
#define ISC_RET_DATAGRAM                 0x00000400
#define ISC_RET_CONNECTION               0x00000800
#define ISC_RET_INTERMEDIATE_RETURN      0x00001000
#define ISC_RET_CALL_LEVEL               0x00002000
#define ISC_RET_EXTENDED_ERROR           0x00004000
#define ISC_RET_STREAM                   0x00008000
#define ISC_RET_INTEGRITY                0x00010000
#define ISC_RET_IDENTIFY                 0x00020000
#define ISC_RET_NULL_SESSION             0x00040000
#define ISC_RET_MANUAL_CRED_VALIDATION   0x00080000
#define ISC_RET_RESERVED1                0x00100000
#define ISC_RET_FRAGMENT_ONLY            0x00200000
#define ISC_RET_FORWARD_CREDENTIALS      0x00400000
#define ISC_RET_USED_HTTP_STYLE          0x01000000
#define ISC_RET_NO_ADDITIONAL_TOKEN      0x02000000
#define ISC_RET_REAUTHENTICATION         0x08000000
#define ISC_RET_CONFIDENTIALITY_ONLY     0x40000000
#define ISC_RET_MESSAGES                 0x0000000100000000ULL
#define ISC_RET_DEFERRED_CRED_VALIDATION 0x0000000200000000ULL
#define ISC_RET_NO_POST_HANDSHAKE_AUTH   0x0000000400000000ULL
#define ISC_RET_REUSE_SESSION_TICKETS    0x0000000800000000ULL
#define ISC_RET_EXPLICIT_SESSION         0x0000001000000000ULL

/* ---- AcceptSecurityContext flags -------------------------------------------------------
 * Same as ISC_ up to CONNECTION; from 0x1000 on the ASC bits are numbered differently
 * (ASC_REQ_INTEGRITY is 0x20000, ISC_REQ_INTEGRITY 0x10000). */
#define ASC_REQ_DELEGATE               0x00000001
#define ASC_REQ_MUTUAL_AUTH            0x00000002
#define ASC_REQ_REPLAY_DETECT          0x00000004
#define ASC_REQ_SEQUENCE_DETECT        0x00000008
#define ASC_REQ_CONFIDENTIALITY        0x00000010
#define ASC_REQ_USE_SESSION_KEY        0x00000020
#define ASC_REQ_SESSION_TICKET         0x00000040
#define ASC_REQ_ALLOCATE_MEMORY        0x00000100
#define ASC_REQ_USE_DCE_STYLE          0x00000200
#define ASC_REQ_DATAGRAM               0x00000400
#define ASC_REQ_CONNECTION             0x00000800
#define ASC_REQ_CALL_LEVEL             0x00001000
#define ASC_REQ_FRAGMENT_SUPPLIED      0x00002000
#define ASC_REQ_EXTENDED_ERROR         0x00008000
#define ASC_REQ_STREAM                 0x00010000
#define ASC_REQ_INTEGRITY              0x00020000
#define ASC_REQ_LICENSING              0x00040000
#define ASC_REQ_IDENTIFY               0x00080000
#define ASC_REQ_ALLOW_NULL_SESSION     0x00100000
#define ASC_REQ_ALLOW_NON_USER_LOGONS  0x00200000
#define ASC_REQ_ALLOW_CONTEXT_REPLAY   0x00400000
#define ASC_REQ_FRAGMENT_TO_FIT        0x00800000
#define ASC_REQ_NO_TOKEN               0x01000000
#define ASC_REQ_PROXY_BINDINGS         0x04000000
#define ASC_REQ_ALLOW_MISSING_BINDINGS 0x10000000
#define ASC_REQ_MESSAGES               0x0000000100000000ULL
#define ASC_REQ_EXPLICIT_SESSION       0x0000001000000000ULL

#define ASC_RET_DELEGATE              0x00000001
#define ASC_RET_MUTUAL_AUTH           0x00000002
#define ASC_RET_REPLAY_DETECT         0x00000004
#define ASC_RET_SEQUENCE_DETECT       0x00000008
#define ASC_RET_CONFIDENTIALITY       0x00000010
#define ASC_RET_USE_SESSION_KEY       0x00000020
#define ASC_RET_SESSION_TICKET        0x00000040
#define ASC_RET_ALLOCATED_MEMORY      0x00000100
#define ASC_RET_USED_DCE_STYLE        0x00000200
#define ASC_RET_DATAGRAM              0x00000400
#define ASC_RET_CONNECTION            0x00000800
#define ASC_RET_CALL_LEVEL            0x00002000
#define ASC_RET_THIRD_LEG_FAILED      0x00004000
#define ASC_RET_EXTENDED_ERROR        0x00008000
#define ASC_RET_STREAM                0x00010000
#define ASC_RET_INTEGRITY             0x00020000
#define ASC_RET_LICENSING             0x00040000
#define ASC_RET_IDENTIFY              0x00080000
#define ASC_RET_NULL_SESSION          0x00100000
#define ASC_RET_ALLOW_NON_USER_LOGONS 0x00200000
#define ASC_RET_ALLOW_CONTEXT_REPLAY  0x00400000
#define ASC_RET_FRAGMENT_ONLY         0x00800000
#define ASC_RET_NO_TOKEN              0x01000000
#define ASC_RET_NO_ADDITIONAL_TOKEN   0x02000000
#define ASC_RET_MESSAGES              0x0000000100000000ULL
#define ASC_RET_REUSE_SESSION_TICKETS 0x0000000800000000ULL
#define ASC_RET_EXPLICIT_SESSION      0x0000001000000000ULL

/* ---- Credential attributes ------------------------------------------------------------------ */
#define SECPKG_CRED_ATTR_NAMES                1
#define SECPKG_CRED_ATTR_SSI_PROVIDER         2
#define SECPKG_CRED_ATTR_KDC_PROXY_SETTINGS   3
#define SECPKG_CRED_ATTR_KDC_NETWORK_SETTINGS 3
#define SECPKG_CRED_ATTR_CERT                 4
#define SECPKG_CRED_ATTR_PAC_BYPASS           5

typedef struct _SecPkgCredentials_NamesA {
    SEC_CHAR *sUserName;
} SecPkgCredentials_NamesA, *PSecPkgCredentials_NamesA;

typedef struct _SecPkgCredentials_NamesW {
    SEC_WCHAR *sUserName;
} SecPkgCredentials_NamesW, *PSecPkgCredentials_NamesW;

typedef struct _SecPkgCredentials_SSIProviderA {
    SEC_CHAR *sProviderName;
    ULONG ProviderInfoLength;
    char *ProviderInfo;
} SecPkgCredentials_SSIProviderA, *PSecPkgCredentials_SSIProviderA;

typedef struct _SecPkgCredentials_SSIProviderW {
    SEC_WCHAR *sProviderName;
    ULONG ProviderInfoLength;
    char *ProviderInfo;
} SecPkgCredentials_SSIProviderW, *PSecPkgCredentials_SSIProviderW;

#define KDC_PROXY_SETTINGS_V1   1
#define KDC_NETWORK_SETTINGS_V2 2

#define KDC_PROXY_SETTINGS_FLAGS_FORCEPROXY 0x1

#define KDC_NETWORK_SETTINGS_FLAGS_FORCEPROXY          0x1
#define KDC_NETWORK_SETTINGS_FLAGS_CONFIGURE_PROXY     0x80000000
#define KDC_NETWORK_SETTINGS_FLAGS_CONFIGURE_DISCOVERY 0x40000000

#define KDC_NETWORK_DISCOVERY_FLAGS_DS13_REQUIRED 0x80000000

/* Offsets count from the start of the structure; the strings are UTF-16. */
typedef struct _SecPkgCredentials_KdcProxySettingsW {
    ULONG Version; /* KDC_PROXY_SETTINGS_V1 */
    ULONG Flags;
    USHORT ProxyServerOffset;
    USHORT ProxyServerLength;
    USHORT ClientTlsCredOffset;
    USHORT ClientTlsCredLength;
} SecPkgCredentials_KdcProxySettingsW, *PSecPkgCredentials_KdcProxySettingsW;

typedef struct _SecPkgCredentials_KdcNetworkSettingsW {
    ULONG Version; /* KDC_NETWORK_SETTINGS_V2 */
    ULONG Flags;
    USHORT ProxyServerOffset;
    USHORT ProxyServerLength;
    USHORT ClientTlsCredOffset;
    USHORT ClientTlsCredLength;
    ULONG DcDiscoveryFlags;
} SecPkgCredentials_KdcNetworkSettingsW, *PSecPkgCredentials_KdcNetworkSettingsW;

typedef struct _SecPkgCredentials_Cert {
    ULONG EncodedCertSize;
    UCHAR *EncodedCert;
} SecPkgCredentials_Cert, *PSecPkgCredentials_Cert;

/* ---- Context attributes ----------------------------------------------------------------- */
#define SECPKG_ATTR_SIZES                       0
#define SECPKG_ATTR_NAMES                       1
#define SECPKG_ATTR_LIFESPAN                    2
#define SECPKG_ATTR_DCE_INFO                    3
#define SECPKG_ATTR_STREAM_SIZES                4
#define SECPKG_ATTR_KEY_INFO                    5
#define SECPKG_ATTR_AUTHORITY                   6
#define SECPKG_ATTR_PROTO_INFO                  7
#define SECPKG_ATTR_PASSWORD_EXPIRY             8
#define SECPKG_ATTR_SESSION_KEY                 9
#define SECPKG_ATTR_PACKAGE_INFO                10
#define SECPKG_ATTR_USER_FLAGS                  11
#define SECPKG_ATTR_NEGOTIATION_INFO            12
#define SECPKG_ATTR_NATIVE_NAMES                13
#define SECPKG_ATTR_FLAGS                       14
#define SECPKG_ATTR_USE_VALIDATED               15
#define SECPKG_ATTR_CREDENTIAL_NAME             16
#define SECPKG_ATTR_TARGET_INFORMATION          17
#define SECPKG_ATTR_ACCESS_TOKEN                18
#define SECPKG_ATTR_TARGET                      19
#define SECPKG_ATTR_AUTHENTICATION_ID           20
#define SECPKG_ATTR_LOGOFF_TIME                 21
#define SECPKG_ATTR_NEGO_KEYS                   22
#define SECPKG_ATTR_PROMPTING_NEEDED            24
#define SECPKG_ATTR_UNIQUE_BINDINGS             25
#define SECPKG_ATTR_ENDPOINT_BINDINGS           26
#define SECPKG_ATTR_CLIENT_SPECIFIED_TARGET     27
#define SECPKG_ATTR_LAST_CLIENT_TOKEN_STATUS    30
#define SECPKG_ATTR_NEGO_PKG_INFO               31
#define SECPKG_ATTR_NEGO_STATUS                 32
#define SECPKG_ATTR_CONTEXT_DELETED             33
#define SECPKG_ATTR_DTLS_MTU                    34
#define SECPKG_ATTR_DATAGRAM_SIZES              SECPKG_ATTR_STREAM_SIZES
#define SECPKG_ATTR_SUBJECT_SECURITY_ATTRIBUTES 128
#define SECPKG_ATTR_APPLICATION_PROTOCOL        35
#define SECPKG_ATTR_NEGOTIATED_TLS_EXTENSIONS   36
#define SECPKG_ATTR_IS_LOOPBACK                 37

#define SECPKG_ATTR_NEGO_INFO_FLAG_NO_KERBEROS 0x1
#define SECPKG_ATTR_NEGO_INFO_FLAG_NO_NTLM     0x2

typedef struct _SecPkgContext_SubjectAttributes {
    void *AttributeInfo;
} SecPkgContext_SubjectAttributes, *PSecPkgContext_SubjectAttributes;

typedef enum _SECPKG_CRED_CLASS {
    SecPkgCredClass_None = 0,
    SecPkgCredClass_Ephemeral = 10,
    SecPkgCredClass_PersistedGeneric = 20,
    SecPkgCredClass_PersistedSpecific = 30,
    SecPkgCredClass_Explicit = 40
} SECPKG_CRED_CLASS, *PSECPKG_CRED_CLASS;

typedef struct _SecPkgContext_CredInfo {
    SECPKG_CRED_CLASS CredClass;
    ULONG IsPromptingNeeded;
} SecPkgContext_CredInfo, *PSecPkgContext_CredInfo;

typedef struct _SecPkgContext_NegoPackageInfo {
    ULONG PackageMask;
} SecPkgContext_NegoPackageInfo, *PSecPkgContext_NegoPackageInfo;

typedef struct _SecPkgContext_NegoStatus {
    ULONG LastStatus;
} SecPkgContext_NegoStatus, *PSecPkgContext_NegoStatus;

typedef struct _SecPkgContext_Sizes {
    ULONG cbMaxToken;
    ULONG cbMaxSignature;    /* MakeSignature's token */
    ULONG cbBlockSize;       /* PADDING granularity for EncryptMessage */
    ULONG cbSecurityTrailer; /* EncryptMessage's TOKEN buffer */
} SecPkgContext_Sizes, *PSecPkgContext_Sizes;

typedef struct _SecPkgContext_StreamSizes {
    ULONG cbHeader;
    ULONG cbTrailer;
    ULONG cbMaximumMessage;
    ULONG cBuffers;
    ULONG cbBlockSize;
} SecPkgContext_StreamSizes, *PSecPkgContext_StreamSizes;

typedef SecPkgContext_StreamSizes SecPkgContext_DatagramSizes;
typedef PSecPkgContext_StreamSizes PSecPkgContext_DatagramSizes;

typedef struct _SecPkgContext_NamesA {
    SEC_CHAR *sUserName;
} SecPkgContext_NamesA, *PSecPkgContext_NamesA;

typedef struct _SecPkgContext_NamesW {
    SEC_WCHAR *sUserName;
} SecPkgContext_NamesW, *PSecPkgContext_NamesW;

typedef enum _SECPKG_ATTR_LCT_STATUS {
    SecPkgAttrLastClientTokenYes,
    SecPkgAttrLastClientTokenNo,
    SecPkgAttrLastClientTokenMaybe
} SECPKG_ATTR_LCT_STATUS, *PSECPKG_ATTR_LCT_STATUS;

typedef struct _SecPkgContext_LastClientTokenStatus {
    SECPKG_ATTR_LCT_STATUS LastClientTokenStatus;
} SecPkgContext_LastClientTokenStatus, *PSecPkgContext_LastClientTokenStatus;

typedef struct _SecPkgContext_Lifespan {
    TimeStamp tsStart;
    TimeStamp tsExpiry;
} SecPkgContext_Lifespan, *PSecPkgContext_Lifespan;

typedef struct _SecPkgContext_DceInfo {
    ULONG AuthzSvc;
    void *pPac;
} SecPkgContext_DceInfo, *PSecPkgContext_DceInfo;

typedef struct _SecPkgContext_KeyInfoA {
    SEC_CHAR *sSignatureAlgorithmName;
    SEC_CHAR *sEncryptAlgorithmName;
    ULONG KeySize; /* bits */
    ULONG SignatureAlgorithm;
    ULONG EncryptAlgorithm; /* Kerberos: the RFC 3961 enctype number */
} SecPkgContext_KeyInfoA, *PSecPkgContext_KeyInfoA;

typedef struct _SecPkgContext_KeyInfoW {
    SEC_WCHAR *sSignatureAlgorithmName;
    SEC_WCHAR *sEncryptAlgorithmName;
    ULONG KeySize;
    ULONG SignatureAlgorithm;
    ULONG EncryptAlgorithm;
} SecPkgContext_KeyInfoW, *PSecPkgContext_KeyInfoW;

typedef struct _SecPkgContext_AuthorityA {
    SEC_CHAR *sAuthorityName;
} SecPkgContext_AuthorityA, *PSecPkgContext_AuthorityA;

typedef struct _SecPkgContext_AuthorityW {
    SEC_WCHAR *sAuthorityName;
} SecPkgContext_AuthorityW, *PSecPkgContext_AuthorityW;

typedef struct _SecPkgContext_ProtoInfoA {
    SEC_CHAR *sProtocolName;
    ULONG majorVersion;
    ULONG minorVersion;
} SecPkgContext_ProtoInfoA, *PSecPkgContext_ProtoInfoA;

typedef struct _SecPkgContext_ProtoInfoW {
    SEC_WCHAR *sProtocolName;
    ULONG majorVersion;
    ULONG minorVersion;
} SecPkgContext_ProtoInfoW, *PSecPkgContext_ProtoInfoW;

typedef struct _SecPkgContext_PasswordExpiry {
    TimeStamp tsPasswordExpires;
} SecPkgContext_PasswordExpiry, *PSecPkgContext_PasswordExpiry;

typedef struct _SecPkgContext_LogoffTime {
    TimeStamp tsLogoffTime;
} SecPkgContext_LogoffTime, *PSecPkgContext_LogoffTime;

typedef struct _SecPkgContext_SessionKey {
    ULONG SessionKeyLength;
    UCHAR *SessionKey;
} SecPkgContext_SessionKey, *PSecPkgContext_SessionKey;

typedef struct _SecPkgContext_NegoKeys {
    ULONG KeyType;
    USHORT KeyLength;
    UCHAR *KeyValue;
    ULONG VerifyKeyType;
    USHORT VerifyKeyLength;
    UCHAR *VerifyKeyValue;
} SecPkgContext_NegoKeys, *PSecPkgContext_NegoKeys;

typedef struct _SecPkgContext_PackageInfoA {
    PSecPkgInfoA PackageInfo;
} SecPkgContext_PackageInfoA, *PSecPkgContext_PackageInfoA;

typedef struct _SecPkgContext_PackageInfoW {
    PSecPkgInfoW PackageInfo;
} SecPkgContext_PackageInfoW, *PSecPkgContext_PackageInfoW;

typedef struct _SecPkgContext_UserFlags {
    ULONG UserFlags;
} SecPkgContext_UserFlags, *PSecPkgContext_UserFlags;

typedef struct _SecPkgContext_Flags {
    ULONG Flags;
} SecPkgContext_Flags, *PSecPkgContext_Flags;

typedef struct _SecPkgContext_NegotiationInfoA {
    PSecPkgInfoA PackageInfo;
    ULONG NegotiationState; /* SECPKG_NEGOTIATION_* */
} SecPkgContext_NegotiationInfoA, *PSecPkgContext_NegotiationInfoA;

typedef struct _SecPkgContext_NegotiationInfoW {
    PSecPkgInfoW PackageInfo;
    ULONG NegotiationState;
} SecPkgContext_NegotiationInfoW, *PSecPkgContext_NegotiationInfoW;

#define SECPKG_NEGOTIATION_COMPLETE      0
#define SECPKG_NEGOTIATION_OPTIMISTIC    1
#define SECPKG_NEGOTIATION_IN_PROGRESS   2
#define SECPKG_NEGOTIATION_DIRECT        3
#define SECPKG_NEGOTIATION_TRY_MULTICRED 4

typedef struct _SecPkgContext_NativeNamesA {
    SEC_CHAR *sClientName;
    SEC_CHAR *sServerName;
} SecPkgContext_NativeNamesA, *PSecPkgContext_NativeNamesA;

typedef struct _SecPkgContext_NativeNamesW {
    SEC_WCHAR *sClientName;
    SEC_WCHAR *sServerName;
} SecPkgContext_NativeNamesW, *PSecPkgContext_NativeNamesW;

typedef struct _SecPkgContext_CredentialNameA {
    ULONG CredentialType;
    SEC_CHAR *sCredentialName;
} SecPkgContext_CredentialNameA, *PSecPkgContext_CredentialNameA;

typedef struct _SecPkgContext_CredentialNameW {
    ULONG CredentialType;
    SEC_WCHAR *sCredentialName;
} SecPkgContext_CredentialNameW, *PSecPkgContext_CredentialNameW;

typedef struct _SecPkgContext_AccessToken {
    void *AccessToken;
} SecPkgContext_AccessToken, *PSecPkgContext_AccessToken;

typedef struct _SecPkgContext_TargetInformation {
    ULONG MarshalledTargetInfoLength;
    UCHAR *MarshalledTargetInfo;
} SecPkgContext_TargetInformation, *PSecPkgContext_TargetInformation;

typedef struct _SecPkgContext_AuthzID {
    ULONG AuthzIDLength;
    char *AuthzID;
} SecPkgContext_AuthzID, *PSecPkgContext_AuthzID;

typedef struct _SecPkgContext_Target {
    ULONG TargetLength;
    char *Target;
} SecPkgContext_Target, *PSecPkgContext_Target;

typedef struct _SecPkgContext_ClientSpecifiedTarget {
    SEC_WCHAR *sTargetName;
} SecPkgContext_ClientSpecifiedTarget, *PSecPkgContext_ClientSpecifiedTarget;

/* SECPKG_ATTR_UNIQUE_BINDINGS / ENDPOINT_BINDINGS: Bindings is one allocation holding the
 * header and its data; free it with FreeContextBuffer. */
typedef struct _SecPkgContext_Bindings {
    ULONG BindingsLength;
    SEC_CHANNEL_BINDINGS *Bindings;
} SecPkgContext_Bindings, *PSecPkgContext_Bindings;

typedef enum _SEC_APPLICATION_PROTOCOL_NEGOTIATION_STATUS {
    SecApplicationProtocolNegotiationStatus_None,
    SecApplicationProtocolNegotiationStatus_Success,
    SecApplicationProtocolNegotiationStatus_SelectedClientOnly
} SEC_APPLICATION_PROTOCOL_NEGOTIATION_STATUS, *PSEC_APPLICATION_PROTOCOL_NEGOTIATION_STATUS;

#define MAX_PROTOCOL_ID_SIZE 0xff

typedef struct _SecPkgContext_ApplicationProtocol {
    SEC_APPLICATION_PROTOCOL_NEGOTIATION_STATUS ProtoNegoStatus;
    SEC_APPLICATION_PROTOCOL_NEGOTIATION_EXT ProtoNegoExt;
    UCHAR ProtocolIdSize;
    UCHAR ProtocolId[MAX_PROTOCOL_ID_SIZE];
} SecPkgContext_ApplicationProtocol, *PSecPkgContext_ApplicationProtocol;

typedef struct _SecPkgContext_NegotiatedTlsExtensions {
    ULONG ExtensionsCount;
    USHORT *Extensions;
} SecPkgContext_NegotiatedTlsExtensions, *PSecPkgContext_NegotiatedTlsExtensions;

/* ---- Authentication identities (pAuthData of AcquireCredentialsHandle) ---------------------
 * Lengths count characters, not bytes, without the terminator. Flags says which variant:
 * SEC_WINNT_AUTH_IDENTITY_ANSI (A, char) or SEC_WINNT_AUTH_IDENTITY_UNICODE (W, UTF-16). */
#define SEC_WINNT_AUTH_IDENTITY_ANSI    0x1
#define SEC_WINNT_AUTH_IDENTITY_UNICODE 0x2
#define SEC_WINNT_AUTH_IDENTITY_MARSHALLED 0x4
#define SEC_WINNT_AUTH_IDENTITY_ONLY       0x8

typedef struct _SEC_WINNT_AUTH_IDENTITY_A {
    unsigned char *User;
    ULONG UserLength;
    unsigned char *Domain;
    ULONG DomainLength;
    unsigned char *Password;
    ULONG PasswordLength;
    ULONG Flags;
} SEC_WINNT_AUTH_IDENTITY_A, *PSEC_WINNT_AUTH_IDENTITY_A;

typedef struct _SEC_WINNT_AUTH_IDENTITY_W {
    unsigned short *User;
    ULONG UserLength;
    unsigned short *Domain;
    ULONG DomainLength;
    unsigned short *Password;
    ULONG PasswordLength;
    ULONG Flags;
} SEC_WINNT_AUTH_IDENTITY_W, *PSEC_WINNT_AUTH_IDENTITY_W;

/* The _EX form starts with Version = SEC_WINNT_AUTH_IDENTITY_VERSION and Length = its
 * sizeof; PackageList is a comma-separated list of packages for Negotiate ("!ntlm"). */
#define SEC_WINNT_AUTH_IDENTITY_VERSION 0x200

typedef struct _SEC_WINNT_AUTH_IDENTITY_EXA {
    ULONG Version;
    ULONG Length;
    unsigned char *User;
    ULONG UserLength;
    unsigned char *Domain;
    ULONG DomainLength;
    unsigned char *Password;
    ULONG PasswordLength;
    ULONG Flags;
    unsigned char *PackageList;
    ULONG PackageListLength;
} SEC_WINNT_AUTH_IDENTITY_EXA, *PSEC_WINNT_AUTH_IDENTITY_EXA;

typedef struct _SEC_WINNT_AUTH_IDENTITY_EXW {
    ULONG Version;
    ULONG Length;
    unsigned short *User;
    ULONG UserLength;
    unsigned short *Domain;
    ULONG DomainLength;
    unsigned short *Password;
    ULONG PasswordLength;
    ULONG Flags;
    unsigned short *PackageList;
    ULONG PackageListLength;
} SEC_WINNT_AUTH_IDENTITY_EXW, *PSEC_WINNT_AUTH_IDENTITY_EXW;

/* Self-relative form (UTF-16 only): the offsets count from the start of the structure and
 * the lengths are in bytes. */
#define SEC_WINNT_AUTH_IDENTITY_VERSION_2 0x201

typedef struct _SEC_WINNT_AUTH_IDENTITY_EX2 {
    ULONG Version;
    USHORT cbHeaderLength;
    ULONG cbStructureLength;
    ULONG UserOffset;
    USHORT UserLength;
    ULONG DomainOffset;
    USHORT DomainLength;
    ULONG PackedCredentialsOffset;
    USHORT PackedCredentialsLength;
    ULONG Flags;
    ULONG PackageListOffset;
    USHORT PackageListLength;
} SEC_WINNT_AUTH_IDENTITY_EX2, *PSEC_WINNT_AUTH_IDENTITY_EX2;

/* Any of the forms above: the first ULONG tells _EX (0x200) and _EX2 (0x201) apart from
 * the plain form, then Flags tells A from W. */
typedef union _SEC_WINNT_AUTH_IDENTITY_INFO {
    SEC_WINNT_AUTH_IDENTITY_EXW AuthIdExw;
    SEC_WINNT_AUTH_IDENTITY_EXA AuthIdExa;
    SEC_WINNT_AUTH_IDENTITY_A AuthId_a;
    SEC_WINNT_AUTH_IDENTITY_W AuthId_w;
    SEC_WINNT_AUTH_IDENTITY_EX2 AuthIdEx2;
} SEC_WINNT_AUTH_IDENTITY_INFO, *PSEC_WINNT_AUTH_IDENTITY_INFO;

typedef PVOID PSEC_WINNT_AUTH_IDENTITY_OPAQUE;

#define SEC_WINNT_AUTH_IDENTITY_FLAGS_PROCESS_ENCRYPTED 0x10
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_SYSTEM_PROTECTED  0x20
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_USER_PROTECTED    0x40
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_SYSTEM_ENCRYPTED  0x80
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_RESERVED          0x10000
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_NULL_USER         0x20000
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_NULL_DOMAIN       0x40000
#define SEC_WINNT_AUTH_IDENTITY_FLAGS_ID_PROVIDER       0x80000

/* ---- Message protection ---------------------------------------------------------------------
 * fQOP of EncryptMessage / *pfQOP of DecryptMessage: SECQOP_WRAP_NO_ENCRYPT asks for (or
 * reports) an integrity-only wrap. KERB_WRAP_NO_ENCRYPT is the same value (ntsecapi.h). */
#define SECQOP_WRAP_NO_ENCRYPT 0x80000001
#define SECQOP_WRAP_OOB_DATA   0x40000000
#ifndef KERB_WRAP_NO_ENCRYPT
#define KERB_WRAP_NO_ENCRYPT 0x80000001
#endif

/* ExportSecurityContext fFlags */
#define SECPKG_CONTEXT_EXPORT_RESET_NEW  0x00000001
#define SECPKG_CONTEXT_EXPORT_DELETE_OLD 0x00000002
#define SECPKG_CONTEXT_EXPORT_TO_KERNEL  0x00000004

/* ---- Status codes ----------------------------------------------------------------------------
 * Windows' winerror.h values, typed SECURITY_STATUS: errors (0x8009....) are negative, so
 * s < 0 and s >= 0 (winerror.h's FAILED and SUCCEEDED, which this header does not define)
 * work; SEC_I_* are positive successes. */
#ifdef __cplusplus
#define SSPIBRIDGE_STATUS(bits) static_cast<SECURITY_STATUS>(bits)
#else
#define SSPIBRIDGE_STATUS(bits) ((SECURITY_STATUS)(bits))
#endif

#define SEC_E_OK SSPIBRIDGE_STATUS(0x00000000)

#define SEC_E_INSUFFICIENT_MEMORY           SSPIBRIDGE_STATUS(0x80090300u)
#define SEC_E_INVALID_HANDLE                SSPIBRIDGE_STATUS(0x80090301u)
#define SEC_E_UNSUPPORTED_FUNCTION          SSPIBRIDGE_STATUS(0x80090302u)
#define SEC_E_TARGET_UNKNOWN                SSPIBRIDGE_STATUS(0x80090303u)
#define SEC_E_INTERNAL_ERROR                SSPIBRIDGE_STATUS(0x80090304u)
#define SEC_E_SECPKG_NOT_FOUND              SSPIBRIDGE_STATUS(0x80090305u)
#define SEC_E_NOT_OWNER                     SSPIBRIDGE_STATUS(0x80090306u)
#define SEC_E_CANNOT_INSTALL                SSPIBRIDGE_STATUS(0x80090307u)
#define SEC_E_INVALID_TOKEN                 SSPIBRIDGE_STATUS(0x80090308u)
#define SEC_E_CANNOT_PACK                   SSPIBRIDGE_STATUS(0x80090309u)
#define SEC_E_QOP_NOT_SUPPORTED             SSPIBRIDGE_STATUS(0x8009030Au)
#define SEC_E_NO_IMPERSONATION              SSPIBRIDGE_STATUS(0x8009030Bu)
#define SEC_E_LOGON_DENIED                  SSPIBRIDGE_STATUS(0x8009030Cu)
#define SEC_E_UNKNOWN_CREDENTIALS           SSPIBRIDGE_STATUS(0x8009030Du)
#define SEC_E_NO_CREDENTIALS                SSPIBRIDGE_STATUS(0x8009030Eu)
#define SEC_E_MESSAGE_ALTERED               SSPIBRIDGE_STATUS(0x8009030Fu)
#define SEC_E_OUT_OF_SEQUENCE               SSPIBRIDGE_STATUS(0x80090310u)
#define SEC_E_NO_AUTHENTICATING_AUTHORITY   SSPIBRIDGE_STATUS(0x80090311u)
#define SEC_I_CONTINUE_NEEDED               SSPIBRIDGE_STATUS(0x00090312)
#define SEC_I_COMPLETE_NEEDED               SSPIBRIDGE_STATUS(0x00090313)
#define SEC_I_COMPLETE_AND_CONTINUE         SSPIBRIDGE_STATUS(0x00090314)
#define SEC_I_LOCAL_LOGON                   SSPIBRIDGE_STATUS(0x00090315)
#define SEC_I_GENERIC_EXTENSION_RECEIVED    SSPIBRIDGE_STATUS(0x00090316)
#define SEC_E_BAD_PKGID                     SSPIBRIDGE_STATUS(0x80090316u)
#define SEC_E_CONTEXT_EXPIRED               SSPIBRIDGE_STATUS(0x80090317u)
#define SEC_I_CONTEXT_EXPIRED               SSPIBRIDGE_STATUS(0x00090317)
#define SEC_E_INCOMPLETE_MESSAGE            SSPIBRIDGE_STATUS(0x80090318u)
#define SEC_E_INCOMPLETE_CREDENTIALS        SSPIBRIDGE_STATUS(0x80090320u)
#define SEC_E_BUFFER_TOO_SMALL              SSPIBRIDGE_STATUS(0x80090321u)
#define SEC_I_INCOMPLETE_CREDENTIALS        SSPIBRIDGE_STATUS(0x00090320)
#define SEC_I_RENEGOTIATE                   SSPIBRIDGE_STATUS(0x00090321)
#define SEC_E_WRONG_PRINCIPAL               SSPIBRIDGE_STATUS(0x80090322u)
#define SEC_I_NO_LSA_CONTEXT                SSPIBRIDGE_STATUS(0x00090323)
#define SEC_E_TIME_SKEW                     SSPIBRIDGE_STATUS(0x80090324u)
#define SEC_E_UNTRUSTED_ROOT                SSPIBRIDGE_STATUS(0x80090325u)
#define SEC_E_ILLEGAL_MESSAGE               SSPIBRIDGE_STATUS(0x80090326u)
#define SEC_E_CERT_UNKNOWN                  SSPIBRIDGE_STATUS(0x80090327u)
#define SEC_E_CERT_EXPIRED                  SSPIBRIDGE_STATUS(0x80090328u)
#define SEC_E_ENCRYPT_FAILURE               SSPIBRIDGE_STATUS(0x80090329u)
#define SEC_E_DECRYPT_FAILURE               SSPIBRIDGE_STATUS(0x80090330u)
#define SEC_E_ALGORITHM_MISMATCH            SSPIBRIDGE_STATUS(0x80090331u)
#define SEC_E_SECURITY_QOS_FAILED           SSPIBRIDGE_STATUS(0x80090332u)
#define SEC_E_UNFINISHED_CONTEXT_DELETED    SSPIBRIDGE_STATUS(0x80090333u)
#define SEC_E_NO_TGT_REPLY                  SSPIBRIDGE_STATUS(0x80090334u)
#define SEC_E_NO_IP_ADDRESSES               SSPIBRIDGE_STATUS(0x80090335u)
#define SEC_E_WRONG_CREDENTIAL_HANDLE       SSPIBRIDGE_STATUS(0x80090336u)
#define SEC_E_CRYPTO_SYSTEM_INVALID         SSPIBRIDGE_STATUS(0x80090337u)
#define SEC_E_MAX_REFERRALS_EXCEEDED        SSPIBRIDGE_STATUS(0x80090338u)
#define SEC_E_MUST_BE_KDC                   SSPIBRIDGE_STATUS(0x80090339u)
#define SEC_E_STRONG_CRYPTO_NOT_SUPPORTED   SSPIBRIDGE_STATUS(0x8009033Au)
#define SEC_E_TOO_MANY_PRINCIPALS           SSPIBRIDGE_STATUS(0x8009033Bu)
#define SEC_E_NO_PA_DATA                    SSPIBRIDGE_STATUS(0x8009033Cu)
#define SEC_E_PKINIT_NAME_MISMATCH          SSPIBRIDGE_STATUS(0x8009033Du)
#define SEC_E_SMARTCARD_LOGON_REQUIRED      SSPIBRIDGE_STATUS(0x8009033Eu)
#define SEC_E_SHUTDOWN_IN_PROGRESS          SSPIBRIDGE_STATUS(0x8009033Fu)
#define SEC_E_KDC_INVALID_REQUEST           SSPIBRIDGE_STATUS(0x80090340u)
#define SEC_E_KDC_UNABLE_TO_REFER           SSPIBRIDGE_STATUS(0x80090341u)
#define SEC_E_KDC_UNKNOWN_ETYPE             SSPIBRIDGE_STATUS(0x80090342u)
#define SEC_E_UNSUPPORTED_PREAUTH           SSPIBRIDGE_STATUS(0x80090343u)
#define SEC_E_DELEGATION_REQUIRED           SSPIBRIDGE_STATUS(0x80090345u)
#define SEC_E_BAD_BINDINGS                  SSPIBRIDGE_STATUS(0x80090346u)
#define SEC_E_MULTIPLE_ACCOUNTS             SSPIBRIDGE_STATUS(0x80090347u)
#define SEC_E_NO_KERB_KEY                   SSPIBRIDGE_STATUS(0x80090348u)
#define SEC_E_CERT_WRONG_USAGE              SSPIBRIDGE_STATUS(0x80090349u)
#define SEC_E_DOWNGRADE_DETECTED            SSPIBRIDGE_STATUS(0x80090350u)
#define SEC_E_SMARTCARD_CERT_REVOKED        SSPIBRIDGE_STATUS(0x80090351u)
#define SEC_E_ISSUING_CA_UNTRUSTED          SSPIBRIDGE_STATUS(0x80090352u)
#define SEC_E_REVOCATION_OFFLINE_C          SSPIBRIDGE_STATUS(0x80090353u)
#define SEC_E_PKINIT_CLIENT_FAILURE         SSPIBRIDGE_STATUS(0x80090354u)
#define SEC_E_SMARTCARD_CERT_EXPIRED        SSPIBRIDGE_STATUS(0x80090355u)
#define SEC_E_NO_S4U_PROT_SUPPORT           SSPIBRIDGE_STATUS(0x80090356u)
#define SEC_E_CROSSREALM_DELEGATION_FAILURE SSPIBRIDGE_STATUS(0x80090357u)
#define SEC_E_REVOCATION_OFFLINE_KDC        SSPIBRIDGE_STATUS(0x80090358u)
#define SEC_E_ISSUING_CA_UNTRUSTED_KDC      SSPIBRIDGE_STATUS(0x80090359u)
#define SEC_E_KDC_CERT_EXPIRED              SSPIBRIDGE_STATUS(0x8009035Au)
#define SEC_E_KDC_CERT_REVOKED              SSPIBRIDGE_STATUS(0x8009035Bu)
#define SEC_I_SIGNATURE_NEEDED              SSPIBRIDGE_STATUS(0x0009035C)
#define SEC_E_INVALID_PARAMETER             SSPIBRIDGE_STATUS(0x8009035Du)
#define SEC_E_DELEGATION_POLICY             SSPIBRIDGE_STATUS(0x8009035Eu)
#define SEC_E_POLICY_NLTM_ONLY              SSPIBRIDGE_STATUS(0x8009035Fu)
#define SEC_I_NO_RENEGOTIATION              SSPIBRIDGE_STATUS(0x00090360)
#define SEC_E_NO_CONTEXT                    SSPIBRIDGE_STATUS(0x80090361u)
#define SEC_E_PKU2U_CERT_FAILURE            SSPIBRIDGE_STATUS(0x80090362u)
#define SEC_E_MUTUAL_AUTH_FAILED            SSPIBRIDGE_STATUS(0x80090363u)
#define SEC_I_MESSAGE_FRAGMENT              SSPIBRIDGE_STATUS(0x00090364)
#define SEC_E_ONLY_HTTPS_ALLOWED            SSPIBRIDGE_STATUS(0x80090365u)
#define SEC_I_CONTINUE_NEEDED_MESSAGE_OK    SSPIBRIDGE_STATUS(0x00090366)
#define SEC_E_APPLICATION_PROTOCOL_MISMATCH SSPIBRIDGE_STATUS(0x80090367u)
#define SEC_I_ASYNC_CALL_PENDING            SSPIBRIDGE_STATUS(0x00090368)
#define SEC_E_INVALID_UPN_NAME              SSPIBRIDGE_STATUS(0x80090369u)
#define SEC_E_EXT_BUFFER_TOO_SMALL          SSPIBRIDGE_STATUS(0x8009036Au)
#define SEC_E_INSUFFICIENT_BUFFERS          SSPIBRIDGE_STATUS(0x8009036Bu)

/* Old names Windows keeps for the same codes. */
#define SEC_E_NO_SPM        SEC_E_INTERNAL_ERROR
#define SEC_E_NOT_SUPPORTED SEC_E_UNSUPPORTED_FUNCTION

/* ---- Functions ------------------------------------------------------------------------------
 * Each prototype is followed by the pointer type of the matching SecurityFunctionTable
 * field. Memory the package returns (package lists, allocated tokens, attribute strings) is
 * freed with FreeContextBuffer. */

/* Windows calls this for a key when pAuthData is not enough; sspibridge never does. */
typedef void(SEC_ENTRY *SEC_GET_KEY_FN)(void *Arg, void *Principal, ULONG KeyVer, void **Key,
                                        SECURITY_STATUS *Status);

SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesA(ULONG *pcPackages,
                                                     PSecPkgInfoA *ppPackageInfo);
typedef SECURITY_STATUS(SEC_ENTRY *ENUMERATE_SECURITY_PACKAGES_FN_A)(ULONG *, PSecPkgInfoA *);
SECURITY_STATUS SEC_ENTRY EnumerateSecurityPackagesW(ULONG *pcPackages,
                                                     PSecPkgInfoW *ppPackageInfo);
typedef SECURITY_STATUS(SEC_ENTRY *ENUMERATE_SECURITY_PACKAGES_FN_W)(ULONG *, PSecPkgInfoW *);

SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoA(SEC_CHAR *pszPackageName,
                                                    PSecPkgInfoA *ppPackageInfo);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_SECURITY_PACKAGE_INFO_FN_A)(SEC_CHAR *, PSecPkgInfoA *);
SECURITY_STATUS SEC_ENTRY QuerySecurityPackageInfoW(SEC_WCHAR *pszPackageName,
                                                    PSecPkgInfoW *ppPackageInfo);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_SECURITY_PACKAGE_INFO_FN_W)(SEC_WCHAR *,
                                                                     PSecPkgInfoW *);

SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleA(
    SEC_CHAR *pszPrincipal, SEC_CHAR *pszPackage, ULONG fCredentialUse, void *pvLogonId,
    void *pAuthData, SEC_GET_KEY_FN pGetKeyFn, void *pvGetKeyArgument, PCredHandle phCredential,
    PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *ACQUIRE_CREDENTIALS_HANDLE_FN_A)(SEC_CHAR *, SEC_CHAR *, ULONG,
                                                                    void *, void *,
                                                                    SEC_GET_KEY_FN, void *,
                                                                    PCredHandle, PTimeStamp);
SECURITY_STATUS SEC_ENTRY AcquireCredentialsHandleW(
    SEC_WCHAR *pszPrincipal, SEC_WCHAR *pszPackage, ULONG fCredentialUse, void *pvLogonId,
    void *pAuthData, SEC_GET_KEY_FN pGetKeyFn, void *pvGetKeyArgument, PCredHandle phCredential,
    PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *ACQUIRE_CREDENTIALS_HANDLE_FN_W)(SEC_WCHAR *, SEC_WCHAR *,
                                                                    ULONG, void *, void *,
                                                                    SEC_GET_KEY_FN, void *,
                                                                    PCredHandle, PTimeStamp);

SECURITY_STATUS SEC_ENTRY FreeCredentialsHandle(PCredHandle phCredential);
typedef SECURITY_STATUS(SEC_ENTRY *FREE_CREDENTIALS_HANDLE_FN)(PCredHandle);
/* The old, singular name. */
#define FreeCredentialHandle FreeCredentialsHandle

SECURITY_STATUS SEC_ENTRY AddCredentialsA(PCredHandle hCredentials, SEC_CHAR *pszPrincipal,
                                          SEC_CHAR *pszPackage, ULONG fCredentialUse,
                                          void *pAuthData, SEC_GET_KEY_FN pGetKeyFn,
                                          void *pvGetKeyArgument, PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *ADD_CREDENTIALS_FN_A)(PCredHandle, SEC_CHAR *, SEC_CHAR *,
                                                         ULONG, void *, SEC_GET_KEY_FN, void *,
                                                         PTimeStamp);
SECURITY_STATUS SEC_ENTRY AddCredentialsW(PCredHandle hCredentials, SEC_WCHAR *pszPrincipal,
                                          SEC_WCHAR *pszPackage, ULONG fCredentialUse,
                                          void *pAuthData, SEC_GET_KEY_FN pGetKeyFn,
                                          void *pvGetKeyArgument, PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *ADD_CREDENTIALS_FN_W)(PCredHandle, SEC_WCHAR *, SEC_WCHAR *,
                                                         ULONG, void *, SEC_GET_KEY_FN, void *,
                                                         PTimeStamp);

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesA(PCredHandle phCredential,
                                                      ULONG ulAttribute, void *pBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CREDENTIALS_ATTRIBUTES_FN_A)(PCredHandle, ULONG,
                                                                      void *);
SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesW(PCredHandle phCredential,
                                                      ULONG ulAttribute, void *pBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CREDENTIALS_ATTRIBUTES_FN_W)(PCredHandle, ULONG,
                                                                      void *);

SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesExA(PCredHandle phCredential,
                                                        ULONG ulAttribute, void *pBuffer,
                                                        ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_A)(PCredHandle, ULONG,
                                                                         void *, ULONG);
SECURITY_STATUS SEC_ENTRY QueryCredentialsAttributesExW(PCredHandle phCredential,
                                                        ULONG ulAttribute, void *pBuffer,
                                                        ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_W)(PCredHandle, ULONG,
                                                                         void *, ULONG);

SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesA(PCredHandle phCredential,
                                                    ULONG ulAttribute, void *pBuffer,
                                                    ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *SET_CREDENTIALS_ATTRIBUTES_FN_A)(PCredHandle, ULONG, void *,
                                                                    ULONG);
SECURITY_STATUS SEC_ENTRY SetCredentialsAttributesW(PCredHandle phCredential,
                                                    ULONG ulAttribute, void *pBuffer,
                                                    ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *SET_CREDENTIALS_ATTRIBUTES_FN_W)(PCredHandle, ULONG, void *,
                                                                    ULONG);

SECURITY_STATUS SEC_ENTRY InitializeSecurityContextA(
    PCredHandle phCredential, PCtxtHandle phContext, SEC_CHAR *pszTargetName,
    ULONG fContextReq, ULONG Reserved1, ULONG TargetDataRep, PSecBufferDesc pInput,
    ULONG Reserved2, PCtxtHandle phNewContext, PSecBufferDesc pOutput, ULONG *pfContextAttr,
    PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *INITIALIZE_SECURITY_CONTEXT_FN_A)(
    PCredHandle, PCtxtHandle, SEC_CHAR *, ULONG, ULONG, ULONG, PSecBufferDesc, ULONG,
    PCtxtHandle, PSecBufferDesc, ULONG *, PTimeStamp);
SECURITY_STATUS SEC_ENTRY InitializeSecurityContextW(
    PCredHandle phCredential, PCtxtHandle phContext, SEC_WCHAR *pszTargetName,
    ULONG fContextReq, ULONG Reserved1, ULONG TargetDataRep, PSecBufferDesc pInput,
    ULONG Reserved2, PCtxtHandle phNewContext, PSecBufferDesc pOutput, ULONG *pfContextAttr,
    PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *INITIALIZE_SECURITY_CONTEXT_FN_W)(
    PCredHandle, PCtxtHandle, SEC_WCHAR *, ULONG, ULONG, ULONG, PSecBufferDesc, ULONG,
    PCtxtHandle, PSecBufferDesc, ULONG *, PTimeStamp);

SECURITY_STATUS SEC_ENTRY AcceptSecurityContext(PCredHandle phCredential,
                                                PCtxtHandle phContext, PSecBufferDesc pInput,
                                                ULONG fContextReq, ULONG TargetDataRep,
                                                PCtxtHandle phNewContext,
                                                PSecBufferDesc pOutput, ULONG *pfContextAttr,
                                                PTimeStamp ptsExpiry);
typedef SECURITY_STATUS(SEC_ENTRY *ACCEPT_SECURITY_CONTEXT_FN)(PCredHandle, PCtxtHandle,
                                                               PSecBufferDesc, ULONG, ULONG,
                                                               PCtxtHandle, PSecBufferDesc,
                                                               ULONG *, PTimeStamp);

SECURITY_STATUS SEC_ENTRY CompleteAuthToken(PCtxtHandle phContext, PSecBufferDesc pToken);
typedef SECURITY_STATUS(SEC_ENTRY *COMPLETE_AUTH_TOKEN_FN)(PCtxtHandle, PSecBufferDesc);

SECURITY_STATUS SEC_ENTRY ImpersonateSecurityContext(PCtxtHandle phContext);
typedef SECURITY_STATUS(SEC_ENTRY *IMPERSONATE_SECURITY_CONTEXT_FN)(PCtxtHandle);

SECURITY_STATUS SEC_ENTRY RevertSecurityContext(PCtxtHandle phContext);
typedef SECURITY_STATUS(SEC_ENTRY *REVERT_SECURITY_CONTEXT_FN)(PCtxtHandle);

SECURITY_STATUS SEC_ENTRY QuerySecurityContextToken(PCtxtHandle phContext, void **Token);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_SECURITY_CONTEXT_TOKEN_FN)(PCtxtHandle, void **);

SECURITY_STATUS SEC_ENTRY DeleteSecurityContext(PCtxtHandle phContext);
typedef SECURITY_STATUS(SEC_ENTRY *DELETE_SECURITY_CONTEXT_FN)(PCtxtHandle);

SECURITY_STATUS SEC_ENTRY ApplyControlToken(PCtxtHandle phContext, PSecBufferDesc pInput);
typedef SECURITY_STATUS(SEC_ENTRY *APPLY_CONTROL_TOKEN_FN)(PCtxtHandle, PSecBufferDesc);

SECURITY_STATUS SEC_ENTRY QueryContextAttributesA(PCtxtHandle phContext, ULONG ulAttribute,
                                                  void *pBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CONTEXT_ATTRIBUTES_FN_A)(PCtxtHandle, ULONG, void *);
SECURITY_STATUS SEC_ENTRY QueryContextAttributesW(PCtxtHandle phContext, ULONG ulAttribute,
                                                  void *pBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CONTEXT_ATTRIBUTES_FN_W)(PCtxtHandle, ULONG, void *);

SECURITY_STATUS SEC_ENTRY QueryContextAttributesExA(PCtxtHandle phContext, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CONTEXT_ATTRIBUTES_EX_FN_A)(PCtxtHandle, ULONG, void *,
                                                                     ULONG);
SECURITY_STATUS SEC_ENTRY QueryContextAttributesExW(PCtxtHandle phContext, ULONG ulAttribute,
                                                    void *pBuffer, ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *QUERY_CONTEXT_ATTRIBUTES_EX_FN_W)(PCtxtHandle, ULONG, void *,
                                                                     ULONG);

SECURITY_STATUS SEC_ENTRY SetContextAttributesA(PCtxtHandle phContext, ULONG ulAttribute,
                                                void *pBuffer, ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *SET_CONTEXT_ATTRIBUTES_FN_A)(PCtxtHandle, ULONG, void *,
                                                                ULONG);
SECURITY_STATUS SEC_ENTRY SetContextAttributesW(PCtxtHandle phContext, ULONG ulAttribute,
                                                void *pBuffer, ULONG cbBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *SET_CONTEXT_ATTRIBUTES_FN_W)(PCtxtHandle, ULONG, void *,
                                                                ULONG);

SECURITY_STATUS SEC_ENTRY FreeContextBuffer(PVOID pvContextBuffer);
typedef SECURITY_STATUS(SEC_ENTRY *FREE_CONTEXT_BUFFER_FN)(PVOID);

SECURITY_STATUS SEC_ENTRY MakeSignature(PCtxtHandle phContext, ULONG fQOP,
                                        PSecBufferDesc pMessage, ULONG MessageSeqNo);
typedef SECURITY_STATUS(SEC_ENTRY *MAKE_SIGNATURE_FN)(PCtxtHandle, ULONG, PSecBufferDesc,
                                                      ULONG);

SECURITY_STATUS SEC_ENTRY VerifySignature(PCtxtHandle phContext, PSecBufferDesc pMessage,
                                          ULONG MessageSeqNo, ULONG *pfQOP);
typedef SECURITY_STATUS(SEC_ENTRY *VERIFY_SIGNATURE_FN)(PCtxtHandle, PSecBufferDesc, ULONG,
                                                        ULONG *);

SECURITY_STATUS SEC_ENTRY EncryptMessage(PCtxtHandle phContext, ULONG fQOP,
                                         PSecBufferDesc pMessage, ULONG MessageSeqNo);
typedef SECURITY_STATUS(SEC_ENTRY *ENCRYPT_MESSAGE_FN)(PCtxtHandle, ULONG, PSecBufferDesc,
                                                       ULONG);

SECURITY_STATUS SEC_ENTRY DecryptMessage(PCtxtHandle phContext, PSecBufferDesc pMessage,
                                         ULONG MessageSeqNo, ULONG *pfQOP);
typedef SECURITY_STATUS(SEC_ENTRY *DECRYPT_MESSAGE_FN)(PCtxtHandle, PSecBufferDesc, ULONG,
                                                       ULONG *);

SECURITY_STATUS SEC_ENTRY ExportSecurityContext(PCtxtHandle phContext, ULONG fFlags,
                                                PSecBuffer pPackedContext, void **pToken);
typedef SECURITY_STATUS(SEC_ENTRY *EXPORT_SECURITY_CONTEXT_FN)(PCtxtHandle, ULONG, PSecBuffer,
                                                               void **);

SECURITY_STATUS SEC_ENTRY ImportSecurityContextA(SEC_CHAR *pszPackage,
                                                 PSecBuffer pPackedContext, void *Token,
                                                 PCtxtHandle phContext);
typedef SECURITY_STATUS(SEC_ENTRY *IMPORT_SECURITY_CONTEXT_FN_A)(SEC_CHAR *, PSecBuffer, void *,
                                                                 PCtxtHandle);
SECURITY_STATUS SEC_ENTRY ImportSecurityContextW(SEC_WCHAR *pszPackage,
                                                 PSecBuffer pPackedContext, void *Token,
                                                 PCtxtHandle phContext);
typedef SECURITY_STATUS(SEC_ENTRY *IMPORT_SECURITY_CONTEXT_FN_W)(SEC_WCHAR *, PSecBuffer, void *,
                                                                 PCtxtHandle);

SECURITY_STATUS SEC_ENTRY ChangeAccountPasswordA(SEC_CHAR *pszPackageName,
                                                 SEC_CHAR *pszDomainName,
                                                 SEC_CHAR *pszAccountName,
                                                 SEC_CHAR *pszOldPassword,
                                                 SEC_CHAR *pszNewPassword,
                                                 BOOLEAN bImpersonating, ULONG dwReserved,
                                                 PSecBufferDesc pOutput);
typedef SECURITY_STATUS(SEC_ENTRY *CHANGE_PASSWORD_FN_A)(SEC_CHAR *, SEC_CHAR *, SEC_CHAR *,
                                                         SEC_CHAR *, SEC_CHAR *, BOOLEAN, ULONG,
                                                         PSecBufferDesc);
SECURITY_STATUS SEC_ENTRY ChangeAccountPasswordW(SEC_WCHAR *pszPackageName,
                                                 SEC_WCHAR *pszDomainName,
                                                 SEC_WCHAR *pszAccountName,
                                                 SEC_WCHAR *pszOldPassword,
                                                 SEC_WCHAR *pszNewPassword,
                                                 BOOLEAN bImpersonating, ULONG dwReserved,
                                                 PSecBufferDesc pOutput);
typedef SECURITY_STATUS(SEC_ENTRY *CHANGE_PASSWORD_FN_W)(SEC_WCHAR *, SEC_WCHAR *, SEC_WCHAR *,
                                                         SEC_WCHAR *, SEC_WCHAR *, BOOLEAN,
                                                         ULONG, PSecBufferDesc);

/* ---- Function tables --------------------------------------------------------------------------
 * InitSecurityInterfaceA/W hand out a table of every function above. The Reserved slots
 * are where Windows once had other entries; they stay NULL. dwVersion tells how far the
 * table goes: _VERSION through DecryptMessage, _2 SetContextAttributes, _3
 * SetCredentialsAttributes, _4 ChangeAccountPassword, _5 QueryCredentialsAttributesEx. */
#define SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION   1
#define SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_2 2
#define SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_3 3
#define SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_4 4
#define SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5 5

typedef struct _SECURITY_FUNCTION_TABLE_A {
    ULONG dwVersion;
    ENUMERATE_SECURITY_PACKAGES_FN_A EnumerateSecurityPackagesA;
    QUERY_CREDENTIALS_ATTRIBUTES_FN_A QueryCredentialsAttributesA;
    ACQUIRE_CREDENTIALS_HANDLE_FN_A AcquireCredentialsHandleA;
    FREE_CREDENTIALS_HANDLE_FN FreeCredentialsHandle; /* Windows spells it FreeCredentialHandle */
    void *Reserved2;
    INITIALIZE_SECURITY_CONTEXT_FN_A InitializeSecurityContextA;
    ACCEPT_SECURITY_CONTEXT_FN AcceptSecurityContext;
    COMPLETE_AUTH_TOKEN_FN CompleteAuthToken;
    DELETE_SECURITY_CONTEXT_FN DeleteSecurityContext;
    APPLY_CONTROL_TOKEN_FN ApplyControlToken;
    QUERY_CONTEXT_ATTRIBUTES_FN_A QueryContextAttributesA;
    IMPERSONATE_SECURITY_CONTEXT_FN ImpersonateSecurityContext;
    REVERT_SECURITY_CONTEXT_FN RevertSecurityContext;
    MAKE_SIGNATURE_FN MakeSignature;
    VERIFY_SIGNATURE_FN VerifySignature;
    FREE_CONTEXT_BUFFER_FN FreeContextBuffer;
    QUERY_SECURITY_PACKAGE_INFO_FN_A QuerySecurityPackageInfoA;
    void *Reserved3;
    void *Reserved4;
    EXPORT_SECURITY_CONTEXT_FN ExportSecurityContext;
    IMPORT_SECURITY_CONTEXT_FN_A ImportSecurityContextA;
    ADD_CREDENTIALS_FN_A AddCredentialsA;
    void *Reserved8;
    QUERY_SECURITY_CONTEXT_TOKEN_FN QuerySecurityContextToken;
    ENCRYPT_MESSAGE_FN EncryptMessage;
    DECRYPT_MESSAGE_FN DecryptMessage;
    SET_CONTEXT_ATTRIBUTES_FN_A SetContextAttributesA;
    SET_CREDENTIALS_ATTRIBUTES_FN_A SetCredentialsAttributesA;
    CHANGE_PASSWORD_FN_A ChangeAccountPasswordA;
    QUERY_CONTEXT_ATTRIBUTES_EX_FN_A QueryContextAttributesExA;
    QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_A QueryCredentialsAttributesExA;
} SecurityFunctionTableA, *PSecurityFunctionTableA;

typedef struct _SECURITY_FUNCTION_TABLE_W {
    ULONG dwVersion;
    ENUMERATE_SECURITY_PACKAGES_FN_W EnumerateSecurityPackagesW;
    QUERY_CREDENTIALS_ATTRIBUTES_FN_W QueryCredentialsAttributesW;
    ACQUIRE_CREDENTIALS_HANDLE_FN_W AcquireCredentialsHandleW;
    FREE_CREDENTIALS_HANDLE_FN FreeCredentialsHandle;
    void *Reserved2;
    INITIALIZE_SECURITY_CONTEXT_FN_W InitializeSecurityContextW;
    ACCEPT_SECURITY_CONTEXT_FN AcceptSecurityContext;
    COMPLETE_AUTH_TOKEN_FN CompleteAuthToken;
    DELETE_SECURITY_CONTEXT_FN DeleteSecurityContext;
    APPLY_CONTROL_TOKEN_FN ApplyControlToken;
    QUERY_CONTEXT_ATTRIBUTES_FN_W QueryContextAttributesW;
    IMPERSONATE_SECURITY_CONTEXT_FN ImpersonateSecurityContext;
    REVERT_SECURITY_CONTEXT_FN RevertSecurityContext;
    MAKE_SIGNATURE_FN MakeSignature;
    VERIFY_SIGNATURE_FN VerifySignature;
    FREE_CONTEXT_BUFFER_FN FreeContextBuffer;
    QUERY_SECURITY_PACKAGE_INFO_FN_W QuerySecurityPackageInfoW;
    void *Reserved3;
    void *Reserved4;
    EXPORT_SECURITY_CONTEXT_FN ExportSecurityContext;
    IMPORT_SECURITY_CONTEXT_FN_W ImportSecurityContextW;
    ADD_CREDENTIALS_FN_W AddCredentialsW;
    void *Reserved8;
    QUERY_SECURITY_CONTEXT_TOKEN_FN QuerySecurityContextToken;
    ENCRYPT_MESSAGE_FN EncryptMessage;
    DECRYPT_MESSAGE_FN DecryptMessage;
    SET_CONTEXT_ATTRIBUTES_FN_W SetContextAttributesW;
    SET_CREDENTIALS_ATTRIBUTES_FN_W SetCredentialsAttributesW;
    CHANGE_PASSWORD_FN_W ChangeAccountPasswordW;
    QUERY_CONTEXT_ATTRIBUTES_EX_FN_W QueryContextAttributesExW;
    QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_W QueryCredentialsAttributesExW;
} SecurityFunctionTableW, *PSecurityFunctionTableW;

/* The tables are static: never free them. */
PSecurityFunctionTableA SEC_ENTRY InitSecurityInterfaceA(void);
typedef PSecurityFunctionTableA(SEC_ENTRY *INIT_SECURITY_INTERFACE_A)(void);
PSecurityFunctionTableW SEC_ENTRY InitSecurityInterfaceW(void);
typedef PSecurityFunctionTableW(SEC_ENTRY *INIT_SECURITY_INTERFACE_W)(void);

/* Symbol names for dlsym(). Windows' SEC_TEXT-based SECURITY_ENTRYPOINTA/W are left out:
 * they become wide strings under UNICODE, which dlsym cannot take. */
#define SECURITY_ENTRYPOINT_ANSIA "InitSecurityInterfaceA"
#define SECURITY_ENTRYPOINT_ANSIW "InitSecurityInterfaceW"

/* ---- UNICODE selects the unsuffixed names ------------------------------------------------ */
#ifdef UNICODE
#define SecPkgInfo                            SecPkgInfoW
#define PSecPkgInfo                           PSecPkgInfoW
#define SecPkgCredentials_Names               SecPkgCredentials_NamesW
#define PSecPkgCredentials_Names              PSecPkgCredentials_NamesW
#define SecPkgCredentials_SSIProvider         SecPkgCredentials_SSIProviderW
#define PSecPkgCredentials_SSIProvider        PSecPkgCredentials_SSIProviderW
#define SecPkgContext_Names                   SecPkgContext_NamesW
#define PSecPkgContext_Names                  PSecPkgContext_NamesW
#define SecPkgContext_KeyInfo                 SecPkgContext_KeyInfoW
#define PSecPkgContext_KeyInfo                PSecPkgContext_KeyInfoW
#define SecPkgContext_Authority               SecPkgContext_AuthorityW
#define PSecPkgContext_Authority              PSecPkgContext_AuthorityW
#define SecPkgContext_ProtoInfo               SecPkgContext_ProtoInfoW
#define PSecPkgContext_ProtoInfo              PSecPkgContext_ProtoInfoW
#define SecPkgContext_PackageInfo             SecPkgContext_PackageInfoW
#define PSecPkgContext_PackageInfo            PSecPkgContext_PackageInfoW
#define SecPkgContext_NegotiationInfo         SecPkgContext_NegotiationInfoW
#define PSecPkgContext_NegotiationInfo        PSecPkgContext_NegotiationInfoW
#define SecPkgContext_NativeNames             SecPkgContext_NativeNamesW
#define PSecPkgContext_NativeNames            PSecPkgContext_NativeNamesW
#define SecPkgContext_CredentialName          SecPkgContext_CredentialNameW
#define PSecPkgContext_CredentialName         PSecPkgContext_CredentialNameW
#define SEC_WINNT_AUTH_IDENTITY               SEC_WINNT_AUTH_IDENTITY_W
#define PSEC_WINNT_AUTH_IDENTITY              PSEC_WINNT_AUTH_IDENTITY_W
#define _SEC_WINNT_AUTH_IDENTITY              _SEC_WINNT_AUTH_IDENTITY_W
#define SEC_WINNT_AUTH_IDENTITY_EX            SEC_WINNT_AUTH_IDENTITY_EXW
#define PSEC_WINNT_AUTH_IDENTITY_EX           PSEC_WINNT_AUTH_IDENTITY_EXW
#define SecurityFunctionTable                 SecurityFunctionTableW
#define PSecurityFunctionTable                PSecurityFunctionTableW
#define EnumerateSecurityPackages             EnumerateSecurityPackagesW
#define ENUMERATE_SECURITY_PACKAGES_FN        ENUMERATE_SECURITY_PACKAGES_FN_W
#define QuerySecurityPackageInfo              QuerySecurityPackageInfoW
#define QUERY_SECURITY_PACKAGE_INFO_FN        QUERY_SECURITY_PACKAGE_INFO_FN_W
#define AcquireCredentialsHandle              AcquireCredentialsHandleW
#define ACQUIRE_CREDENTIALS_HANDLE_FN         ACQUIRE_CREDENTIALS_HANDLE_FN_W
#define AddCredentials                        AddCredentialsW
#define ADD_CREDENTIALS_FN                    ADD_CREDENTIALS_FN_W
#define QueryCredentialsAttributes            QueryCredentialsAttributesW
#define QUERY_CREDENTIALS_ATTRIBUTES_FN       QUERY_CREDENTIALS_ATTRIBUTES_FN_W
#define QueryCredentialsAttributesEx          QueryCredentialsAttributesExW
#define QUERY_CREDENTIALS_ATTRIBUTES_EX_FN    QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_W
#define SetCredentialsAttributes              SetCredentialsAttributesW
#define SET_CREDENTIALS_ATTRIBUTES_FN         SET_CREDENTIALS_ATTRIBUTES_FN_W
#define InitializeSecurityContext             InitializeSecurityContextW
#define INITIALIZE_SECURITY_CONTEXT_FN        INITIALIZE_SECURITY_CONTEXT_FN_W
#define QueryContextAttributes                QueryContextAttributesW
#define QUERY_CONTEXT_ATTRIBUTES_FN           QUERY_CONTEXT_ATTRIBUTES_FN_W
#define QueryContextAttributesEx              QueryContextAttributesExW
#define QUERY_CONTEXT_ATTRIBUTES_EX_FN        QUERY_CONTEXT_ATTRIBUTES_EX_FN_W
#define SetContextAttributes                  SetContextAttributesW
#define SET_CONTEXT_ATTRIBUTES_FN             SET_CONTEXT_ATTRIBUTES_FN_W
#define ImportSecurityContext                 ImportSecurityContextW
#define IMPORT_SECURITY_CONTEXT_FN            IMPORT_SECURITY_CONTEXT_FN_W
#define ChangeAccountPassword                 ChangeAccountPasswordW
#define CHANGE_PASSWORD_FN                    CHANGE_PASSWORD_FN_W
#define InitSecurityInterface                 InitSecurityInterfaceW
#define INIT_SECURITY_INTERFACE               INIT_SECURITY_INTERFACE_W
#define SECURITY_ENTRYPOINT_ANSI              SECURITY_ENTRYPOINT_ANSIW
#else
#define SecPkgInfo                            SecPkgInfoA
#define PSecPkgInfo                           PSecPkgInfoA
#define SecPkgCredentials_Names               SecPkgCredentials_NamesA
#define PSecPkgCredentials_Names              PSecPkgCredentials_NamesA
#define SecPkgCredentials_SSIProvider         SecPkgCredentials_SSIProviderA
#define PSecPkgCredentials_SSIProvider        PSecPkgCredentials_SSIProviderA
#define SecPkgContext_Names                   SecPkgContext_NamesA
#define PSecPkgContext_Names                  PSecPkgContext_NamesA
#define SecPkgContext_KeyInfo                 SecPkgContext_KeyInfoA
#define PSecPkgContext_KeyInfo                PSecPkgContext_KeyInfoA
#define SecPkgContext_Authority               SecPkgContext_AuthorityA
#define PSecPkgContext_Authority              PSecPkgContext_AuthorityA
#define SecPkgContext_ProtoInfo               SecPkgContext_ProtoInfoA
#define PSecPkgContext_ProtoInfo              PSecPkgContext_ProtoInfoA
#define SecPkgContext_PackageInfo             SecPkgContext_PackageInfoA
#define PSecPkgContext_PackageInfo            PSecPkgContext_PackageInfoA
#define SecPkgContext_NegotiationInfo         SecPkgContext_NegotiationInfoA
#define PSecPkgContext_NegotiationInfo        PSecPkgContext_NegotiationInfoA
#define SecPkgContext_NativeNames             SecPkgContext_NativeNamesA
#define PSecPkgContext_NativeNames            PSecPkgContext_NativeNamesA
#define SecPkgContext_CredentialName          SecPkgContext_CredentialNameA
#define PSecPkgContext_CredentialName         PSecPkgContext_CredentialNameA
#define SEC_WINNT_AUTH_IDENTITY               SEC_WINNT_AUTH_IDENTITY_A
#define PSEC_WINNT_AUTH_IDENTITY              PSEC_WINNT_AUTH_IDENTITY_A
#define _SEC_WINNT_AUTH_IDENTITY              _SEC_WINNT_AUTH_IDENTITY_A
#define SEC_WINNT_AUTH_IDENTITY_EX            SEC_WINNT_AUTH_IDENTITY_EXA
#define PSEC_WINNT_AUTH_IDENTITY_EX           PSEC_WINNT_AUTH_IDENTITY_EXA
#define SecurityFunctionTable                 SecurityFunctionTableA
#define PSecurityFunctionTable                PSecurityFunctionTableA
#define EnumerateSecurityPackages             EnumerateSecurityPackagesA
#define ENUMERATE_SECURITY_PACKAGES_FN        ENUMERATE_SECURITY_PACKAGES_FN_A
#define QuerySecurityPackageInfo              QuerySecurityPackageInfoA
#define QUERY_SECURITY_PACKAGE_INFO_FN        QUERY_SECURITY_PACKAGE_INFO_FN_A
#define AcquireCredentialsHandle              AcquireCredentialsHandleA
#define ACQUIRE_CREDENTIALS_HANDLE_FN         ACQUIRE_CREDENTIALS_HANDLE_FN_A
#define AddCredentials                        AddCredentialsA
#define ADD_CREDENTIALS_FN                    ADD_CREDENTIALS_FN_A
#define QueryCredentialsAttributes            QueryCredentialsAttributesA
#define QUERY_CREDENTIALS_ATTRIBUTES_FN       QUERY_CREDENTIALS_ATTRIBUTES_FN_A
#define QueryCredentialsAttributesEx          QueryCredentialsAttributesExA
#define QUERY_CREDENTIALS_ATTRIBUTES_EX_FN    QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_A
#define SetCredentialsAttributes              SetCredentialsAttributesA
#define SET_CREDENTIALS_ATTRIBUTES_FN         SET_CREDENTIALS_ATTRIBUTES_FN_A
#define InitializeSecurityContext             InitializeSecurityContextA
#define INITIALIZE_SECURITY_CONTEXT_FN        INITIALIZE_SECURITY_CONTEXT_FN_A
#define QueryContextAttributes                QueryContextAttributesA
#define QUERY_CONTEXT_ATTRIBUTES_FN           QUERY_CONTEXT_ATTRIBUTES_FN_A
#define QueryContextAttributesEx              QueryContextAttributesExA
#define QUERY_CONTEXT_ATTRIBUTES_EX_FN        QUERY_CONTEXT_ATTRIBUTES_EX_FN_A
#define SetContextAttributes                  SetContextAttributesA
#define SET_CONTEXT_ATTRIBUTES_FN             SET_CONTEXT_ATTRIBUTES_FN_A
#define ImportSecurityContext                 ImportSecurityContextA
#define IMPORT_SECURITY_CONTEXT_FN            IMPORT_SECURITY_CONTEXT_FN_A
#define ChangeAccountPassword                 ChangeAccountPasswordA
#define CHANGE_PASSWORD_FN                    CHANGE_PASSWORD_FN_A
#define InitSecurityInterface                 InitSecurityInterfaceA
#define INIT_SECURITY_INTERFACE               INIT_SECURITY_INTERFACE_A
#define SECURITY_ENTRYPOINT_ANSI              SECURITY_ENTRYPOINT_ANSIA
#endif /* UNICODE */

/* ---- Layout checks -----------------------------------------------------------------------------
 * Every structure must have its Windows x64 size, so that code and data written for
 * Windows (and DESIGN.md's interop) see the same layout. C11 and C++11 use their static
 * assertions; C99 a typedef of an array whose size is -1 when the check fails. */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define SSPIBRIDGE_ASSERT_SIZE(type, size) static_assert(sizeof(type) == (size), #type " size")
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define SSPIBRIDGE_ASSERT_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " size")
#else
#define SSPIBRIDGE_ASSERT_SIZE(type, size)                                                   \
    typedef char sspibridge_size_check_##type[(sizeof(type) == (size)) ? 1 : -1]
#endif

SSPIBRIDGE_ASSERT_SIZE(ULONG, 4);
SSPIBRIDGE_ASSERT_SIZE(LONG, 4);
SSPIBRIDGE_ASSERT_SIZE(USHORT, 2);
SSPIBRIDGE_ASSERT_SIZE(UCHAR, 1);
SSPIBRIDGE_ASSERT_SIZE(BOOLEAN, 1);
SSPIBRIDGE_ASSERT_SIZE(SECURITY_STATUS, 4);
SSPIBRIDGE_ASSERT_SIZE(SEC_WCHAR, 2);
SSPIBRIDGE_ASSERT_SIZE(LUID, 8);
SSPIBRIDGE_ASSERT_SIZE(SECURITY_INTEGER, 8);
SSPIBRIDGE_ASSERT_SIZE(TimeStamp, 8);
SSPIBRIDGE_ASSERT_SIZE(SEC_CHANNEL_BINDINGS, 32);
SSPIBRIDGE_ASSERT_SIZE(SEC_CHANNEL_BINDINGS_EX, 48);
SSPIBRIDGE_ASSERT_SIZE(SEC_CHANNEL_BINDINGS_RESULT, 4);
SSPIBRIDGE_ASSERT_SIZE(SEC_APPLICATION_PROTOCOL_LIST, 8);
SSPIBRIDGE_ASSERT_SIZE(SEC_APPLICATION_PROTOCOLS, 12);
SSPIBRIDGE_ASSERT_SIZE(SEC_SRTP_PROTECTION_PROFILES, 4);
SSPIBRIDGE_ASSERT_SIZE(SEC_SRTP_MASTER_KEY_IDENTIFIER, 2);
SSPIBRIDGE_ASSERT_SIZE(SEC_TOKEN_BINDING, 6);
SSPIBRIDGE_ASSERT_SIZE(SEC_PRESHAREDKEY, 4);
SSPIBRIDGE_ASSERT_SIZE(SEC_PRESHAREDKEY_IDENTITY, 4);
SSPIBRIDGE_ASSERT_SIZE(SEC_DTLS_MTU, 2);
SSPIBRIDGE_ASSERT_SIZE(SEC_FLAGS, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_KdcProxySettingsW, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_KdcNetworkSettingsW, 20);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_CredInfo, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NegoPackageInfo, 4);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NegoStatus, 4);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_Sizes, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_StreamSizes, 20);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_LastClientTokenStatus, 4);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_Lifespan, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_PasswordExpiry, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_LogoffTime, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_UserFlags, 4);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_Flags, 4);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_ApplicationProtocol, 264);
SSPIBRIDGE_ASSERT_SIZE(SEC_WINNT_AUTH_IDENTITY_EX2, 48);

/* Structures with pointers: checked where pointers are 64-bit (LP64, Windows x64). */
#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFu
SSPIBRIDGE_ASSERT_SIZE(ULONG_PTR, 8);
SSPIBRIDGE_ASSERT_SIZE(SecHandle, 16);
SSPIBRIDGE_ASSERT_SIZE(CredHandle, 16);
SSPIBRIDGE_ASSERT_SIZE(CtxtHandle, 16);
SSPIBRIDGE_ASSERT_SIZE(SECURITY_STRING, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgInfoA, 32);
SSPIBRIDGE_ASSERT_SIZE(SecPkgInfoW, 32);
SSPIBRIDGE_ASSERT_SIZE(SecBuffer, 16);
SSPIBRIDGE_ASSERT_SIZE(SecBufferDesc, 16);
SSPIBRIDGE_ASSERT_SIZE(SEC_NEGOTIATION_INFO, 24);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_NamesA, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_NamesW, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_SSIProviderA, 24);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_SSIProviderW, 24);
SSPIBRIDGE_ASSERT_SIZE(SecPkgCredentials_Cert, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_SubjectAttributes, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NamesA, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NamesW, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_DceInfo, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_KeyInfoA, 32);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_KeyInfoW, 32);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_AuthorityA, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_AuthorityW, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_ProtoInfoA, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_ProtoInfoW, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_SessionKey, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NegoKeys, 32);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_PackageInfoA, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_PackageInfoW, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NegotiationInfoA, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NegotiationInfoW, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NativeNamesA, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NativeNamesW, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_CredentialNameA, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_CredentialNameW, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_AccessToken, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_TargetInformation, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_AuthzID, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_Target, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_ClientSpecifiedTarget, 8);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_Bindings, 16);
SSPIBRIDGE_ASSERT_SIZE(SecPkgContext_NegotiatedTlsExtensions, 16);
SSPIBRIDGE_ASSERT_SIZE(SEC_WINNT_AUTH_IDENTITY_A, 48);
SSPIBRIDGE_ASSERT_SIZE(SEC_WINNT_AUTH_IDENTITY_W, 48);
SSPIBRIDGE_ASSERT_SIZE(SEC_WINNT_AUTH_IDENTITY_EXA, 72);
SSPIBRIDGE_ASSERT_SIZE(SEC_WINNT_AUTH_IDENTITY_EXW, 72);
SSPIBRIDGE_ASSERT_SIZE(SEC_WINNT_AUTH_IDENTITY_INFO, 72);
SSPIBRIDGE_ASSERT_SIZE(SecurityFunctionTableA, 256);
SSPIBRIDGE_ASSERT_SIZE(SecurityFunctionTableW, 256);
#endif

#undef SSPIBRIDGE_ASSERT_SIZE

#ifdef __cplusplus
}
#endif

#endif /* SSPIBRIDGE_SSPI_H */
