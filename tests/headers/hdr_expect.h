/* Windows' values, sizes and offsets, written out a second time from the Windows SDK and
 * Microsoft's documentation so the header checks compare sspi.h against an independent
 * list. X-macro tables shared by the C and C++ checks. */
#ifndef HDR_EXPECT_H
#define HDR_EXPECT_H

/* X(name, value as a 32-bit pattern): winerror.h's SSPI range. */
#define HDR_STATUS_CODES(X)                                                            \
    X(SEC_E_OK, 0x00000000)                                                            \
    X(SEC_E_INSUFFICIENT_MEMORY, 0x80090300)                                           \
    X(SEC_E_INVALID_HANDLE, 0x80090301)                                                \
    X(SEC_E_UNSUPPORTED_FUNCTION, 0x80090302)                                          \
    X(SEC_E_NOT_SUPPORTED, 0x80090302)                                                 \
    X(SEC_E_TARGET_UNKNOWN, 0x80090303)                                                \
    X(SEC_E_INTERNAL_ERROR, 0x80090304)                                                \
    X(SEC_E_NO_SPM, 0x80090304)                                                        \
    X(SEC_E_SECPKG_NOT_FOUND, 0x80090305)                                              \
    X(SEC_E_NOT_OWNER, 0x80090306)                                                     \
    X(SEC_E_CANNOT_INSTALL, 0x80090307)                                                \
    X(SEC_E_INVALID_TOKEN, 0x80090308)                                                 \
    X(SEC_E_CANNOT_PACK, 0x80090309)                                                   \
    X(SEC_E_QOP_NOT_SUPPORTED, 0x8009030A)                                             \
    X(SEC_E_NO_IMPERSONATION, 0x8009030B)                                              \
    X(SEC_E_LOGON_DENIED, 0x8009030C)                                                  \
    X(SEC_E_UNKNOWN_CREDENTIALS, 0x8009030D)                                           \
    X(SEC_E_NO_CREDENTIALS, 0x8009030E)                                                \
    X(SEC_E_MESSAGE_ALTERED, 0x8009030F)                                               \
    X(SEC_E_OUT_OF_SEQUENCE, 0x80090310)                                               \
    X(SEC_E_NO_AUTHENTICATING_AUTHORITY, 0x80090311)                                   \
    X(SEC_I_CONTINUE_NEEDED, 0x00090312)                                               \
    X(SEC_I_COMPLETE_NEEDED, 0x00090313)                                               \
    X(SEC_I_COMPLETE_AND_CONTINUE, 0x00090314)                                         \
    X(SEC_I_LOCAL_LOGON, 0x00090315)                                                   \
    X(SEC_I_GENERIC_EXTENSION_RECEIVED, 0x00090316)                                    \
    X(SEC_E_BAD_PKGID, 0x80090316)                                                     \
    X(SEC_E_CONTEXT_EXPIRED, 0x80090317)                                               \
    X(SEC_I_CONTEXT_EXPIRED, 0x00090317)                                               \
    X(SEC_E_INCOMPLETE_MESSAGE, 0x80090318)                                            \
    X(SEC_E_INCOMPLETE_CREDENTIALS, 0x80090320)                                        \
    X(SEC_E_BUFFER_TOO_SMALL, 0x80090321)                                              \
    X(SEC_I_INCOMPLETE_CREDENTIALS, 0x00090320)                                        \
    X(SEC_I_RENEGOTIATE, 0x00090321)                                                   \
    X(SEC_E_WRONG_PRINCIPAL, 0x80090322)                                               \
    X(SEC_I_NO_LSA_CONTEXT, 0x00090323)                                                \
    X(SEC_E_TIME_SKEW, 0x80090324)                                                     \
    X(SEC_E_UNTRUSTED_ROOT, 0x80090325)                                                \
    X(SEC_E_ILLEGAL_MESSAGE, 0x80090326)                                               \
    X(SEC_E_CERT_UNKNOWN, 0x80090327)                                                  \
    X(SEC_E_CERT_EXPIRED, 0x80090328)                                                  \
    X(SEC_E_ENCRYPT_FAILURE, 0x80090329)                                               \
    X(SEC_E_DECRYPT_FAILURE, 0x80090330)                                               \
    X(SEC_E_ALGORITHM_MISMATCH, 0x80090331)                                            \
    X(SEC_E_SECURITY_QOS_FAILED, 0x80090332)                                           \
    X(SEC_E_UNFINISHED_CONTEXT_DELETED, 0x80090333)                                    \
    X(SEC_E_NO_TGT_REPLY, 0x80090334)                                                  \
    X(SEC_E_NO_IP_ADDRESSES, 0x80090335)                                               \
    X(SEC_E_WRONG_CREDENTIAL_HANDLE, 0x80090336)                                       \
    X(SEC_E_CRYPTO_SYSTEM_INVALID, 0x80090337)                                         \
    X(SEC_E_MAX_REFERRALS_EXCEEDED, 0x80090338)                                        \
    X(SEC_E_MUST_BE_KDC, 0x80090339)                                                   \
    X(SEC_E_STRONG_CRYPTO_NOT_SUPPORTED, 0x8009033A)                                   \
    X(SEC_E_TOO_MANY_PRINCIPALS, 0x8009033B)                                           \
    X(SEC_E_NO_PA_DATA, 0x8009033C)                                                    \
    X(SEC_E_PKINIT_NAME_MISMATCH, 0x8009033D)                                          \
    X(SEC_E_SMARTCARD_LOGON_REQUIRED, 0x8009033E)                                      \
    X(SEC_E_SHUTDOWN_IN_PROGRESS, 0x8009033F)                                          \
    X(SEC_E_KDC_INVALID_REQUEST, 0x80090340)                                           \
    X(SEC_E_KDC_UNABLE_TO_REFER, 0x80090341)                                           \
    X(SEC_E_KDC_UNKNOWN_ETYPE, 0x80090342)                                             \
    X(SEC_E_UNSUPPORTED_PREAUTH, 0x80090343)                                           \
    X(SEC_E_DELEGATION_REQUIRED, 0x80090345)                                           \
    X(SEC_E_BAD_BINDINGS, 0x80090346)                                                  \
    X(SEC_E_MULTIPLE_ACCOUNTS, 0x80090347)                                             \
    X(SEC_E_NO_KERB_KEY, 0x80090348)                                                   \
    X(SEC_E_CERT_WRONG_USAGE, 0x80090349)                                              \
    X(SEC_E_DOWNGRADE_DETECTED, 0x80090350)                                            \
    X(SEC_E_SMARTCARD_CERT_REVOKED, 0x80090351)                                        \
    X(SEC_E_ISSUING_CA_UNTRUSTED, 0x80090352)                                          \
    X(SEC_E_REVOCATION_OFFLINE_C, 0x80090353)                                          \
    X(SEC_E_PKINIT_CLIENT_FAILURE, 0x80090354)                                         \
    X(SEC_E_SMARTCARD_CERT_EXPIRED, 0x80090355)                                        \
    X(SEC_E_NO_S4U_PROT_SUPPORT, 0x80090356)                                           \
    X(SEC_E_CROSSREALM_DELEGATION_FAILURE, 0x80090357)                                 \
    X(SEC_E_REVOCATION_OFFLINE_KDC, 0x80090358)                                        \
    X(SEC_E_ISSUING_CA_UNTRUSTED_KDC, 0x80090359)                                      \
    X(SEC_E_KDC_CERT_EXPIRED, 0x8009035A)                                              \
    X(SEC_E_KDC_CERT_REVOKED, 0x8009035B)                                              \
    X(SEC_I_SIGNATURE_NEEDED, 0x0009035C)                                              \
    X(SEC_E_INVALID_PARAMETER, 0x8009035D)                                             \
    X(SEC_E_DELEGATION_POLICY, 0x8009035E)                                             \
    X(SEC_E_POLICY_NLTM_ONLY, 0x8009035F)                                              \
    X(SEC_I_NO_RENEGOTIATION, 0x00090360)                                              \
    X(SEC_E_NO_CONTEXT, 0x80090361)                                                    \
    X(SEC_E_PKU2U_CERT_FAILURE, 0x80090362)                                            \
    X(SEC_E_MUTUAL_AUTH_FAILED, 0x80090363)                                            \
    X(SEC_I_MESSAGE_FRAGMENT, 0x00090364)                                              \
    X(SEC_E_ONLY_HTTPS_ALLOWED, 0x80090365)                                            \
    X(SEC_I_CONTINUE_NEEDED_MESSAGE_OK, 0x00090366)                                    \
    X(SEC_E_APPLICATION_PROTOCOL_MISMATCH, 0x80090367)                                 \
    X(SEC_I_ASYNC_CALL_PENDING, 0x00090368)                                            \
    X(SEC_E_INVALID_UPN_NAME, 0x80090369)                                              \
    X(SEC_E_EXT_BUFFER_TOO_SMALL, 0x8009036A)                                          \
    X(SEC_E_INSUFFICIENT_BUFFERS, 0x8009036B)

/* X(name, value): flags and enumerations whose values fit 32 bits. */
#define HDR_CONSTANTS(X)                                                               \
    X(SECBUFFER_VERSION, 0)                                                            \
    X(SECBUFFER_EMPTY, 0)                                                              \
    X(SECBUFFER_DATA, 1)                                                               \
    X(SECBUFFER_TOKEN, 2)                                                              \
    X(SECBUFFER_PKG_PARAMS, 3)                                                         \
    X(SECBUFFER_MISSING, 4)                                                            \
    X(SECBUFFER_EXTRA, 5)                                                              \
    X(SECBUFFER_STREAM_TRAILER, 6)                                                     \
    X(SECBUFFER_STREAM_HEADER, 7)                                                      \
    X(SECBUFFER_NEGOTIATION_INFO, 8)                                                   \
    X(SECBUFFER_PADDING, 9)                                                            \
    X(SECBUFFER_STREAM, 10)                                                            \
    X(SECBUFFER_MECHLIST, 11)                                                          \
    X(SECBUFFER_MECHLIST_SIGNATURE, 12)                                                \
    X(SECBUFFER_TARGET, 13)                                                            \
    X(SECBUFFER_CHANNEL_BINDINGS, 14)                                                  \
    X(SECBUFFER_CHANGE_PASS_RESPONSE, 15)                                              \
    X(SECBUFFER_TARGET_HOST, 16)                                                       \
    X(SECBUFFER_ALERT, 17)                                                             \
    X(SECBUFFER_APPLICATION_PROTOCOLS, 18)                                             \
    X(SECBUFFER_SRTP_PROTECTION_PROFILES, 19)                                          \
    X(SECBUFFER_SRTP_MASTER_KEY_IDENTIFIER, 20)                                        \
    X(SECBUFFER_TOKEN_BINDING, 21)                                                     \
    X(SECBUFFER_PRESHARED_KEY, 22)                                                     \
    X(SECBUFFER_PRESHARED_KEY_IDENTITY, 23)                                            \
    X(SECBUFFER_DTLS_MTU, 24)                                                          \
    X(SECBUFFER_SEND_GENERIC_TLS_EXTENSION, 25)                                        \
    X(SECBUFFER_SUBSCRIBE_GENERIC_TLS_EXTENSION, 26)                                   \
    X(SECBUFFER_FLAGS, 27)                                                             \
    X(SECBUFFER_TRAFFIC_SECRETS, 28)                                                   \
    X(SECBUFFER_CERTIFICATE_REQUEST_CONTEXT, 29)                                       \
    X(SECBUFFER_CHANNEL_BINDINGS_RESULT, 30)                                           \
    X(SECBUFFER_APP_SESSION_STATE, 31)                                                 \
    X(SECBUFFER_SESSION_TICKET, 32)                                                    \
    X(SECBUFFER_ATTRMASK, 0xF0000000)                                                  \
    X(SECBUFFER_READONLY, 0x80000000)                                                  \
    X(SECBUFFER_READONLY_WITH_CHECKSUM, 0x10000000)                                    \
    X(SECBUFFER_RESERVED, 0x60000000)                                                  \
    X(SECBUFFER_UNMAPPED, 0x40000000)                                                  \
    X(SECBUFFER_KERNEL_MAP, 0x20000000)                                                \
    X(SECURITY_NATIVE_DREP, 0x10)                                                      \
    X(SECURITY_NETWORK_DREP, 0)                                                        \
    X(SECQOP_WRAP_NO_ENCRYPT, 0x80000001)                                              \
    X(SECQOP_WRAP_OOB_DATA, 0x40000000)                                                \
    X(KERB_WRAP_NO_ENCRYPT, 0x80000001)                                                \
    X(SECPKG_CRED_INBOUND, 1)                                                          \
    X(SECPKG_CRED_OUTBOUND, 2)                                                         \
    X(SECPKG_CRED_BOTH, 3)                                                             \
    X(SECPKG_CRED_DEFAULT, 4)                                                          \
    X(SECPKG_CRED_RESERVED, 0xF0000000)                                                \
    X(SECPKG_CRED_AUTOLOGON_RESTRICTED, 0x10)                                          \
    X(SECPKG_CRED_PROCESS_POLICY_ONLY, 0x20)                                           \
    X(SECPKG_CRED_ATTR_NAMES, 1)                                                       \
    X(SECPKG_CRED_ATTR_SSI_PROVIDER, 2)                                                \
    X(SECPKG_CRED_ATTR_KDC_PROXY_SETTINGS, 3)                                          \
    X(SECPKG_CRED_ATTR_CERT, 4)                                                        \
    X(SECPKG_CRED_ATTR_PAC_BYPASS, 5)                                                  \
    X(SECPKG_FLAG_INTEGRITY, 0x1)                                                      \
    X(SECPKG_FLAG_PRIVACY, 0x2)                                                        \
    X(SECPKG_FLAG_CONNECTION, 0x10)                                                    \
    X(SECPKG_FLAG_IMPERSONATION, 0x100)                                                \
    X(SECPKG_FLAG_ACCEPT_WIN32_NAME, 0x200)                                            \
    X(SECPKG_FLAG_NEGOTIABLE, 0x800)                                                   \
    X(SECPKG_FLAG_GSS_COMPATIBLE, 0x1000)                                              \
    X(SECPKG_FLAG_LOGON, 0x2000)                                                       \
    X(SECPKG_FLAG_MUTUAL_AUTH, 0x10000)                                                \
    X(SECPKG_FLAG_DELEGATION, 0x20000)                                                 \
    X(SECPKG_FLAG_READONLY_WITH_CHECKSUM, 0x40000)                                     \
    X(SECPKG_FLAG_APPLY_LOOPBACK, 0x2000000)                                           \
    X(SECPKG_ID_NONE, 0xFFFF)                                                          \
    X(SECPKG_ATTR_SIZES, 0)                                                            \
    X(SECPKG_ATTR_NAMES, 1)                                                            \
    X(SECPKG_ATTR_LIFESPAN, 2)                                                         \
    X(SECPKG_ATTR_DCE_INFO, 3)                                                         \
    X(SECPKG_ATTR_STREAM_SIZES, 4)                                                     \
    X(SECPKG_ATTR_KEY_INFO, 5)                                                         \
    X(SECPKG_ATTR_AUTHORITY, 6)                                                        \
    X(SECPKG_ATTR_PROTO_INFO, 7)                                                       \
    X(SECPKG_ATTR_PASSWORD_EXPIRY, 8)                                                  \
    X(SECPKG_ATTR_SESSION_KEY, 9)                                                      \
    X(SECPKG_ATTR_PACKAGE_INFO, 10)                                                    \
    X(SECPKG_ATTR_USER_FLAGS, 11)                                                      \
    X(SECPKG_ATTR_NEGOTIATION_INFO, 12)                                                \
    X(SECPKG_ATTR_NATIVE_NAMES, 13)                                                    \
    X(SECPKG_ATTR_FLAGS, 14)                                                           \
    X(SECPKG_ATTR_USE_VALIDATED, 15)                                                   \
    X(SECPKG_ATTR_CREDENTIAL_NAME, 16)                                                 \
    X(SECPKG_ATTR_TARGET_INFORMATION, 17)                                              \
    X(SECPKG_ATTR_ACCESS_TOKEN, 18)                                                    \
    X(SECPKG_ATTR_TARGET, 19)                                                          \
    X(SECPKG_ATTR_AUTHENTICATION_ID, 20)                                               \
    X(SECPKG_ATTR_LOGOFF_TIME, 21)                                                     \
    X(SECPKG_ATTR_NEGO_KEYS, 22)                                                       \
    X(SECPKG_ATTR_PROMPTING_NEEDED, 24)                                                \
    X(SECPKG_ATTR_UNIQUE_BINDINGS, 25)                                                 \
    X(SECPKG_ATTR_ENDPOINT_BINDINGS, 26)                                               \
    X(SECPKG_ATTR_CLIENT_SPECIFIED_TARGET, 27)                                         \
    X(SECPKG_ATTR_LAST_CLIENT_TOKEN_STATUS, 30)                                        \
    X(SECPKG_ATTR_NEGO_PKG_INFO, 31)                                                   \
    X(SECPKG_ATTR_NEGO_STATUS, 32)                                                     \
    X(SECPKG_ATTR_CONTEXT_DELETED, 33)                                                 \
    X(SECPKG_ATTR_DTLS_MTU, 34)                                                        \
    X(SECPKG_ATTR_DATAGRAM_SIZES, 4)                                                   \
    X(SECPKG_ATTR_APPLICATION_PROTOCOL, 35)                                            \
    X(SECPKG_ATTR_NEGOTIATED_TLS_EXTENSIONS, 36)                                       \
    X(SECPKG_ATTR_IS_LOOPBACK, 37)                                                     \
    X(SECPKG_ATTR_SUBJECT_SECURITY_ATTRIBUTES, 128)                                    \
    X(SECPKG_NEGOTIATION_COMPLETE, 0)                                                  \
    X(SECPKG_NEGOTIATION_OPTIMISTIC, 1)                                                \
    X(SECPKG_NEGOTIATION_IN_PROGRESS, 2)                                               \
    X(SECPKG_NEGOTIATION_DIRECT, 3)                                                    \
    X(SECPKG_NEGOTIATION_TRY_MULTICRED, 4)                                             \
    X(SECPKG_CONTEXT_EXPORT_RESET_NEW, 1)                                              \
    X(SECPKG_CONTEXT_EXPORT_DELETE_OLD, 2)                                             \
    X(SECPKG_CONTEXT_EXPORT_TO_KERNEL, 4)                                              \
    X(SEC_WINNT_AUTH_IDENTITY_ANSI, 1)                                                 \
    X(SEC_WINNT_AUTH_IDENTITY_UNICODE, 2)                                              \
    X(SEC_WINNT_AUTH_IDENTITY_MARSHALLED, 4)                                           \
    X(SEC_WINNT_AUTH_IDENTITY_ONLY, 8)                                                 \
    X(SEC_WINNT_AUTH_IDENTITY_VERSION, 0x200)                                          \
    X(SEC_WINNT_AUTH_IDENTITY_VERSION_2, 0x201)                                        \
    X(SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION, 1)                                  \
    X(SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_2, 2)                                \
    X(SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_3, 3)                                \
    X(SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_4, 4)                                \
    X(SECURITY_SUPPORT_PROVIDER_INTERFACE_VERSION_5, 5)                                \
    X(ISC_REQ_DELEGATE, 0x1)                                                           \
    X(ISC_REQ_MUTUAL_AUTH, 0x2)                                                        \
    X(ISC_REQ_REPLAY_DETECT, 0x4)                                                      \
    X(ISC_REQ_SEQUENCE_DETECT, 0x8)                                                    \
    X(ISC_REQ_CONFIDENTIALITY, 0x10)                                                   \
    X(ISC_REQ_USE_SESSION_KEY, 0x20)                                                   \
    X(ISC_REQ_PROMPT_FOR_CREDS, 0x40)                                                  \
    X(ISC_REQ_USE_SUPPLIED_CREDS, 0x80)                                                \
    X(ISC_REQ_ALLOCATE_MEMORY, 0x100)                                                  \
    X(ISC_REQ_USE_DCE_STYLE, 0x200)                                                    \
    X(ISC_REQ_DATAGRAM, 0x400)                                                         \
    X(ISC_REQ_CONNECTION, 0x800)                                                       \
    X(ISC_REQ_CALL_LEVEL, 0x1000)                                                      \
    X(ISC_REQ_FRAGMENT_SUPPLIED, 0x2000)                                               \
    X(ISC_REQ_EXTENDED_ERROR, 0x4000)                                                  \
    X(ISC_REQ_STREAM, 0x8000)                                                          \
    X(ISC_REQ_INTEGRITY, 0x10000)                                                      \
    X(ISC_REQ_IDENTIFY, 0x20000)                                                       \
    X(ISC_REQ_NULL_SESSION, 0x40000)                                                   \
    X(ISC_REQ_MANUAL_CRED_VALIDATION, 0x80000)                                         \
    X(ISC_REQ_RESERVED1, 0x100000)                                                     \
    X(ISC_REQ_FRAGMENT_TO_FIT, 0x200000)                                               \
    X(ISC_REQ_FORWARD_CREDENTIALS, 0x400000)                                           \
    X(ISC_REQ_NO_INTEGRITY, 0x800000)                                                  \
    X(ISC_REQ_USE_HTTP_STYLE, 0x1000000)                                               \
    X(ISC_REQ_UNVERIFIED_TARGET_NAME, 0x20000000)                                      \
    X(ISC_REQ_CONFIDENTIALITY_ONLY, 0x40000000)                                        \
    X(ISC_RET_DELEGATE, 0x1)                                                           \
    X(ISC_RET_MUTUAL_AUTH, 0x2)                                                        \
    X(ISC_RET_REPLAY_DETECT, 0x4)                                                      \
    X(ISC_RET_SEQUENCE_DETECT, 0x8)                                                    \
    X(ISC_RET_CONFIDENTIALITY, 0x10)                                                   \
    X(ISC_RET_USE_SESSION_KEY, 0x20)                                                   \
    X(ISC_RET_USED_COLLECTED_CREDS, 0x40)                                              \
    X(ISC_RET_USED_SUPPLIED_CREDS, 0x80)                                               \
    X(ISC_RET_ALLOCATED_MEMORY, 0x100)                                                 \
    X(ISC_RET_USED_DCE_STYLE, 0x200)                                                   \
    X(ISC_RET_DATAGRAM, 0x400)                                                         \
    X(ISC_RET_CONNECTION, 0x800)                                                       \
    X(ISC_RET_INTERMEDIATE_RETURN, 0x1000)                                             \
    X(ISC_RET_CALL_LEVEL, 0x2000)                                                      \
    X(ISC_RET_EXTENDED_ERROR, 0x4000)                                                  \
    X(ISC_RET_STREAM, 0x8000)                                                          \
    X(ISC_RET_INTEGRITY, 0x10000)                                                      \
    X(ISC_RET_IDENTIFY, 0x20000)                                                       \
    X(ISC_RET_NULL_SESSION, 0x40000)                                                   \
    X(ISC_RET_MANUAL_CRED_VALIDATION, 0x80000)                                         \
    X(ISC_RET_RESERVED1, 0x100000)                                                     \
    X(ISC_RET_FRAGMENT_ONLY, 0x200000)                                                 \
    X(ISC_RET_FORWARD_CREDENTIALS, 0x400000)                                           \
    X(ISC_RET_USED_HTTP_STYLE, 0x1000000)                                              \
    X(ISC_RET_NO_ADDITIONAL_TOKEN, 0x2000000)                                          \
    X(ISC_RET_REAUTHENTICATION, 0x8000000)                                             \
    X(ISC_RET_CONFIDENTIALITY_ONLY, 0x40000000)                                        \
    X(ASC_REQ_DELEGATE, 0x1)                                                           \
    X(ASC_REQ_MUTUAL_AUTH, 0x2)                                                        \
    X(ASC_REQ_REPLAY_DETECT, 0x4)                                                      \
    X(ASC_REQ_SEQUENCE_DETECT, 0x8)                                                    \
    X(ASC_REQ_CONFIDENTIALITY, 0x10)                                                   \
    X(ASC_REQ_USE_SESSION_KEY, 0x20)                                                   \
    X(ASC_REQ_SESSION_TICKET, 0x40)                                                    \
    X(ASC_REQ_ALLOCATE_MEMORY, 0x100)                                                  \
    X(ASC_REQ_USE_DCE_STYLE, 0x200)                                                    \
    X(ASC_REQ_DATAGRAM, 0x400)                                                         \
    X(ASC_REQ_CONNECTION, 0x800)                                                       \
    X(ASC_REQ_CALL_LEVEL, 0x1000)                                                      \
    X(ASC_REQ_FRAGMENT_SUPPLIED, 0x2000)                                               \
    X(ASC_REQ_EXTENDED_ERROR, 0x8000)                                                  \
    X(ASC_REQ_STREAM, 0x10000)                                                         \
    X(ASC_REQ_INTEGRITY, 0x20000)                                                      \
    X(ASC_REQ_LICENSING, 0x40000)                                                      \
    X(ASC_REQ_IDENTIFY, 0x80000)                                                       \
    X(ASC_REQ_ALLOW_NULL_SESSION, 0x100000)                                            \
    X(ASC_REQ_ALLOW_NON_USER_LOGONS, 0x200000)                                         \
    X(ASC_REQ_ALLOW_CONTEXT_REPLAY, 0x400000)                                          \
    X(ASC_REQ_FRAGMENT_TO_FIT, 0x800000)                                               \
    X(ASC_REQ_NO_TOKEN, 0x1000000)                                                     \
    X(ASC_REQ_PROXY_BINDINGS, 0x4000000)                                               \
    X(ASC_REQ_ALLOW_MISSING_BINDINGS, 0x10000000)                                      \
    X(ASC_RET_DELEGATE, 0x1)                                                           \
    X(ASC_RET_MUTUAL_AUTH, 0x2)                                                        \
    X(ASC_RET_REPLAY_DETECT, 0x4)                                                      \
    X(ASC_RET_SEQUENCE_DETECT, 0x8)                                                    \
    X(ASC_RET_CONFIDENTIALITY, 0x10)                                                   \
    X(ASC_RET_USE_SESSION_KEY, 0x20)                                                   \
    X(ASC_RET_SESSION_TICKET, 0x40)                                                    \
    X(ASC_RET_ALLOCATED_MEMORY, 0x100)                                                 \
    X(ASC_RET_USED_DCE_STYLE, 0x200)                                                   \
    X(ASC_RET_DATAGRAM, 0x400)                                                         \
    X(ASC_RET_CONNECTION, 0x800)                                                       \
    X(ASC_RET_CALL_LEVEL, 0x2000)                                                      \
    X(ASC_RET_THIRD_LEG_FAILED, 0x4000)                                                \
    X(ASC_RET_EXTENDED_ERROR, 0x8000)                                                  \
    X(ASC_RET_STREAM, 0x10000)                                                         \
    X(ASC_RET_INTEGRITY, 0x20000)                                                      \
    X(ASC_RET_LICENSING, 0x40000)                                                      \
    X(ASC_RET_IDENTIFY, 0x80000)                                                       \
    X(ASC_RET_NULL_SESSION, 0x100000)                                                  \
    X(ASC_RET_ALLOW_NON_USER_LOGONS, 0x200000)                                         \
    X(ASC_RET_ALLOW_CONTEXT_REPLAY, 0x400000)                                          \
    X(ASC_RET_FRAGMENT_ONLY, 0x800000)                                                 \
    X(ASC_RET_NO_TOKEN, 0x1000000)                                                     \
    X(ASC_RET_NO_ADDITIONAL_TOKEN, 0x2000000)

/* X(name, value): the TLS-era request/return bits above 32 bits. */
#define HDR_CONSTANTS64(X)                                                             \
    X(ISC_REQ_MESSAGES, 0x100000000)                                                   \
    X(ISC_REQ_DEFERRED_CRED_VALIDATION, 0x200000000)                                   \
    X(ISC_REQ_NO_POST_HANDSHAKE_AUTH, 0x400000000)                                     \
    X(ISC_REQ_REUSE_SESSION_TICKETS, 0x800000000)                                      \
    X(ISC_REQ_EXPLICIT_SESSION, 0x1000000000)                                          \
    X(ISC_RET_MESSAGES, 0x100000000)                                                   \
    X(ISC_RET_DEFERRED_CRED_VALIDATION, 0x200000000)                                   \
    X(ISC_RET_NO_POST_HANDSHAKE_AUTH, 0x400000000)                                     \
    X(ISC_RET_REUSE_SESSION_TICKETS, 0x800000000)                                      \
    X(ISC_RET_EXPLICIT_SESSION, 0x1000000000)                                          \
    X(ASC_REQ_MESSAGES, 0x100000000)                                                   \
    X(ASC_REQ_EXPLICIT_SESSION, 0x1000000000)                                          \
    X(ASC_RET_MESSAGES, 0x100000000)                                                   \
    X(ASC_RET_REUSE_SESSION_TICKETS, 0x800000000)                                      \
    X(ASC_RET_EXPLICIT_SESSION, 0x1000000000)

/* X(type, size on Windows x64). */
#define HDR_SIZES_X64(X)                                                               \
    X(SecHandle, 16)                                                                   \
    X(CredHandle, 16)                                                                  \
    X(CtxtHandle, 16)                                                                  \
    X(TimeStamp, 8)                                                                    \
    X(SECURITY_INTEGER, 8)                                                             \
    X(SecBuffer, 16)                                                                   \
    X(SecBufferDesc, 16)                                                               \
    X(SecPkgInfoA, 32)                                                                 \
    X(SecPkgInfoW, 32)                                                                 \
    X(SEC_CHANNEL_BINDINGS, 32)                                                        \
    X(SEC_NEGOTIATION_INFO, 24)                                                        \
    X(SecPkgCredentials_NamesA, 8)                                                     \
    X(SecPkgCredentials_NamesW, 8)                                                     \
    X(SecPkgContext_Sizes, 16)                                                         \
    X(SecPkgContext_StreamSizes, 20)                                                   \
    X(SecPkgContext_NamesA, 8)                                                         \
    X(SecPkgContext_NamesW, 8)                                                         \
    X(SecPkgContext_NativeNamesW, 16)                                                  \
    X(SecPkgContext_Lifespan, 16)                                                      \
    X(SecPkgContext_SessionKey, 16)                                                    \
    X(SecPkgContext_KeyInfoA, 32)                                                      \
    X(SecPkgContext_KeyInfoW, 32)                                                      \
    X(SecPkgContext_PackageInfoW, 8)                                                   \
    X(SecPkgContext_NegotiationInfoA, 16)                                              \
    X(SecPkgContext_NegotiationInfoW, 16)                                              \
    X(SecPkgContext_Flags, 4)                                                          \
    X(SecPkgContext_DceInfo, 16)                                                       \
    X(SecPkgContext_Bindings, 16)                                                      \
    X(SecPkgContext_NegoKeys, 32)                                                      \
    X(SecPkgContext_CredentialNameW, 16)                                               \
    X(SecPkgContext_ApplicationProtocol, 264)                                          \
    X(SEC_WINNT_AUTH_IDENTITY_A, 48)                                                   \
    X(SEC_WINNT_AUTH_IDENTITY_W, 48)                                                   \
    X(SEC_WINNT_AUTH_IDENTITY_EXA, 72)                                                 \
    X(SEC_WINNT_AUTH_IDENTITY_EXW, 72)                                                 \
    X(SEC_WINNT_AUTH_IDENTITY_EX2, 48)                                                 \
    X(SecurityFunctionTableA, 256)                                                     \
    X(SecurityFunctionTableW, 256)

/* X(type, member, offset on Windows x64). */
#define HDR_OFFSETS_X64(X)                                                             \
    X(SecPkgInfoW, wRPCID, 6)                                                          \
    X(SecPkgInfoW, cbMaxToken, 8)                                                      \
    X(SecPkgInfoW, Name, 16)                                                           \
    X(SecPkgInfoW, Comment, 24)                                                        \
    X(SecBuffer, BufferType, 4)                                                        \
    X(SecBuffer, pvBuffer, 8)                                                          \
    X(SecBufferDesc, pBuffers, 8)                                                      \
    X(SEC_WINNT_AUTH_IDENTITY_W, UserLength, 8)                                        \
    X(SEC_WINNT_AUTH_IDENTITY_W, Domain, 16)                                           \
    X(SEC_WINNT_AUTH_IDENTITY_W, Password, 32)                                         \
    X(SEC_WINNT_AUTH_IDENTITY_W, PasswordLength, 40)                                   \
    X(SEC_WINNT_AUTH_IDENTITY_W, Flags, 44)                                            \
    X(SEC_WINNT_AUTH_IDENTITY_EXW, User, 8)                                            \
    X(SEC_WINNT_AUTH_IDENTITY_EXW, Flags, 52)                                          \
    X(SEC_WINNT_AUTH_IDENTITY_EXW, PackageList, 56)                                    \
    X(SEC_WINNT_AUTH_IDENTITY_EXW, PackageListLength, 64)                              \
    X(SEC_WINNT_AUTH_IDENTITY_EX2, cbStructureLength, 8)                               \
    X(SEC_WINNT_AUTH_IDENTITY_EX2, Flags, 36)                                          \
    X(SEC_WINNT_AUTH_IDENTITY_EX2, PackageListLength, 44)                              \
    X(SecPkgContext_NegoKeys, VerifyKeyType, 16)                                       \
    X(SecPkgContext_NegoKeys, VerifyKeyValue, 24)                                      \
    X(SecPkgContext_NegotiationInfoW, NegotiationState, 8)                             \
    X(SecPkgContext_KeyInfoW, KeySize, 16)                                             \
    X(SecPkgContext_KeyInfoW, EncryptAlgorithm, 24)                                    \
    X(SecurityFunctionTableA, EnumerateSecurityPackagesA, 8)                           \
    X(SecurityFunctionTableA, FreeCredentialsHandle, 32)                               \
    X(SecurityFunctionTableA, Reserved2, 40)                                           \
    X(SecurityFunctionTableA, InitializeSecurityContextA, 48)                          \
    X(SecurityFunctionTableA, FreeContextBuffer, 128)                                  \
    X(SecurityFunctionTableA, Reserved3, 144)                                          \
    X(SecurityFunctionTableA, Reserved4, 152)                                          \
    X(SecurityFunctionTableA, Reserved8, 184)                                          \
    X(SecurityFunctionTableA, EncryptMessage, 200)                                     \
    X(SecurityFunctionTableA, DecryptMessage, 208)                                     \
    X(SecurityFunctionTableA, SetContextAttributesA, 216)                              \
    X(SecurityFunctionTableA, ChangeAccountPasswordA, 232)                             \
    X(SecurityFunctionTableA, QueryCredentialsAttributesExA, 248)                      \
    X(SecurityFunctionTableW, QuerySecurityPackageInfoW, 136)                          \
    X(SecurityFunctionTableW, AddCredentialsW, 176)                                    \
    X(SecurityFunctionTableW, QuerySecurityContextToken, 192)                          \
    X(SecurityFunctionTableW, SetCredentialsAttributesW, 224)                          \
    X(SecurityFunctionTableW, QueryContextAttributesExW, 240)                          \
    X(SecurityFunctionTableW, QueryCredentialsAttributesExW, 248)

/* X(function, pointer type of its function-table field). */
#define HDR_FUNCTIONS(X)                                                               \
    X(EnumerateSecurityPackagesA, ENUMERATE_SECURITY_PACKAGES_FN_A)                    \
    X(EnumerateSecurityPackagesW, ENUMERATE_SECURITY_PACKAGES_FN_W)                    \
    X(QuerySecurityPackageInfoA, QUERY_SECURITY_PACKAGE_INFO_FN_A)                     \
    X(QuerySecurityPackageInfoW, QUERY_SECURITY_PACKAGE_INFO_FN_W)                     \
    X(AcquireCredentialsHandleA, ACQUIRE_CREDENTIALS_HANDLE_FN_A)                      \
    X(AcquireCredentialsHandleW, ACQUIRE_CREDENTIALS_HANDLE_FN_W)                      \
    X(FreeCredentialsHandle, FREE_CREDENTIALS_HANDLE_FN)                               \
    X(AddCredentialsA, ADD_CREDENTIALS_FN_A)                                           \
    X(AddCredentialsW, ADD_CREDENTIALS_FN_W)                                           \
    X(QueryCredentialsAttributesA, QUERY_CREDENTIALS_ATTRIBUTES_FN_A)                  \
    X(QueryCredentialsAttributesW, QUERY_CREDENTIALS_ATTRIBUTES_FN_W)                  \
    X(QueryCredentialsAttributesExA, QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_A)             \
    X(QueryCredentialsAttributesExW, QUERY_CREDENTIALS_ATTRIBUTES_EX_FN_W)             \
    X(SetCredentialsAttributesA, SET_CREDENTIALS_ATTRIBUTES_FN_A)                      \
    X(SetCredentialsAttributesW, SET_CREDENTIALS_ATTRIBUTES_FN_W)                      \
    X(InitializeSecurityContextA, INITIALIZE_SECURITY_CONTEXT_FN_A)                    \
    X(InitializeSecurityContextW, INITIALIZE_SECURITY_CONTEXT_FN_W)                    \
    X(AcceptSecurityContext, ACCEPT_SECURITY_CONTEXT_FN)                               \
    X(CompleteAuthToken, COMPLETE_AUTH_TOKEN_FN)                                       \
    X(ApplyControlToken, APPLY_CONTROL_TOKEN_FN)                                       \
    X(DeleteSecurityContext, DELETE_SECURITY_CONTEXT_FN)                               \
    X(QueryContextAttributesA, QUERY_CONTEXT_ATTRIBUTES_FN_A)                          \
    X(QueryContextAttributesW, QUERY_CONTEXT_ATTRIBUTES_FN_W)                          \
    X(QueryContextAttributesExA, QUERY_CONTEXT_ATTRIBUTES_EX_FN_A)                     \
    X(QueryContextAttributesExW, QUERY_CONTEXT_ATTRIBUTES_EX_FN_W)                     \
    X(SetContextAttributesA, SET_CONTEXT_ATTRIBUTES_FN_A)                              \
    X(SetContextAttributesW, SET_CONTEXT_ATTRIBUTES_FN_W)                              \
    X(ImpersonateSecurityContext, IMPERSONATE_SECURITY_CONTEXT_FN)                     \
    X(RevertSecurityContext, REVERT_SECURITY_CONTEXT_FN)                               \
    X(QuerySecurityContextToken, QUERY_SECURITY_CONTEXT_TOKEN_FN)                      \
    X(MakeSignature, MAKE_SIGNATURE_FN)                                                \
    X(VerifySignature, VERIFY_SIGNATURE_FN)                                            \
    X(EncryptMessage, ENCRYPT_MESSAGE_FN)                                              \
    X(DecryptMessage, DECRYPT_MESSAGE_FN)                                              \
    X(FreeContextBuffer, FREE_CONTEXT_BUFFER_FN)                                       \
    X(ExportSecurityContext, EXPORT_SECURITY_CONTEXT_FN)                               \
    X(ImportSecurityContextA, IMPORT_SECURITY_CONTEXT_FN_A)                            \
    X(ImportSecurityContextW, IMPORT_SECURITY_CONTEXT_FN_W)                            \
    X(ChangeAccountPasswordA, CHANGE_PASSWORD_FN_A)                                    \
    X(ChangeAccountPasswordW, CHANGE_PASSWORD_FN_W)                                    \
    X(InitSecurityInterfaceA, INIT_SECURITY_INTERFACE_A)                               \
    X(InitSecurityInterfaceW, INIT_SECURITY_INTERFACE_W)

#endif /* HDR_EXPECT_H */
