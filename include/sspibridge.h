/* sspibridge's own extensions to the SSPI API: version, backend, the calling thread's last
 * error with the GSSAPI status behind it, and tracing. Never needs GSSAPI headers. */
#ifndef SSPIBRIDGE_H
#define SSPIBRIDGE_H

#include <sspi.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SSPIBRIDGE_MESSAGE_MAX 1024

/* What the last failing SSPI call on this thread knew. GssMajor/GssMinor are 0 when the
 * failure did not come from GSSAPI (a bad handle, a bad buffer). Message holds
 * gss_display_status text for both codes, or the bridge's own explanation. */
typedef struct SSPIBRIDGE_LAST_ERROR {
    SECURITY_STATUS Status;
    ULONG GssMajor;
    ULONG GssMinor;
    char Function[64];
    char Message[SSPIBRIDGE_MESSAGE_MAX];
} SSPIBRIDGE_LAST_ERROR;

/* Library version, e.g. "0.1.0". */
const char *sspibridge_version(void);
/* GSSAPI backend the library was built against: "mit" or "heimdal". */
const char *sspibridge_backend(void);
/* Copies the calling thread's last failure into *out. Like GetLastError, a later success
 * does not clear it. Returns 1 when the thread has had a failure, 0 otherwise (*out then
 * has Status SEC_E_OK and an empty message). */
int sspibridge_last_error(SSPIBRIDGE_LAST_ERROR *out);
/* Symbolic name of a status ("SEC_E_LOGON_DENIED"), "unknown" for codes not in sspi.h. */
const char *sspibridge_status_name(SECURITY_STATUS status);
/* Sends the call trace to "stderr", to a file path (appended), or turns it off (NULL or "").
 * The environment variable SSPIBRIDGE_TRACE sets the same at first use. Returns 0, or -1
 * when the file cannot be opened (the trace is then off). */
int sspibridge_set_trace(const char *destination);

#ifdef __cplusplus
}
#endif

#endif
