/* What every exported SSPI function does on its way out: record a failure as the thread's
 * last error (with the GSS status the call saw) and write the trace line. */
#ifndef SSPIBRIDGE_CALL_H
#define SSPIBRIDGE_CALL_H

#include <sspi.h>
#include <stdint.h>

/* Notes the GSS status behind a failure about to be returned; its text is kept for
 * sspibridge_last_error. mech may be NULL (a gss_OID, passed untyped so callers outside
 * bridge/gss files need no GSSAPI header). */
void call_note_gss(uint32_t major, uint32_t minor, const void *mech);
/* Notes the bridge's own reason for a failure (printf-style). */
void call_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Records status for function and traces it; returns status unchanged. */
SECURITY_STATUS call_finish(const char *function, SECURITY_STATUS status);

#define CALL_RETURN(status) return call_finish(__func__, (status))

#endif
